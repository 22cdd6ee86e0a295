/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-client-private.h"
#include "kafka-error-private.h"
#include "kafka-headers-private.h"
#include "kafka-message-batch-private.h"
#include "kafka-message-private.h"
#include "kafka-producer-private.h"
#include "kafka-topic-partition-private.h"

/**
 * SECTION:kafka-producer
 * @Title: KafkaProducer
 * @Short_description: sends messages to Kafka
 *
 * A #KafkaProducer sends messages to topics and reports, for each one, whether
 * it was stored, through the #KafkaProducer::delivery signal. It follows
 * confluent-kafka-python's `Producer`, with signals in place of callbacks.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GHashTable) config = g_hash_table_new (g_str_hash, g_str_equal);
 * g_hash_table_insert (config, "bootstrap.servers", "127.0.0.1:9092");
 * g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
 * g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery), NULL);
 * kafka_producer_produce (producer, "events", KAFKA_PARTITION_UA,
 *                         NULL, 0, (const guint8 *) "hello", 5,
 *                         NULL, 0, &error);
 * ]|
 *
 * # Delivery reports
 *
 * #KafkaProducer::delivery is emitted once for every message produced, on the
 * main context that was the thread-default one when the producer was
 * created, while a #GMainLoop runs it: nothing needs to call
 * kafka_producer_poll(). A program without a main loop calls
 * kafka_producer_poll() or kafka_producer_flush() instead, which emit the
 * signals on the calling thread. Unlike confluent-kafka-python's, the
 * reported message carries its headers.
 *
 * # Disposing of a producer
 *
 * Disposing of a producer with messages not yet delivered purges them: they
 * may or may not have reached the broker, and no #KafkaProducer::delivery
 * signal is emitted for them. Call kafka_producer_flush() first to wait for
 * them.
 *
 * # Threads
 *
 * kafka_producer_produce() may be called from any thread.
 * kafka_producer_poll() and kafka_producer_flush() emit signals on the calling
 * thread and belong on the thread that runs the producer's main context.
 *
 * # Transactions
 *
 * A producer configured with a `transactional.id` sends messages only inside
 * a transaction: kafka_producer_begin_transaction(), then produce (and
 * optionally kafka_producer_send_offsets_to_transaction() to commit a
 * consumer's offsets with it), then kafka_producer_commit_transaction() or
 * kafka_producer_abort_transaction(). A consumer with
 * `isolation.level=read_committed` (the default) sees the messages of
 * committed transactions only.
 *
 * Each call fails with a #GError whose code says what to do next, as the
 * flags of confluent-kafka-python's `KafkaError` do:
 * kafka_error_txn_requires_abort() (%KAFKA_ERROR_TXN_REQUIRES_ABORT): abort
 * the transaction and begin a new one; kafka_error_is_retriable(): the same
 * call may be made again (a %KAFKA_ERROR_TIMED_OUT commit, say, resumes
 * where it was); kafka_error_is_fatal() (%KAFKA_ERROR_FATAL): dispose of the
 * producer. The message names librdkafka's underlying error. Treat any other
 * error as fatal.
 *
 * Committing and aborting wait until every message of the transaction has
 * its #KafkaProducer::delivery signal: the blocking forms emit the signals
 * on the calling thread as kafka_producer_flush() does, the async forms need
 * the producer's main context to be running.
 */

struct _KafkaProducer
{
  KafkaClient parent_instance;

  /* topic handles by name, so produce resolves a topic without librdkafka's
   * own lookup; each handle's opaque is its name, shared with the messages
   * of its delivery reports */
  GMutex      topics_lock;
  GHashTable *topics;
  TopicEntry *last_topic;

  /* messages queued whose delivery report was not emitted yet (atomic):
   * what flush waits for, and what len() says. Decremented once a report's
   * signals were emitted (a flush on another thread returns only then), and
   * unaffected by the log, stats and error events that rd_kafka_outq_len()
   * also counts. */
  gint        undelivered;
  /* of those, the reports whose signals the dispatching thread is emitting
   * now (nested dispatches add up): a flush() from a delivery handler does
   * not wait for them. Only touched with the producer's context acquired. */
  gint        emitting;

  /* produce_async() calls not yet reported, and flush_async() calls waiting */
  gint        pending_deliveries;  /* atomic */
  GList      *flush_waiters;
};

/* The opaque of a message produced with produce_async(): its task, until
 * the report or a cancellation returns it (whichever comes first). */
typedef struct {
  GTask  *task;
  gulong  cancel_id;
  gint    returned;  /* atomic */
} PendingDelivery;

