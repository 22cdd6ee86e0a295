/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Taking messages from librdkafka's consumer queue, and storing the offsets
 * of those handed out.
 *
 * # The fetcher's restart
 *
 * librdkafka 2.0.2 stops fetching a partition once the consumer queue holds
 * queued.min.messages messages or queued.max.messages.kbytes of payload
 * (counted over all partitions), with no deadline: its broker thread decides
 * again only when something wakes it (an operation, socket I/O) or when its
 * fixed 1 s timer fires. A consumer a little slower than the fetcher drains
 * the queue and then waits up to a second, each time (librdkafka 2.2 bounds
 * that wait with fetch.queue.backoff.ms). A seek wakes the broker thread of
 * the partition ("seek done"). So when a take finds the queue empty after
 * its fill had reached those limits, the flow seeks each partition it took
 * messages from to the position after the last one it took, with no wait:
 * the queue is empty, so nothing is skipped or read twice. Taking is done
 * in chunks, with the queue's length looked at before each, so that the
 * fill is seen whichever way the application consumes; and a blocking take
 * first takes what is there, then waits for one message at a time
 * (librdkafka's own wait for a full count would keep a stopped fetcher
 * stopped until its timer). A restart can race a fetch response being
 * parsed; until a message comes after it, the flow looks again (see
 * RECHECK_MS).
 *
 * A seek makes librdkafka forget the partition's position (it returns
 * KAFKA_OFFSET_INVALID until the next message of it is taken), so the flow's
 * positions stand in for it in kafka_consumer_position().
 *
 * # Offsets of the messages handed out
 *
 * librdkafka stores a message's offset (for the next commit) when it takes
 * the message from its queue. The consumer takes many at a time and, in
 * message-signal mode, hands them out one by one: a handler that closes the
 * consumer at the tenth would have the rest committed unseen. So
 * librdkafka's enable.auto.offset.store is off, and the flow stores the
 * offset of each message the consumer hands out (when the application's
 * enable.auto.offset.store is on, the default). Stores are gathered per
 * partition and made at the end of each batch of signals and each consume
 * call, every CHUNK poll() calls, and before anything reads them: a commit,
 * a close, a rebalance.
 */
#include "config.h"

#include <string.h>

#include "kafka-consumer-flow-private.h"
#include "kafka-error-private.h"

#define CHUNK KAFKA_CONSUMER_FLOW_CHUNK

/* partitions whose handed-out offsets wait to be stored; more are stored
 * at once */
#define MAX_HANDED 16

typedef struct {
  GRefString *topic;
  gint32      partition;
  gint64      offset;     /* the last handed out + 1 */
} Handed;

typedef struct {
  GRefString *topic;
  gint32      partition;
  gint64      offset;     /* the next to take */
} Position;

static void
position_clear (gpointer data)
{
  g_ref_string_release (((Position *) data)->topic);
}

struct _KafkaConsumerFlow
{
  rd_kafka_t       *rk;
  rd_kafka_queue_t *queue;

  /* the application's enable.auto.offset.store */
  gboolean          auto_store;
  Handed            handed[MAX_HANDED];
  guint             n_handed;
  guint             handed_since_store;

  /* the fetcher's limits, and the queue as seen since it was last empty */
  gsize             queued_min;
  guint64           queued_max_bytes;
  gsize             fill;
  guint64           taken_bytes;
  guint64           taken;
  /* a restart that nothing came after yet: when it was (monotonic µs, 0
   * once a message came), and how many times it was made again */
  gint64            restarted_at;
  guint             rechecks;

  /* the position of each partition as the flow knows it: after the last
   * message taken from it, or where the flow sought it to; emptied when
   * the assignment changes */
  GArray           *positions;   /* of Position */
  guint             last_position;

  GRefString       *last_topic;
};

