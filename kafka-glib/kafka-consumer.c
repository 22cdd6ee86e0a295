/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-client-private.h"
#include "kafka-consumer-flow-private.h"
#include "kafka-consumer-private.h"
#include "kafka-consumer.h"
#include "kafka-error-private.h"
#include "kafka-message-batch-private.h"
#include "kafka-message-private.h"
#include "kafka-topic-partition-private.h"

/**
 * SECTION:kafka-consumer
 * @Title: KafkaConsumer
 * @Short_description: reads messages from Kafka, alone or in a group
 *
 * A #KafkaConsumer reads messages from the partitions it is assigned, either
 * by a consumer group it joins with kafka_consumer_subscribe(), or by hand
 * with kafka_consumer_assign(). It follows confluent-kafka-python's
 * `Consumer`, with signals in place of callbacks. `group.id` is required.
 *
 * # Two ways to receive messages
 *
 * A program that runs a #GMainLoop sets #KafkaConsumer:emit-messages and gets
 * each message as a #KafkaConsumer::message signal on the consumer's main
 * context, with nothing polling: the consumer's source wakes when librdkafka
 * has fetched something. While such a consumer is idle, the library itself
 * calls into the consumer queue every half `max.poll.interval.ms`, so that
 * the group does not evict it.
 *
 * Otherwise the program calls kafka_consumer_poll() or
 * kafka_consumer_consume(), as with confluent-kafka-python, often enough to
 * stay within `max.poll.interval.ms`.
 *
 * # Speed, offsets and memory
 *
 * The consumer takes messages from librdkafka up to 256 at a time, whichever
 * way it hands them out. Committed and stored offsets only ever include
 * messages handed out: with `enable.auto.offset.store` on (the default), the
 * consumer stores the offset of each message as it hands it out (a
 * #KafkaConsumer::message signal, a return from kafka_consumer_poll(), a
 * whole list or batch), not when it takes it. When a
 * #KafkaConsumer::message handler changes things in the middle of a batch,
 * the rest of the batch follows: closing the consumer (or dropping it)
 * drops it, unseen and uncommitted; seeking, assigning or unassigning a
 * partition drops that partition's part; pausing a partition, turning
 * #KafkaConsumer:emit-messages off or calling kafka_consumer_poll() or
 * kafka_consumer_consume() from the handler gives it back to librdkafka,
 * so that it comes again, in order.
 *
 * librdkafka 2.0.2 stops fetching once its queue holds
 * `queued.min.messages`, and starts again only when something wakes its
 * broker thread, or a second later: a consumer a little slower than the
 * fetcher would wait up to a second after each drain. The consumer wakes
 * the fetcher itself when it drains the queue after such a fill (it seeks
 * each partition to its position: nothing is skipped or read twice), and
 * blocking calls take what is there before they wait. Since a smaller
 * queue then costs no pause, `queued.min.messages` defaults to 10,000 here
 * (librdkafka's default is 100,000), which keeps a slow consumer's memory
 * near a fast one's; a configuration that sets it keeps its own.
 *
 * # Rebalances
 *
 * When the group assigns or revokes partitions, the consumer emits
 * #KafkaConsumer::partitions-assigned, #KafkaConsumer::partitions-revoked or
 * #KafkaConsumer::partitions-lost, and then applies the change itself, with
 * the incremental calls under the cooperative-sticky protocol and the eager
 * ones otherwise. A handler may take over: if it calls
 * kafka_consumer_assign(), kafka_consumer_unassign() or their incremental
 * forms, the consumer does not apply the change again. A handler may also
 * change the offsets of the partitions it is given (to start elsewhere) and
 * leave the assignment to the consumer. These signals are emitted from the
 * main loop for a consumer in message-signal mode, and from
 * kafka_consumer_poll() / kafka_consumer_consume() otherwise, as
 * confluent-kafka-python's `on_assign` and `on_revoke` callbacks are.
 *
 * # Lists
 *
 * Lists of partitions or messages come as #GPtrArray<!-- -->s that own their
 * elements: g_ptr_array_unref() frees everything. They are annotated
 * `(transfer container)`, so that bindings take references of their own on
 * the elements (PyGObject 3.42 would otherwise release them twice). A
 * message that nothing but the list held is kept for reuse when the list
 * goes: keep a reference to a message you keep past its list.
 *
 * # Commits
 *
 * kafka_consumer_commit() waits for the broker and returns the committed
 * offsets, each with its own error if it failed;
 * kafka_consumer_commit_in_background() returns at once, and the result comes
 * with the #KafkaConsumer::commit signal, as the results of automatic
 * commits (`enable.auto.commit`) do.
 */