typedef struct {
  KafkaWait      wait;
  KafkaProducer *self;
} FlushWaiter;

enum {
  SIGNAL_DELIVERY,
  SIGNAL_DELIVERY_BATCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void kafka_producer_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaProducer, kafka_producer, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_producer_initable_iface_init))

static void
topic_entry_free (gpointer data)
{
  TopicEntry *entry = data;

  rd_kafka_topic_destroy (entry->rkt);
  g_ref_string_release (entry->name);
  g_free (entry);
}

static void producer_check_flush_waiters (KafkaProducer *self);

/* Returns the task of a produce_async() call, if nobody did yet. */
static gboolean
pending_claim (PendingDelivery *pending)
{
  return g_atomic_int_compare_and_exchange (&pending->returned, FALSE, TRUE);
}

static void
pending_free (PendingDelivery *pending)
{
  if (pending->cancel_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (pending->task), pending->cancel_id);
  g_object_unref (pending->task);
  g_free (pending);
}

static void
pending_cancelled (GCancellable    *cancellable,
                   PendingDelivery *pending)
{
  /* the message is still sent: only the wait stops */
  if (pending_claim (pending))
    g_task_return_error_if_cancelled (pending->task);
}

static void
pending_report (KafkaProducer   *self,
                PendingDelivery *pending,
                KafkaMessage    *message)
{
  const GError *error = kafka_message_get_error (message);

  if (pending_claim (pending))
    {
      if (error != NULL)
        g_task_return_error (pending->task, g_error_copy (error));
      else
        g_task_return_pointer (pending->task, g_object_ref (message), g_object_unref);
    }
  g_atomic_int_add (&self->pending_deliveries, -1);
  pending_free (pending);
}

static int
producer_handle_event (KafkaClient      *client,
                       rd_kafka_event_t *event)
{
  KafkaProducer *self = KAFKA_PRODUCER (client);
  const rd_kafka_message_t *stack[64];
  g_autofree const rd_kafka_message_t **heap = NULL;
  const rd_kafka_message_t **rkms = stack;
  KafkaMessage *message = NULL;
  gboolean emit, emit_batch;
  size_t count, n;

  if (rd_kafka_event_type (event) != RD_KAFKA_EVENT_DR)
    return 0;

  count = rd_kafka_event_message_count (event);
  self->emitting += (gint) count;
  emit = g_signal_has_handler_pending (self, signals[SIGNAL_DELIVERY], 0, FALSE);
  emit_batch = g_signal_has_handler_pending (self, signals[SIGNAL_DELIVERY_BATCH], 0, FALSE);

  /* no handler and no task: no objects at all */
  if (!emit && !emit_batch && g_atomic_int_get (&self->pending_deliveries) == 0)
    goto out;

  if (count > G_N_ELEMENTS (stack))
    rkms = heap = g_new (const rd_kafka_message_t *, count);
  n = rd_kafka_event_message_array (event, rkms, count);

  for (size_t i = 0; i < n; i++)
    {
      PendingDelivery *pending = kafka_message_opaque_get_pending (rkms[i]->_private);
      GRefString *topic;

      if (!emit && pending == NULL)
        continue;
      /* One message object serves the reports that nobody keeps; it
       * borrows the report's message, whose key, value and headers are
       * copied only if asked for, or if the object is kept. */
      topic = kafka_topic_get_name (rkms[i]->rkt);
      if (message == NULL || !kafka_message_reuse_delivery (message, rkms[i], topic))
        {
          kafka_message_release (message);
          message = kafka_message_new_delivery (rkms[i], topic);
        }
      if (pending != NULL)
        pending_report (self, pending, message);
      if (emit && !kafka_client_should_stop (client))
        g_signal_emit (self, signals[SIGNAL_DELIVERY], 0, message);
    }
  /* before the event goes: a message kept copies what it borrowed */
  g_clear_pointer (&message, kafka_message_release);

  if (emit_batch && n > 0 && !kafka_client_should_stop (client))
    {
      g_autoptr(KafkaMessageBatch) batch = kafka_message_batch_new_delivered (rkms, (guint) n);

      g_signal_emit (self, signals[SIGNAL_DELIVERY_BATCH], 0, batch);
      /* the messages go with the event: a batch kept by a handler copies them */
      kafka_message_batch_detach (batch);
    }

out:
  self->emitting -= (gint) count;
  g_atomic_int_add (&self->undelivered, -(gint) count);
  if (self->flush_waiters != NULL)
    producer_check_flush_waiters (self);

  return (int) count;
}

