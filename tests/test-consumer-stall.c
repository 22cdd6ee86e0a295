/* The consumer's restart of a stopped fetcher (kafka-consumer-flow.c),
 * against the real broker that tests/run-tests.sh starts, for every way of
 * consuming.
 *
 * librdkafka 2.0.2 stops fetching a partition once the consumer queue holds
 * queued.min.messages, and decides again only when its broker thread is
 * woken or its fixed 1 s timer fires: a consumer slower than the fetcher
 * used to wait up to a second after each drain. The consumer restarts it by
 * seeking each partition to its position, which gives the partition a new
 * version ("opv" in librdkafka's fetch debug lines).
 *
 * With queued.min.messages at 1000 and fetches of 64 KB per partition
 * (record batches of 200 messages), every fetch response stops the
 * fetcher: an episode. The test reads librdkafka's own debug lines, in the
 * order librdkafka logged them: "... is not fetchable: queued.min.messages
 * exceeded" (a partition stops), "Seek T [P] to offset O" (logged by the
 * consumer's thread as it seeks, before librdkafka acts on it), "... is
 * fetchable" (the partition resumes). It counts the episodes that a seek
 * ended: a seek came between the stop and the resume (the partitions share
 * one broker thread, which any of the seeks wakes). Consuming starts once
 * the fetcher has stopped (on one partition at least: librdkafka logs a
 * decision only when it changes, and a partition whose first decision
 * came after the queue had filled was never fetchable, so it logs no
 * stop), so that there are episodes however fast or slow each side is on
 * the machine of the day, and the consumer's first drain follows a fill
 * that stopped the fetcher, so it must seek. Were the restart gone,
 * none would be. The broker thread's 1 s timer legitimately ends the
 * episodes whose drain took longer than the time left to its next tick
 * (under ASan on a loaded machine, half of them), so the test asks for
 * seeks to end some episodes, not a share: a share would measure the
 * machine's speed. No time is measured. Every message must come exactly
 * once.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

#define N_PARTITIONS 4
#define N_MESSAGES   24000
#define VALUE_SIZE   100

static char *topic;

typedef struct {
  /* librdkafka's fetch decisions, per partition */
  gboolean  stopped[N_PARTITIONS];
  guint     stopped_at[N_PARTITIONS];   /* seeks before it stopped */
  guint     seeks;
  guint     episodes;                   /* stops that were followed by a resume */
  guint     by_seek;                    /* of those, ended by a seek */

  /* what came: the next offset expected of each partition */
  gint64    next[N_PARTITIONS];
  guint     received;
  guint     out_of_order;

  GMainLoop *loop;
  KafkaConsumer *consumer;
} Run;

/* "Topic T [P] in state active at offset O (Q/M msgs, K/L kb queued, opv V)
 * is fetchable" or "... is not fetchable: queued.min.messages exceeded",
 * and "Seek T [P] to offset O (vV)" */
static void
on_log (KafkaClient *client,
        int          level,
        const char  *facility,
        const char  *text,
        Run         *run)
{
  g_autofree char *decision = g_strdup_printf ("Topic %s [", topic);
  g_autofree char *seek = g_strdup_printf ("Seek %s [", topic);
  const char *p = strstr (text, decision);
  int partition;

  if (strstr (text, seek) != NULL)
    {
      run->seeks++;
      return;
    }
  if (p == NULL || strstr (p, ", opv ") == NULL)
    return;
  partition = atoi (p + strlen (decision));
  g_assert_cmpint (partition, >=, 0);
  g_assert_cmpint (partition, <, N_PARTITIONS);

  if (strstr (p, ") is not fetchable: queued.min.messages exceeded") != NULL)
    {
      if (!run->stopped[partition])
        {
          run->stopped[partition] = TRUE;
          run->stopped_at[partition] = run->seeks;
        }
    }
  else if (strstr (p, ") is fetchable") != NULL && run->stopped[partition])
    {
      run->stopped[partition] = FALSE;
      run->episodes++;
      if (run->seeks > run->stopped_at[partition])
        run->by_seek++;
    }
}