static void kafka_consumer_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaConsumer, kafka_consumer, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_consumer_initable_iface_init))

/* ------------------------------------------------------------------------ */
/* Events from the main queue */

static int
consumer_handle_event (KafkaClient      *client,
                       rd_kafka_event_t *event)
{
  KafkaConsumer *self = KAFKA_CONSUMER (client);

  switch (rd_kafka_event_type (event))
    {
    case RD_KAFKA_EVENT_OFFSET_COMMIT:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) list = NULL;
        rd_kafka_resp_err_t err = rd_kafka_event_error (event);

        if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
          kafka_set_error (&error, err, "Commit failed");
        else
          consumer_note_committed (self, rd_kafka_event_topic_partition_list (event));
        consumer_note_close_commit (self, error);
        list = kafka_topic_partition_list_from_rd (rd_kafka_event_topic_partition_list (event));
        g_signal_emit (self, kafka_consumer_signals[SIGNAL_COMMIT], 0, error, list);
        return 1;
      }
    default:
      return 0;
    }
}

/* The source drains the main queue with the base class; the consumer queue,
 * watched only in message-signal mode, is served here. */
static void consumer_arm_recheck (KafkaConsumer *self);

static gboolean
consumer_recheck_cb (gpointer data)
{
  g_autoptr(KafkaConsumer) self = g_weak_ref_get (data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  g_clear_pointer (&self->recheck, g_source_unref);
  if (!self->closed && self->closing == NULL && !kafka_client_is_disposed (KAFKA_CLIENT (self)))
    {
      kafka_consumer_flow_recheck (self->flow);
      consumer_arm_recheck (self);
    }
  return G_SOURCE_REMOVE;
}

/* Fed from the main loop, the consumer has no wait of its own to look
 * again whether a restart of the fetcher brought anything (see
 * kafka-consumer-flow.c): a timer does, while one is pending. */
static void
consumer_arm_recheck (KafkaConsumer *self)
{
  gint64 when = kafka_consumer_flow_get_recheck_time (self->flow);
  GWeakRef *weak;

  if (when < 0 || self->recheck != NULL)
    return;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->recheck = g_timeout_source_new ((guint) CLAMP ((when - g_get_monotonic_time () + 999) / 1000,
                                                       0, G_MAXUINT));
  g_source_set_static_name (self->recheck, "KafkaConsumer fetcher restart");
  g_source_set_callback (self->recheck, consumer_recheck_cb, weak, consumer_weak_ref_free);
  g_source_attach (self->recheck, kafka_client_get_context (KAFKA_CLIENT (self)));
}

static int
consumer_serve_queue (KafkaClient      *client,
                      rd_kafka_queue_t *queue)
{
  KafkaConsumer *self = KAFKA_CONSUMER (client);
  int served = 0;

  if (queue != self->consumer_queue)
    return -1;
  if (!g_queue_is_empty (&self->consume_waiters))
    served = consumer_feed_waiter (self);
  else if (self->emit_messages)
    served = consumer_emit_batch (self);
  if (self->emit_messages || !g_queue_is_empty (&self->consume_waiters))
    consumer_arm_recheck (self);
  return served;
}

static void
consumer_configure (KafkaClient     *client,
                    rd_kafka_conf_t *conf)
{
  KafkaConsumer *self = KAFKA_CONSUMER (client);

  rd_kafka_conf_set_rebalance_cb (conf, consumer_rebalance_cb);
  rd_kafka_conf_set_opaque (conf, client);
  self->flow = kafka_consumer_flow_new (conf, kafka_client_lookup_config (client, "queued.min.messages") != NULL);
}

static void
consumer_shutdown (KafkaClient *client)
{
  KafkaConsumer *self = KAFKA_CONSUMER (client);

  if (self->keepalive != NULL)
    {
      g_source_destroy (self->keepalive);
      g_clear_pointer (&self->keepalive, g_source_unref);
    }
  if (self->recheck != NULL)
    {
      g_source_destroy (self->recheck);
      g_clear_pointer (&self->recheck, g_source_unref);
    }

  /* Leave the group cleanly, without signals (the object is going away),
   * bounded in time: rd_kafka_destroy() must not close again. A
   * close_async() in progress (g_object_run_dispose() forced the matter)
   * finishes here. */
  if (self->consumer_queue != NULL && (self->closing != NULL || !self->closed))
    consumer_close_blocking (self, FALSE, NULL);

  if (self->flow != NULL)
    kafka_consumer_flow_stop (self->flow);
  if (self->consumer_queue != NULL)
    {
      rd_kafka_queue_io_event_enable (self->consumer_queue, -1, NULL, 0);
      g_clear_pointer (&self->consumer_queue, rd_kafka_queue_destroy);
    }
}

static const KafkaClientHooks consumer_hooks = {
  .events = RD_KAFKA_EVENT_OFFSET_COMMIT,
  .configure = consumer_configure,
  .handle_event = consumer_handle_event,
  .serve_queue = consumer_serve_queue,
  .shutdown = consumer_shutdown,
  .destroy_flags = RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE,
};

/* ------------------------------------------------------------------------ */
/* GObject */

static gboolean
kafka_consumer_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  KafkaConsumer *self = KAFKA_CONSUMER (initable);
  KafkaClient *client = KAFKA_CLIENT (initable);
  const char *group = kafka_client_lookup_config (client, "group.id");
  const char *interval = kafka_client_lookup_config (client, "max.poll.interval.ms");

  if (group == NULL || *group == '\0')
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "Invalid configuration: a KafkaConsumer needs “group.id” "
                           "(the consumer group; any name for a consumer that only "
                           "assigns partitions itself)");
      return FALSE;
    }
  if (interval != NULL)
    self->max_poll_interval_ms = (guint) g_ascii_strtoull (interval, NULL, 10);

  if (!kafka_client_start (client, RD_KAFKA_CONSUMER, &consumer_hooks, error))
    return FALSE;

  self->consumer_queue = rd_kafka_queue_get_consumer (consumer_rk (self));
  kafka_consumer_flow_start (self->flow, consumer_rk (self), self->consumer_queue);
  {
    /* as librdkafka understood it (defaults, default.topic.config…) */
    char value[16] = "";
    size_t size = sizeof value;

    if (rd_kafka_conf_get (rd_kafka_conf (consumer_rk (self)), "enable.auto.commit",
                           value, &size) == RD_KAFKA_CONF_OK)
      self->auto_commit = strcmp (value, "true") == 0;
  }
  consumer_update_mode (self);
  return TRUE;
}

