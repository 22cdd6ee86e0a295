/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaConsumer: its messages as objects, and the message-signal mode
 * (#KafkaConsumer:emit-messages): the batches of message signals, what a
 * handler's calls do to the rest of a batch, and the keep-alive. The other
 * parts of the consumer build on it; it calls none of them.
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

GParamSpec *kafka_consumer_properties[N_PROPS];
guint kafka_consumer_signals[N_SIGNALS];

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
int
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

void
consumer_weak_ref_free (gpointer data)
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
          g_source_set_callback (self->keepalive, consumer_keepalive_cb, weak, consumer_weak_ref_free);
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
  g_object_notify_by_pspec (G_OBJECT (self), kafka_consumer_properties[PROP_EMIT_MESSAGES]);
}

