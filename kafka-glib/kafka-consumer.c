/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-client-private.h"
#include "kafka-consumer-flow-private.h"
#include "kafka-error-private.h"
#include "kafka-message-private.h"
#include "kafka-message-batch-private.h"
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

struct _KafkaConsumer
{
  KafkaClient parent_instance;

  rd_kafka_queue_t *consumer_queue;
  gboolean          emit_messages;
  GSource          *keepalive;
  guint             max_poll_interval_ms;

  /* the rebalance whose signals are being emitted, if any: an assign call
   * from a handler marks it handled */
  struct _Rebalance *rebalance;

  /* set while closing, and once closed */
  struct _ConsumerClose *closing;
  gboolean          closed;

  /* enable.auto.commit: close() commits the final offsets */
  gboolean          auto_commit;
  /* the last offset known committed for each partition ("partition:topic"
   * to gint64), from the commit results the consumer saw: what close()
   * reports as not committed when it cannot finish */
  GHashTable       *committed;

  /* taking messages, storing their offsets, restarting the fetcher */
  KafkaConsumerFlow *flow;

  /* the messages of the message-signal batch being emitted, if any */
  struct _Emission *emission;

  /* consume_async() calls waiting for messages, oldest first */
  GQueue            consume_waiters;

  /* a timer that looks again whether restarting the fetcher worked */
  GSource          *recheck;
};

typedef struct {
  KafkaWait      wait;
  KafkaConsumer *self;
  guint          max_messages;
} ConsumeWaiter;

/* A rebalance whose signals are being emitted; applied once after them,
 * unless a handler assigned itself or closed the consumer (which applies it
 * first). */
typedef struct _Rebalance {
  rd_kafka_resp_err_t              err;
  rd_kafka_topic_partition_list_t *partitions;  /* librdkafka's */
  GPtrArray                       *list;        /* the handlers' */
  gboolean                         cooperative;
  gboolean                         handled;
} Rebalance;

#define CLOSED_MESSAGE "The consumer is closed (close() was called): create a new " \
                       "consumer to consume again"

enum {
  PROP_0,
  PROP_EMIT_MESSAGES,
  N_PROPS
};

enum {
  SIGNAL_MESSAGE,
  SIGNAL_MESSAGE_BATCH,
  SIGNAL_COMMIT,
  SIGNAL_PARTITIONS_ASSIGNED,
  SIGNAL_PARTITIONS_REVOKED,
  SIGNAL_PARTITIONS_LOST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kafka_consumer_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaConsumer, kafka_consumer, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_consumer_initable_iface_init))

static inline rd_kafka_t *
consumer_rk (KafkaConsumer *self)
{
  return kafka_client_get_handle (KAFKA_CLIENT (self));
}

/* Closed consumers answer through the base class (kafka_client_mark_closed()),
 * so that its own calls (watermarks, metadata) say the same. */
static gboolean
consumer_check_open (KafkaConsumer  *self,
                     GError        **error)
{
  return kafka_client_check_open (KAFKA_CLIENT (self), error);
}

/* Set on the worker threads of the async calls that run a blocking call
 * (commit_async…): what belongs to the consumer's own thread is left alone
 * there. */
static GPrivate on_query_worker;

static gboolean
consumer_on_worker (void)
{
  return g_private_get (&on_query_worker) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Messages */

static KafkaMessage *
consumer_wrap_message (KafkaConsumer      *self,
                       rd_kafka_message_t *rkm)
{
  /* (per message: no checked cast) */
  return kafka_message_new_consumed (rkm, kafka_consumer_flow_topic_name (self->flow, rkm),
                                     kafka_client_ref_handle ((KafkaClient *) self));
}

static KafkaMessageBatch *
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
typedef enum {
  STALE_DROP,    /* the application moved the partition: drop */
  STALE_REWIND,  /* paused: drop, and seek back so that it resumes there */
} StaleKind;

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
static void
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

static void
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

/* A handler is about to take messages itself, or turned emit-messages off:
 * what the batch still holds goes back to librdkafka now, before anything
 * else is taken (a seek makes librdkafka drop what it queued after), so
 * that it comes again, in order. */
static void
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
static void
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
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
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
  if (g_signal_has_handler_pending (self, signals[SIGNAL_MESSAGE_BATCH], 0, FALSE))
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
      g_signal_emit (self, signals[SIGNAL_MESSAGE_BATCH], 0, batch);
      return (int) got;
    }

  return consumer_emit_messages (self);
}

/* ------------------------------------------------------------------------ */
/* Rebalance */

static void
consumer_apply_rebalance (KafkaConsumer                   *self,
                          rd_kafka_resp_err_t              err,
                          rd_kafka_topic_partition_list_t *partitions,
                          gboolean                         cooperative)
{
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_error_t *error = NULL;
  rd_kafka_resp_err_t rerr = RD_KAFKA_RESP_ERR_NO_ERROR;

  kafka_consumer_flow_forget (self->flow, NULL, 0);
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
    {
      if (cooperative)
        error = rd_kafka_incremental_assign (rk, partitions);
      else
        rerr = rd_kafka_assign (rk, partitions);
    }
  else
    {
      if (cooperative)
        error = rd_kafka_incremental_unassign (rk, partitions);
      else
        rerr = rd_kafka_assign (rk, NULL);
    }

  if (error != NULL)
    {
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Could not apply a rebalance: %s",
                        rd_kafka_error_string (error));
      rd_kafka_error_destroy (error);
    }
  else if (rerr != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Could not apply a rebalance: %s",
                        rd_kafka_err2str (rerr));
    }
}

/* Applies @rebalance now, as the handlers left it, unless one of them did. */
static void
consumer_apply_pending_rebalance (KafkaConsumer *self,
                                  Rebalance     *rebalance)
{
  g_autoptr(GError) error = NULL;
  rd_kafka_topic_partition_list_t *chosen;

  if (rebalance->handled)
    return;
  rebalance->handled = TRUE;

  /* a handler may have changed the offsets to start from */
  chosen = kafka_topic_partition_list_to_rd (rebalance->list, &error);
  if (chosen == NULL)
    {
      /* a C handler broke the list: follow the group as it said */
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "A rebalance handler left a bad partition list (%s): "
                        "applying the group's own", error->message);
      consumer_apply_rebalance (self, rebalance->err, rebalance->partitions,
                                rebalance->cooperative);
      return;
    }
  consumer_apply_rebalance (self, rebalance->err, chosen, rebalance->cooperative);
  rd_kafka_topic_partition_list_destroy (chosen);
}

/* librdkafka calls this from whatever serves the consumer queue: our source,
 * poll(), consume() or close(), always on a thread of ours. */
static void
consumer_rebalance_cb (rd_kafka_t                      *rk,
                       rd_kafka_resp_err_t              err,
                       rd_kafka_topic_partition_list_t *partitions,
                       void                            *opaque)
{
  KafkaConsumer *self = opaque;
  KafkaClient *client = KAFKA_CLIENT (self);
  const char *protocol = rd_kafka_rebalance_protocol (rk);
  g_autoptr(GPtrArray) list = NULL;
  Rebalance rebalance = { err, partitions, NULL, FALSE, FALSE };
  Rebalance *outer;
  guint signal_id;

  rebalance.cooperative = protocol != NULL && strcmp (protocol, "COOPERATIVE") == 0;
  /* what was handed out before the partitions go is theirs to commit */
  kafka_consumer_flow_store (self->flow);
  if (kafka_client_is_disposed (client))
    {
      /* closing on the way out: no signals, just follow the group */
      consumer_apply_rebalance (self, err, partitions, rebalance.cooperative);
      return;
    }

  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
    signal_id = signals[SIGNAL_PARTITIONS_ASSIGNED];
  else if (rd_kafka_assignment_lost (rk))
    signal_id = signals[SIGNAL_PARTITIONS_LOST];
  else
    signal_id = signals[SIGNAL_PARTITIONS_REVOKED];

  list = kafka_topic_partition_list_from_rd (partitions);
  rebalance.list = list;

  g_object_ref (self);
  outer = self->rebalance;
  self->rebalance = &rebalance;
  g_signal_emit (self, signal_id, 0, list);
  self->rebalance = outer;

  if (!kafka_client_is_disposed (client))
    consumer_apply_pending_rebalance (self, &rebalance);
  g_object_unref (self);
}