static guint64
conf_get_u64 (rd_kafka_conf_t *conf,
              const char      *name,
              guint64          fallback)
{
  char value[32] = "";
  size_t size = sizeof value;

  if (rd_kafka_conf_get (conf, name, value, &size) != RD_KAFKA_CONF_OK || value[0] == '\0')
    return fallback;
  return g_ascii_strtoull (value, NULL, 10);
}

KafkaConsumerFlow *
kafka_consumer_flow_new (rd_kafka_conf_t *conf,
                         gboolean         queued_min_set)
{
  KafkaConsumerFlow *flow = g_new0 (KafkaConsumerFlow, 1);
  char value[16] = "";
  size_t size = sizeof value;
  char errstr[256];

  /* as librdkafka understood it (defaults included) */
  flow->auto_store = rd_kafka_conf_get (conf, "enable.auto.offset.store", value, &size) != RD_KAFKA_CONF_OK ||
                     strcmp (value, "false") != 0;
  if (rd_kafka_conf_set (conf, "enable.auto.offset.store", "false", errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
    g_warn_if_reached ();

  /* librdkafka's default (100,000) is sized for a consumer that waits a
   * second whenever it reaches it; with the restart, a smaller queue costs
   * no pauses, and keeps a slow consumer's memory near a fast one's */
  if (!queued_min_set &&
      rd_kafka_conf_set (conf, "queued.min.messages", G_STRINGIFY (KAFKA_CONSUMER_FLOW_QUEUED_MIN),
                         errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
    g_warn_if_reached ();
  flow->queued_min = (gsize) conf_get_u64 (conf, "queued.min.messages", 100000);
  flow->queued_max_bytes = conf_get_u64 (conf, "queued.max.messages.kbytes", 65536) * 1024;
  flow->positions = g_array_new (FALSE, FALSE, sizeof (Position));
  g_array_set_clear_func (flow->positions, position_clear);
  return flow;
}

void
kafka_consumer_flow_start (KafkaConsumerFlow *flow,
                           rd_kafka_t        *rk,
                           rd_kafka_queue_t  *queue)
{
  flow->rk = rk;
  flow->queue = queue;
}

static void
handed_clear (KafkaConsumerFlow *flow)
{
  for (guint i = 0; i < flow->n_handed; i++)
    g_ref_string_release (flow->handed[i].topic);
  flow->n_handed = 0;
  flow->handed_since_store = 0;
}

void
kafka_consumer_flow_stop (KafkaConsumerFlow *flow)
{
  kafka_consumer_flow_store (flow);
  handed_clear (flow);
  flow->rk = NULL;
  flow->queue = NULL;
}

void
kafka_consumer_flow_free (KafkaConsumerFlow *flow)
{
  if (flow == NULL)
    return;
  handed_clear (flow);
  g_array_unref (flow->positions);
  g_clear_pointer (&flow->last_topic, g_ref_string_release);
  g_free (flow);
}

gboolean
kafka_consumer_flow_get_auto_store (KafkaConsumerFlow *flow)
{
  return flow->auto_store;
}

GRefString *
kafka_consumer_flow_topic_name (KafkaConsumerFlow        *flow,
                                const rd_kafka_message_t *rkm)
{
  const char *name;

  if (rkm->rkt == NULL)
    return NULL;
  name = rd_kafka_topic_name (rkm->rkt);
  if (flow->last_topic == NULL || strcmp (flow->last_topic, name) != 0)
    {
      g_clear_pointer (&flow->last_topic, g_ref_string_release);
      flow->last_topic = g_ref_string_new (name);
    }
  return flow->last_topic;
}

/* ------------------------------------------------------------------------ */
/* Positions */

static Position *
position_find (KafkaConsumerFlow *flow,
               const char        *topic,
               gint32             partition)
{
  for (guint i = 0; i < flow->positions->len; i++)
    {
      Position *pos = &g_array_index (flow->positions, Position, i);

      if (pos->partition == partition && (pos->topic == topic || strcmp (pos->topic, topic) == 0))
        {
          flow->last_position = i;
          return pos;
        }
    }
  return NULL;
}

static void
position_set (KafkaConsumerFlow *flow,
              GRefString        *topic,
              gint32             partition,
              gint64             offset)
{
  Position *pos;

  /* the last one found first: consecutive messages mostly share one */
  if (flow->last_position < flow->positions->len)
    {
      pos = &g_array_index (flow->positions, Position, flow->last_position);
      if (pos->partition == partition && pos->topic == topic)
        {
          pos->offset = offset;
          return;
        }
    }
  pos = position_find (flow, topic, partition);
  if (pos == NULL)
    {
      Position new_pos = { g_ref_string_acquire (topic), partition, offset };

      g_array_append_val (flow->positions, new_pos);
      flow->last_position = flow->positions->len - 1;
      return;
    }
  pos->offset = offset;
}

/* Notes the position after @rkms (alive: within a take, their topic
 * handles tell topics apart without a look at the names). */
static void
positions_taken (KafkaConsumerFlow         *flow,
                 rd_kafka_message_t *const *rkms,
                 gsize                      n)
{
  const rd_kafka_topic_t *last_rkt = NULL;
  gint32 last_partition = -1;

  /* from the last back, the first of each partition is its last */
  for (gsize i = n; i-- > 0;)
    {
      const rd_kafka_message_t *rkm = rkms[i];

      if (rkm->rkt == NULL || rkm->offset < 0 ||
          (rkm->rkt == last_rkt && rkm->partition == last_partition))
        continue;
      /* (several partitions in a take: looked up again when they
       * alternate, which is rare) */
      last_rkt = rkm->rkt;
      last_partition = rkm->partition;
      if (rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR)
        position_set (flow, kafka_consumer_flow_topic_name (flow, rkm), rkm->partition,
                      rkm->offset + 1);
    }
}

void
kafka_consumer_flow_seek (KafkaConsumerFlow               *flow,
                          rd_kafka_topic_partition_list_t *list)
{
  rd_kafka_error_t *error;

  if (flow->rk == NULL || list->cnt == 0)
    return;

  for (int i = 0; i < list->cnt; i++)
    {
      g_autoptr(GRefString) topic = g_ref_string_new (list->elems[i].topic);

      position_set (flow, topic, list->elems[i].partition, list->elems[i].offset);
    }

  /* With no wait, librdkafka only queues the seeks: a partition it no
   * longer has (revoked meanwhile) has nothing left to give back. */
  error = rd_kafka_seek_partitions (flow->rk, list, 0);
  if (error != NULL)
    {
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Could not seek to restart fetching: %s",
                        rd_kafka_error_string (error));
      rd_kafka_error_destroy (error);
    }
}

gint64
kafka_consumer_flow_position (KafkaConsumerFlow *flow,
                              const char        *topic,
                              gint32             partition)
{
  const Position *pos = position_find (flow, topic, partition);

  return pos != NULL ? pos->offset : -1001;
}

void
kafka_consumer_flow_fix_positions (KafkaConsumerFlow               *flow,
                                   rd_kafka_topic_partition_list_t *list)
{
  for (int i = 0; i < list->cnt && flow->positions->len > 0; i++)
    if (list->elems[i].offset < 0 && list->elems[i].err == RD_KAFKA_RESP_ERR_NO_ERROR)
      list->elems[i].offset = kafka_consumer_flow_position (flow, list->elems[i].topic,
                                                             list->elems[i].partition);
}

void
kafka_consumer_flow_forget (KafkaConsumerFlow *flow,
                            const char        *topic,
                            gint32             partition)
{
  if (topic == NULL)
    g_array_set_size (flow->positions, 0);
  else if (position_find (flow, topic, partition) != NULL)
    g_array_remove_index_fast (flow->positions, flow->last_position);
  flow->last_position = 0;
}

/* Seeks every partition the flow knows the position of to it: wakes the
 * broker threads that stopped fetching. The position is after the last
 * message taken, not handed out: what is taken will be handed out.
 * (Not rd_kafka_assignment() and rd_kafka_position(): the first waits for
 * librdkafka's main thread, which may sleep up to a second before it
 * answers.) The flow knows the partitions it took messages from since the
 * assignment last changed; one it does not know (nothing came from it
 * yet) has its broker thread woken by the others on the same broker, or by
 * that thread's own timer. */
static void
flow_restart_fetcher (KafkaConsumerFlow *flow)
{
  rd_kafka_topic_partition_list_t *list;

  if (flow->positions->len == 0)
    return;

  list = rd_kafka_topic_partition_list_new ((int) flow->positions->len);
  for (guint i = 0; i < flow->positions->len; i++)
    {
      const Position *pos = &g_array_index (flow->positions, Position, i);

      rd_kafka_topic_partition_list_add (list, pos->topic, pos->partition)->offset = pos->offset;
    }
  kafka_consumer_flow_seek (flow, list);
  flow->restarted_at = g_get_monotonic_time ();
  g_log_structured ("Kafka", G_LOG_LEVEL_DEBUG,
                    "MESSAGE", "The consumer queue was drained after a fill that stopped "
                    "the fetcher: sought %d partition(s) to their positions to restart it",
                    list->cnt);
  rd_kafka_topic_partition_list_destroy (list);
}

/* The queue is empty: if its fill since it was last empty reached one of
 * the fetcher's limits (less what a take between two looks may take),
 * restart the fetcher. */
static void
flow_drained (KafkaConsumerFlow *flow)
{
  guint64 mean = flow->taken > 0 ? flow->taken_bytes / flow->taken : 0;
  gsize fill = flow->fill + CHUNK;

  flow->fill = 0;
  flow->taken = flow->taken_bytes = 0;
  if (fill >= flow->queued_min || (guint64) fill * mean >= flow->queued_max_bytes)
    {
      flow->rechecks = 0;
      flow_restart_fetcher (flow);
    }
}

/* When to look again whether the last restart brought anything, or -1.
 * A restart races the fetcher: a response being parsed while the queue
 * was seen empty goes on filling it after the seek made it stale; the
 * consumer then drops those messages (librdkafka does, inside its own
 * wait), and the broker thread, which counted them, may have stopped again
 * with no one left to see the queue drained. So until something comes,
 * the flow looks again after RECHECK_MS, then twice as long, up to the
 * broker thread's own 1 s. */
#define RECHECK_MS 50

gint64
kafka_consumer_flow_get_recheck_time (KafkaConsumerFlow *flow)
{
  if (flow->restarted_at == 0 || flow->rk == NULL)
    return -1;
  return flow->restarted_at + (gint64) (RECHECK_MS << flow->rechecks) * 1000;
}

void
kafka_consumer_flow_recheck (KafkaConsumerFlow *flow)
{
  gint64 when = kafka_consumer_flow_get_recheck_time (flow);

  if (when < 0 || g_get_monotonic_time () < when)
    return;
  if (rd_kafka_queue_length (flow->queue) > 0 || (RECHECK_MS << flow->rechecks) >= 1000)
    {
      /* something came (a take will see it), or the broker thread's own
       * timer beats us from now on */
      flow->restarted_at = 0;
      flow->rechecks = 0;
      return;
    }
  flow->rechecks++;
  flow_restart_fetcher (flow);
  /* (restarting set restarted_at anew; keep the count) */
}

/* Waits until @deadline (monotonic µs, -1: no limit) for one message,
 * looking again when a restart brought nothing in time. Returns 1, 0
 * (nothing in time, or kafka_consumer_wakeup()) or -1. */
static gssize
flow_wait_one (KafkaConsumerFlow   *flow,
               rd_kafka_message_t **rkm,
               gint64               deadline)
{
  for (;;)
    {
      gint64 recheck = kafka_consumer_flow_get_recheck_time (flow);
      gint64 until = deadline;
      gint64 now = g_get_monotonic_time ();
      ssize_t n;
      int wait_ms;

      if (recheck >= 0 && (deadline < 0 || recheck < deadline))
        until = recheck;
      else
        recheck = -1;
      if (until < 0)
        wait_ms = -1;
      else if (until <= now)
        wait_ms = 0;
      else
        wait_ms = (int) MIN ((until - now + 999) / 1000, G_MAXINT);
      if (wait_ms == 0 && recheck < 0)
        return 0;

      n = rd_kafka_consume_batch_queue (flow->queue, wait_ms, rkm, 1);
      if (n > 0)
        {
          flow->taken_bytes += (*rkm)->len;
          flow->taken++;
          positions_taken (flow, rkm, 1);
          flow->restarted_at = flow->rechecks = 0;
          return 1;
        }
      if (n < 0)
        return -1;
      /* nothing: in time, or woken up by kafka_consumer_wakeup() */
      if (recheck < 0 || g_get_monotonic_time () < until)
        return 0;
      kafka_consumer_flow_recheck (flow);
    }
}

gssize
kafka_consumer_flow_wait (KafkaConsumerFlow   *flow,
                          rd_kafka_message_t **rkm,
                          int                  timeout_ms)
{
  gint64 deadline = timeout_ms < 0 ? -1 : g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  return flow_wait_one (flow, rkm, deadline);
}

gssize
kafka_consumer_flow_take_now (KafkaConsumerFlow   *flow,
                              rd_kafka_message_t **rkms,
                              gsize                max,
                              GError             **error)
{
  gsize got = 0;

  while (got < max)
    {
      gsize chunk = MIN (max - got, CHUNK);
      gsize len = rd_kafka_queue_length (flow->queue);
      ssize_t n;

      if (len > flow->fill)
        flow->fill = len;
      n = rd_kafka_consume_batch_queue (flow->queue, 0, rkms + got, chunk);
      if (n < 0)
        {
          /* what was taken is the caller's all the same */
          if (got == 0)
            {
              kafka_set_error (error, rd_kafka_last_error (), "Could not consume");
              return -1;
            }
          break;
        }
      for (gsize i = got; i < got + (gsize) n; i++)
        flow->taken_bytes += rkms[i]->len;
      flow->taken += (guint64) n;
      positions_taken (flow, rkms + got, (gsize) n);
      got += (gsize) n;
      if (n > 0)
        flow->restarted_at = flow->rechecks = 0;
      if ((gsize) n < chunk)
        {
          if (rd_kafka_queue_length (flow->queue) == 0)
            flow_drained (flow);
          break;
        }
    }
  return (gssize) got;
}

rd_kafka_message_t **
kafka_consumer_flow_take (KafkaConsumerFlow  *flow,
                          gsize               max,
                          int                 timeout_ms,
                          gsize              *n_taken,
                          GError            **error)
{
  gint64 deadline = timeout_ms < 0 ? -1 : g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gsize cap = MAX (MIN (max, CHUNK), 1), got = 0;
  rd_kafka_message_t **rkms = g_new (rd_kafka_message_t *, cap);

  while (got < max)
    {
      gssize n;

      /* what is there */
      for (;;)
        {
          if (got == cap)
            {
              cap = MIN (max, cap * 2);
              rkms = g_renew (rd_kafka_message_t *, rkms, cap);
            }
          n = kafka_consumer_flow_take_now (flow, rkms + got, cap - got, got == 0 ? error : NULL);
          if (n < 0 && got == 0)
            {
              g_free (rkms);
              return NULL;
            }
          if (n <= 0)
            break;
          got += (gsize) n;
          if (got < cap || got == max)
            break;
        }
      if (got == max || n < 0)
        break;

      /* then one more, as it comes */
      if (got == cap)
        {
          cap = MIN (max, cap * 2);
          rkms = g_renew (rd_kafka_message_t *, rkms, cap);
        }
      n = flow_wait_one (flow, rkms + got, deadline);
      if (n < 0 && got == 0)
        {
          kafka_set_error (error, rd_kafka_last_error (), "Could not consume");
          g_free (rkms);
          return NULL;
        }
      /* nothing in time, or kafka_consumer_wakeup() */
      if (n <= 0)
        break;
      got++;
    }

  *n_taken = got;
  return rkms;
}

/* ------------------------------------------------------------------------ */
/* Stores */

static Handed *
handed_note (KafkaConsumerFlow *flow,
             GRefString        *topic,
             gint32             partition,
             gint64             next_offset)
{
  Handed *h;

  /* the latest first: consecutive messages mostly share a partition */
  for (guint i = flow->n_handed; i-- > 0;)
    {
      h = &flow->handed[i];
      if (h->partition == partition && (h->topic == topic || strcmp (h->topic, topic) == 0))
        {
          h->offset = next_offset;
          return h;
        }
    }
  if (flow->n_handed == MAX_HANDED)
    kafka_consumer_flow_store (flow);
  h = &flow->handed[flow->n_handed++];
  h->topic = g_ref_string_acquire (topic);
  h->partition = partition;
  h->offset = next_offset;
  return h;
}

void
kafka_consumer_flow_handed (KafkaConsumerFlow        *flow,
                            const rd_kafka_message_t *rkm,
                            GRefString               *topic)
{
  /* what librdkafka's own store would store: messages, not errors */
  if (!flow->auto_store || rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR || topic == NULL)
    return;
  handed_note (flow, topic, rkm->partition, rkm->offset + 1);
  /* poll() hands out one at a time: store now and then */
  if (++flow->handed_since_store >= CHUNK)
    kafka_consumer_flow_store (flow);
}

void
kafka_consumer_flow_handed_all (KafkaConsumerFlow         *flow,
                                rd_kafka_message_t *const *rkms,
                                gsize                      n)
{
  /* in order, so that each partition ends at its last message; the
   * messages are alive, so within this call their topic handles tell
   * topics apart without a look at the names */
  const rd_kafka_topic_t *last_rkt = NULL;
  gint32 last_partition = -1;
  Handed *last = NULL;

  if (!flow->auto_store)
    return;
  for (gsize i = 0; i < n; i++)
    {
      const rd_kafka_message_t *rkm = rkms[i];

      if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR || rkm->rkt == NULL)
        continue;
      if (last != NULL && rkm->rkt == last_rkt && rkm->partition == last_partition)
        last->offset = rkm->offset + 1;
      else
        {
          last = handed_note (flow, kafka_consumer_flow_topic_name (flow, rkm),
                              rkm->partition, rkm->offset + 1);
          last_rkt = rkm->rkt;
          last_partition = rkm->partition;
        }
    }
  flow->handed_since_store += (guint) n;
}

void
kafka_consumer_flow_store (KafkaConsumerFlow *flow)
{
  rd_kafka_topic_partition_list_t *list;

  if (flow->n_handed == 0 || flow->rk == NULL)
    {
      flow->handed_since_store = 0;
      return;
    }

  list = rd_kafka_topic_partition_list_new ((int) flow->n_handed);
  for (guint i = 0; i < flow->n_handed; i++)
    rd_kafka_topic_partition_list_add (list, flow->handed[i].topic,
                                       flow->handed[i].partition)->offset = flow->handed[i].offset;
  /* A partition revoked meanwhile refuses (__STATE): its offset can no
   * longer be committed by this consumer, as librdkafka's own store would
   * have it. */
  rd_kafka_offsets_store (flow->rk, list);
  rd_kafka_topic_partition_list_destroy (list);
  handed_clear (flow);
}