static void
producer_shutdown (KafkaClient *client)
{
  KafkaProducer *self = KAFKA_PRODUCER (client);

  rd_kafka_t *rk = kafka_client_get_handle (client);
  rd_kafka_queue_t *queue = kafka_client_get_main_queue (client);
  rd_kafka_event_t *event;

  rd_kafka_purge (rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);

  /* A produce_async() task keeps the producer alive, so what is left here
   * is the opaque of calls whose wait was cancelled: free it. */
  while ((event = rd_kafka_queue_poll (queue, 0)) != NULL)
    {
      const rd_kafka_message_t *rkm;

      if (rd_kafka_event_type (event) == RD_KAFKA_EVENT_DR)
        while ((rkm = rd_kafka_event_message_next (event)) != NULL)
          {
            PendingDelivery *pending = kafka_message_opaque_get_pending (rkm->_private);

            /* g_object_run_dispose() may come with tasks still waiting */
            if (pending != NULL && pending_claim (pending))
              g_task_return_new_error (pending->task, KAFKA_ERROR, KAFKA_ERROR_DESTROY,
                                       "The producer was disposed of before the "
                                       "message was delivered");
            if (pending != NULL)
              pending_free (pending);
          }
      rd_kafka_event_destroy (event);
    }

  g_mutex_lock (&self->topics_lock);
  self->last_topic = NULL;
  g_hash_table_remove_all (self->topics);
  g_mutex_unlock (&self->topics_lock);
}

static const KafkaClientHooks producer_hooks = {
  .events = RD_KAFKA_EVENT_DR,
  .handle_event = producer_handle_event,
  .shutdown = producer_shutdown,
};

static gboolean
kafka_producer_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return kafka_client_start (KAFKA_CLIENT (initable), RD_KAFKA_PRODUCER,
                             &producer_hooks, error);
}

static void
kafka_producer_initable_iface_init (GInitableIface *iface)
{
  iface->init = kafka_producer_initable_init;
}

static void
kafka_producer_finalize (GObject *object)
{
  KafkaProducer *self = KAFKA_PRODUCER (object);

  g_hash_table_unref (self->topics);
  g_mutex_clear (&self->topics_lock);

  G_OBJECT_CLASS (kafka_producer_parent_class)->finalize (object);
}

static void
kafka_producer_class_init (KafkaProducerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_producer_finalize;

  /**
   * KafkaProducer::delivery:
   * @self: the producer
   * @message: the message, as delivered: topic, partition, offset, timestamp,
   *   key, value and headers
   *
   * Emitted once for every message produced, when the broker acknowledged it
   * or delivery failed for good. kafka_message_get_error() tells which: a
   * failed message carries the reason (%KAFKA_ERROR_MSG_TIMED_OUT after
   * `message.timeout.ms`, %KAFKA_ERROR_PURGE_QUEUE after
   * kafka_producer_purge(), a broker error…).
   *
   * Reports are emitted in batches as they arrive, on the producer's main
   * context. A producer with no handler connected creates no #KafkaMessage
   * at all. A handler that keeps @message takes a reference: a message
   * object nothing else holds once the handlers returned is reused for the
   * next report, and key, value and headers are copied out of librdkafka's
   * report only if a handler asks for them or keeps the message.
   *
   * From GJS before 1.82, connect to #KafkaProducer::delivery-batch for
   * sustained traffic: such GJS refuses JavaScript callbacks during its
   * incremental garbage collections, which an object per report makes long,
   * and drops the reports (and the program's own idle and timeout callbacks)
   * that come meanwhile.
   *
   * Since: 1.0
   */
  signals[SIGNAL_DELIVERY] =
    g_signal_new ("delivery", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE);
  /* emitted per message: a marshaller that skips the GValues */
  g_signal_set_va_marshaller (signals[SIGNAL_DELIVERY], G_TYPE_FROM_CLASS (klass),
                              kafka_marshal_VOID__OBJECTv);

  /**
   * KafkaProducer::delivery-batch:
   * @self: the producer
   * @batch: the reported messages
   *
   * Emitted for every batch of delivery reports as it arrives, with all its
   * messages (success or failure, as kafka_message_batch_get_error_codes()
   * tells): the same outcomes as #KafkaProducer::delivery, one emission per
   * batch rather than one per message. This is what bindings connect to when
   * they produce fast; C code may use either, or both (then
   * #KafkaProducer::delivery comes first for each message of the batch).
   *
   * The batch reads librdkafka's reports in place, without a copy: a handler
   * may keep it, but that copies every message when the handler returns.
   *
   * Since: 1.0
   */
  signals[SIGNAL_DELIVERY_BATCH] =
    g_signal_new ("delivery-batch", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE_BATCH);
  g_signal_set_va_marshaller (signals[SIGNAL_DELIVERY_BATCH], G_TYPE_FROM_CLASS (klass),
                              kafka_marshal_VOID__OBJECTv);
}

