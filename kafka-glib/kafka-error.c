/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-error-private.h"

/**
 * SECTION:kafka-error
 * @Title: Errors
 * @Short_description: the %KAFKA_ERROR domain and the questions it answers
 *
 * Every runtime failure of kafka-glib is a #GError in the %KAFKA_ERROR
 * domain, whose code is a #KafkaError. The message keeps librdkafka's own
 * text and says which call, key or topic it concerns.
 *
 * kafka_error_is_retriable(), kafka_error_is_fatal() and
 * kafka_error_txn_requires_abort() answer the questions that
 * confluent-kafka-python's `KafkaError.retriable()`, `.fatal()` and
 * `.txn_requires_abort()` answer. They look only at the domain and the code, so
 * they give the same answer for an error that went through a language binding
 * and back (PyGObject, for one, rebuilds a #GError from its domain, code and
 * message).
 */

/**
 * SECTION:kafka-enum-types
 * @Title: Enumeration types
 * @Short_description: the #GType of each enumeration and flags type
 *
 * Every enumeration and flags type of kafka-glib (#KafkaError and
 * #KafkaPurgeFlags among them) is registered with the type system, so it can
 * be held in a #GValue, be the type of a property or a signal argument, and
 * be seen by language bindings. Its #GType is `KAFKA_TYPE_` followed by the
 * type name in capitals: `KAFKA_TYPE_PURGE_FLAGS`, say.
 */

