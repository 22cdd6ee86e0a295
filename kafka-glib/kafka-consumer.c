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

static GParamSpec *properties[N_PROPS];
guint kafka_consumer_signals[N_SIGNALS];

static void kafka_consumer_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaConsumer, kafka_consumer, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_consumer_initable_iface_init))

/* ------------------------------------------------------------------------ */
/* Messages */

KafkaMessage *
consumer_wrap_message (KafkaConsumer      *self,
                       rd_kafka_message_t *rkm)
{
  /* (per message: no checked cast) */
  return kafka_message_new_consumed (rkm, kafka_consumer_flow_topic_name (self->flow, rkm),
                                     kafka_client_ref_handle ((KafkaClient *) self));
}

KafkaMessageBatch *
consumer_wrap_batch (KafkaConsumer       *self,
                     rd_kafka_message_t **rkms,
                     guint                n)
{
  return kafka_message_batch_new_consumed (rkms, n,
                                           n > 0 ? kafka_consumer_flow_topic_name (self->flow, rkms[0]) : NULL,
                                           kafka_client_ref_handle (KAFKA_CLIENT (self)));
}

/* A message-signal batch: taken from librdkafka at once, handed out one
 * signal at a time. What a handler does to the consumer meanwhile decides
 * what becomes of the rest: closing drops it (its offsets were never
 * stored); seeking, unassigning or pausing a partition drops that
 * partition's part (librdkafka would have dropped it from its queue); and
 * turning emit-messages off, or consuming from the handler, gives it back
 * to librdkafka, by seeking its partitions back to it, so that it comes
 * again, in order. */
typedef struct {
  char      *topic;
  gint32     partition;
  StaleKind  kind;
} Stale;

enum {
  MSG_PENDING,   /* not reached */
  MSG_HANDED,    /* emitted: the message object owns it */
  MSG_SKIPPED,   /* reached, but stale */
  MSG_RETURNED,  /* given back to librdkafka */
};

typedef struct _Emission {
  rd_kafka_message_t **rkms;
  guint8              *state;
  guint                n;
  gboolean             stop;       /* hand out no more */
  gboolean             all_stale;  /* the whole assignment changed */
  GArray              *stale;      /* of Stale */
} Emission;

static void
stale_clear (gpointer data)
{
  g_free (((Stale *) data)->topic);
}

/* A handler changed where @topic [@partition] (every partition if @topic
 * is NULL) is read from: the rest of the batch for it is stale. */
void
consumer_emission_stale (KafkaConsumer *self,
                         const char    *topic,
                         gint32         partition,
                         StaleKind      kind)
{
  Emission *em = self->emission;
  Stale stale;

  if (em == NULL)
    return;
  if (topic == NULL)
    {
      em->all_stale = TRUE;
      return;
    }
  if (em->stale == NULL)
    {
      em->stale = g_array_new (FALSE, FALSE, sizeof (Stale));
      g_array_set_clear_func (em->stale, stale_clear);
    }
  stale.topic = g_strdup (topic);
  stale.partition = partition;
  stale.kind = kind;
  g_array_append_val (em->stale, stale);
}

void
consumer_emission_stale_list (KafkaConsumer *self,
                              GPtrArray     *partitions,
                              StaleKind      kind)
{
  for (guint i = 0; self->emission != NULL && partitions != NULL && i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);

      consumer_emission_stale (self, kafka_topic_partition_get_topic (tp),
                               kafka_topic_partition_get_partition (tp), kind);
    }
}

/* What became of @rkm's partition, if a handler made it stale. */
static const Stale *
emission_find_stale (Emission                 *em,
                     const rd_kafka_message_t *rkm)
{
  const char *topic;

  if (em->stale == NULL || rkm->rkt == NULL)
    return NULL;
  topic = rd_kafka_topic_name (rkm->rkt);
  for (guint i = em->stale->len; i-- > 0;)
    {
      const Stale *stale = &g_array_index (em->stale, Stale, i);

      if (stale->partition == rkm->partition && strcmp (stale->topic, topic) == 0)
        return stale;
    }
  return NULL;
}

/* Gives back to librdkafka the part of the batch that is to come again:
 * what a pause skipped and, with @rest, everything not reached yet. Seeks
 * each of their partitions back to its first such message. */