static void
kafka_consumer_initable_iface_init (GInitableIface *iface)
{
  iface->init = kafka_consumer_initable_init;
}

static void
kafka_consumer_finalize (GObject *object)
{
  KafkaConsumer *self = KAFKA_CONSUMER (object);

  g_clear_pointer (&self->flow, kafka_consumer_flow_free);
  g_hash_table_unref (self->committed);

  G_OBJECT_CLASS (kafka_consumer_parent_class)->finalize (object);
}

static void
kafka_consumer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KafkaConsumer *self = KAFKA_CONSUMER (object);

  switch (prop_id)
    {
    case PROP_EMIT_MESSAGES:
      g_value_set_boolean (value, self->emit_messages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_consumer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KafkaConsumer *self = KAFKA_CONSUMER (object);

  switch (prop_id)
    {
    case PROP_EMIT_MESSAGES:
      kafka_consumer_set_emit_messages (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_consumer_class_init (KafkaConsumerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_consumer_finalize;
  object_class->get_property = kafka_consumer_get_property;
  object_class->set_property = kafka_consumer_set_property;

  /**
   * KafkaConsumer:emit-messages:
   *
   * Whether messages come as #KafkaConsumer::message signals from the
   * consumer's main context (%TRUE), or are left for kafka_consumer_poll()
   * and kafka_consumer_consume() (%FALSE, the default).
   *
   * Since: 1.0
   */
  kafka_consumer_properties[PROP_EMIT_MESSAGES] =
    g_param_spec_boolean ("emit-messages", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, kafka_consumer_properties);

  /**
   * KafkaConsumer::message:
   * @self: the consumer
   * @message: the message, or a consumer error
   *   (kafka_message_get_error(): %KAFKA_ERROR_PARTITION_EOF with
   *   `enable.partition.eof`, a fetch error…)
   *
   * Emitted for each message consumed, in partition order, when
   * #KafkaConsumer:emit-messages is %TRUE.
   *
   * A handler that keeps @message takes a reference (g_object_ref(), or any
   * binding's reference): a message object nothing else holds once the
   * handlers returned is reused for the next message, which spares a
   * #GObject per message.
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE);
  /* emitted per message: a marshaller that skips the GValues */
  g_signal_set_va_marshaller (kafka_consumer_signals[SIGNAL_MESSAGE], G_TYPE_FROM_CLASS (klass),
                              kafka_marshal_VOID__OBJECTv);

  /**
   * KafkaConsumer::message-batch:
   * @self: the consumer
   * @batch: the messages, consumer errors included (see
   *   kafka_message_batch_get_error_codes())
   *
   * Emitted, when #KafkaConsumer:emit-messages is %TRUE and a handler is
   * connected to it, for each batch of messages consumed (as many as are
   * there, up to 512), in partition order, in place of
   * #KafkaConsumer::message: bindings that want speed connect here and read
   * the batch column by column. The way for GJS programs before GJS 1.82 to
   * receive messages under sustained traffic (see
   * #KafkaProducer::delivery).
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_MESSAGE_BATCH] =
    g_signal_new ("message-batch", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE_BATCH);
  g_signal_set_va_marshaller (kafka_consumer_signals[SIGNAL_MESSAGE_BATCH], G_TYPE_FROM_CLASS (klass),
                              kafka_marshal_VOID__OBJECTv);

  /**
   * KafkaConsumer::commit:
   * @self: the consumer
   * @error: (nullable): why the commit failed as a whole, or %NULL
   * @partitions: (element-type KafkaTopicPartition): the offsets committed,
   *   each with its own error if it failed
   *
   * Emitted with the result of each commit that was not waited for:
   * kafka_consumer_commit_in_background() and automatic commits.
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_PTR_ARRAY);

  /**
   * KafkaConsumer::partitions-assigned:
   * @self: the consumer
   * @partitions: (element-type KafkaTopicPartition): the partitions the group
   *   assigns (all of them with the eager protocols, the new ones with
   *   cooperative-sticky)
   *
   * Emitted when the group assigns partitions. After the handlers ran, the
   * consumer takes the partitions, with the offsets the handlers may have
   * set on them, unless a handler called kafka_consumer_assign() or
   * kafka_consumer_incremental_assign() itself.
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_PARTITIONS_ASSIGNED] =
    g_signal_new ("partitions-assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * KafkaConsumer::partitions-revoked:
   * @self: the consumer
   * @partitions: (element-type KafkaTopicPartition): the partitions taken
   *   away
   *
   * Emitted when the group takes partitions away, before they go: the last
   * chance to commit what was processed. After the handlers ran, the
   * consumer lets them go, unless a handler called kafka_consumer_unassign()
   * or kafka_consumer_incremental_unassign() itself.
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_PARTITIONS_REVOKED] =
    g_signal_new ("partitions-revoked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * KafkaConsumer::partitions-lost:
   * @self: the consumer
   * @partitions: (element-type KafkaTopicPartition): the partitions lost
   *
   * Emitted instead of #KafkaConsumer::partitions-revoked when the consumer
   * lost its partitions without a rebalance (it was evicted from the group,
   * say): other members may own them already, so committing is pointless.
   *
   * Since: 1.0
   */
  kafka_consumer_signals[SIGNAL_PARTITIONS_LOST] =
    g_signal_new ("partitions-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
kafka_consumer_init (KafkaConsumer *self)
{
  self->max_poll_interval_ms = 300000;
  self->committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * kafka_consumer_new:
 * @config: (element-type utf8 utf8): librdkafka configuration properties:
 *   `bootstrap.servers` and `group.id` at least
 * @error: return location for a #GError
 *
 * Creates a consumer. Its signals are emitted on the thread-default main
 * context of the calling thread.
 *
 * Returns: (transfer full): a new #KafkaConsumer, or %NULL with @error set
 *   (%KAFKA_ERROR_INVALID_ARG naming the property, for an unknown property,
 *   a bad value, or no `group.id`)
 *
 * Since: 1.0
 */
KafkaConsumer *
kafka_consumer_new (GHashTable  *config,
                    GError     **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KAFKA_TYPE_CONSUMER, NULL, error, "config", config, NULL);
}