static void
note (Run    *run,
      gint32  partition,
      gint64  offset)
{
  g_assert_cmpint (partition, >=, 0);
  g_assert_cmpint (partition, <, N_PARTITIONS);
  if (offset != run->next[partition] && run->out_of_order++ < 5)
    g_test_message ("partition %d: offset %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                    (int) partition, offset, run->next[partition]);
  run->next[partition] = offset + 1;
  run->received++;
}

static void
note_message (Run          *run,
              KafkaMessage *message)
{
  gsize len = 0;

  g_assert_no_error (kafka_message_get_error (message));
  g_assert_nonnull (kafka_message_get_value (message, &len));
  g_assert_cmpuint (len, ==, VALUE_SIZE);
  note (run, kafka_message_get_partition (message), kafka_message_get_offset (message));
}

static void
note_batch (Run               *run,
            KafkaMessageBatch *batch)
{
  guint n = 0, n_offsets = 0, n_codes = 0;
  g_autofree gint32 *partitions = kafka_message_batch_get_partitions (batch, &n);
  g_autofree gint64 *offsets = kafka_message_batch_get_offsets (batch, &n_offsets);
  g_autofree gint *codes = kafka_message_batch_get_error_codes (batch, &n_codes);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (codes[i], ==, 0);
      note (run, partitions[i], offsets[i]);
    }
}

static void
produce_topic (void)
{
  /* record batches of 200 messages: a fetch of 64 KB per partition
   * brings a few of them */
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "linger.ms", "5", "batch.num.messages", "200",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
  g_autofree guint8 *values = g_malloc (1000 * VALUE_SIZE);
  g_autofree gint32 *lengths = g_new (gint32, 1000);

  g_assert_no_error (error);
  memset (values, 'x', 1000 * VALUE_SIZE);
  for (int i = 0; i < 1000; i++)
    lengths[i] = VALUE_SIZE;
  for (int p = 0; p < N_PARTITIONS; p++)
    for (guint sent = 0; sent < N_MESSAGES / N_PARTITIONS;)
      {
        guint n = kafka_producer_produce_batch (producer, topic, p, values, 1000 * VALUE_SIZE,
                                                lengths, 1000, NULL, 0, NULL, 0, &error);

        g_assert_no_error (error);
        sent += n;
        if (n < 1000)
          kafka_producer_poll (producer, 100);
      }
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
}

static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
run_start (Run *run)
{
  g_autofree char *group = kt_unique_topic ("g-stall");
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "group.id", group,
                                            "enable.auto.commit", "false",
                                            /* every fetch response stops the fetcher */
                                            "queued.min.messages", "1000",
                                            "max.partition.fetch.bytes", "65536",
                                            "debug", "fetch,topic",
                                            NULL);
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);
  run->consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  /* librdkafka's debug lines, as the log signal passes them on */
  g_signal_connect (run->consumer, "log", G_CALLBACK (on_log), run);
  /* Offset 0, not KAFKA_OFFSET_BEGINNING: a logical offset makes each
   * partition look its offset up first, and a partition whose lookup ends
   * after the others have filled the queue is never fetchable, so
   * librdkafka never logs its stop (it logs changes only); a loaded fresh
   * root waited for that line for minutes. With an absolute offset, every
   * partition fetches from the start, in the same requests. */
  for (int p = 0; p < N_PARTITIONS; p++)
    g_ptr_array_add (partitions, kafka_topic_partition_new (topic, p, 0));
  g_assert_true (kafka_consumer_assign (run->consumer, partitions, &error));
  g_assert_no_error (error);

  /* Nothing is consumed until the fetcher has stopped: the consumer is
   * then slower than the fetcher at least once, whatever the machine's
   * load does to either side (with both running from the start, a slow
   * broker could keep the queue below the threshold and the test would see
   * no stop at all). Not every partition: the one partition sure to log a
   * stop is one that fetched before the queue filled (see the top); under
   * ASan on a loaded machine, the others' first decisions sometimes came
   * after that. */
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
    gboolean any_stopped = FALSE;
    /* so that the deadline is looked at even when no line comes */
    guint tick = g_timeout_add (500, keep_ticking, NULL);

    while (!any_stopped)
      {
        if (g_get_monotonic_time () >= deadline)
          g_error ("the fetcher did not stop on any partition in 120 s (%u seeks seen)",
                   run->seeks);
        g_main_context_iteration (NULL, TRUE);
        for (int p = 0; p < N_PARTITIONS; p++)
          any_stopped |= run->stopped[p];
      }
    g_source_remove (tick);
  }
}