static void
consumer_mark_rebalance_handled (KafkaConsumer *self)
{
  if (self->rebalance != NULL)
    self->rebalance->handled = TRUE;
}

/* Called from a rebalance handler, close() must apply the rebalance first:
 * librdkafka waits for it before it can close. */
static void
consumer_apply_rebalance_now (KafkaConsumer *self)
{
  if (self->rebalance != NULL)
    consumer_apply_pending_rebalance (self, self->rebalance);
}

/* ------------------------------------------------------------------------ */
/* Commit results */

static char *
committed_key (const char *topic,
               gint32      partition)
{
  return g_strdup_printf ("%d:%s", (int) partition, topic);
}

/* Remembers the offsets a commit result says were committed. */
static void
consumer_note_committed (KafkaConsumer                         *self,
                         const rd_kafka_topic_partition_list_t *list)
{
  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];
      gint64 *offset;

      if (p->err != RD_KAFKA_RESP_ERR_NO_ERROR || p->offset < 0)
        continue;
      offset = g_new (gint64, 1);
      *offset = p->offset;
      g_hash_table_replace (self->committed, committed_key (p->topic, p->partition), offset);
    }
}

/* Of the consumer's positions, those past what it knows to be committed:
 * what a final commit would commit. */
static GPtrArray *
consumer_uncommitted_positions (KafkaConsumer *self)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  if (rd_kafka_assignment (consumer_rk (self), &list) != RD_KAFKA_RESP_ERR_NO_ERROR)
    return result;
  if (rd_kafka_position (consumer_rk (self), list) == RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      consumer_fix_positions (self, list);
      for (int i = 0; i < list->cnt; i++)
        {
          const rd_kafka_topic_partition_t *p = &list->elems[i];
          g_autofree char *key = committed_key (p->topic, p->partition);
          const gint64 *committed = g_hash_table_lookup (self->committed, key);

          if (p->offset >= 0 && (committed == NULL || *committed < p->offset))
            g_ptr_array_add (result, kafka_topic_partition_new (p->topic, p->partition, p->offset));
        }
    }
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

static void consumer_note_close_commit (KafkaConsumer *self,
                                        const GError  *error);

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
        g_signal_emit (self, signals[SIGNAL_COMMIT], 0, error, list);
        return 1;
      }
    default:
      return 0;
    }
}

/* The source drains the main queue with the base class; the consumer queue,
 * watched only in message-signal mode, is served here. */
static void consumer_update_mode (KafkaConsumer *self);
static void consumer_arm_recheck (KafkaConsumer *self);
static void weak_ref_free (gpointer data);

static void
consume_waiter_finish (ConsumeWaiter *waiter,
                       GPtrArray     *messages,
                       GError        *error)
{
  /* the callback may run right here and drop the caller's last reference:
   * the task's own goes with kafka_wait_clear() */
  g_autoptr(KafkaConsumer) self = g_object_ref (waiter->self);

  g_queue_remove (&self->consume_waiters, waiter);
  if (error != NULL)
    g_task_return_error (waiter->wait.task, error);
  else
    g_task_return_pointer (waiter->wait.task, messages, (GDestroyNotify) g_ptr_array_unref);
  kafka_wait_clear (&waiter->wait);
  g_free (waiter);
  consumer_update_mode (self);
}

/* Gives the oldest consume_async() call what the queue holds, if anything. */
static int
consumer_feed_waiter (KafkaConsumer *self)
{
  ConsumeWaiter *waiter = g_queue_peek_head (&self->consume_waiters);
  g_autofree rd_kafka_message_t **batch = NULL;
  GError *error = NULL;
  GPtrArray *messages;
  gsize n = 0;

  /* cancelled, and its cancellation not served yet (the source runs before
   * the idle that would): take nothing for it, or the messages would be
   * lost with the call */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (waiter->wait.task), &error))
    {
      consume_waiter_finish (waiter, NULL, error);
      return 1;
    }

  /* what is there, without waiting */
  batch = kafka_consumer_flow_take (self->flow, waiter->max_messages, 0, &n, NULL);
  if (batch == NULL || n == 0)
    return 0;
  kafka_consumer_flow_handed_all (self->flow, batch, n);
  kafka_consumer_flow_store (self->flow);
  messages = g_ptr_array_new_full ((guint) n, kafka_message_release);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (messages, consumer_wrap_message (self, batch[i]));
  consume_waiter_finish (waiter, messages, NULL);
  return (int) n;
}

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
  g_autoptr(GHashTable) config = kafka_client_get_config (client);

  rd_kafka_conf_set_rebalance_cb (conf, consumer_rebalance_cb);
  rd_kafka_conf_set_opaque (conf, client);
  self->flow = kafka_consumer_flow_new (conf, config);
}

/* ------------------------------------------------------------------------ */
/* Closing: one step function, driven by close() (blocking), by a timer for
 * close_async(), and by dispose (without signals). */

/* How long closing may take, handlers' time aside. An auto-committing
 * consumer commits its final offsets as it closes, and librdkafka would wait
 * for an unreachable coordinator up to session.timeout.ms (45 s by default);
 * an application that quits while Kafka is unreachable must quit promptly,
 * and is told what was not committed. */
#define CLOSE_TIMEOUT_MS 10000

typedef struct _ConsumerClose {
  rd_kafka_queue_t *queue;     /* librdkafka's events for the close */
  gint64            deadline;  /* monotonic, µs; handlers' time is added */
  gboolean          signals;   /* FALSE when closing on dispose */
  gboolean          stepping;  /* a step is running (its handlers may call close()) */
  GPtrArray        *positions; /* auto-commit: what the final commit is to commit */
  GError           *commit_error; /* the first commit result that failed meanwhile */
  GSList           *tasks;     /* close_async() calls waiting */
  GSource          *tick;      /* close_async()'s steps */
} ConsumerClose;

/* Starts closing: librdkafka revokes, commits (auto-commit) and leaves the
 * group, reporting on a queue of ours that the steps serve. */
static gboolean
consumer_close_start (KafkaConsumer  *self,
                      gboolean        with_signals,
                      GError        **error)
{
  rd_kafka_t *rk = consumer_rk (self);
  ConsumerClose *close = g_new0 (ConsumerClose, 1);
  rd_kafka_error_t *rderror;

  /* what was handed out is what the final commit commits; the rest of a
   * message-signal batch is dropped */
  if (self->emission != NULL)
    self->emission->stop = TRUE;
  kafka_consumer_flow_store (self->flow);

  close->queue = rd_kafka_queue_new (rk);
  close->signals = with_signals;
  close->deadline = g_get_monotonic_time () + CLOSE_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  if (self->auto_commit)
    close->positions = consumer_uncommitted_positions (self);

  rderror = rd_kafka_consumer_close_queue (rk, close->queue);
  if (rderror != NULL)
    {
      g_set_error (error, KAFKA_ERROR, kafka_error_from_rd (rd_kafka_error_code (rderror)),
                   "Could not close the consumer: %s", rd_kafka_error_string (rderror));
      rd_kafka_error_destroy (rderror);
      rd_kafka_queue_destroy (close->queue);
      g_clear_pointer (&close->positions, g_ptr_array_unref);
      g_free (close);
      return FALSE;
    }
  self->closing = close;
  return TRUE;
}

/* Serves the close's events, waiting up to @timeout_ms for the first one,
 * and the client's own (commit results, errors) when signals are on.
 * Returns TRUE once closing is over: closed, or out of time. */
