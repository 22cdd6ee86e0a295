/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-error.h>

G_BEGIN_DECLS

/**
 * KafkaApiKey:
 * @KAFKA_API_KEY_PRODUCE: Produce requests
 * @KAFKA_API_KEY_FETCH: Fetch requests
 * @KAFKA_API_KEY_LIST_OFFSETS: ListOffsets requests
 * @KAFKA_API_KEY_METADATA: Metadata requests
 * @KAFKA_API_KEY_OFFSET_COMMIT: OffsetCommit requests
 * @KAFKA_API_KEY_OFFSET_FETCH: OffsetFetch requests
 * @KAFKA_API_KEY_FIND_COORDINATOR: FindCoordinator requests
 * @KAFKA_API_KEY_JOIN_GROUP: JoinGroup requests
 * @KAFKA_API_KEY_HEARTBEAT: Heartbeat requests
 * @KAFKA_API_KEY_LEAVE_GROUP: LeaveGroup requests
 * @KAFKA_API_KEY_SYNC_GROUP: SyncGroup requests
 * @KAFKA_API_KEY_API_VERSIONS: ApiVersions requests
 * @KAFKA_API_KEY_INIT_PRODUCER_ID: InitProducerId requests
 * @KAFKA_API_KEY_ADD_PARTITIONS_TO_TXN: AddPartitionsToTxn requests
 * @KAFKA_API_KEY_ADD_OFFSETS_TO_TXN: AddOffsetsToTxn requests
 * @KAFKA_API_KEY_END_TXN: EndTxn requests
 * @KAFKA_API_KEY_TXN_OFFSET_COMMIT: TxnOffsetCommit requests
 *
 * The Kafka protocol's request types (API keys) that
 * kafka_mock_cluster_push_request_errors() can fail.
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_API_KEY_PRODUCE = 0,
  KAFKA_API_KEY_FETCH = 1,
  KAFKA_API_KEY_LIST_OFFSETS = 2,
  KAFKA_API_KEY_METADATA = 3,
  KAFKA_API_KEY_OFFSET_COMMIT = 8,
  KAFKA_API_KEY_OFFSET_FETCH = 9,
  KAFKA_API_KEY_FIND_COORDINATOR = 10,
  KAFKA_API_KEY_JOIN_GROUP = 11,
  KAFKA_API_KEY_HEARTBEAT = 12,
  KAFKA_API_KEY_LEAVE_GROUP = 13,
  KAFKA_API_KEY_SYNC_GROUP = 14,
  KAFKA_API_KEY_API_VERSIONS = 18,
  KAFKA_API_KEY_INIT_PRODUCER_ID = 22,
  KAFKA_API_KEY_ADD_PARTITIONS_TO_TXN = 24,
  KAFKA_API_KEY_ADD_OFFSETS_TO_TXN = 25,
  KAFKA_API_KEY_END_TXN = 26,
  KAFKA_API_KEY_TXN_OFFSET_COMMIT = 28,
} KafkaApiKey;

/**
 * KAFKA_TYPE_MOCK_CLUSTER:
 *
 * The #GType of #KafkaMockCluster.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_MOCK_CLUSTER (kafka_mock_cluster_get_type ())

/**
 * KafkaMockCluster:
 *
 * An embedded Kafka cluster for tests and examples. The structure is
 * opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaMockCluster, kafka_mock_cluster, KAFKA, MOCK_CLUSTER, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaMockCluster *kafka_mock_cluster_new                   (guint              n_brokers,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
const char       *kafka_mock_cluster_get_bootstrap_servers (KafkaMockCluster  *self);
KAFKA_AVAILABLE_IN_1_0
guint             kafka_mock_cluster_get_n_brokers         (KafkaMockCluster  *self);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_create_topic          (KafkaMockCluster  *self,
                                                            const char        *topic,
                                                            int                partitions,
                                                            int                replication_factor,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_set_broker_down       (KafkaMockCluster  *self,
                                                            gint32             broker_id,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_set_broker_up         (KafkaMockCluster  *self,
                                                            gint32             broker_id,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_set_broker_rtt        (KafkaMockCluster  *self,
                                                            gint32             broker_id,
                                                            int                rtt_ms,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
void              kafka_mock_cluster_push_request_errors   (KafkaMockCluster  *self,
                                                            KafkaApiKey        api_key,
                                                            const KafkaError  *errors,
                                                            gsize              n_errors);
KAFKA_AVAILABLE_IN_1_0
void              kafka_mock_cluster_clear_request_errors  (KafkaMockCluster  *self,
                                                            KafkaApiKey        api_key);
KAFKA_AVAILABLE_IN_1_0
void              kafka_mock_cluster_set_topic_error       (KafkaMockCluster  *self,
                                                            const char        *topic,
                                                            KafkaError         code);
KAFKA_AVAILABLE_IN_1_0
void              kafka_mock_cluster_clear_topic_error     (KafkaMockCluster  *self,
                                                            const char        *topic);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_set_partition_leader  (KafkaMockCluster  *self,
                                                            const char        *topic,
                                                            gint32             partition,
                                                            gint32             broker_id,
                                                            GError           **error);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_mock_cluster_set_coordinator       (KafkaMockCluster  *self,
                                                            const char        *key_type,
                                                            const char        *key,
                                                            gint32             broker_id,
                                                            GError           **error);

G_END_DECLS