static void
run_finish (Run *run)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("%u episodes, %u ended by a seek (%u seeks)",
                  run->episodes, run->by_seek, run->seeks);
  g_assert_cmpuint (run->received, ==, N_MESSAGES);
  g_assert_cmpuint (run->out_of_order, ==, 0);
  for (int p = 0; p < N_PARTITIONS; p++)
    g_assert_cmpint (run->next[p], ==, N_MESSAGES / N_PARTITIONS);
  /* the consumer was slower than the fetcher: at the start (run_start()
   * waited for it), often more */
  g_assert_cmpuint (run->episodes, >=, 1);
  /* and the consumer's seeks restarted the fetcher: without them every
   * episode would wait for librdkafka's timer (how many the timer ends
   * first depends on how fast the machine drains, see the top) */
  g_assert_cmpuint (run->seeks, >=, 1);
  g_assert_cmpuint (run->by_seek, >=, 1);

  g_assert_true (kafka_consumer_close (run->consumer, &error));
  g_assert_no_error (error);
  g_clear_object (&run->consumer);
  g_main_loop_unref (run->loop);
}

/* Iterates the default context until everything came, or fails. */
static gboolean
on_deadline (gpointer data)
{
  g_error ("Timed out: the consumer stopped receiving");
  return G_SOURCE_REMOVE;
}

static void
run_loop (Run *run)
{
  guint deadline = g_timeout_add_seconds (120, on_deadline, NULL);

  while (run->received < N_MESSAGES)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
}

/* ------------------------------------------------------------------------ */

static void
on_message (KafkaConsumer *consumer,
            KafkaMessage  *message,
            Run           *run)
{
  note_message (run, message);
}

static void
test_message_signal (void)
{
  Run run;

  run_start (&run);
  g_signal_connect (run.consumer, "message", G_CALLBACK (on_message), &run);
  kafka_consumer_set_emit_messages (run.consumer, TRUE);
  run_loop (&run);
  kafka_consumer_set_emit_messages (run.consumer, FALSE);
  run_finish (&run);
}

static void
on_message_batch (KafkaConsumer     *consumer,
                  KafkaMessageBatch *batch,
                  Run               *run)
{
  note_batch (run, batch);
}

static void
test_message_batch_signal (void)
{
  Run run;

  run_start (&run);
  g_signal_connect (run.consumer, "message-batch", G_CALLBACK (on_message_batch), &run);
  kafka_consumer_set_emit_messages (run.consumer, TRUE);
  run_loop (&run);
  kafka_consumer_set_emit_messages (run.consumer, FALSE);
  run_finish (&run);
}

static void
test_poll (void)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  Run run;

  run_start (&run);
  while (run.received < N_MESSAGES)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KafkaMessage) message = kafka_consumer_poll (run.consumer, 10000, &error);

      g_assert_no_error (error);
      if (message != NULL)
        note_message (&run, message);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  run_finish (&run);
}

/* Blocking takes of more than a fetch brings, with a long timeout: they
 * must take what is there first (a wait for the full count inside
 * librdkafka would keep the stopped fetcher stopped). */
static void
test_consume (void)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  Run run;

  run_start (&run);
  while (run.received < N_MESSAGES)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) messages = kafka_consumer_consume (run.consumer,
                                                              MIN (5000, N_MESSAGES - run.received),
                                                              10000, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < messages->len; i++)
        note_message (&run, g_ptr_array_index (messages, i));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  run_finish (&run);
}

static void
test_consume_batch (void)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  Run run;

  run_start (&run);
  while (run.received < N_MESSAGES)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KafkaMessageBatch) batch = kafka_consumer_consume_batch (run.consumer,
                                                                         MIN (5000, N_MESSAGES - run.received),
                                                                         10000, &error);

      g_assert_no_error (error);
      note_batch (&run, batch);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  run_finish (&run);
}

static void
on_consumed (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = kafka_consumer_consume_finish (KAFKA_CONSUMER (source),
                                                                 result, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    note_message (run, g_ptr_array_index (messages, i));
  if (run->received < N_MESSAGES)
    kafka_consumer_consume_async (run->consumer, 2000, 10000, NULL, on_consumed, run);
}

static void
test_consume_async (void)
{
  Run run;

  run_start (&run);
  kafka_consumer_consume_async (run.consumer, 2000, 10000, NULL, on_consumed, &run);
  run_loop (&run);
  run_finish (&run);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  topic = kt_unique_topic ("c-stall");
  produce_topic ();

  g_test_add_func ("/consumer/stall/message-signal", test_message_signal);
  g_test_add_func ("/consumer/stall/message-batch-signal", test_message_batch_signal);
  g_test_add_func ("/consumer/stall/poll", test_poll);
  g_test_add_func ("/consumer/stall/consume", test_consume);
  g_test_add_func ("/consumer/stall/consume-batch", test_consume_batch);
  g_test_add_func ("/consumer/stall/consume-async", test_consume_async);

  ret = g_test_run ();
  g_free (topic);
  return ret;
}