static gboolean
consumer_close_step (KafkaConsumer *self,
                     int            timeout_ms)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  ConsumerClose *close = self->closing;
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_event_t *event;
  gint64 start;

  close->stepping = TRUE;
  event = rd_kafka_queue_poll (close->queue, timeout_ms);
  for (; event != NULL; event = rd_kafka_queue_poll (close->queue, 0))
    {
      /* polled as events, rebalances come as events, not callbacks */
      if (rd_kafka_event_type (event) == RD_KAFKA_EVENT_REBALANCE)
        {
          start = g_get_monotonic_time ();
          consumer_rebalance_cb (rk, rd_kafka_event_error (event),
                                 (rd_kafka_topic_partition_list_t *) rd_kafka_event_topic_partition_list (event),
                                 self);
          close->deadline += g_get_monotonic_time () - start;
        }
      rd_kafka_event_destroy (event);
    }
  if (close->signals && !kafka_client_is_disposed (client))
    {
      start = g_get_monotonic_time ();
      kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
      close->deadline += g_get_monotonic_time () - start;
    }
  close->stepping = FALSE;

  return rd_kafka_consumer_closed (rk) || g_get_monotonic_time () >= close->deadline;
}

static char *
describe_offsets (GPtrArray *partitions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);

      g_string_append_printf (text, "%s“%s” [%d] at offset %" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", kafka_topic_partition_get_topic (tp),
                              (int) kafka_topic_partition_get_partition (tp),
                              kafka_topic_partition_get_offset (tp));
    }
  return g_string_free (text, FALSE);
}

/* A commit result came while closing (the final commit's, most likely). */
static void
consumer_note_close_commit (KafkaConsumer *self,
                            const GError  *error)
{
  if (self->closing != NULL && error != NULL && self->closing->commit_error == NULL)
    self->closing->commit_error = g_error_copy (error);
}

/* Without signals (dispose), the commit results still count. */
static void
consumer_drain_commit_results (KafkaConsumer *self)
{
  rd_kafka_queue_t *queue = kafka_client_get_main_queue (KAFKA_CLIENT (self));
  rd_kafka_event_t *event;

  while ((event = rd_kafka_queue_poll (queue, 0)) != NULL)
    {
      if (rd_kafka_event_type (event) == RD_KAFKA_EVENT_OFFSET_COMMIT)
        {
          rd_kafka_resp_err_t err = rd_kafka_event_error (event);

          if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
            consumer_note_committed (self, rd_kafka_event_topic_partition_list (event));
          else
            {
              g_autoptr(GError) error = NULL;

              kafka_set_error (&error, err, "Commit failed");
              consumer_note_close_commit (self, error);
            }
        }
      rd_kafka_event_destroy (event);
    }
}

/* Ends closing: the consumer is closed for good, whether librdkafka
 * finished or not. If it did not, or the final commit failed, the offsets
 * that commit was to commit and no commit result confirmed are reported:
 * in the error, and as a #KafkaConsumer::commit signal (librdkafka's own
 * result, or ours when it gave none in time) or, without signals, in the
 * log. Completes the close_async() calls and the waiting consume_async()
 * ones. */
static gboolean
consumer_close_finish (KafkaConsumer  *self,
                       GError        **error)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  g_autoptr(KafkaConsumer) hold = g_object_ref (self);
  ConsumerClose *close = self->closing;
  gboolean closed = rd_kafka_consumer_closed (consumer_rk (self));
  gboolean with_signals = close->signals && !kafka_client_is_disposed (client);
  g_autoptr(GPtrArray) uncommitted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local = NULL;

  /* the final commit's result is on the main queue by now, if it came */
  if (with_signals)
    kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
  else
    consumer_drain_commit_results (self);
  self->closing = NULL;
  self->closed = TRUE;
  kafka_client_mark_closed (client, CLOSED_MESSAGE);
  /* librdkafka goes on waiting for the coordinator (up to
   * session.timeout.ms), and rd_kafka_destroy() with it */
  if (!closed)
    kafka_client_destroy_in_background (client);

  /* what no commit result confirmed */
  for (guint i = 0; close->positions != NULL && i < close->positions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (close->positions, i);
      g_autofree char *key = committed_key (kafka_topic_partition_get_topic (tp),
                                            kafka_topic_partition_get_partition (tp));
      const gint64 *committed = g_hash_table_lookup (self->committed, key);

      if (committed == NULL || *committed < kafka_topic_partition_get_offset (tp))
        g_ptr_array_add (uncommitted, g_object_ref (tp));
    }

  if (!closed || (close->commit_error != NULL && uncommitted->len > 0))
    {
      g_autofree char *offsets = describe_offsets (uncommitted);

      if (!closed && uncommitted->len == 0)
        local = g_error_new (KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
                             "The consumer did not finish leaving its group in %d s "
                             "(is the group coordinator reachable?); it is closed all the same",
                             CLOSE_TIMEOUT_MS / 1000);
      else if (!closed)
        local = g_error_new (KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
                             "The final commit did not complete in %d s (is the group "
                             "coordinator reachable?); the consumer is closed, and these "
                             "offsets were not committed: %s",
                             CLOSE_TIMEOUT_MS / 1000, offsets);
      else
        local = g_error_new (KAFKA_ERROR, close->commit_error->code,
                             "The final commit failed (%s); the consumer is closed, and "
                             "these offsets were not committed: %s",
                             close->commit_error->message, offsets);

      if (uncommitted->len > 0 && !with_signals)
        g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                          "KAFKA_CLIENT", kafka_client_get_name (client),
                          "MESSAGE", "%s: %s", kafka_client_get_name (client), local->message);
      else if (uncommitted->len > 0 && !closed)
        {
          /* librdkafka gave no result in time: the commit signal is ours */
          for (guint i = 0; i < uncommitted->len; i++)
            kafka_topic_partition_set_error (g_ptr_array_index (uncommitted, i), local);
          g_signal_emit (self, signals[SIGNAL_COMMIT], 0, local, uncommitted);
        }
    }

  while (!g_queue_is_empty (&self->consume_waiters))
    consume_waiter_finish (g_queue_peek_head (&self->consume_waiters), NULL,
                           g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_STATE,
                                                "The consumer was closed"));

  for (GSList *l = close->tasks; l != NULL; l = l->next)
    {
      if (local != NULL)
        g_task_return_error (l->data, g_error_copy (local));
      else
        g_task_return_boolean (l->data, TRUE);
    }
  g_slist_free_full (close->tasks, g_object_unref);
  if (close->tick != NULL)
    {
      g_source_destroy (close->tick);
      g_source_unref (close->tick);
    }
  rd_kafka_queue_destroy (close->queue);
  g_clear_pointer (&close->positions, g_ptr_array_unref);
  g_clear_error (&close->commit_error);
  g_free (close);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* Closes, blocking, from start to finish. */