static void
kafka_producer_init (KafkaProducer *self)
{
  g_mutex_init (&self->topics_lock);
  self->topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, topic_entry_free);
}

/**
 * kafka_producer_new:
 * @config: (element-type utf8 utf8): librdkafka configuration properties,
 *   such as `bootstrap.servers`, `linger.ms` or `enable.idempotence`
 * @error: return location for a #GError
 *
 * Creates a producer. Its signals are emitted on the thread-default main
 * context of the calling thread.
 *
 * Returns: (transfer full): a new #KafkaProducer, or %NULL with @error set
 *   (%KAFKA_ERROR_INVALID_ARG naming the property, for an unknown property or
 *   a bad value)
 *
 * Since: 1.0
 */
KafkaProducer *
kafka_producer_new (GHashTable  *config,
                    GError     **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KAFKA_TYPE_PRODUCER, NULL, error, "config", config, NULL);
}

/* Resolves a topic handle; NULL with @error set if librdkafka refuses the name. */
static TopicEntry *
producer_get_topic (KafkaProducer  *self,
                    const char     *topic,
                    GError        **error)
{
  TopicEntry *entry;

  g_mutex_lock (&self->topics_lock);

  entry = self->last_topic;
  if (entry == NULL || strcmp (entry->name, topic) != 0)
    {
      entry = g_hash_table_lookup (self->topics, topic);
      if (entry == NULL && !kafka_topic_name_check (topic, error))
        {
          g_mutex_unlock (&self->topics_lock);
          return NULL;
        }
      if (entry == NULL)
        {
          rd_kafka_t *rk = kafka_client_get_handle (KAFKA_CLIENT (self));
          /* a copy of the topic properties given with the client's config
           * (message.timeout.ms, acks…): a fresh topic conf would drop them */
          rd_kafka_topic_conf_t *tconf = rd_kafka_default_topic_conf_dup (rk);
          GRefString *name = g_ref_string_new (topic);
          rd_kafka_topic_t *rkt;

          kafka_topic_conf_set_name (tconf, name);
          rkt = rd_kafka_topic_new (rk, topic, tconf);
          if (rkt == NULL)
            {
              /* no rd_kafka_topic_conf_destroy (tconf): rd_kafka_topic_new()
               * frees the conf on failure too (a name above 512 bytes) */
              kafka_set_error (error, rd_kafka_last_error (),
                               "Invalid topic “%s”", topic);
              g_ref_string_release (name);
              g_mutex_unlock (&self->topics_lock);
              return NULL;
            }
          entry = g_new (TopicEntry, 1);
          entry->rkt = rkt;
          entry->name = name;
          g_hash_table_insert (self->topics, name, entry);
        }
      self->last_topic = entry;
    }

  g_mutex_unlock (&self->topics_lock);
  return entry;
}

static gboolean producer_produce (KafkaProducer    *self,
                                  const char       *topic,
                                  gint32            partition,
                                  const guint8     *key,
                                  gsize             key_len,
                                  const guint8     *value,
                                  gsize             value_len,
                                  KafkaHeaders     *headers,
                                  gint64            timestamp,
                                  PendingDelivery  *pending,
                                  GError          **error);

