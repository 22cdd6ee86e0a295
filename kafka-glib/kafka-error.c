/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-enum-types.h"
#include "kafka-error-private.h"
#include "kafka-error.h"

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

/* Answered from the registered KafkaError type, which lists librdkafka's
 * codes (checked against librdkafka's own table by
 * tests/unit/test-error-codes.c): a code it does not know is
 * KAFKA_ERROR_UNKNOWN. */
KafkaError
kafka_error_from_rd (rd_kafka_resp_err_t err)
{
  /* whether each code from RD_KAFKA_RESP_ERR__BEGIN up is a KafkaError */
  static guint8 *known;

  if (g_once_init_enter (&known))
    {
      guint8 *table = g_new0 (guint8, RD_KAFKA_RESP_ERR_END_ALL - RD_KAFKA_RESP_ERR__BEGIN);
      GEnumClass *klass = g_type_class_ref (KAFKA_TYPE_ERROR);

      for (guint i = 0; i < klass->n_values; i++)
        {
          int code = klass->values[i].value;

          if (!KAFKA_ERROR_IS_OWN (code) &&
              code > RD_KAFKA_RESP_ERR__BEGIN && code < RD_KAFKA_RESP_ERR_END_ALL)
            table[code - RD_KAFKA_RESP_ERR__BEGIN] = 1;
        }
      g_type_class_unref (klass);
      g_once_init_leave (&known, table);
    }

  if (err > RD_KAFKA_RESP_ERR__BEGIN && err < RD_KAFKA_RESP_ERR_END_ALL &&
      known[err - RD_KAFKA_RESP_ERR__BEGIN])
    return (KafkaError) err;
  return KAFKA_ERROR_UNKNOWN;
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

/* The one door from librdkafka's error codes to GError: every error
 * kafka-glib makes from a librdkafka code or error object is built here. */
static GError *
error_new (rd_kafka_resp_err_t  err,
           const char          *text,
           const char          *context)
{
  if (text == NULL || text[0] == '\0')
    text = rd_kafka_err2str (err);
  if (context == NULL)
    return g_error_new_literal (KAFKA_ERROR, kafka_error_from_rd (err), text);
  return g_error_new (KAFKA_ERROR, kafka_error_from_rd (err), "%s: %s", context, text);
}

GError *
kafka_error_new_rd (rd_kafka_resp_err_t  err,
                    const char          *text,
                    const char          *format,
                    ...)
{
  g_autofree char *context = NULL;
  va_list args;

  va_start (args, format);
  context = g_strdup_vprintf (format, args);
  va_end (args);

  return error_new (err, text, context);
}

GError *
kafka_error_new_rd_text (rd_kafka_resp_err_t  err,
                         const char          *text)
{
  return error_new (err, text, NULL);
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

  g_propagate_error (error, error_new (err, NULL, context));
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
      error = error_new (err, text, context);
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