static gboolean
consumer_close_blocking (KafkaConsumer  *self,
                         gboolean        with_signals,
                         GError        **error)
{
  if (self->closing == NULL && !consumer_close_start (self, with_signals, error))
    return FALSE;
  self->closing->signals = with_signals;
  while (!consumer_close_step (self, 100))
    ;
  return consumer_close_finish (self, error);
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

static void
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
  g_autoptr(GHashTable) config = kafka_client_get_config (client);
  const char *group = g_hash_table_lookup (config, "group.id");
  const char *interval = g_hash_table_lookup (config, "max.poll.interval.ms");

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
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE);
  /* emitted per message: a marshaller that skips the GValues */
  g_signal_set_va_marshaller (signals[SIGNAL_MESSAGE], G_TYPE_FROM_CLASS (klass),
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
  signals[SIGNAL_MESSAGE_BATCH] =
    g_signal_new ("message-batch", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, KAFKA_TYPE_MESSAGE_BATCH);
  g_signal_set_va_marshaller (signals[SIGNAL_MESSAGE_BATCH], G_TYPE_FROM_CLASS (klass),
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
  signals[SIGNAL_COMMIT] =
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
  signals[SIGNAL_PARTITIONS_ASSIGNED] =
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
  signals[SIGNAL_PARTITIONS_REVOKED] =
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
  signals[SIGNAL_PARTITIONS_LOST] =
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

/* ------------------------------------------------------------------------ */
/* Subscription and assignment */

static gboolean
topic_name_is_valid (const char *topic)
{
  gsize len = strlen (topic);

  if (len == 0 || len > 249 || strcmp (topic, ".") == 0 || strcmp (topic, "..") == 0)
    return FALSE;
  for (const char *p = topic; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * kafka_consumer_subscribe:
 * @self: a #KafkaConsumer
 * @topics: (array zero-terminated=1): the topics, or regular expressions
 *   starting with `^` (`"^events\\..*"`)
 * @error: return location for a #GError
 *
 * Joins the consumer group (`group.id`) for @topics, replacing any earlier
 * subscription. Partitions come later, through
 * #KafkaConsumer::partitions-assigned.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%KAFKA_ERROR_INVALID_ARG for an empty list or an invalid topic name)
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_subscribe (KafkaConsumer       *self,
                          const char * const  *topics,
                          GError             **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (topics != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  if (topics[0] == NULL)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "Subscribing to no topic: use kafka_consumer_unsubscribe()");
      return FALSE;
    }

  list = rd_kafka_topic_partition_list_new (g_strv_length ((char **) topics));
  for (gsize i = 0; topics[i] != NULL; i++)
    {
      if (topics[i][0] != '^' && !topic_name_is_valid (topics[i]))
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Invalid topic name “%s”: Kafka topic names are 1 to 249 "
                       "characters of ASCII letters, digits, “.”, “_” and “-” "
                       "(a regular expression must start with “^”)", topics[i]);
          rd_kafka_topic_partition_list_destroy (list);
          return FALSE;
        }
      rd_kafka_topic_partition_list_add (list, topics[i], RD_KAFKA_PARTITION_UA);
    }

  err = rd_kafka_subscribe (consumer_rk (self), list);
  rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not subscribe");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_unsubscribe:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Leaves the subscription: the partitions are revoked.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_unsubscribe (KafkaConsumer  *self,
                            GError        **error)
{
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  err = rd_kafka_unsubscribe (consumer_rk (self));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not unsubscribe");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_get_subscription:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Gets the topics (and patterns) the consumer is subscribed to.
 *
 * Returns: (transfer full) (array zero-terminated=1): the topics, or %NULL
 *   with @error set
 *
 * Since: 1.0
 */
char **
kafka_consumer_get_subscription (KafkaConsumer  *self,
                                 GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;
  GStrvBuilder *builder;
  char **topics;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  err = rd_kafka_subscription (consumer_rk (self), &list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not get the subscription");
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (int i = 0; i < list->cnt; i++)
    g_strv_builder_add (builder, list->elems[i].topic);
  rd_kafka_topic_partition_list_destroy (list);
  topics = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return topics;
}

static gboolean
check_partition_errors (const rd_kafka_topic_partition_list_t  *list,
                        GError                                **error,
                        const char                             *what)
{
  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];

      if (p->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        {
          kafka_set_error (error, p->err, "%s “%s” [%d]", what, p->topic, (int) p->partition);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
finish_error (rd_kafka_error_t  *rderror,
              GError           **error,
              const char        *what)
{
  if (rderror == NULL)
    return TRUE;
  g_set_error (error, KAFKA_ERROR, kafka_error_from_rd (rd_kafka_error_code (rderror)),
               "%s: %s", what, rd_kafka_error_string (rderror));
  rd_kafka_error_destroy (rderror);
  return FALSE;
}

/* librdkafka takes partition -1 or an empty topic name in an assignment
 * without a word, and then fetches nothing: a new librdkafka list of
 * @partitions, or NULL with @error set */
static rd_kafka_topic_partition_list_t *
assignment_to_rd (GPtrArray  *partitions,
                  GError    **error)
{
  rd_kafka_topic_partition_list_t *list = kafka_topic_partition_list_to_rd (partitions, error);

  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];

      if (*p->topic == '\0' || p->partition < 0)
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Cannot assign “%s” [%d]: an assignment needs a topic name and "
                       "a partition number (0 or more) for each partition",
                       p->topic, (int) p->partition);
          g_clear_pointer (&list, rd_kafka_topic_partition_list_destroy);
        }
    }
  return list;
}

/**
 * kafka_consumer_assign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to
 *   consume, each with the offset to start from (%KAFKA_OFFSET_STORED for
 *   the committed one, %KAFKA_OFFSET_BEGINNING, %KAFKA_OFFSET_END or an
 *   absolute offset)
 * @error: return location for a #GError
 *
 * Replaces the consumer's assignment. Called from a
 * #KafkaConsumer::partitions-assigned handler, it applies the group's
 * assignment in place of the consumer.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_assign (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = assignment_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  /* the partitions that go keep what was handed out of them */
  kafka_consumer_flow_store (self->flow);
  err = rd_kafka_assign (consumer_rk (self), list);
  rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not assign partitions");
      return FALSE;
    }
  kafka_consumer_flow_forget (self->flow, NULL, 0);
  consumer_emission_stale (self, NULL, 0, STALE_DROP);
  consumer_mark_rebalance_handled (self);
  return TRUE;
}

/**
 * kafka_consumer_unassign:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Drops the whole assignment.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_unassign (KafkaConsumer  *self,
                         GError        **error)
{
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  kafka_consumer_flow_store (self->flow);
  err = rd_kafka_assign (consumer_rk (self), NULL);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not unassign");
      return FALSE;
    }
  kafka_consumer_flow_forget (self->flow, NULL, 0);
  consumer_emission_stale (self, NULL, 0, STALE_DROP);
  consumer_mark_rebalance_handled (self);
  return TRUE;
}

/**
 * kafka_consumer_incremental_assign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to add to the
 *   assignment, with their start offsets
 * @error: return location for a #GError
 *
 * Adds partitions to the assignment, as the cooperative-sticky protocol needs.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_incremental_assign (KafkaConsumer  *self,
                                   GPtrArray      *partitions,
                                   GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = assignment_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  ok = finish_error (rd_kafka_incremental_assign (consumer_rk (self), list), error,
                     "Could not add to the assignment");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      kafka_consumer_flow_forget (self->flow, NULL, 0);
      consumer_mark_rebalance_handled (self);
    }
  return ok;
}

/**
 * kafka_consumer_incremental_unassign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to remove from
 *   the assignment
 * @error: return location for a #GError
 *
 * Removes partitions from the assignment, as the cooperative-sticky protocol
 * needs.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_incremental_unassign (KafkaConsumer  *self,
                                     GPtrArray      *partitions,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  kafka_consumer_flow_store (self->flow);
  ok = finish_error (rd_kafka_incremental_unassign (consumer_rk (self), list), error,
                     "Could not remove from the assignment");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      kafka_consumer_flow_forget (self->flow, NULL, 0);
      consumer_emission_stale_list (self, partitions, STALE_DROP);
      consumer_mark_rebalance_handled (self);
    }
  return ok;
}

/**
 * kafka_consumer_get_assignment:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Gets the partitions currently assigned.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   assignment, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_get_assignment (KafkaConsumer  *self,
                               GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  err = rd_kafka_assignment (consumer_rk (self), &list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not get the assignment");
      return NULL;
    }
  result = kafka_topic_partition_list_from_rd (list);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_get_rebalance_protocol:
 * @self: a #KafkaConsumer
 *
 * Gets the rebalance protocol of the group: `"EAGER"`, `"COOPERATIVE"`, or
 * %NULL before the consumer joined a group.
 *
 * Returns: (transfer none) (nullable): the protocol
 *
 * Since: 1.0
 */
const char *
kafka_consumer_get_rebalance_protocol (KafkaConsumer *self)
{
  const char *protocol;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, NULL))
    return NULL;
  protocol = rd_kafka_rebalance_protocol (consumer_rk (self));
  return protocol && strcmp (protocol, "NONE") != 0 ? protocol : NULL;
}

/* ------------------------------------------------------------------------ */
/* Consuming */