static void
consumer_emission_rewind (KafkaConsumer *self,
                          Emission      *em,
                          gboolean       rest)
{
  rd_kafka_topic_partition_list_t *rewind = NULL;

  if (em->all_stale)
    return;
  for (guint i = 0; i < em->n; i++)
    {
      rd_kafka_message_t *rkm = em->rkms[i];
      const Stale *stale;
      const char *topic;

      if (em->state[i] != MSG_PENDING && em->state[i] != MSG_SKIPPED)
        continue;
      if (rkm->rkt == NULL || rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        continue;
      stale = emission_find_stale (em, rkm);
      if (stale != NULL ? stale->kind != STALE_REWIND : !rest || em->state[i] != MSG_PENDING)
        continue;
      em->state[i] = MSG_RETURNED;
      topic = rd_kafka_topic_name (rkm->rkt);
      if (rewind == NULL)
        rewind = rd_kafka_topic_partition_list_new (4);
      /* the first of each partition is where it resumes */
      if (rd_kafka_topic_partition_list_find (rewind, topic, rkm->partition) == NULL)
        rd_kafka_topic_partition_list_add (rewind, topic, rkm->partition)->offset = rkm->offset;
    }

  if (rewind != NULL)
    {
      if (!self->closed && self->closing == NULL)
        kafka_consumer_flow_seek (self->flow, rewind);
      rd_kafka_topic_partition_list_destroy (rewind);
    }
}

/* Ends the batch: gives back what a pause skipped, drops everything not
 * handed out. */
static void
consumer_emission_finish (KafkaConsumer *self,
                          Emission      *em)
{
  consumer_emission_rewind (self, em, FALSE);
  for (guint i = 0; i < em->n; i++)
    if (em->state[i] != MSG_HANDED)
      rd_kafka_message_destroy (em->rkms[i]);
  if (em->stale != NULL)
    g_array_unref (em->stale);
}

/* The consumer is closing: what a message-signal batch still holds is
 * dropped (its offsets were never stored). */
void
consumer_emission_stop (KafkaConsumer *self)
{
  if (self->emission != NULL)
    self->emission->stop = TRUE;
}

/* A handler is about to take messages itself, or turned emit-messages off:
 * what the batch still holds goes back to librdkafka now, before anything
 * else is taken (a seek makes librdkafka drop what it queued after), so
 * that it comes again, in order. */
void
consumer_emission_give_back (KafkaConsumer *self)
{
  Emission *em = self->emission;

  if (em == NULL || em->stop)
    return;
  em->stop = TRUE;
  consumer_emission_rewind (self, em, TRUE);
}

/* librdkafka's positions (@list) as the application sees them: the
 * positions the consumer sought itself, which librdkafka forgets, and,
 * from a message handler, the next message of the batch being emitted. */
void
consumer_fix_positions (KafkaConsumer                   *self,
                        rd_kafka_topic_partition_list_t *list)
{
  Emission *em = self->emission;

  kafka_consumer_flow_fix_positions (self->flow, list);
  for (guint i = 0; em != NULL && i < em->n; i++)
    {
      const rd_kafka_message_t *rkm = em->rkms[i];
      rd_kafka_topic_partition_t *p;

      if (em->state[i] != MSG_PENDING || rkm->rkt == NULL ||
          rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        continue;
      p = rd_kafka_topic_partition_list_find (list, rd_kafka_topic_name (rkm->rkt), rkm->partition);
      if (p != NULL && p->err == RD_KAFKA_RESP_ERR_NO_ERROR &&
          (p->offset < 0 || rkm->offset < p->offset))
        p->offset = rkm->offset;
    }
}

/* Emits a batch of #KafkaConsumer::message signals for a consumer in
 * message-signal mode. One message object serves the whole batch when no
 * handler keeps it. */
static int
consumer_emit_messages (KafkaConsumer *self)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  rd_kafka_message_t *rkms[KAFKA_CONSUMER_FLOW_CHUNK];
  guint8 state[KAFKA_CONSUMER_FLOW_CHUNK] = { 0 };
  Emission em = { rkms, state, 0, FALSE, FALSE, NULL };
  KafkaMessage *message = NULL;
  KafkaHandle *handle;
  gssize n;

  n = kafka_consumer_flow_take_now (self->flow, rkms, G_N_ELEMENTS (rkms), NULL);
  if (n <= 0)
    return 0;
  em.n = (guint) n;
  handle = kafka_client_ref_handle (client);

  self->emission = &em;
  for (guint i = 0; i < em.n; i++)
    {
      rd_kafka_message_t *rkm = rkms[i];
      GRefString *topic;

      if (em.stop || !self->emit_messages || self->closed || self->closing != NULL ||
          kafka_client_should_stop (client))
        break;
      if (em.all_stale || emission_find_stale (&em, rkm) != NULL)
        {
          state[i] = MSG_SKIPPED;
          continue;
        }

      topic = kafka_consumer_flow_topic_name (self->flow, rkm);
      if (message == NULL || !kafka_message_reuse_consumed (message, rkm, topic, handle))
        {
          g_clear_object (&message);
          message = kafka_message_new_consumed (rkm, topic, kafka_handle_ref (handle));
        }
      state[i] = MSG_HANDED;
      kafka_consumer_flow_handed (self->flow, rkm, topic);
      g_signal_emit (self, kafka_consumer_signals[SIGNAL_MESSAGE], 0, message);
    }
  self->emission = NULL;

  kafka_message_release (message);
  kafka_handle_unref (handle);
  kafka_consumer_flow_store (self->flow);
  consumer_emission_finish (self, &em);
  return (int) n;
}

/* Serves the consumer queue for a consumer in message-signal mode: emits up
 * to a batch of messages; rebalances are served on the way by the callback. */
static int
consumer_emit_batch (KafkaConsumer *self)
{
  if (g_signal_has_handler_pending (self, kafka_consumer_signals[SIGNAL_MESSAGE_BATCH], 0, FALSE))
    {
      /* every message taken goes to the handlers in this one emission */
      rd_kafka_message_t *rkms[2 * KAFKA_CONSUMER_FLOW_CHUNK];
      g_autoptr(KafkaMessageBatch) batch = NULL;
      gssize got;

      got = kafka_consumer_flow_take_now (self->flow, rkms, G_N_ELEMENTS (rkms), NULL);
      if (got <= 0)
        return 0;
      kafka_consumer_flow_handed_all (self->flow, rkms, (gsize) got);
      kafka_consumer_flow_store (self->flow);
      batch = consumer_wrap_batch (self, rkms, (guint) got);
      g_signal_emit (self, kafka_consumer_signals[SIGNAL_MESSAGE_BATCH], 0, batch);
      return (int) got;
    }

  return consumer_emit_messages (self);
}

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
static void weak_ref_free (gpointer data);

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
  g_source_set_callback (self->recheck, consumer_recheck_cb, weak, weak_ref_free);
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
/* Message-signal mode */

static gboolean
consumer_keepalive_cb (gpointer data)
{
  g_autoptr(KafkaConsumer) self = g_weak_ref_get (data);

  if (self == NULL || self->closed || self->closing != NULL ||
      kafka_client_is_disposed (KAFKA_CLIENT (self)))
    return G_SOURCE_REMOVE;

  /* a call into the consumer queue is what max.poll.interval.ms watches */
  kafka_client_serve_queue (KAFKA_CLIENT (self), self->consumer_queue);
  return G_SOURCE_CONTINUE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
consumer_update_mode (KafkaConsumer *self)
{
  KafkaClient *client = KAFKA_CLIENT (self);

  if (self->consumer_queue == NULL || self->closed || self->closing != NULL)
    return;

  if (self->emit_messages || !g_queue_is_empty (&self->consume_waiters))
    {
      /* fed by the source; kept in its group by the keep-alive while idle */
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      kafka_client_watch_queue (client, self->consumer_queue);
      if (self->keepalive == NULL)
        {
          g_weak_ref_init (weak, self);
          self->keepalive = g_timeout_source_new (MAX (self->max_poll_interval_ms / 2, 500));
          g_source_set_static_name (self->keepalive, "KafkaConsumer keep-alive");
          g_source_set_callback (self->keepalive, consumer_keepalive_cb, weak, weak_ref_free);
          g_source_attach (self->keepalive, kafka_client_get_context (client));
        }
      else
        g_free (weak);
    }
  else
    {
      kafka_client_unwatch_queue (client, self->consumer_queue);
      if (self->keepalive != NULL)
        {
          g_source_destroy (self->keepalive);
          g_clear_pointer (&self->keepalive, g_source_unref);
        }
    }
}

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
  properties[PROP_EMIT_MESSAGES] =
    g_param_spec_boolean ("emit-messages", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

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

/**
 * kafka_consumer_get_emit_messages:
 * @self: a #KafkaConsumer
 *
 * Gets #KafkaConsumer:emit-messages.
 *
 * Returns: whether messages come as #KafkaConsumer::message signals
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_get_emit_messages (KafkaConsumer *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);

  return self->emit_messages;
}

/**
 * kafka_consumer_set_emit_messages:
 * @self: a #KafkaConsumer
 * @emit_messages: %TRUE for #KafkaConsumer::message signals from the main
 *   loop, %FALSE to poll
 *
 * Sets #KafkaConsumer:emit-messages.
 *
 * Since: 1.0
 */
void
kafka_consumer_set_emit_messages (KafkaConsumer *self,
                                  gboolean       emit_messages)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));

  emit_messages = !!emit_messages;
  if (self->emit_messages == emit_messages)
    return;
  self->emit_messages = emit_messages;
  /* from a message handler: what its batch still holds comes again */
  if (!emit_messages)
    consumer_emission_give_back (self);
  consumer_update_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMIT_MESSAGES]);
}