/**
 * kafka_producer_produce:
 * @self: a #KafkaProducer
 * @topic: the topic
 * @partition: the partition, or %KAFKA_PARTITION_UA (-1) to let the
 *   partitioner choose (by key hash, as librdkafka's `partitioner` says)
 * @key: (array length=key_len) (element-type guint8) (nullable): the key, or
 *   %NULL for none
 * @key_len: the length of @key in bytes
 * @value: (array length=value_len) (element-type guint8) (nullable): the
 *   value, or %NULL for a null value (a tombstone)
 * @value_len: the length of @value in bytes
 * @headers: (nullable): headers to send with the message, or %NULL
 * @timestamp: the message's timestamp in milliseconds since the Unix epoch,
 *   or 0 for now
 * @error: return location for a #GError
 *
 * Queues a message for sending. Key, value and headers are copied: the caller
 * keeps them. The outcome comes later, through the #KafkaProducer::delivery
 * signal, exactly once.
 *
 * This never waits. When the local queue is full
 * (`queue.buffering.max.messages` or `queue.buffering.max.kbytes`) it fails
 * with %KAFKA_ERROR_QUEUE_FULL, and nothing is queued: let the main loop run
 * (or call kafka_producer_poll()) so that delivery reports drain the queue,
 * then produce again.
 *
 * Returns: %TRUE if the message was queued, %FALSE with @error set:
 *   %KAFKA_ERROR_QUEUE_FULL, %KAFKA_ERROR_MSG_SIZE_TOO_LARGE for a message
 *   above `message.max.bytes`, %KAFKA_ERROR_UNKNOWN_PARTITION,
 *   %KAFKA_ERROR_INVALID_ARG for a bad topic or partition, %KAFKA_ERROR_FATAL
 *   after a fatal error, %KAFKA_ERROR_STATE for a transactional producer
 *   outside a transaction
 *
 * Since: 1.0
 */
gboolean
kafka_producer_produce (KafkaProducer  *self,
                        const char     *topic,
                        gint32          partition,
                        const guint8   *key,
                        gsize           key_len,
                        const guint8   *value,
                        gsize           value_len,
                        KafkaHeaders   *headers,
                        gint64          timestamp,
                        GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);
  g_return_val_if_fail (headers == NULL || KAFKA_IS_HEADERS (headers), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return producer_produce (self, topic, partition, key, key_len, value, value_len,
                           headers, timestamp, NULL, error);
}

TopicEntry *
kafka_producer_check_target (KafkaProducer  *self,
                             const char     *topic,
                             gint32          partition,
                             GError        **error)
{
  /* per message: no checked cast */
  if (!kafka_client_check_open ((KafkaClient *) self, error))
    return NULL;

  if (*topic == '\0')
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "The topic name is empty");
      return NULL;
    }
  if (partition < KAFKA_PARTITION_UA)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Invalid partition %d for topic “%s”: use -1 "
                   "(KAFKA_PARTITION_UA) to let the partitioner choose",
                   (int) partition, topic);
      return NULL;
    }

  return producer_get_topic (self, topic, error);
}

rd_kafka_resp_err_t
kafka_producer_send (KafkaProducer       *self,
                     TopicEntry          *entry,
                     gint32               partition,
                     const guint8        *key,
                     gsize                key_len,
                     const guint8        *value,
                     gsize                value_len,
                     rd_kafka_headers_t  *hdrs,
                     gint64               timestamp,
                     void                *opaque)
{
  rd_kafka_resp_err_t err;

  err = rd_kafka_producev (kafka_client_get_handle ((KafkaClient *) self),
                           RD_KAFKA_V_RKT (entry->rkt),
                           RD_KAFKA_V_PARTITION (partition),
                           RD_KAFKA_V_MSGFLAGS (RD_KAFKA_MSG_F_COPY),
                           RD_KAFKA_V_KEY (key, key ? key_len : 0),
                           RD_KAFKA_V_VALUE ((void *) value, value ? value_len : 0),
                           RD_KAFKA_V_HEADERS (hdrs),
                           RD_KAFKA_V_TIMESTAMP (timestamp),
                           RD_KAFKA_V_OPAQUE (opaque),
                           RD_KAFKA_V_END);
  if (G_LIKELY (err == RD_KAFKA_RESP_ERR_NO_ERROR))
    g_atomic_int_inc (&self->undelivered);
  return err;
}

void
kafka_producer_set_send_error (KafkaProducer        *self,
                               rd_kafka_resp_err_t   err,
                               const char           *topic,
                               gint32                partition,
                               gsize                 size,
                               GError              **error)
{
  switch (err)
    {
    case RD_KAFKA_RESP_ERR__QUEUE_FULL:
      kafka_set_error (error, err,
                       "Could not queue a message for “%s”: the producer's queue "
                       "holds %d messages; let delivery reports drain it (run the "
                       "main loop or call poll()) and produce again, or raise "
                       "queue.buffering.max.messages",
                       topic, g_atomic_int_get (&self->undelivered));
      break;
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
      kafka_set_error (error, err,
                       "Could not queue a message of %" G_GSIZE_FORMAT " bytes (key, "
                       "value and headers) for “%s”: it is larger than message.max.bytes; "
                       "send less or raise message.max.bytes (and the broker's and "
                       "topic's limits)",
                       size, topic);
      break;
    case RD_KAFKA_RESP_ERR__STATE:
      {
        /* what a transactional producer says outside a transaction */
        if (kafka_client_lookup_config (KAFKA_CLIENT (self), "transactional.id") != NULL)
          {
            kafka_set_error (error, err, "Could not queue a message for “%s” [%d]: a "
                             "producer with a “transactional.id” produces only inside a "
                             "transaction (kafka_producer_begin_transaction())",
                             topic, (int) partition);
            break;
          }
      }
      G_GNUC_FALLTHROUGH;
    case RD_KAFKA_RESP_ERR__FATAL:
      {
        g_autoptr(GError) fatal = kafka_client_get_fatal_error (KAFKA_CLIENT (self));

        if (fatal != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&fatal));
            break;
          }
      }
      G_GNUC_FALLTHROUGH;
    default:
      kafka_set_error (error, err, "Could not queue a message for “%s” [%d]",
                       topic, (int) partition);
      break;
    }
}