/**
 * kafka_consumer_poll:
 * @self: a #KafkaConsumer
 * @timeout_ms: how long to wait for a message, in milliseconds (0: do not
 *   wait; -1: no limit)
 * @error: return location for a #GError
 *
 * Returns the next message, waiting up to @timeout_ms for one. Rebalance
 * signals are emitted from here, on the calling thread. A consumer error
 * (the end of a partition with `enable.partition.eof`, a fetch error) comes
 * as a message whose kafka_message_get_error() says what happened, as with
 * confluent-kafka-python.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL if none came in
 *   time (@error unset) or the consumer is closed (@error set to
 *   %KAFKA_ERROR_STATE)
 *
 * Since: 1.0
 */
KafkaMessage *
kafka_consumer_poll (KafkaConsumer  *self,
                     int             timeout_ms,
                     GError        **error)
{
  /* called per message: no checked casts */
  KafkaClient *client = (KafkaClient *) self;
  KafkaConsumerFlow *flow;
  rd_kafka_message_t *rkm = NULL;
  GRefString *topic;
  gssize n;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kafka_client_check_open (client, error))
    return NULL;
  flow = self->flow;

  /* logs, errors and commit results may be waiting on the main queue */
  kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
  /* from a message handler: the rest of its batch comes first */
  consumer_emission_give_back (self);

  /* what is there first (which restarts a stopped fetcher), then wait */
  n = kafka_consumer_flow_take_now (flow, &rkm, 1, error);
  if (n == 0 && timeout_ms != 0)
    n = kafka_consumer_flow_wait (flow, &rkm, timeout_ms);
  if (n <= 0)
    {
      /* idle: what was handed out is stored now */
      kafka_consumer_flow_store (flow);
      if (n < 0 && error != NULL && *error == NULL)
        kafka_set_error (error, rd_kafka_last_error (), "Could not consume");
      return NULL;
    }

  topic = kafka_consumer_flow_topic_name (flow, rkm);
  kafka_consumer_flow_handed (flow, rkm, topic);
  return kafka_message_new_consumed (rkm, topic, kafka_client_ref_handle (client));
}

/* What consume() and consume_batch() share: up to @max_messages
 * messages in a new array, or NULL with @error set. */
static rd_kafka_message_t **
consumer_take (KafkaConsumer  *self,
               guint           max_messages,
               int             timeout_ms,
               gsize          *n_taken,
               GError        **error)
{
  rd_kafka_message_t **batch;

  if (!consumer_check_open (self, error))
    return NULL;

  /* logs, errors and commit results may be waiting on the main queue */
  kafka_client_serve (KAFKA_CLIENT (self), kafka_client_get_main_queue (KAFKA_CLIENT (self)), 0);
  /* from a message handler: the rest of its batch comes first */
  consumer_emission_give_back (self);

  batch = kafka_consumer_flow_take (self->flow, MIN (max_messages, 1000000), timeout_ms,
                                    n_taken, error);
  if (batch != NULL)
    {
      /* handed out as one */
      kafka_consumer_flow_handed_all (self->flow, batch, *n_taken);
      kafka_consumer_flow_store (self->flow);
    }
  return batch;
}

/**
 * kafka_consumer_consume:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for @max_messages, in milliseconds (-1: no
 *   limit)
 * @error: return location for a #GError
 *
 * Returns up to @max_messages messages in one call, waiting until there are
 * that many or @timeout_ms passed: the way for bindings to pay per batch,
 * not per message. Rebalance signals are emitted from here, on the calling
 * thread.
 *
 * Returns: (transfer container) (element-type KafkaMessage): the messages (maybe
 *   none), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_consume (KafkaConsumer  *self,
                        guint           max_messages,
                        int             timeout_ms,
                        GError        **error)
{
  g_autofree rd_kafka_message_t **batch = NULL;
  GPtrArray *messages;
  gsize n = 0;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  batch = consumer_take (self, max_messages, timeout_ms, &n, error);
  if (batch == NULL)
    return NULL;

  /* a message nothing else holds when the array goes is kept for the
   * next ones */
  messages = g_ptr_array_new_full ((guint) n, kafka_message_release);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (messages, consumer_wrap_message (self, batch[i]));
  return messages;
}

/**
 * kafka_consumer_consume_batch:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for @max_messages, in milliseconds (-1: no
 *   limit)
 * @error: return location for a #GError
 *
 * Does what kafka_consumer_consume() does, but returns the messages as one
 * #KafkaMessageBatch, read column by column, and creates no object per
 * message: the fastest way to consume from Python or JavaScript.
 *
 * |[<!-- language="Python" -->
 * batch = consumer.consume_batch(10000, 1000)
 * data, lengths = batch.get_values()
 * offsets = batch.get_offsets()
 * ]|
 *
 * Returns: (transfer full): the messages (maybe none), or %NULL with @error
 *   set
 *
 * Since: 1.0
 */
KafkaMessageBatch *
kafka_consumer_consume_batch (KafkaConsumer  *self,
                              guint           max_messages,
                              int             timeout_ms,
                              GError        **error)
{
  g_autofree rd_kafka_message_t **batch = NULL;
  gsize n = 0;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  batch = consumer_take (self, max_messages, timeout_ms, &n, error);
  if (batch == NULL)
    return NULL;
  return consumer_wrap_batch (self, batch, (guint) n);
}

/* ------------------------------------------------------------------------ */
/* Offsets */

static GPtrArray *
consumer_commit_sync (KafkaConsumer                   *self,
                      rd_kafka_topic_partition_list_t *offsets,
                      GError                         **error)
{
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_queue_t *queue = rd_kafka_queue_new (rk);
  rd_kafka_event_t *event;
  rd_kafka_resp_err_t err;
  GPtrArray *result = NULL;

  err = rd_kafka_commit_queue (rk, offsets, queue, NULL, NULL);
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      /* librdkafka bounds the commit itself (socket and coordinator timeouts) */
      do
        event = rd_kafka_queue_poll (queue, 1000);
      while (event == NULL);

      err = rd_kafka_event_error (event);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        {
          const rd_kafka_topic_partition_list_t *list = rd_kafka_event_topic_partition_list (event);

          result = kafka_topic_partition_list_from_rd (list);
          consumer_note_committed (self, list);
          for (int i = 0; list != NULL && i < list->cnt; i++)
            if (list->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR)
              {
                kafka_set_error (error, list->elems[i].err,
                                 "Could not commit the offset of “%s” [%d]",
                                 list->elems[i].topic, (int) list->elems[i].partition);
                g_clear_pointer (&result, g_ptr_array_unref);
                break;
              }
        }
      rd_kafka_event_destroy (event);
    }
  rd_kafka_queue_destroy (queue);

  if (err == RD_KAFKA_RESP_ERR__NO_OFFSET)
    g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_NO_OFFSET,
                         "Nothing to commit: the consumer has consumed nothing "
                         "since the last commit, or is not assigned any partition");
  else if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    kafka_set_error (error, err, "Commit failed");
  return result;
}

/**
 * kafka_consumer_commit:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit (the offset of the next message to read, for each partition), or
 *   %NULL (or an empty array) for the consumer's current positions
 * @error: return location for a #GError
 *
 * Commits offsets for the group and waits for the broker's answer, blocking
 * the calling thread.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the offsets
 *   committed, or %NULL with @error set (%KAFKA_ERROR_NO_OFFSET when there is
 *   nothing to commit; the first partition's error when a partition failed)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit (KafkaConsumer  *self,
                       GPtrArray      *offsets,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  /* GJS passes an empty array for null */
  if (offsets != NULL && offsets->len > 0)
    {
      list = kafka_topic_partition_list_to_rd (offsets, error);
      if (list == NULL)
        return NULL;
    }
  else if (!consumer_on_worker ())
    /* the current positions: what was handed out */
    kafka_consumer_flow_store (self->flow);
  result = consumer_commit_sync (self, list, error);
  if (list != NULL)
    rd_kafka_topic_partition_list_destroy (list);
  return result;
}

static rd_kafka_topic_partition_list_t *
message_offset_list (KafkaMessage *message)
{
  rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new (1);

  rd_kafka_topic_partition_list_add (list, kafka_message_get_topic (message),
                                     kafka_message_get_partition (message))->offset =
    kafka_message_get_offset (message) + 1;
  return list;
}

