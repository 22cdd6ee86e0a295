/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>

G_BEGIN_DECLS

/**
 * KAFKA_ERROR:
 *
 * The error domain of kafka-glib. Errors in this domain have codes from
 * #KafkaError.
 *
 * Since: 1.0
 */
#define KAFKA_ERROR (kafka_error_quark ())

/**
 * KafkaError:
 * @KAFKA_ERROR_BAD_MSG: Bad message format (librdkafka local error -199, `RD_KAFKA_RESP_ERR__BAD_MSG`)
 * @KAFKA_ERROR_BAD_COMPRESSION: Invalid compressed data (librdkafka local error -198, `RD_KAFKA_RESP_ERR__BAD_COMPRESSION`)
 * @KAFKA_ERROR_DESTROY: Broker handle destroyed (librdkafka local error -197, `RD_KAFKA_RESP_ERR__DESTROY`)
 * @KAFKA_ERROR_FAIL: Communication failure with broker (librdkafka local error -196, `RD_KAFKA_RESP_ERR__FAIL`)
 * @KAFKA_ERROR_TRANSPORT: Broker transport failure (librdkafka local error -195, `RD_KAFKA_RESP_ERR__TRANSPORT`)
 * @KAFKA_ERROR_CRIT_SYS_RESOURCE: Critical system resource failure (librdkafka local error -194, `RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE`)
 * @KAFKA_ERROR_RESOLVE: Host resolution failure (librdkafka local error -193, `RD_KAFKA_RESP_ERR__RESOLVE`)
 * @KAFKA_ERROR_MSG_TIMED_OUT: Message timed out (librdkafka local error -192, `RD_KAFKA_RESP_ERR__MSG_TIMED_OUT`)
 * @KAFKA_ERROR_PARTITION_EOF: No more messages (librdkafka local error -191, `RD_KAFKA_RESP_ERR__PARTITION_EOF`)
 * @KAFKA_ERROR_UNKNOWN_PARTITION: Unknown partition (librdkafka local error -190, `RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION`)
 * @KAFKA_ERROR_FS: File or filesystem error (librdkafka local error -189, `RD_KAFKA_RESP_ERR__FS`)
 * @KAFKA_ERROR_UNKNOWN_TOPIC: Unknown topic (librdkafka local error -188, `RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC`)
 * @KAFKA_ERROR_ALL_BROKERS_DOWN: All broker connections are down (librdkafka local error -187, `RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN`)
 * @KAFKA_ERROR_INVALID_ARG: Invalid argument or configuration (librdkafka local error -186, `RD_KAFKA_RESP_ERR__INVALID_ARG`)
 * @KAFKA_ERROR_TIMED_OUT: Timed out (librdkafka local error -185, `RD_KAFKA_RESP_ERR__TIMED_OUT`)
 * @KAFKA_ERROR_QUEUE_FULL: Queue full (librdkafka local error -184, `RD_KAFKA_RESP_ERR__QUEUE_FULL`)
 * @KAFKA_ERROR_ISR_INSUFF: ISR count insufficient (librdkafka local error -183, `RD_KAFKA_RESP_ERR__ISR_INSUFF`)
 * @KAFKA_ERROR_NODE_UPDATE: Broker node update (librdkafka local error -182, `RD_KAFKA_RESP_ERR__NODE_UPDATE`)
 * @KAFKA_ERROR_SSL: SSL error (librdkafka local error -181, `RD_KAFKA_RESP_ERR__SSL`)
 * @KAFKA_ERROR_WAIT_COORD: Waiting for coordinator (librdkafka local error -180, `RD_KAFKA_RESP_ERR__WAIT_COORD`)
 * @KAFKA_ERROR_UNKNOWN_GROUP: Unknown group (librdkafka local error -179, `RD_KAFKA_RESP_ERR__UNKNOWN_GROUP`)
 * @KAFKA_ERROR_IN_PROGRESS: Operation in progress (librdkafka local error -178, `RD_KAFKA_RESP_ERR__IN_PROGRESS`)
 * @KAFKA_ERROR_PREV_IN_PROGRESS: Previous operation in progress (librdkafka local error -177, `RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS`)
 * @KAFKA_ERROR_EXISTING_SUBSCRIPTION: Existing subscription (librdkafka local error -176, `RD_KAFKA_RESP_ERR__EXISTING_SUBSCRIPTION`)
 * @KAFKA_ERROR_ASSIGN_PARTITIONS: Assign partitions (librdkafka local error -175, `RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS`)
 * @KAFKA_ERROR_REVOKE_PARTITIONS: Revoke partitions (librdkafka local error -174, `RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS`)
 * @KAFKA_ERROR_CONFLICT: Conflicting use (librdkafka local error -173, `RD_KAFKA_RESP_ERR__CONFLICT`)
 * @KAFKA_ERROR_STATE: Erroneous state (librdkafka local error -172, `RD_KAFKA_RESP_ERR__STATE`)
 * @KAFKA_ERROR_UNKNOWN_PROTOCOL: Unknown protocol (librdkafka local error -171, `RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL`)
 * @KAFKA_ERROR_NOT_IMPLEMENTED: Not implemented (librdkafka local error -170, `RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED`)
 * @KAFKA_ERROR_AUTHENTICATION: Authentication failure (librdkafka local error -169, `RD_KAFKA_RESP_ERR__AUTHENTICATION`)
 * @KAFKA_ERROR_NO_OFFSET: No offset stored (librdkafka local error -168, `RD_KAFKA_RESP_ERR__NO_OFFSET`)
 * @KAFKA_ERROR_OUTDATED: Outdated (librdkafka local error -167, `RD_KAFKA_RESP_ERR__OUTDATED`)
 * @KAFKA_ERROR_TIMED_OUT_QUEUE: Timed out in queue (librdkafka local error -166, `RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE`)
 * @KAFKA_ERROR_UNSUPPORTED_FEATURE: Required feature not supported by broker (librdkafka local error -165, `RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE`)
 * @KAFKA_ERROR_WAIT_CACHE: Awaiting cache update (librdkafka local error -164, `RD_KAFKA_RESP_ERR__WAIT_CACHE`)
 * @KAFKA_ERROR_INTR: Operation interrupted (librdkafka local error -163, `RD_KAFKA_RESP_ERR__INTR`)
 * @KAFKA_ERROR_KEY_SERIALIZATION: Key serialization error (librdkafka local error -162, `RD_KAFKA_RESP_ERR__KEY_SERIALIZATION`)
 * @KAFKA_ERROR_VALUE_SERIALIZATION: Value serialization error (librdkafka local error -161, `RD_KAFKA_RESP_ERR__VALUE_SERIALIZATION`)
 * @KAFKA_ERROR_KEY_DESERIALIZATION: Key deserialization error (librdkafka local error -160, `RD_KAFKA_RESP_ERR__KEY_DESERIALIZATION`)
 * @KAFKA_ERROR_VALUE_DESERIALIZATION: Value deserialization error (librdkafka local error -159, `RD_KAFKA_RESP_ERR__VALUE_DESERIALIZATION`)
 * @KAFKA_ERROR_PARTIAL: Partial response (librdkafka local error -158, `RD_KAFKA_RESP_ERR__PARTIAL`)
 * @KAFKA_ERROR_READ_ONLY: Read-only object (librdkafka local error -157, `RD_KAFKA_RESP_ERR__READ_ONLY`)
 * @KAFKA_ERROR_NOENT: No such entry (librdkafka local error -156, `RD_KAFKA_RESP_ERR__NOENT`)
 * @KAFKA_ERROR_UNDERFLOW: Read underflow (librdkafka local error -155, `RD_KAFKA_RESP_ERR__UNDERFLOW`)
 * @KAFKA_ERROR_INVALID_TYPE: Invalid type (librdkafka local error -154, `RD_KAFKA_RESP_ERR__INVALID_TYPE`)
 * @KAFKA_ERROR_RETRY: Retry operation (librdkafka local error -153, `RD_KAFKA_RESP_ERR__RETRY`)
 * @KAFKA_ERROR_PURGE_QUEUE: Purged in queue (librdkafka local error -152, `RD_KAFKA_RESP_ERR__PURGE_QUEUE`)
 * @KAFKA_ERROR_PURGE_INFLIGHT: Purged in flight (librdkafka local error -151, `RD_KAFKA_RESP_ERR__PURGE_INFLIGHT`)
 * @KAFKA_ERROR_FATAL: Fatal error (librdkafka local error -150, `RD_KAFKA_RESP_ERR__FATAL`)
 * @KAFKA_ERROR_INCONSISTENT: Inconsistent state (librdkafka local error -149, `RD_KAFKA_RESP_ERR__INCONSISTENT`)
 * @KAFKA_ERROR_GAPLESS_GUARANTEE: Gap-less ordering would not be guaranteed if proceeding (librdkafka local error -148, `RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE`)
 * @KAFKA_ERROR_MAX_POLL_EXCEEDED: Maximum application poll interval (max.poll.interval.ms) exceeded (librdkafka local error -147, `RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED`)
 * @KAFKA_ERROR_UNKNOWN_BROKER: Unknown broker (librdkafka local error -146, `RD_KAFKA_RESP_ERR__UNKNOWN_BROKER`)
 * @KAFKA_ERROR_NOT_CONFIGURED: Functionality not configured (librdkafka local error -145, `RD_KAFKA_RESP_ERR__NOT_CONFIGURED`)
 * @KAFKA_ERROR_FENCED: This instance has been fenced by a newer instance (librdkafka local error -144, `RD_KAFKA_RESP_ERR__FENCED`)
 * @KAFKA_ERROR_APPLICATION: Application generated error (librdkafka local error -143, `RD_KAFKA_RESP_ERR__APPLICATION`)
 * @KAFKA_ERROR_ASSIGNMENT_LOST: Group partition assignment lost (librdkafka local error -142, `RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST`)
 * @KAFKA_ERROR_NOOP: No operation performed (librdkafka local error -141, `RD_KAFKA_RESP_ERR__NOOP`)
 * @KAFKA_ERROR_AUTO_OFFSET_RESET: No offset to automatically reset to (librdkafka local error -140, `RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET`)
 * @KAFKA_ERROR_UNKNOWN: Unknown broker error (Kafka broker error -1, `RD_KAFKA_RESP_ERR_UNKNOWN`)
 * @KAFKA_ERROR_OFFSET_OUT_OF_RANGE: Offset out of range (Kafka broker error 1, `RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE`)
 * @KAFKA_ERROR_INVALID_MSG: Invalid message (Kafka broker error 2, `RD_KAFKA_RESP_ERR_INVALID_MSG`)
 * @KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART: Unknown topic or partition (Kafka broker error 3, `RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART`)
 * @KAFKA_ERROR_INVALID_MSG_SIZE: Invalid message size (Kafka broker error 4, `RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE`)
 * @KAFKA_ERROR_LEADER_NOT_AVAILABLE: Leader not available (Kafka broker error 5, `RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE`)
 * @KAFKA_ERROR_NOT_LEADER_FOR_PARTITION: Not leader for partition (Kafka broker error 6, `RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION`)
 * @KAFKA_ERROR_REQUEST_TIMED_OUT: Request timed out (Kafka broker error 7, `RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT`)
 * @KAFKA_ERROR_BROKER_NOT_AVAILABLE: Broker not available (Kafka broker error 8, `RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE`)
 * @KAFKA_ERROR_REPLICA_NOT_AVAILABLE: Replica not available (Kafka broker error 9, `RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE`)
 * @KAFKA_ERROR_MSG_SIZE_TOO_LARGE: Message size too large (Kafka broker error 10, `RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE`)
 * @KAFKA_ERROR_STALE_CTRL_EPOCH: StaleControllerEpochCode (Kafka broker error 11, `RD_KAFKA_RESP_ERR_STALE_CTRL_EPOCH`)
 * @KAFKA_ERROR_OFFSET_METADATA_TOO_LARGE: Offset metadata string too large (Kafka broker error 12, `RD_KAFKA_RESP_ERR_OFFSET_METADATA_TOO_LARGE`)
 * @KAFKA_ERROR_NETWORK_EXCEPTION: Broker disconnected before response received (Kafka broker error 13, `RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION`)
 * @KAFKA_ERROR_COORDINATOR_LOAD_IN_PROGRESS: Coordinator load in progress (Kafka broker error 14, `RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS`)
 * @KAFKA_ERROR_COORDINATOR_NOT_AVAILABLE: Coordinator not available (Kafka broker error 15, `RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE`)
 * @KAFKA_ERROR_NOT_COORDINATOR: Not coordinator (Kafka broker error 16, `RD_KAFKA_RESP_ERR_NOT_COORDINATOR`)
 * @KAFKA_ERROR_TOPIC_EXCEPTION: Invalid topic (Kafka broker error 17, `RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION`)
 * @KAFKA_ERROR_RECORD_LIST_TOO_LARGE: Message batch larger than configured server segment size (Kafka broker error 18, `RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE`)
 * @KAFKA_ERROR_NOT_ENOUGH_REPLICAS: Not enough in-sync replicas (Kafka broker error 19, `RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS`)
 * @KAFKA_ERROR_NOT_ENOUGH_REPLICAS_AFTER_APPEND: Message(s) written to insufficient number of in-sync replicas (Kafka broker error 20, `RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND`)
 * @KAFKA_ERROR_INVALID_REQUIRED_ACKS: Invalid required acks value (Kafka broker error 21, `RD_KAFKA_RESP_ERR_INVALID_REQUIRED_ACKS`)
 * @KAFKA_ERROR_ILLEGAL_GENERATION: Specified group generation id is not valid (Kafka broker error 22, `RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION`)
 * @KAFKA_ERROR_INCONSISTENT_GROUP_PROTOCOL: Inconsistent group protocol (Kafka broker error 23, `RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL`)
 * @KAFKA_ERROR_INVALID_GROUP_ID: Invalid group.id (Kafka broker error 24, `RD_KAFKA_RESP_ERR_INVALID_GROUP_ID`)
 * @KAFKA_ERROR_UNKNOWN_MEMBER_ID: Unknown member (Kafka broker error 25, `RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID`)
 * @KAFKA_ERROR_INVALID_SESSION_TIMEOUT: Invalid session timeout (Kafka broker error 26, `RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT`)
 * @KAFKA_ERROR_REBALANCE_IN_PROGRESS: Group rebalance in progress (Kafka broker error 27, `RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS`)
 * @KAFKA_ERROR_INVALID_COMMIT_OFFSET_SIZE: Commit offset data size is not valid (Kafka broker error 28, `RD_KAFKA_RESP_ERR_INVALID_COMMIT_OFFSET_SIZE`)
 * @KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED: Topic authorization failed (Kafka broker error 29, `RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED`)
 * @KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED: Group authorization failed (Kafka broker error 30, `RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED`)
 * @KAFKA_ERROR_CLUSTER_AUTHORIZATION_FAILED: Cluster authorization failed (Kafka broker error 31, `RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED`)
 * @KAFKA_ERROR_INVALID_TIMESTAMP: Invalid timestamp (Kafka broker error 32, `RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP`)
 * @KAFKA_ERROR_UNSUPPORTED_SASL_MECHANISM: Unsupported SASL mechanism (Kafka broker error 33, `RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM`)
 * @KAFKA_ERROR_ILLEGAL_SASL_STATE: Request not valid in current SASL state (Kafka broker error 34, `RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE`)
 * @KAFKA_ERROR_UNSUPPORTED_VERSION: API version not supported (Kafka broker error 35, `RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION`)
 * @KAFKA_ERROR_TOPIC_ALREADY_EXISTS: Topic already exists (Kafka broker error 36, `RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS`)
 * @KAFKA_ERROR_INVALID_PARTITIONS: Invalid number of partitions (Kafka broker error 37, `RD_KAFKA_RESP_ERR_INVALID_PARTITIONS`)
 * @KAFKA_ERROR_INVALID_REPLICATION_FACTOR: Invalid replication factor (Kafka broker error 38, `RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR`)
 * @KAFKA_ERROR_INVALID_REPLICA_ASSIGNMENT: Invalid replica assignment (Kafka broker error 39, `RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT`)
 * @KAFKA_ERROR_INVALID_CONFIG: Configuration is invalid (Kafka broker error 40, `RD_KAFKA_RESP_ERR_INVALID_CONFIG`)
 * @KAFKA_ERROR_NOT_CONTROLLER: Not controller for cluster (Kafka broker error 41, `RD_KAFKA_RESP_ERR_NOT_CONTROLLER`)
 * @KAFKA_ERROR_INVALID_REQUEST: Invalid request (Kafka broker error 42, `RD_KAFKA_RESP_ERR_INVALID_REQUEST`)
 * @KAFKA_ERROR_UNSUPPORTED_FOR_MESSAGE_FORMAT: Message format on broker does not support request (Kafka broker error 43, `RD_KAFKA_RESP_ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT`)
 * @KAFKA_ERROR_POLICY_VIOLATION: Policy violation (Kafka broker error 44, `RD_KAFKA_RESP_ERR_POLICY_VIOLATION`)
 * @KAFKA_ERROR_OUT_OF_ORDER_SEQUENCE_NUMBER: Broker received an out of order sequence number (Kafka broker error 45, `RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER`)
 * @KAFKA_ERROR_DUPLICATE_SEQUENCE_NUMBER: Broker received a duplicate sequence number (Kafka broker error 46, `RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER`)
 * @KAFKA_ERROR_INVALID_PRODUCER_EPOCH: Producer attempted an operation with an old epoch (Kafka broker error 47, `RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH`)
 * @KAFKA_ERROR_INVALID_TXN_STATE: Producer attempted a transactional operation in an invalid state (Kafka broker error 48, `RD_KAFKA_RESP_ERR_INVALID_TXN_STATE`)
 * @KAFKA_ERROR_INVALID_PRODUCER_ID_MAPPING: Producer attempted to use a producer id which is not currently assigned to its transactional id (Kafka broker error 49, `RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING`)
 * @KAFKA_ERROR_INVALID_TRANSACTION_TIMEOUT: Transaction timeout is larger than the maximum value allowed by the broker's max.transaction.timeout.ms (Kafka broker error 50, `RD_KAFKA_RESP_ERR_INVALID_TRANSACTION_TIMEOUT`)
 * @KAFKA_ERROR_CONCURRENT_TRANSACTIONS: Producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing (Kafka broker error 51, `RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS`)
 * @KAFKA_ERROR_TRANSACTION_COORDINATOR_FENCED: Indicates that the transaction coordinator sending a WriteTxnMarker is no longer the current coordinator for a given producer (Kafka broker error 52, `RD_KAFKA_RESP_ERR_TRANSACTION_COORDINATOR_FENCED`)
 * @KAFKA_ERROR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED: Transactional Id authorization failed (Kafka broker error 53, `RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED`)
 * @KAFKA_ERROR_SECURITY_DISABLED: Security features are disabled (Kafka broker error 54, `RD_KAFKA_RESP_ERR_SECURITY_DISABLED`)
 * @KAFKA_ERROR_OPERATION_NOT_ATTEMPTED: Operation not attempted (Kafka broker error 55, `RD_KAFKA_RESP_ERR_OPERATION_NOT_ATTEMPTED`)
 * @KAFKA_ERROR_KAFKA_STORAGE_ERROR: Disk error when trying to access log file on disk (Kafka broker error 56, `RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR`)
 * @KAFKA_ERROR_LOG_DIR_NOT_FOUND: The user-specified log directory is not found in the broker config (Kafka broker error 57, `RD_KAFKA_RESP_ERR_LOG_DIR_NOT_FOUND`)
 * @KAFKA_ERROR_SASL_AUTHENTICATION_FAILED: SASL Authentication failed (Kafka broker error 58, `RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED`)
 * @KAFKA_ERROR_UNKNOWN_PRODUCER_ID: Unknown Producer Id (Kafka broker error 59, `RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID`)
 * @KAFKA_ERROR_REASSIGNMENT_IN_PROGRESS: Partition reassignment is in progress (Kafka broker error 60, `RD_KAFKA_RESP_ERR_REASSIGNMENT_IN_PROGRESS`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_AUTH_DISABLED: Delegation Token feature is not enabled (Kafka broker error 61, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTH_DISABLED`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_NOT_FOUND: Delegation Token is not found on server (Kafka broker error 62, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_NOT_FOUND`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_OWNER_MISMATCH: Specified Principal is not valid Owner/Renewer (Kafka broker error 63, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_OWNER_MISMATCH`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED: Delegation Token requests are not allowed on this connection (Kafka broker error 64, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_AUTHORIZATION_FAILED: Delegation Token authorization failed (Kafka broker error 65, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTHORIZATION_FAILED`)
 * @KAFKA_ERROR_DELEGATION_TOKEN_EXPIRED: Delegation Token is expired (Kafka broker error 66, `RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_EXPIRED`)
 * @KAFKA_ERROR_INVALID_PRINCIPAL_TYPE: Supplied principalType is not supported (Kafka broker error 67, `RD_KAFKA_RESP_ERR_INVALID_PRINCIPAL_TYPE`)
 * @KAFKA_ERROR_NON_EMPTY_GROUP: The group is not empty (Kafka broker error 68, `RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP`)
 * @KAFKA_ERROR_GROUP_ID_NOT_FOUND: The group id does not exist (Kafka broker error 69, `RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND`)
 * @KAFKA_ERROR_FETCH_SESSION_ID_NOT_FOUND: The fetch session ID was not found (Kafka broker error 70, `RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND`)
 * @KAFKA_ERROR_INVALID_FETCH_SESSION_EPOCH: The fetch session epoch is invalid (Kafka broker error 71, `RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH`)
 * @KAFKA_ERROR_LISTENER_NOT_FOUND: No matching listener (Kafka broker error 72, `RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND`)
 * @KAFKA_ERROR_TOPIC_DELETION_DISABLED: Topic deletion is disabled (Kafka broker error 73, `RD_KAFKA_RESP_ERR_TOPIC_DELETION_DISABLED`)
 * @KAFKA_ERROR_FENCED_LEADER_EPOCH: Leader epoch is older than broker epoch (Kafka broker error 74, `RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH`)
 * @KAFKA_ERROR_UNKNOWN_LEADER_EPOCH: Leader epoch is newer than broker epoch (Kafka broker error 75, `RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH`)
 * @KAFKA_ERROR_UNSUPPORTED_COMPRESSION_TYPE: Unsupported compression type (Kafka broker error 76, `RD_KAFKA_RESP_ERR_UNSUPPORTED_COMPRESSION_TYPE`)
 * @KAFKA_ERROR_STALE_BROKER_EPOCH: Broker epoch has changed (Kafka broker error 77, `RD_KAFKA_RESP_ERR_STALE_BROKER_EPOCH`)
 * @KAFKA_ERROR_OFFSET_NOT_AVAILABLE: Leader high watermark is not caught up (Kafka broker error 78, `RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE`)
 * @KAFKA_ERROR_MEMBER_ID_REQUIRED: Group member needs a valid member ID (Kafka broker error 79, `RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED`)
 * @KAFKA_ERROR_PREFERRED_LEADER_NOT_AVAILABLE: Preferred leader was not available (Kafka broker error 80, `RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE`)
 * @KAFKA_ERROR_GROUP_MAX_SIZE_REACHED: Consumer group has reached maximum size (Kafka broker error 81, `RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED`)
 * @KAFKA_ERROR_FENCED_INSTANCE_ID: Static consumer fenced by other consumer with same group.instance.id (Kafka broker error 82, `RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID`)
 * @KAFKA_ERROR_ELIGIBLE_LEADERS_NOT_AVAILABLE: Eligible partition leaders are not available (Kafka broker error 83, `RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE`)
 * @KAFKA_ERROR_ELECTION_NOT_NEEDED: Leader election not needed for topic partition (Kafka broker error 84, `RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED`)
 * @KAFKA_ERROR_NO_REASSIGNMENT_IN_PROGRESS: No partition reassignment is in progress (Kafka broker error 85, `RD_KAFKA_RESP_ERR_NO_REASSIGNMENT_IN_PROGRESS`)
 * @KAFKA_ERROR_GROUP_SUBSCRIBED_TO_TOPIC: Deleting offsets of a topic while the consumer group is subscribed to it (Kafka broker error 86, `RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC`)
 * @KAFKA_ERROR_INVALID_RECORD: Broker failed to validate record (Kafka broker error 87, `RD_KAFKA_RESP_ERR_INVALID_RECORD`)
 * @KAFKA_ERROR_UNSTABLE_OFFSET_COMMIT: There are unstable offsets that need to be cleared (Kafka broker error 88, `RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT`)
 * @KAFKA_ERROR_THROTTLING_QUOTA_EXCEEDED: Throttling quota has been exceeded (Kafka broker error 89, `RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED`)
 * @KAFKA_ERROR_PRODUCER_FENCED: There is a newer producer with the same transactionalId which fences the current one (Kafka broker error 90, `RD_KAFKA_RESP_ERR_PRODUCER_FENCED`)
 * @KAFKA_ERROR_RESOURCE_NOT_FOUND: Request illegally referred to resource that does not exist (Kafka broker error 91, `RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND`)
 * @KAFKA_ERROR_DUPLICATE_RESOURCE: Request illegally referred to the same resource twice (Kafka broker error 92, `RD_KAFKA_RESP_ERR_DUPLICATE_RESOURCE`)
 * @KAFKA_ERROR_UNACCEPTABLE_CREDENTIAL: Requested credential would not meet criteria for acceptability (Kafka broker error 93, `RD_KAFKA_RESP_ERR_UNACCEPTABLE_CREDENTIAL`)
 * @KAFKA_ERROR_INCONSISTENT_VOTER_SET: Indicates that the either the sender or recipient of a voter-only request is not one of the expected voters (Kafka broker error 94, `RD_KAFKA_RESP_ERR_INCONSISTENT_VOTER_SET`)
 * @KAFKA_ERROR_INVALID_UPDATE_VERSION: Invalid update version (Kafka broker error 95, `RD_KAFKA_RESP_ERR_INVALID_UPDATE_VERSION`)
 * @KAFKA_ERROR_FEATURE_UPDATE_FAILED: Unable to update finalized features due to server error (Kafka broker error 96, `RD_KAFKA_RESP_ERR_FEATURE_UPDATE_FAILED`)
 * @KAFKA_ERROR_PRINCIPAL_DESERIALIZATION_FAILURE: Request principal deserialization failed during forwarding (Kafka broker error 97, `RD_KAFKA_RESP_ERR_PRINCIPAL_DESERIALIZATION_FAILURE`)
 * @KAFKA_ERROR_TXN_REQUIRES_ABORT: kafka-glib's own code: a transactional
 *   producer hit an error that requires aborting the transaction
 *   before the producer can be used again; the message names the underlying
 *   librdkafka error. (librdkafka carries this as a flag on the error, which
 *   would not survive a trip through a language binding; a code does.)
 *
 * Error codes of the %KAFKA_ERROR domain. Their numeric values are
 * librdkafka's own codes, so that a code read in librdkafka's or Kafka's
 * documentation means the same here: negative codes are raised by the client
 * itself ("local" errors, written with a leading underscore in
 * confluent-kafka-python, as in `KafkaError._MSG_TIMED_OUT`), positive ones
 * come from the Kafka protocol. A code that a newer librdkafka reports and this
 * version does not know is reported as %KAFKA_ERROR_UNKNOWN, with
 * librdkafka's text kept in the message.
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_ERROR_BAD_MSG = -199,
  KAFKA_ERROR_BAD_COMPRESSION = -198,
  KAFKA_ERROR_DESTROY = -197,
  KAFKA_ERROR_FAIL = -196,
  KAFKA_ERROR_TRANSPORT = -195,
  KAFKA_ERROR_CRIT_SYS_RESOURCE = -194,
  KAFKA_ERROR_RESOLVE = -193,
  KAFKA_ERROR_MSG_TIMED_OUT = -192,
  KAFKA_ERROR_PARTITION_EOF = -191,
  KAFKA_ERROR_UNKNOWN_PARTITION = -190,
  KAFKA_ERROR_FS = -189,
  KAFKA_ERROR_UNKNOWN_TOPIC = -188,
  KAFKA_ERROR_ALL_BROKERS_DOWN = -187,
  KAFKA_ERROR_INVALID_ARG = -186,
  KAFKA_ERROR_TIMED_OUT = -185,
  KAFKA_ERROR_QUEUE_FULL = -184,
  KAFKA_ERROR_ISR_INSUFF = -183,
  KAFKA_ERROR_NODE_UPDATE = -182,
  KAFKA_ERROR_SSL = -181,
  KAFKA_ERROR_WAIT_COORD = -180,
  KAFKA_ERROR_UNKNOWN_GROUP = -179,
  KAFKA_ERROR_IN_PROGRESS = -178,
  KAFKA_ERROR_PREV_IN_PROGRESS = -177,
  KAFKA_ERROR_EXISTING_SUBSCRIPTION = -176,
  KAFKA_ERROR_ASSIGN_PARTITIONS = -175,
  KAFKA_ERROR_REVOKE_PARTITIONS = -174,
  KAFKA_ERROR_CONFLICT = -173,
  KAFKA_ERROR_STATE = -172,
  KAFKA_ERROR_UNKNOWN_PROTOCOL = -171,
  KAFKA_ERROR_NOT_IMPLEMENTED = -170,
  KAFKA_ERROR_AUTHENTICATION = -169,
  KAFKA_ERROR_NO_OFFSET = -168,
  KAFKA_ERROR_OUTDATED = -167,
  KAFKA_ERROR_TIMED_OUT_QUEUE = -166,
  KAFKA_ERROR_UNSUPPORTED_FEATURE = -165,
  KAFKA_ERROR_WAIT_CACHE = -164,
  KAFKA_ERROR_INTR = -163,
  KAFKA_ERROR_KEY_SERIALIZATION = -162,
  KAFKA_ERROR_VALUE_SERIALIZATION = -161,
  KAFKA_ERROR_KEY_DESERIALIZATION = -160,
  KAFKA_ERROR_VALUE_DESERIALIZATION = -159,
  KAFKA_ERROR_PARTIAL = -158,
  KAFKA_ERROR_READ_ONLY = -157,
  KAFKA_ERROR_NOENT = -156,
  KAFKA_ERROR_UNDERFLOW = -155,
  KAFKA_ERROR_INVALID_TYPE = -154,
  KAFKA_ERROR_RETRY = -153,
  KAFKA_ERROR_PURGE_QUEUE = -152,
  KAFKA_ERROR_PURGE_INFLIGHT = -151,
  KAFKA_ERROR_FATAL = -150,
  KAFKA_ERROR_INCONSISTENT = -149,
  KAFKA_ERROR_GAPLESS_GUARANTEE = -148,
  KAFKA_ERROR_MAX_POLL_EXCEEDED = -147,
  KAFKA_ERROR_UNKNOWN_BROKER = -146,
  KAFKA_ERROR_NOT_CONFIGURED = -145,
  KAFKA_ERROR_FENCED = -144,
  KAFKA_ERROR_APPLICATION = -143,
  KAFKA_ERROR_ASSIGNMENT_LOST = -142,
  KAFKA_ERROR_NOOP = -141,
  KAFKA_ERROR_AUTO_OFFSET_RESET = -140,
  KAFKA_ERROR_TXN_REQUIRES_ABORT = -99,
  KAFKA_ERROR_UNKNOWN = -1,
  KAFKA_ERROR_OFFSET_OUT_OF_RANGE = 1,
  KAFKA_ERROR_INVALID_MSG = 2,
  KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART = 3,
  KAFKA_ERROR_INVALID_MSG_SIZE = 4,
  KAFKA_ERROR_LEADER_NOT_AVAILABLE = 5,
  KAFKA_ERROR_NOT_LEADER_FOR_PARTITION = 6,
  KAFKA_ERROR_REQUEST_TIMED_OUT = 7,
  KAFKA_ERROR_BROKER_NOT_AVAILABLE = 8,
  KAFKA_ERROR_REPLICA_NOT_AVAILABLE = 9,
  KAFKA_ERROR_MSG_SIZE_TOO_LARGE = 10,
  KAFKA_ERROR_STALE_CTRL_EPOCH = 11,
  KAFKA_ERROR_OFFSET_METADATA_TOO_LARGE = 12,
  KAFKA_ERROR_NETWORK_EXCEPTION = 13,
  KAFKA_ERROR_COORDINATOR_LOAD_IN_PROGRESS = 14,
  KAFKA_ERROR_COORDINATOR_NOT_AVAILABLE = 15,
  KAFKA_ERROR_NOT_COORDINATOR = 16,
  KAFKA_ERROR_TOPIC_EXCEPTION = 17,
  KAFKA_ERROR_RECORD_LIST_TOO_LARGE = 18,
  KAFKA_ERROR_NOT_ENOUGH_REPLICAS = 19,
  KAFKA_ERROR_NOT_ENOUGH_REPLICAS_AFTER_APPEND = 20,
  KAFKA_ERROR_INVALID_REQUIRED_ACKS = 21,
  KAFKA_ERROR_ILLEGAL_GENERATION = 22,
  KAFKA_ERROR_INCONSISTENT_GROUP_PROTOCOL = 23,
  KAFKA_ERROR_INVALID_GROUP_ID = 24,
  KAFKA_ERROR_UNKNOWN_MEMBER_ID = 25,
  KAFKA_ERROR_INVALID_SESSION_TIMEOUT = 26,
  KAFKA_ERROR_REBALANCE_IN_PROGRESS = 27,
  KAFKA_ERROR_INVALID_COMMIT_OFFSET_SIZE = 28,
  KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED = 29,
  KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED = 30,
  KAFKA_ERROR_CLUSTER_AUTHORIZATION_FAILED = 31,
  KAFKA_ERROR_INVALID_TIMESTAMP = 32,
  KAFKA_ERROR_UNSUPPORTED_SASL_MECHANISM = 33,
  KAFKA_ERROR_ILLEGAL_SASL_STATE = 34,
  KAFKA_ERROR_UNSUPPORTED_VERSION = 35,
  KAFKA_ERROR_TOPIC_ALREADY_EXISTS = 36,
  KAFKA_ERROR_INVALID_PARTITIONS = 37,
  KAFKA_ERROR_INVALID_REPLICATION_FACTOR = 38,
  KAFKA_ERROR_INVALID_REPLICA_ASSIGNMENT = 39,
  KAFKA_ERROR_INVALID_CONFIG = 40,
  KAFKA_ERROR_NOT_CONTROLLER = 41,
  KAFKA_ERROR_INVALID_REQUEST = 42,
  KAFKA_ERROR_UNSUPPORTED_FOR_MESSAGE_FORMAT = 43,
  KAFKA_ERROR_POLICY_VIOLATION = 44,
  KAFKA_ERROR_OUT_OF_ORDER_SEQUENCE_NUMBER = 45,
  KAFKA_ERROR_DUPLICATE_SEQUENCE_NUMBER = 46,
  KAFKA_ERROR_INVALID_PRODUCER_EPOCH = 47,
  KAFKA_ERROR_INVALID_TXN_STATE = 48,
  KAFKA_ERROR_INVALID_PRODUCER_ID_MAPPING = 49,
  KAFKA_ERROR_INVALID_TRANSACTION_TIMEOUT = 50,
  KAFKA_ERROR_CONCURRENT_TRANSACTIONS = 51,
  KAFKA_ERROR_TRANSACTION_COORDINATOR_FENCED = 52,
  KAFKA_ERROR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED = 53,
  KAFKA_ERROR_SECURITY_DISABLED = 54,
  KAFKA_ERROR_OPERATION_NOT_ATTEMPTED = 55,
  KAFKA_ERROR_KAFKA_STORAGE_ERROR = 56,
  KAFKA_ERROR_LOG_DIR_NOT_FOUND = 57,
  KAFKA_ERROR_SASL_AUTHENTICATION_FAILED = 58,
  KAFKA_ERROR_UNKNOWN_PRODUCER_ID = 59,
  KAFKA_ERROR_REASSIGNMENT_IN_PROGRESS = 60,
  KAFKA_ERROR_DELEGATION_TOKEN_AUTH_DISABLED = 61,
  KAFKA_ERROR_DELEGATION_TOKEN_NOT_FOUND = 62,
  KAFKA_ERROR_DELEGATION_TOKEN_OWNER_MISMATCH = 63,
  KAFKA_ERROR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED = 64,
  KAFKA_ERROR_DELEGATION_TOKEN_AUTHORIZATION_FAILED = 65,
  KAFKA_ERROR_DELEGATION_TOKEN_EXPIRED = 66,
  KAFKA_ERROR_INVALID_PRINCIPAL_TYPE = 67,
  KAFKA_ERROR_NON_EMPTY_GROUP = 68,
  KAFKA_ERROR_GROUP_ID_NOT_FOUND = 69,
  KAFKA_ERROR_FETCH_SESSION_ID_NOT_FOUND = 70,
  KAFKA_ERROR_INVALID_FETCH_SESSION_EPOCH = 71,
  KAFKA_ERROR_LISTENER_NOT_FOUND = 72,
  KAFKA_ERROR_TOPIC_DELETION_DISABLED = 73,
  KAFKA_ERROR_FENCED_LEADER_EPOCH = 74,
  KAFKA_ERROR_UNKNOWN_LEADER_EPOCH = 75,
  KAFKA_ERROR_UNSUPPORTED_COMPRESSION_TYPE = 76,
  KAFKA_ERROR_STALE_BROKER_EPOCH = 77,
  KAFKA_ERROR_OFFSET_NOT_AVAILABLE = 78,
  KAFKA_ERROR_MEMBER_ID_REQUIRED = 79,
  KAFKA_ERROR_PREFERRED_LEADER_NOT_AVAILABLE = 80,
  KAFKA_ERROR_GROUP_MAX_SIZE_REACHED = 81,
  KAFKA_ERROR_FENCED_INSTANCE_ID = 82,
  KAFKA_ERROR_ELIGIBLE_LEADERS_NOT_AVAILABLE = 83,
  KAFKA_ERROR_ELECTION_NOT_NEEDED = 84,
  KAFKA_ERROR_NO_REASSIGNMENT_IN_PROGRESS = 85,
  KAFKA_ERROR_GROUP_SUBSCRIBED_TO_TOPIC = 86,
  KAFKA_ERROR_INVALID_RECORD = 87,
  KAFKA_ERROR_UNSTABLE_OFFSET_COMMIT = 88,
  KAFKA_ERROR_THROTTLING_QUOTA_EXCEEDED = 89,
  KAFKA_ERROR_PRODUCER_FENCED = 90,
  KAFKA_ERROR_RESOURCE_NOT_FOUND = 91,
  KAFKA_ERROR_DUPLICATE_RESOURCE = 92,
  KAFKA_ERROR_UNACCEPTABLE_CREDENTIAL = 93,
  KAFKA_ERROR_INCONSISTENT_VOTER_SET = 94,
  KAFKA_ERROR_INVALID_UPDATE_VERSION = 95,
  KAFKA_ERROR_FEATURE_UPDATE_FAILED = 96,
  KAFKA_ERROR_PRINCIPAL_DESERIALIZATION_FAILURE = 97,
} KafkaError;

KAFKA_AVAILABLE_IN_1_0
GQuark       kafka_error_quark                  (void);

KAFKA_AVAILABLE_IN_1_0
const char  *kafka_error_code_get_name          (KafkaError code);
KAFKA_AVAILABLE_IN_1_0
const char  *kafka_error_code_get_description   (KafkaError code);

KAFKA_AVAILABLE_IN_1_0
gboolean     kafka_error_is_retriable           (const GError *error);
KAFKA_AVAILABLE_IN_1_0
gboolean     kafka_error_is_fatal               (const GError *error);
KAFKA_AVAILABLE_IN_1_0
gboolean     kafka_error_txn_requires_abort     (const GError *error);

G_END_DECLS