static gboolean
producer_produce (KafkaProducer    *self,
                  const char       *topic,
                  gint32            partition,
                  const guint8     *key,
                  gsize             key_len,
                  const guint8     *value,
                  gsize             value_len,
                  KafkaHeaders     *headers,
                  gint64            timestamp,
                  PendingDelivery  *pending,
                  GError          **error)
{
  rd_kafka_headers_t *hdrs = NULL;
  TopicEntry *entry;
  rd_kafka_resp_err_t err;

  entry = kafka_producer_check_target (self, topic, partition, error);
  if (entry == NULL)
    return FALSE;

  if (headers != NULL && kafka_headers_get_length (headers) > 0)
    hdrs = kafka_headers_to_rd (headers);

  err = kafka_producer_send (self, entry, partition, key, key_len, value, value_len,
                       hdrs, timestamp, pending);
  if (G_LIKELY (err == RD_KAFKA_RESP_ERR_NO_ERROR))
    return TRUE;

  /* librdkafka takes the headers only on success */
  if (hdrs != NULL)
    rd_kafka_headers_destroy (hdrs);

  /* librdkafka counts the headers too */
  kafka_producer_set_send_error (self, err, topic, partition,
                                 (key ? key_len : 0) + (value ? value_len : 0) +
                                 kafka_headers_get_wire_size (headers),
                                 error);
  return FALSE;
}

/**
 * kafka_producer_poll:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait for a first event, in milliseconds (0: do not
 *   wait; -1: no limit)
 *
 * Serves the producer's events on the calling thread: emits
 * #KafkaProducer::delivery, #KafkaClient::error, #KafkaClient::stats and
 * #KafkaClient::log for whatever is there, waiting up to @timeout_ms for
 * something to come. Only programs that do not run the producer's main
 * context need this; there, the signals come by themselves.
 *
 * Returns: the number of events served (each delivered message counts)
 *
 * Since: 1.0
 */
int
kafka_producer_poll (KafkaProducer *self,
                     int            timeout_ms)
{
  KafkaClient *client = KAFKA_CLIENT (self);

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), 0);

  if (!kafka_client_check_open (client, NULL))
    return 0;
  return kafka_client_serve (client, kafka_client_get_main_queue (client), timeout_ms);
}

/* What a flush on the calling thread waits for: the reports not emitted
 * yet, except those whose emission the calling thread is in the middle of
 * (a flush from a delivery handler), which only the thread that can
 * acquire the producer's context can be. */
static int
producer_unreported (KafkaProducer *self)
{
  GMainContext *context = kafka_client_get_context (KAFKA_CLIENT (self));
  int remaining = g_atomic_int_get (&self->undelivered);

  if (g_main_context_acquire (context))
    {
      remaining -= self->emitting;
      g_main_context_release (context);
    }
  return remaining;
}

/**
 * kafka_producer_flush:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1: no limit)
 * @error: return location for a #GError
 *
 * Wakes the brokers' threads so that queued messages go out, and
 * waits until each has its delivery report, emitting the signals on the
 * calling thread as kafka_producer_poll() does. Blocks the calling thread
 * up to @timeout_ms. On another thread than the one running the producer's
 * main context, it returns once that thread has emitted every report. May be
 * called from a #KafkaProducer::delivery handler: then it does not wait for
 * the reports being emitted.
 *
 * Returns: %TRUE if every message was reported, %FALSE with @error set to
 *   %KAFKA_ERROR_TIMED_OUT (saying how many remain; see
 *   kafka_producer_get_out_queue_length()) if time ran out first
 *
 * Since: 1.0
 */