static gboolean
check_message_for_offset (KafkaMessage  *message,
                          GError       **error)
{
  const GError *message_error = kafka_message_get_error (message);

  /* a consumer error (the end of a partition, a fetch error) comes as a
   * message whose offset is where it happened, not one to read past */
  if (message_error != NULL)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "The message carries an error (%s), not data: it has no offset "
                   "to commit or store; commit or store the last message that had data",
                   message_error->message);
      return FALSE;
    }
  if (kafka_message_get_topic (message) == NULL || kafka_message_get_offset (message) < 0)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "The message has no offset to commit or store (it was not consumed)");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_commit_message:
 * @self: a #KafkaConsumer
 * @message: a consumed message
 * @error: return location for a #GError
 *
 * Commits the offset after @message (its offset + 1) for its partition and
 * waits for the broker's answer, blocking the calling thread.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the offset
 *   committed, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit_message (KafkaConsumer  *self,
                               KafkaMessage   *message,
                               GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (KAFKA_IS_MESSAGE (message), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!consumer_check_open (self, error) || !check_message_for_offset (message, error))
    return NULL;

  list = message_offset_list (message);
  result = consumer_commit_sync (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_commit_in_background:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit, or %NULL (or an empty array) for the current positions
 * @error: return location for a #GError
 *
 * Starts a commit and returns at once (confluent-kafka-python's
 * `commit(asynchronous=True)`); the result comes with the
 * #KafkaConsumer::commit signal.
 *
 * Returns: %TRUE if the commit was started, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_commit_in_background (KafkaConsumer  *self,
                                     GPtrArray      *offsets,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  /* GJS passes an empty array for null */
  if (offsets != NULL && offsets->len > 0)
    {
      list = kafka_topic_partition_list_to_rd (offsets, error);
      if (list == NULL)
        return FALSE;
    }
  else
    kafka_consumer_flow_store (self->flow);
  err = rd_kafka_commit_queue (consumer_rk (self), list,
                               kafka_client_get_main_queue (KAFKA_CLIENT (self)), NULL, NULL);
  if (list != NULL)
    rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not start a commit");
      return FALSE;
    }
  return TRUE;
}

/* The calls that fill in a list of partitions (committed offsets, positions,
 * offsets for times): a new list of the answers, each partition with its own
 * error if it failed, or %NULL with @error set if the call failed. */
typedef rd_kafka_resp_err_t (*PartitionQuery) (rd_kafka_t                      *rk,
                                               rd_kafka_topic_partition_list_t *list,
                                               int                              timeout_ms);

static rd_kafka_resp_err_t
consumer_position_query (rd_kafka_t                      *rk,
                         rd_kafka_topic_partition_list_t *list,
                         int                              timeout_ms)
{
  rd_kafka_resp_err_t err = rd_kafka_position (rk, list);

  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    consumer_fix_positions (rd_kafka_opaque (rk), list);
  return err;
}

static GPtrArray *
consumer_query (KafkaConsumer   *self,
                GPtrArray       *partitions,
                PartitionQuery   query,
                int              timeout_ms,
                const char      *what,
                GError         **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;
  GPtrArray *result = NULL;

  if (!consumer_check_open (self, error))
    return NULL;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return NULL;
  err = query (consumer_rk (self), list, timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    kafka_set_error (error, err, "%s", what);
  else
    result = kafka_topic_partition_list_from_rd (list);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_committed:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask
 *   about
 * @timeout_ms: how long to wait for the group coordinator, in milliseconds
 * @error: return location for a #GError
 *
 * Asks the group coordinator for the offsets the group committed, blocking
 * the calling thread up to @timeout_ms.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their committed offsets (%KAFKA_OFFSET_INVALID where
 *   nothing was committed), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_committed (KafkaConsumer  *self,
                          GPtrArray      *partitions,
                          int             timeout_ms,
                          GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, rd_kafka_committed, timeout_ms,
                         "Could not get the committed offsets", error);
}

static gboolean
consumer_store (KafkaConsumer                   *self,
                rd_kafka_topic_partition_list_t *list,
                GError                         **error)
{
  /* librdkafka's own setting is always off: the consumer stores what it
   * hands out (kafka-consumer-flow.c) when the application's is on */
  rd_kafka_resp_err_t err = kafka_consumer_flow_get_auto_store (self->flow)
                            ? RD_KAFKA_RESP_ERR__INVALID_ARG
                            : rd_kafka_offsets_store (consumer_rk (self), list);

  if (err == RD_KAFKA_RESP_ERR__INVALID_ARG)
    {
      kafka_set_error (error, err, "Could not store offsets: set "
                       "enable.auto.offset.store to false to store offsets yourself");
      return FALSE;
    }
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__STATE)
    {
      kafka_set_error (error, err, "Could not store offsets");
      return FALSE;
    }
  return check_partition_errors (list, error, "Could not store the offset of");
}

/**
 * kafka_consumer_store_offsets:
 * @self: a #KafkaConsumer
 * @offsets: (element-type KafkaTopicPartition): the offsets to store (the
 *   offset of the next message to read, for each partition)
 * @error: return location for a #GError
 *
 * Stores offsets for the next commit, automatic or explicit. Needs
 * `enable.auto.offset.store=false`. Only assigned partitions can be stored.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_store_offsets (KafkaConsumer  *self,
                              GPtrArray      *offsets,
                              GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (offsets != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (offsets, error);
  if (list == NULL)
    return FALSE;
  ok = consumer_store (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return ok;
}

/**
 * kafka_consumer_store_message_offset:
 * @self: a #KafkaConsumer
 * @message: a consumed message
 * @error: return location for a #GError
 *
 * Stores the offset after @message for the next commit, as
 * confluent-kafka-python's `store_offsets(message=…)`. Needs
 * `enable.auto.offset.store=false`.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_store_message_offset (KafkaConsumer  *self,
                                     KafkaMessage   *message,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (KAFKA_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error) || !check_message_for_offset (message, error))
    return FALSE;

  list = message_offset_list (message);
  ok = consumer_store (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return ok;
}

/**
 * kafka_consumer_position:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask about
 * @error: return location for a #GError
 *
 * Gets the consumer's position in each partition: the offset of the next
 * message it will return. Does not block.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their positions (%KAFKA_OFFSET_INVALID if not known), or
 *   %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_position (KafkaConsumer  *self,
                         GPtrArray      *partitions,
                         GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, consumer_position_query, 0,
                         "Could not get the positions", error);
}

/**
 * kafka_consumer_seek:
 * @self: a #KafkaConsumer
 * @partition: an assigned partition, with the offset to read from next
 * @timeout_ms: how long to wait for the seek to take effect, in milliseconds
 *   (0: do not wait)
 * @error: return location for a #GError
 *
 * Moves the consumer's position in an assigned partition: the next message
 * it returns from @partition is the one at its offset.
 *
 * Returns: %TRUE on success, %FALSE with @error set (%KAFKA_ERROR_STATE for
 *   a partition that is not assigned)
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_seek (KafkaConsumer        *self,
                     KafkaTopicPartition  *partition,
                     int                   timeout_ms,
                     GError              **error)
{
  g_autoptr(GPtrArray) array = NULL;
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_error_t *rderror;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (partition), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  array = g_ptr_array_new ();
  g_ptr_array_add (array, partition);
  list = kafka_topic_partition_list_to_rd (array, NULL);
  rderror = rd_kafka_seek_partitions (consumer_rk (self), list, timeout_ms);
  /* with no wait, librdkafka marks a seek it queued "in progress" */
  if (timeout_ms == 0 && list->elems[0].err == RD_KAFKA_RESP_ERR__IN_PROGRESS)
    list->elems[0].err = RD_KAFKA_RESP_ERR_NO_ERROR;
  ok = finish_error (rderror, error, "Could not seek") &&
       check_partition_errors (list, error, "Could not seek in");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      /* the application's seek wins over the consumer's own */
      kafka_consumer_flow_forget (self->flow, kafka_topic_partition_get_topic (partition),
                                  kafka_topic_partition_get_partition (partition));
      consumer_emission_stale (self, kafka_topic_partition_get_topic (partition),
                               kafka_topic_partition_get_partition (partition), STALE_DROP);
    }
  return ok;
}

