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
 * its fill had reached those limits, the flow seeks each assigned partition
 * to its position, with no wait: the queue is empty, so nothing is skipped.
 * Taking is done in chunks, with the queue's length looked at before each,
 * so that the fill is seen whichever way the application consumes; and a
 * blocking take first takes what is there, then waits for one message at a
 * time (librdkafka's own wait for a full count would keep a stopped fetcher
 * stopped until its timer).
 *
 * A seek makes librdkafka forget the partition's position (it returns
 * KAFKA_OFFSET_INVALID until the next message of it is handed out), so the
 * flow remembers the offsets it seeked to, and the consumer reports them.
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
  guint             restarts;

  /* offsets the flow seeked partitions to ("partition:topic" to gint64),
   * while librdkafka does not know their position */
  GHashTable       *seeked;

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
kafka_consumer_flow_new (rd_kafka_conf_t *conf)
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

  flow->queued_min = (gsize) conf_get_u64 (conf, "queued.min.messages", 100000);
  flow->queued_max_bytes = conf_get_u64 (conf, "queued.max.messages.kbytes", 65536) * 1024;
  flow->seeked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_hash_table_unref (flow->seeked);
  g_clear_pointer (&flow->last_topic, g_ref_string_release);
  g_free (flow);
}

gboolean
kafka_consumer_flow_get_auto_store (KafkaConsumerFlow *flow)
{
  return flow->auto_store;
}

guint
kafka_consumer_flow_get_restarts (KafkaConsumerFlow *flow)
{
  return flow->restarts;
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
/* Positions the flow seeked to */

static char *
partition_key (const char *topic,
               gint32      partition)
{
  return g_strdup_printf ("%d:%s", (int) partition, topic);
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
      gint64 *offset = g_new (gint64, 1);

      *offset = list->elems[i].offset;
      g_hash_table_replace (flow->seeked,
                            partition_key (list->elems[i].topic, list->elems[i].partition),
                            offset);
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
  g_autofree char *key = partition_key (topic, partition);
  const gint64 *offset = g_hash_table_lookup (flow->seeked, key);

  return offset != NULL ? *offset : -1001;
}

void
kafka_consumer_flow_fix_positions (KafkaConsumerFlow               *flow,
                                   rd_kafka_topic_partition_list_t *list)
{
  if (g_hash_table_size (flow->seeked) == 0)
    return;
  for (int i = 0; i < list->cnt; i++)
    if (list->elems[i].offset < 0 && list->elems[i].err == RD_KAFKA_RESP_ERR_NO_ERROR)
      list->elems[i].offset = kafka_consumer_flow_position (flow, list->elems[i].topic,
                                                             list->elems[i].partition);
}

void
kafka_consumer_flow_forget (KafkaConsumerFlow *flow,
                            const char        *topic,
                            gint32             partition)
{
  g_autofree char *key = NULL;

  if (topic == NULL)
    {
      g_hash_table_remove_all (flow->seeked);
      return;
    }
  key = partition_key (topic, partition);
  g_hash_table_remove (flow->seeked, key);
}

/* Seeks every assigned partition to its position: wakes the broker threads
 * that stopped fetching. */
static void
flow_restart_fetcher (KafkaConsumerFlow *flow)
{
  rd_kafka_topic_partition_list_t *assignment = NULL;
  rd_kafka_topic_partition_list_t *list;

  if (rd_kafka_assignment (flow->rk, &assignment) != RD_KAFKA_RESP_ERR_NO_ERROR)
    return;
  if (assignment->cnt == 0 || rd_kafka_position (flow->rk, assignment) != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      rd_kafka_topic_partition_list_destroy (assignment);
      return;
    }
  kafka_consumer_flow_fix_positions (flow, assignment);

  /* a partition whose position nobody knows (nothing consumed from it yet)
   * is left alone: its broker thread is woken by the others on the same
   * broker, or by its own timer */
  list = rd_kafka_topic_partition_list_new (assignment->cnt);
  for (int i = 0; i < assignment->cnt; i++)
    if (assignment->elems[i].offset >= 0)
      rd_kafka_topic_partition_list_add (list, assignment->elems[i].topic,
                                         assignment->elems[i].partition)->offset =
        assignment->elems[i].offset;
  rd_kafka_topic_partition_list_destroy (assignment);

  if (list->cnt > 0)
    {
      kafka_consumer_flow_seek (flow, list);
      flow->restarts++;
      g_log_structured ("Kafka", G_LOG_LEVEL_DEBUG,
                        "MESSAGE", "The consumer queue was drained after a fill that stopped "
                        "the fetcher: seeked %d partition(s) to their positions to restart it",
                        list->cnt);
    }
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
    flow_restart_fetcher (flow);
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
      got += (gsize) n;
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
      int wait_ms;

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
      if (deadline < 0)
        wait_ms = -1;
      else
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            break;
          wait_ms = (int) MIN ((left + 999) / 1000, G_MAXINT);
        }
      if (got == cap)
        {
          cap = MIN (max, cap * 2);
          rkms = g_renew (rd_kafka_message_t *, rkms, cap);
        }
      n = rd_kafka_consume_batch_queue (flow->queue, wait_ms, rkms + got, 1);
      if (n < 0 && got == 0)
        {
          kafka_set_error (error, rd_kafka_last_error (), "Could not consume");
          g_free (rkms);
          return NULL;
        }
      /* nothing in time, or kafka_consumer_wakeup() */
      if (n <= 0)
        break;
      flow->taken_bytes += rkms[got]->len;
      flow->taken++;
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