gboolean
kafka_producer_flush (KafkaProducer  *self,
                      int             timeout_ms,
                      GError        **error)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  rd_kafka_t *rk;
  gint64 deadline;
  int remaining;

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kafka_client_check_open (client, error))
    return FALSE;

  rk = kafka_client_get_handle (client);
  deadline = timeout_ms < 0 ? G_MAXINT64 : g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  /* With event-based delivery reports rd_kafka_flush() cannot serve them:
   * it would wait for us to. With no wait, it only wakes the broker threads
   * so that what is queued goes out. */
  rd_kafka_flush (rk, 0);

  for (;;)
    {
      gint64 now;
      int wait_ms;

      /* serve first: flush (0) still emits what is waiting */
      kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
      remaining = producer_unreported (self);
      if (remaining <= 0 || kafka_client_is_disposed (client))
        return TRUE;

      now = g_get_monotonic_time ();
      if (now >= deadline)
        break;

      /* short slices: the last report may leave no event behind to wake us */
      wait_ms = (int) MIN ((deadline - now + 999) / 1000, 100);
      kafka_client_serve (client, kafka_client_get_main_queue (client), wait_ms);
    }

  g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
               "Flush timed out after %d ms with %d messages not yet delivered",
               timeout_ms, remaining);
  return FALSE;
}

/**
 * kafka_producer_purge:
 * @self: a #KafkaProducer
 * @flags: which messages to purge
 * @error: return location for a #GError
 *
 * Purges messages not yet delivered: those still queued locally
 * (%KAFKA_PURGE_QUEUE) and those sent but not yet acknowledged
 * (%KAFKA_PURGE_INFLIGHT). Each purged message gets its
 * #KafkaProducer::delivery signal, with the error %KAFKA_ERROR_PURGE_QUEUE
 * or %KAFKA_ERROR_PURGE_INFLIGHT, from the main loop or the next
 * kafka_producer_poll() / kafka_producer_flush().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_producer_purge (KafkaProducer    *self,
                      KafkaPurgeFlags   flags,
                      GError          **error)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  rd_kafka_resp_err_t err;
  int rd_flags = 0;

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kafka_client_check_open (client, error))
    return FALSE;

  if (flags & KAFKA_PURGE_QUEUE)
    rd_flags |= RD_KAFKA_PURGE_F_QUEUE;
  if (flags & KAFKA_PURGE_INFLIGHT)
    rd_flags |= RD_KAFKA_PURGE_F_INFLIGHT;
  if (flags & KAFKA_PURGE_NON_BLOCKING)
    rd_flags |= RD_KAFKA_PURGE_F_NON_BLOCKING;

  err = rd_kafka_purge (kafka_client_get_handle (client), rd_flags);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not purge the producer's messages");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_producer_get_out_queue_length:
 * @self: a #KafkaProducer
 *
 * Gets the number of messages produced whose delivery report has not been
 * emitted yet: queued, in flight, or reported by the broker and waiting for
 * the main loop (confluent-kafka-python's `len(producer)`). Zero when
 * everything produced has been reported; what kafka_producer_flush() waits
 * for.
 *
 * Returns: the length of the out queue
 *
 * Since: 1.0
 */
guint
kafka_producer_get_out_queue_length (KafkaProducer *self)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  int len;

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), 0);

  if (!kafka_client_check_open (client, NULL))
    return 0;

  len = g_atomic_int_get (&self->undelivered);
  return (guint) MAX (len, 0);
}

/**
 * kafka_producer_produce_async:
 * @self: a #KafkaProducer
 * @topic: the topic
 * @partition: the partition, or %KAFKA_PARTITION_UA (-1) to let the
 *   partitioner choose
 * @key: (array length=key_len) (element-type guint8) (nullable): the key, or
 *   %NULL for none
 * @key_len: the length of @key in bytes
 * @value: (array length=value_len) (element-type guint8) (nullable): the
 *   value, or %NULL for a null value
 * @value_len: the length of @value in bytes
 * @headers: (nullable): headers to send with the message, or %NULL
 * @timestamp: the message's timestamp in milliseconds since the Unix epoch,
 *   or 0 for now
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the message's delivery report
 * @user_data: data for @callback
 *
 * Produces a message as kafka_producer_produce() does, and completes when
 * its delivery report comes: one awaitable per message. The
 * #KafkaProducer::delivery signal is emitted for it as well. @callback runs
 * on the thread-default main context of the caller.
 *
 * Cancelling @cancellable stops the wait, not the send: the message may
 * still be delivered. A pending call keeps the producer alive until its
 * report comes.
 *
 * Since: 1.0
 */