static gboolean
consumer_pause_resume (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       gboolean        pause,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;
  gboolean ok;

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  err = pause ? rd_kafka_pause_partitions (consumer_rk (self), list)
              : rd_kafka_resume_partitions (consumer_rk (self), list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, pause ? "Could not pause" : "Could not resume");
      ok = FALSE;
    }
  else
    ok = check_partition_errors (list, error, pause ? "Could not pause" : "Could not resume");
  rd_kafka_topic_partition_list_destroy (list);
  /* librdkafka drops what it queued for a paused partition, and resumes
   * after the last message it handed out: from a message handler, the
   * partition's part of the batch is given back */
  if (ok && pause)
    consumer_emission_stale_list (self, partitions, STALE_REWIND);
  return ok;
}

/**
 * kafka_consumer_pause:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to stop
 *   fetching from
 * @error: return location for a #GError
 *
 * Stops fetching from @partitions, keeping them assigned, until
 * kafka_consumer_resume().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_pause (KafkaConsumer  *self,
                      GPtrArray      *partitions,
                      GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  return consumer_pause_resume (self, partitions, TRUE, error);
}

/**
 * kafka_consumer_resume:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): paused partitions to
 *   fetch from again
 * @error: return location for a #GError
 *
 * Resumes fetching from paused partitions.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_resume (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  return consumer_pause_resume (self, partitions, FALSE, error);
}

/**
 * kafka_consumer_offsets_for_times:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions whose offset
 *   is a timestamp, in milliseconds since the Unix epoch
 * @timeout_ms: how long to wait for the brokers, in milliseconds
 * @error: return location for a #GError
 *
 * Looks up, for each partition, the earliest offset whose timestamp is at
 * or after the given one. Blocks the calling thread up to @timeout_ms.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with those offsets (%KAFKA_OFFSET_END, -1, where every
 *   message is older), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_offsets_for_times (KafkaConsumer  *self,
                                  GPtrArray      *partitions,
                                  int             timeout_ms,
                                  GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, rd_kafka_offsets_for_times, timeout_ms,
                         "Could not look up offsets for times", error);
}

/**
 * kafka_consumer_get_member_id:
 * @self: a #KafkaConsumer
 *
 * Gets the consumer's member id in its group, given by the group
 * coordinator.
 *
 * Returns: (transfer full) (nullable): the member id, or %NULL before the
 *   consumer joined the group
 *
 * Since: 1.0
 */
char *
kafka_consumer_get_member_id (KafkaConsumer *self)
{
  char *id, *copy;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, NULL))
    return NULL;
  id = rd_kafka_memberid (consumer_rk (self));
  if (id == NULL)
    return NULL;
  copy = *id ? g_strdup (id) : NULL;
  rd_kafka_mem_free (consumer_rk (self), id);
  return copy;
}

/**
 * kafka_consumer_close:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Leaves the group: emits #KafkaConsumer::partitions-revoked, commits the
 * final offsets if `enable.auto.commit` is on (with a #KafkaConsumer::commit
 * signal for the result), and stops fetching. Blocks the calling thread
 * until done, ten seconds at most (time spent in signal handlers aside).
 * Afterwards every call fails with %KAFKA_ERROR_STATE. Disposing of an open
 * consumer closes it too, without signals.
 *
 * A #KafkaConsumer::partitions-revoked (or any other) handler may call it:
 * the rebalance being handled is applied first. Called from a handler of
 * the close in progress (its own revoke), it returns %TRUE at once: the
 * close finishes when the handler returns.
 *
 * Returns: %TRUE on success, %FALSE with @error set: %KAFKA_ERROR_TIMED_OUT
 *   when librdkafka did not finish in time (the coordinator is unreachable,
 *   say); the consumer is closed all the same, and the message names the
 *   offsets the final commit did not commit, which also come with a
 *   #KafkaConsumer::commit signal carrying the error
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_close (KafkaConsumer  *self,
                      GError        **error)
{
  g_autoptr(KafkaConsumer) hold = NULL;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* from a handler that the close in progress runs: it goes on after */
  if (self->closing != NULL && self->closing->stepping)
    {
      consumer_apply_rebalance_now (self);
      return TRUE;
    }
  /* a close_async() in progress: finish it here */
  if (self->closing == NULL && !consumer_check_open (self, error))
    return FALSE;

  hold = g_object_ref (self);
  /* from a message handler: the rest of its batch is dropped, not given
   * back */
  if (self->emission != NULL)
    self->emission->stop = TRUE;
  kafka_consumer_set_emit_messages (self, FALSE);
  /* from a rebalance handler: librdkafka waits for that rebalance first */
  consumer_apply_rebalance_now (self);

  /* the revoke and the final commit are served here, signals included */
  return consumer_close_blocking (self, TRUE, error);
}

/**
 * kafka_consumer_wakeup:
 * @self: a #KafkaConsumer
 *
 * Makes a kafka_consumer_poll() or kafka_consumer_consume() blocked in
 * another thread return at once, with what it has (confluent-kafka-python
 * has no such call; its users asked for one, to stop a poll loop). Thread-safe.
 *
 * Since: 1.0
 */
void
kafka_consumer_wakeup (KafkaConsumer *self)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));

  if (self->consumer_queue != NULL)
    rd_kafka_queue_yield (self->consumer_queue);
}

/**
 * kafka_consumer_is_closed:
 * @self: a #KafkaConsumer
 *
 * Tells whether kafka_consumer_close() was called.
 *
 * Returns: %TRUE if the consumer is closed
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_is_closed (KafkaConsumer *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), TRUE);

  return self->closed;
}

/* ------------------------------------------------------------------------ */
/* Async: the blocking calls that emit no signal run on a worker thread */

typedef struct {
  GPtrArray *partitions;  /* nullable */
  int        timeout_ms;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_pointer (&data->partitions, g_ptr_array_unref);
  g_free (data);
}

typedef GPtrArray *(*QueryFunc) (KafkaConsumer *self, QueryData *data, GError **error);

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryFunc func = (QueryFunc) g_object_get_data (G_OBJECT (task), "kafka-query");
  GError *error = NULL;
  GPtrArray *result;

  g_private_set (&on_query_worker, GINT_TO_POINTER (1));
  result = func (source_object, task_data, &error);
  g_private_set (&on_query_worker, NULL);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

static void
consumer_query_async (KafkaConsumer       *self,
                      QueryFunc            func,
                      gpointer             source_tag,
                      GPtrArray           *partitions,
                      int                  timeout_ms,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  QueryData *data;

  g_task_set_source_tag (task, source_tag);
  if (!kafka_topic_partition_list_check (partitions, &error))
    {
      /* the same error the blocking call gives, at once */
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (QueryData, 1);
  if (partitions != NULL)
    {
      /* a copy: the caller may change its array meanwhile */
      data->partitions = g_ptr_array_new_full (partitions->len, g_object_unref);
      for (guint i = 0; i < partitions->len; i++)
        {
          KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);
          KafkaTopicPartition *copy = kafka_topic_partition_new (kafka_topic_partition_get_topic (tp),
                                                                 kafka_topic_partition_get_partition (tp),
                                                                 kafka_topic_partition_get_offset (tp));

          kafka_topic_partition_set_metadata (copy, kafka_topic_partition_get_metadata (tp));
          g_ptr_array_add (data->partitions, copy);
        }
    }
  data->timeout_ms = timeout_ms;
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_object_set_data (G_OBJECT (task), "kafka-query", func);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, query_thread);
}