/**
 * kafka_error_quark:
 *
 * The error domain of kafka-glib; use %KAFKA_ERROR rather than calling this.
 *
 * Returns: the #GQuark of the %KAFKA_ERROR domain
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (kafka-error-quark, kafka_error)

KafkaError
kafka_error_from_rd (rd_kafka_resp_err_t err)
{
  switch ((int) err)
    {
    case RD_KAFKA_RESP_ERR__BAD_MSG:
    case RD_KAFKA_RESP_ERR__BAD_COMPRESSION:
    case RD_KAFKA_RESP_ERR__DESTROY:
    case RD_KAFKA_RESP_ERR__FAIL:
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE:
    case RD_KAFKA_RESP_ERR__RESOLVE:
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
    case RD_KAFKA_RESP_ERR__PARTITION_EOF:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
    case RD_KAFKA_RESP_ERR__FS:
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
    case RD_KAFKA_RESP_ERR__INVALID_ARG:
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:
    case RD_KAFKA_RESP_ERR__ISR_INSUFF:
    case RD_KAFKA_RESP_ERR__NODE_UPDATE:
    case RD_KAFKA_RESP_ERR__SSL:
    case RD_KAFKA_RESP_ERR__WAIT_COORD:
    case RD_KAFKA_RESP_ERR__UNKNOWN_GROUP:
    case RD_KAFKA_RESP_ERR__IN_PROGRESS:
    case RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR__EXISTING_SUBSCRIPTION:
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
    case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
    case RD_KAFKA_RESP_ERR__CONFLICT:
    case RD_KAFKA_RESP_ERR__STATE:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL:
    case RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED:
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR__NO_OFFSET:
    case RD_KAFKA_RESP_ERR__OUTDATED:
    case RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE:
    case RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE:
    case RD_KAFKA_RESP_ERR__WAIT_CACHE:
    case RD_KAFKA_RESP_ERR__INTR:
    case RD_KAFKA_RESP_ERR__KEY_SERIALIZATION:
    case RD_KAFKA_RESP_ERR__VALUE_SERIALIZATION:
    case RD_KAFKA_RESP_ERR__KEY_DESERIALIZATION:
    case RD_KAFKA_RESP_ERR__VALUE_DESERIALIZATION:
    case RD_KAFKA_RESP_ERR__PARTIAL:
    case RD_KAFKA_RESP_ERR__READ_ONLY:
    case RD_KAFKA_RESP_ERR__NOENT:
    case RD_KAFKA_RESP_ERR__UNDERFLOW:
    case RD_KAFKA_RESP_ERR__INVALID_TYPE:
    case RD_KAFKA_RESP_ERR__RETRY:
    case RD_KAFKA_RESP_ERR__PURGE_QUEUE:
    case RD_KAFKA_RESP_ERR__PURGE_INFLIGHT:
    case RD_KAFKA_RESP_ERR__FATAL:
    case RD_KAFKA_RESP_ERR__INCONSISTENT:
    case RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE:
    case RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED:
    case RD_KAFKA_RESP_ERR__UNKNOWN_BROKER:
    case RD_KAFKA_RESP_ERR__NOT_CONFIGURED:
    case RD_KAFKA_RESP_ERR__FENCED:
    case RD_KAFKA_RESP_ERR__APPLICATION:
    case RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST:
    case RD_KAFKA_RESP_ERR__NOOP:
    case RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET:
    case RD_KAFKA_RESP_ERR_UNKNOWN:
    case RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE:
    case RD_KAFKA_RESP_ERR_INVALID_MSG:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
    case RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_STALE_CTRL_EPOCH:
    case RD_KAFKA_RESP_ERR_OFFSET_METADATA_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION:
    case RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_NOT_COORDINATOR:
    case RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION:
    case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS:
    case RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case RD_KAFKA_RESP_ERR_INVALID_REQUIRED_ACKS:
    case RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION:
    case RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL:
    case RD_KAFKA_RESP_ERR_INVALID_GROUP_ID:
    case RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID:
    case RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT:
    case RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_INVALID_COMMIT_OFFSET_SIZE:
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM:
    case RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION:
    case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
    case RD_KAFKA_RESP_ERR_INVALID_PARTITIONS:
    case RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR:
    case RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT:
    case RD_KAFKA_RESP_ERR_INVALID_CONFIG:
    case RD_KAFKA_RESP_ERR_NOT_CONTROLLER:
    case RD_KAFKA_RESP_ERR_INVALID_REQUEST:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT:
    case RD_KAFKA_RESP_ERR_POLICY_VIOLATION:
    case RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER:
    case RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER:
    case RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH:
    case RD_KAFKA_RESP_ERR_INVALID_TXN_STATE:
    case RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING:
    case RD_KAFKA_RESP_ERR_INVALID_TRANSACTION_TIMEOUT:
    case RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS:
    case RD_KAFKA_RESP_ERR_TRANSACTION_COORDINATOR_FENCED:
    case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_SECURITY_DISABLED:
    case RD_KAFKA_RESP_ERR_OPERATION_NOT_ATTEMPTED:
    case RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR:
    case RD_KAFKA_RESP_ERR_LOG_DIR_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID:
    case RD_KAFKA_RESP_ERR_REASSIGNMENT_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTH_DISABLED:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_OWNER_MISMATCH:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_REQUEST_NOT_ALLOWED:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_DELEGATION_TOKEN_EXPIRED:
    case RD_KAFKA_RESP_ERR_INVALID_PRINCIPAL_TYPE:
    case RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP:
    case RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_INVALID_FETCH_SESSION_EPOCH:
    case RD_KAFKA_RESP_ERR_LISTENER_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_TOPIC_DELETION_DISABLED:
    case RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH:
    case RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH:
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_COMPRESSION_TYPE:
    case RD_KAFKA_RESP_ERR_STALE_BROKER_EPOCH:
    case RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED:
    case RD_KAFKA_RESP_ERR_PREFERRED_LEADER_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED:
    case RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID:
    case RD_KAFKA_RESP_ERR_ELIGIBLE_LEADERS_NOT_AVAILABLE:
    case RD_KAFKA_RESP_ERR_ELECTION_NOT_NEEDED:
    case RD_KAFKA_RESP_ERR_NO_REASSIGNMENT_IN_PROGRESS:
    case RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC:
    case RD_KAFKA_RESP_ERR_INVALID_RECORD:
    case RD_KAFKA_RESP_ERR_UNSTABLE_OFFSET_COMMIT:
    case RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED:
    case RD_KAFKA_RESP_ERR_PRODUCER_FENCED:
    case RD_KAFKA_RESP_ERR_RESOURCE_NOT_FOUND:
    case RD_KAFKA_RESP_ERR_DUPLICATE_RESOURCE:
    case RD_KAFKA_RESP_ERR_UNACCEPTABLE_CREDENTIAL:
    case RD_KAFKA_RESP_ERR_INCONSISTENT_VOTER_SET:
    case RD_KAFKA_RESP_ERR_INVALID_UPDATE_VERSION:
    case RD_KAFKA_RESP_ERR_FEATURE_UPDATE_FAILED:
    case RD_KAFKA_RESP_ERR_PRINCIPAL_DESERIALIZATION_FAILURE:
      return (KafkaError) err;
    default:
      return KAFKA_ERROR_UNKNOWN;
    }
}

/**
 * kafka_error_code_get_name:
 * @code: a #KafkaError
 *
 * Gets the symbolic name of @code, as librdkafka and confluent-kafka-python
 * spell it (`"_MSG_TIMED_OUT"`, `"NOT_LEADER_FOR_PARTITION"`).
 *
 * Returns: (transfer none): the name of @code
 *
 * Since: 1.0
 */