void
kafka_producer_produce_async (KafkaProducer       *self,
                              const char          *topic,
                              gint32               partition,
                              const guint8        *key,
                              gsize                key_len,
                              const guint8        *value,
                              gsize                value_len,
                              KafkaHeaders        *headers,
                              gint64               timestamp,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PendingDelivery *pending;
  GError *error = NULL;

  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (topic != NULL);
  g_return_if_fail (headers == NULL || KAFKA_IS_HEADERS (headers));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pending = g_new0 (PendingDelivery, 1);
  pending->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (pending->task, kafka_producer_produce_async);

  if (g_task_return_error_if_cancelled (pending->task))
    {
      pending_free (pending);
      return;
    }

  /* connected before the message is queued: its report may be served on
   * another thread, and free @pending, before producev() even returns */
  if (cancellable != NULL)
    pending->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (pending_cancelled),
                                                pending, NULL);

  g_atomic_int_inc (&self->pending_deliveries);
  if (!producer_produce (self, topic, partition, key, key_len, value, value_len,
                         headers, timestamp, pending, &error))
    {
      g_atomic_int_add (&self->pending_deliveries, -1);
      if (pending_claim (pending))
        g_task_return_error (pending->task, error);
      else
        g_error_free (error);
      pending_free (pending);
    }
}

/**
 * kafka_producer_produce_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_produce_async().
 *
 * Returns: (transfer full): the delivered message (with its partition and
 *   offset), or %NULL with @error set: why delivery failed (as
 *   kafka_message_get_error() would say), why it could not be queued (as
 *   kafka_producer_produce() would say), or %G_IO_ERROR_CANCELLED
 *
 * Since: 1.0
 */
KafkaMessage *
kafka_producer_produce_finish (KafkaProducer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_producer_produce_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Completes @waiter with @error (%NULL: success) and forgets it. */
static void
flush_waiter_finish (FlushWaiter *waiter,
                     GError      *error)
{
  g_autoptr(GTask) task = kafka_wait_finish (&waiter->wait);
  KafkaProducer *self = waiter->self;

  self->flush_waiters = g_list_remove (self->flush_waiters, waiter);
  g_free (waiter);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
producer_check_flush_waiters (KafkaProducer *self)
{
  if (kafka_producer_get_out_queue_length (self) > 0)
    return;
  while (self->flush_waiters != NULL)
    flush_waiter_finish (self->flush_waiters->data, NULL);
}

static gboolean
flush_waiter_timed_out (gpointer data)
{
  FlushWaiter *waiter = data;

  flush_waiter_finish (waiter,
                       g_error_new (KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
                                    "Flush timed out with %u messages not yet delivered",
                                    kafka_producer_get_out_queue_length (waiter->self)));
  return G_SOURCE_REMOVE;
}

static void
flush_waiter_cancelled (KafkaWait *wait,
                        GError    *error)
{
  flush_waiter_finish ((FlushWaiter *) wait, error);
}

/**
 * kafka_producer_flush_async:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1: no limit)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when every message is reported, or time
 *   ran out
 * @user_data: data for @callback
 *
 * Waits, without blocking, until every message produced so far has its
 * delivery report, as kafka_producer_flush() does. The reports themselves
 * come from the producer's main context, which must be running.
 *
 * Must be called on the thread that runs the producer's main context.
 *
 * Since: 1.0
 */
void
kafka_producer_flush_async (KafkaProducer       *self,
                            int                  timeout_ms,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  FlushWaiter *waiter;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  /* its state lives on the producer's context: start it there */
  g_return_if_fail (kafka_client_is_context_thread (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_producer_flush_async);

  if (g_task_return_error_if_cancelled (task) ||
      !kafka_client_check_open (client, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (kafka_producer_get_out_queue_length (self) == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  /* wakes the broker threads so that what is queued goes out */
  rd_kafka_flush (kafka_client_get_handle (client), 0);

  waiter = g_new0 (FlushWaiter, 1);
  waiter->self = self;
  self->flush_waiters = g_list_prepend (self->flush_waiters, waiter);
  kafka_wait_start (&waiter->wait, client, task, timeout_ms,
                    flush_waiter_timed_out, flush_waiter_cancelled);
}

/**
 * kafka_producer_flush_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_flush_async().
 *
 * Returns: %TRUE if every message was reported, %FALSE with @error set
 *   (%KAFKA_ERROR_TIMED_OUT, %G_IO_ERROR_CANCELLED)
 *
 * Since: 1.0
 */
gboolean
kafka_producer_flush_finish (KafkaProducer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_producer_flush_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