static GPtrArray *
query_finish (KafkaConsumer  *self,
              GAsyncResult   *result,
              gpointer        source_tag,
              GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GPtrArray *
commit_query (KafkaConsumer  *self,
              QueryData      *data,
              GError        **error)
{
  return kafka_consumer_commit (self, data->partitions, error);
}

static GPtrArray *
committed_query (KafkaConsumer  *self,
                 QueryData      *data,
                 GError        **error)
{
  return kafka_consumer_committed (self, data->partitions, data->timeout_ms, error);
}

static GPtrArray *
offsets_for_times_query (KafkaConsumer  *self,
                         QueryData      *data,
                         GError        **error)
{
  return kafka_consumer_offsets_for_times (self, data->partitions, data->timeout_ms, error);
}

/**
 * kafka_consumer_commit_async:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit, or %NULL (or an empty array) for the current positions
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Commits as kafka_consumer_commit() does, without blocking: the commit
 * waits for the broker on a worker thread. Cancelling returns
 * %G_IO_ERROR_CANCELLED at once; the commit itself may still happen.
 *
 * Since: 1.0
 */
void
kafka_consumer_commit_async (KafkaConsumer       *self,
                             GPtrArray           *offsets,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));

  /* the current positions are what was handed out: stored here, on the
   * consumer's thread */
  if ((offsets == NULL || offsets->len == 0) && consumer_check_open (self, NULL))
    kafka_consumer_flow_store (self->flow);
  consumer_query_async (self, commit_query, kafka_consumer_commit_async,
                        offsets, 0, cancellable, callback, user_data);
}

/**
 * kafka_consumer_commit_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_commit_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   offsets committed, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit_finish (KafkaConsumer  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return query_finish (self, result, kafka_consumer_commit_async, error);
}

/**
 * kafka_consumer_committed_async:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask about
 * @timeout_ms: how long to wait for the group coordinator, in milliseconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Asks for the committed offsets as kafka_consumer_committed() does,
 * without blocking.
 *
 * Since: 1.0
 */
void
kafka_consumer_committed_async (KafkaConsumer       *self,
                                GPtrArray           *partitions,
                                int                  timeout_ms,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (partitions != NULL);

  consumer_query_async (self, committed_query, kafka_consumer_committed_async,
                        partitions, timeout_ms, cancellable, callback, user_data);
}

/**
 * kafka_consumer_committed_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_committed_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their committed offsets, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_committed_finish (KafkaConsumer  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return query_finish (self, result, kafka_consumer_committed_async, error);
}

/**
 * kafka_consumer_offsets_for_times_async:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions whose offset
 *   is a timestamp, in milliseconds since the Unix epoch
 * @timeout_ms: how long to wait for the brokers, in milliseconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Looks up offsets for times as kafka_consumer_offsets_for_times() does,
 * without blocking.
 *
 * Since: 1.0
 */
void
kafka_consumer_offsets_for_times_async (KafkaConsumer       *self,
                                        GPtrArray           *partitions,
                                        int                  timeout_ms,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (partitions != NULL);

  consumer_query_async (self, offsets_for_times_query, kafka_consumer_offsets_for_times_async,
                        partitions, timeout_ms, cancellable, callback, user_data);
}

/**
 * kafka_consumer_offsets_for_times_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_offsets_for_times_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with the offsets found, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_offsets_for_times_finish (KafkaConsumer  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return query_finish (self, result, kafka_consumer_offsets_for_times_async, error);
}

static gboolean
consume_waiter_timed_out (gpointer data)
{
  ConsumeWaiter *waiter = data;
  GError *error = NULL;

  /* a cancellation whose idle has not run yet comes first */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (waiter->wait.task), &error))
    consume_waiter_finish (waiter, NULL, error);
  else
    consume_waiter_finish (waiter, g_ptr_array_new_with_free_func (g_object_unref), NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
consume_waiter_cancelled_idle (gpointer data)
{
  GTask *task = data;
  KafkaConsumer *self = g_task_get_source_object (task);

  /* the waiter may be gone already, fed or timed out */
  for (GList *l = self->consume_waiters.head; l != NULL; l = l->next)
    {
      ConsumeWaiter *waiter = l->data;
      GError *error = NULL;

      if (waiter->wait.task == task)
        {
          if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
            consume_waiter_finish (waiter, NULL, error);
          break;
        }
    }
  return G_SOURCE_REMOVE;
}

/**
 * kafka_consumer_consume_async:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for a first message, in milliseconds (-1: no
 *   limit)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the messages
 * @user_data: data for @callback
 *
 * Waits, without blocking, for messages: completes as soon as there is at
 * least one (up to @max_messages, what librdkafka has fetched), or with none
 * when @timeout_ms passed. The wait is served by the consumer's main
 * context, which must be running; rebalance signals are emitted from it
 * meanwhile. Cancelling completes the call with %G_IO_ERROR_CANCELLED at
 * once, and no message is lost: a message is only taken from librdkafka to
 * be returned.
 *
 * Must be called on the thread that runs the consumer's main context.
 *
 * Since: 1.0
 */
void
kafka_consumer_consume_async (KafkaConsumer       *self,
                              guint                max_messages,
                              int                  timeout_ms,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  ConsumeWaiter *waiter;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  /* its state lives on the consumer's context: start it there */
  g_return_if_fail (kafka_client_is_context_thread (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_consumer_consume_async);
  /* messages taken are returned even if the cancellable fires afterwards:
   * a cancellation that came first is answered before taking any */
  g_task_set_check_cancellable (task, FALSE);
  if (g_task_return_error_if_cancelled (task) || !consumer_check_open (self, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  waiter = g_new0 (ConsumeWaiter, 1);
  waiter->self = self;
  waiter->max_messages = CLAMP (max_messages, 1, 100000);
  g_queue_push_tail (&self->consume_waiters, waiter);
  kafka_wait_start (&waiter->wait, client, task, timeout_ms,
                    consume_waiter_timed_out, consume_waiter_cancelled_idle);
  consumer_update_mode (self);
}

/**
 * kafka_consumer_consume_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_consume_async().
 *
 * Returns: (transfer container) (element-type KafkaMessage): the messages
 *   (none if the time ran out), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_consume_finish (KafkaConsumer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return query_finish (self, result, kafka_consumer_consume_async, error);
}

static gboolean
close_tick (gpointer data)
{
  KafkaConsumer *self = data;

  if (self->closing == NULL)
    return G_SOURCE_REMOVE;
  if (!consumer_close_step (self, 0))
    return G_SOURCE_CONTINUE;
  consumer_close_finish (self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * kafka_consumer_close_async:
 * @self: a #KafkaConsumer
 * @cancellable: (nullable): a #GCancellable (closing, once started, is not
 *   undone: cancelling only checks before it starts)
 * @callback: (scope async): called when the consumer is closed
 * @user_data: data for @callback
 *
 * Leaves the group as kafka_consumer_close() does, without blocking: the
 * revoke signals and the final commit are served from the consumer's main
 * context, which must be running.
 *
 * Must be called on the thread that runs the consumer's main context.
 *
 * Since: 1.0
 */
void
kafka_consumer_close_async (KafkaConsumer       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  /* its state lives on the consumer's context: start it there */
  g_return_if_fail (kafka_client_is_context_thread (KAFKA_CLIENT (self)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_consumer_close_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->closing == NULL)
    {
      if (!consumer_check_open (self, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (self->emission != NULL)
        self->emission->stop = TRUE;
      kafka_consumer_set_emit_messages (self, FALSE);
      /* from a rebalance handler: librdkafka waits for that rebalance first */
      consumer_apply_rebalance_now (self);
      if (!consumer_close_start (self, TRUE, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      /* closing brings no wake-up when there is nothing to revoke: step on
       * a short timer, while (and only while) closing; the timer keeps the
       * consumer alive until it is closed */
      self->closing->tick = g_timeout_source_new (20);
      g_source_set_static_name (self->closing->tick, "KafkaConsumer close");
      g_source_set_callback (self->closing->tick, close_tick, g_object_ref (self), g_object_unref);
      g_source_attach (self->closing->tick, kafka_client_get_context (KAFKA_CLIENT (self)));
    }
  /* a close in progress: completes with it */
  self->closing->tasks = g_slist_append (self->closing->tasks, g_steal_pointer (&task));
}

/**
 * kafka_consumer_close_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_close_async().
 *
 * Returns: %TRUE when the consumer is closed, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_close_finish (KafkaConsumer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_consumer_close_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