const char *
kafka_error_code_get_name (KafkaError code)
{
  if (code == KAFKA_ERROR_TXN_REQUIRES_ABORT)
    return "TXN_REQUIRES_ABORT";
  return rd_kafka_err2name ((rd_kafka_resp_err_t) code);
}

/**
 * kafka_error_code_get_description:
 * @code: a #KafkaError
 *
 * Gets a human-readable description of @code, in librdkafka's words.
 *
 * Returns: (transfer none): the description of @code
 *
 * Since: 1.0
 */
const char *
kafka_error_code_get_description (KafkaError code)
{
  if (code == KAFKA_ERROR_TXN_REQUIRES_ABORT)
    return "Transaction requires abort";
  return rd_kafka_err2str ((rd_kafka_resp_err_t) code);
}

/**
 * kafka_error_is_retriable:
 * @error: a #GError
 *
 * Tells whether the operation that failed with @error may succeed if it is
 * tried again, as confluent-kafka-python's `KafkaError.retriable()` does: the
 * Kafka protocol's retriable errors (no leader, request timed out, not enough
 * replicas, coordinator loading…) and the client's transient ones (transport
 * failure, timeout, a full local queue).
 *
 * Returns: %TRUE if @error is a retriable %KAFKA_ERROR
 *
 * Since: 1.0
 */
gboolean
kafka_error_is_retriable (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != KAFKA_ERROR)
    return FALSE;

  switch ((KafkaError) error->code)
    {
    /* the client's transient conditions */
    case KAFKA_ERROR_TRANSPORT:
    case KAFKA_ERROR_TIMED_OUT:
    case KAFKA_ERROR_MSG_TIMED_OUT:
    case KAFKA_ERROR_TIMED_OUT_QUEUE:
    case KAFKA_ERROR_QUEUE_FULL:
    case KAFKA_ERROR_ALL_BROKERS_DOWN:
    case KAFKA_ERROR_WAIT_COORD:
    case KAFKA_ERROR_RETRY:
    case KAFKA_ERROR_LEADER_NOT_AVAILABLE:
    case KAFKA_ERROR_NOT_LEADER_FOR_PARTITION:
    /* the protocol's RetriableException family */
    case KAFKA_ERROR_INVALID_MSG:
    case KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART:
    case KAFKA_ERROR_REQUEST_TIMED_OUT:
    case KAFKA_ERROR_NETWORK_EXCEPTION:
    case KAFKA_ERROR_COORDINATOR_LOAD_IN_PROGRESS:
    case KAFKA_ERROR_COORDINATOR_NOT_AVAILABLE:
    case KAFKA_ERROR_NOT_COORDINATOR:
    case KAFKA_ERROR_NOT_ENOUGH_REPLICAS:
    case KAFKA_ERROR_NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case KAFKA_ERROR_NOT_CONTROLLER:
    case KAFKA_ERROR_KAFKA_STORAGE_ERROR:
    case KAFKA_ERROR_CONCURRENT_TRANSACTIONS:
    case KAFKA_ERROR_FETCH_SESSION_ID_NOT_FOUND:
    case KAFKA_ERROR_INVALID_FETCH_SESSION_EPOCH:
    case KAFKA_ERROR_LISTENER_NOT_FOUND:
    case KAFKA_ERROR_FENCED_LEADER_EPOCH:
    case KAFKA_ERROR_UNKNOWN_LEADER_EPOCH:
    case KAFKA_ERROR_OFFSET_NOT_AVAILABLE:
    case KAFKA_ERROR_PREFERRED_LEADER_NOT_AVAILABLE:
    case KAFKA_ERROR_ELIGIBLE_LEADERS_NOT_AVAILABLE:
    case KAFKA_ERROR_UNSTABLE_OFFSET_COMMIT:
    case KAFKA_ERROR_THROTTLING_QUOTA_EXCEEDED:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * kafka_error_is_fatal:
 * @error: a #GError
 *
 * Tells whether @error is fatal: the client that raised it can no longer
 * produce or consume and must be disposed of and created anew (an idempotent
 * or transactional producer that lost its guarantees, say). librdkafka raises
 * fatal errors with their own code, %KAFKA_ERROR_FATAL; the message names the
 * underlying error.
 *
 * Returns: %TRUE if @error is a fatal %KAFKA_ERROR
 *
 * Since: 1.0
 */
gboolean
kafka_error_is_fatal (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return error->domain == KAFKA_ERROR && error->code == KAFKA_ERROR_FATAL;
}

/**
 * kafka_error_txn_requires_abort:
 * @error: a #GError
 *
 * Tells whether @error came from a transaction that must be aborted before the
 * producer can begin a new one (confluent-kafka-python's
 * `KafkaError.txn_requires_abort()`).
 *
 * Returns: %TRUE if @error has the code %KAFKA_ERROR_TXN_REQUIRES_ABORT
 *
 * Since: 1.0
 */
gboolean
kafka_error_txn_requires_abort (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return error->domain == KAFKA_ERROR &&
         error->code == KAFKA_ERROR_TXN_REQUIRES_ABORT;
}

void
kafka_set_error (GError             **error,
                 rd_kafka_resp_err_t  err,
                 const char          *format,
                 ...)
{
  g_autofree char *context = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  context = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KAFKA_ERROR, kafka_error_from_rd (err),
               "%s: %s", context, rd_kafka_err2str (err));
}

GError *
kafka_error_new_literal (rd_kafka_resp_err_t  err,
                         const char          *message)
{
  return g_error_new_literal (KAFKA_ERROR, kafka_error_from_rd (err),
                              message ? message : rd_kafka_err2str (err));
}

GError *
kafka_error_new_from_rd_error (rd_kafka_error_t *rderror,
                               const char       *context)
{
  rd_kafka_resp_err_t err = rd_kafka_error_code (rderror);
  const char *name = rd_kafka_error_name (rderror);
  const char *text = rd_kafka_error_string (rderror);
  GError *error;

  if (rd_kafka_error_is_fatal (rderror))
    error = g_error_new (KAFKA_ERROR, KAFKA_ERROR_FATAL,
                         "%s: fatal error (%s): %s; the client cannot be used "
                         "any more: dispose of it and create a new one",
                         context, name, text);
  else if (rd_kafka_error_txn_requires_abort (rderror))
    error = g_error_new (KAFKA_ERROR, KAFKA_ERROR_TXN_REQUIRES_ABORT,
                         "%s: %s (%s); abort the transaction before beginning "
                         "a new one", context, text, name);
  else
    {
      error = g_error_new (KAFKA_ERROR, kafka_error_from_rd (err),
                           "%s: %s", context, text);
      if (rd_kafka_error_is_retriable (rderror) && !kafka_error_is_retriable (error))
        {
          /* librdkafka flags some codes retriable that are not retriable
           * in general (_STATE, _CONFLICT…): the code says it instead */
          g_clear_error (&error);
          error = g_error_new (KAFKA_ERROR, KAFKA_ERROR_RETRY,
                               "%s: %s (%s); the call may be retried",
                               context, text, name);
        }
    }

  rd_kafka_error_destroy (rderror);
  return error;
}
