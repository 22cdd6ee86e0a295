/* KafkaConsumer against librdkafka's mock cluster: group consumption with no
 * broker installed, and injected commit and fetch failures.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef KtMockFixture Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "mock-c", 2);
  kt_mock_fixture_fill (fx, 20, 2, "m");
}

static KafkaConsumer *
fixture_consumer (Fixture *fx)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group,
                                            "auto.offset.reset", "earliest",
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(GError) error = NULL;
  const char *topics[] = { fx->topic, NULL };
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  g_assert_no_error (error);
  return consumer;
}

static void
test_group_consume_and_commit (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  committed = kafka_consumer_commit (consumer, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < committed->len; i++)
    total += kafka_topic_partition_get_offset (g_ptr_array_index (committed, i));
  g_assert_cmpint (total, ==, 20);
  g_assert_true (kafka_consumer_close (consumer, &error));
}

/* A consumer error (here the end of a partition, with enable.partition.eof)
 * is a message with an error and the offset where it happened: it has no
 * offset to read past. Committing or storing it is refused (it used to
 * commit offset + 1, skipping the next message on restart), and nothing is
 * committed. */
static void
test_commit_error_message (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group,
                                            "enable.auto.commit", "false",
                                            "enable.auto.offset.store", "false",
                                            "enable.partition.eof", "true",
                                            NULL);
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessage) eof = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  /* partition 0 holds offsets 0..9: start at 1, read 9, then the end */
  g_ptr_array_add (parts, kafka_topic_partition_new (fx->topic, 0, 1));
  g_assert_true (kafka_consumer_assign (consumer, parts, &error));
  while (eof == NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(KafkaMessage) m = kafka_consumer_poll (consumer, 200, &error);

      g_assert_no_error (error);
      if (m != NULL && kafka_message_get_error (m) != NULL)
        eof = g_steal_pointer (&m);
    }
  g_assert_nonnull (eof);
  g_assert_error ((GError *) kafka_message_get_error (eof), KAFKA_ERROR, KAFKA_ERROR_PARTITION_EOF);
  g_assert_cmpint (kafka_message_get_offset (eof), ==, 10);

  g_assert_null (kafka_consumer_commit_message (consumer, eof, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "no offset"));
  g_clear_error (&error);
  g_assert_false (kafka_consumer_store_message_offset (consumer, eof, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_clear_error (&error);

  /* nothing was committed or stored */
  committed = kafka_consumer_committed (consumer, parts, 30000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (committed, 0)), ==,
                   KAFKA_OFFSET_INVALID);
  g_assert_null (kafka_consumer_commit (consumer, NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_NO_OFFSET);
  g_clear_error (&error);
  g_assert_true (kafka_consumer_close (consumer, &error));
}

/* consume_async() cancelled while messages are already fetched: the
 * consumer's source runs before the cancellation's idle, and used to take
 * the messages for the cancelled call, which then dropped them. Nothing is
 * lost now: the call ends CANCELLED without taking any (or with the
 * messages, when they were taken before the cancellation), and the rest come
 * to the next call. */
typedef struct {
  gboolean   done;
  GPtrArray *messages;
  GError    *error;
} AsyncTake;

static void
on_async_take (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncTake *take = data;

  take->messages = kafka_consumer_consume_finish (KAFKA_CONSUMER (source), result, &take->error);
  take->done = TRUE;
}

static void
test_consume_async_cancel_fetched (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group,
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *seen = g_new0 (guint8, 20);
  AsyncTake take = { 0 };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gint64 high = -1;
  guint got = 0;

  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  g_ptr_array_add (parts, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, parts, &error));

  /* the fetcher has the partition's 10 messages once it knows its end */
  while (high < 10 && g_get_monotonic_time () < deadline)
    {
      if (!kafka_client_get_watermark_offsets (KAFKA_CLIENT (consumer), fx->topic, 0, TRUE,
                                               0, NULL, &high, &error))
        g_clear_error (&error);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (high, ==, 10);

  kafka_consumer_consume_async (consumer, 100, -1, cancellable, on_async_take, &take);
  g_cancellable_cancel (cancellable);
  kt_wait_for_flag (NULL, &take.done, 30000, "the cancelled consume_async()");
  if (take.messages != NULL)
    {
      /* taken before the cancellation was seen: they are the app's */
      for (guint i = 0; i < take.messages->len; i++, got++)
        seen[kafka_message_get_offset (g_ptr_array_index (take.messages, i))]++;
      g_clear_pointer (&take.messages, g_ptr_array_unref);
    }
  else
    g_assert_error (take.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&take.error);

  /* every message, once, between the two calls */
  while (got < 10 && g_get_monotonic_time () < deadline)
    {
      take.done = FALSE;
      kafka_consumer_consume_async (consumer, 100, 1000, NULL, on_async_take, &take);
      kt_wait_for_flag (NULL, &take.done, 30000, "consume_async()");
      g_assert_no_error (take.error);
      for (guint i = 0; i < take.messages->len; i++, got++)
        seen[kafka_message_get_offset (g_ptr_array_index (take.messages, i))]++;
      g_clear_pointer (&take.messages, g_ptr_array_unref);
    }
  g_assert_cmpuint (got, ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpuint (seen[i], ==, 1);
  g_assert_true (kafka_consumer_close (consumer, &error));
}

/* An injected OffsetCommit failure comes back from the synchronous commit as
 * a GError, and the next commit succeeds. */
static void
test_commit_error (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  KafkaError errs[] = { KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED };

  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  kafka_mock_cluster_push_request_errors (fx->cluster, KAFKA_API_KEY_OFFSET_COMMIT, errs, 1);
  committed = kafka_consumer_commit (consumer, NULL, &error);
  g_assert_null (committed);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED);
  g_assert_false (kafka_error_is_retriable (error));
  g_clear_error (&error);

  committed = kafka_consumer_commit (consumer, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (committed);
}

/* The broker goes down and comes back: the consumer gets what was produced
 * meanwhile, nothing lost. */
static void
on_error_count (KafkaClient  *client,
                const GError *error,
                guint        *count)
{
  (*count)++;
}

static void
test_broker_down_and_up (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GError) error = NULL;
  guint errors = 0;

  g_signal_connect (consumer, "error", G_CALLBACK (on_error_count), &errors);
  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  /* errors arrive through the main loop or the next poll */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (errors == 0 && g_get_monotonic_time () < deadline)
      {
        g_autoptr(KafkaMessage) m = kafka_consumer_poll (consumer, 100, &error);

        g_assert_no_error (error);
        g_main_context_iteration (NULL, FALSE);
      }
  }
  g_assert_cmpuint (errors, >, 0);
  g_assert_true (kafka_mock_cluster_set_broker_up (fx->cluster, 1, &error));

  {
    g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                              kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                              NULL);
    g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);

    g_assert_true (kafka_producer_produce (producer, fx->topic, 0, NULL, 0,
                                           (const guint8 *) "late", 4, NULL, 0, &error));
    g_assert_true (kafka_producer_flush (producer, 30000, &error));
  }
  g_assert_cmpuint (kt_consume (consumer, 1), ==, 1);
}

static void
on_consumed (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GPtrArray **out = data;
  g_autoptr(GError) error = NULL;

  *out = kafka_consumer_consume_finish (KAFKA_CONSUMER (source), result, &error);
  if (*out == NULL)
    {
      /* the error travels in the array, and the consumer is marked */
      *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_ptr_array_add (*out, g_steal_pointer (&error));
      g_object_set_data (G_OBJECT (source), "failed", GINT_TO_POINTER (1));
    }
}

static GPtrArray *
consume_async_wait (KafkaConsumer *consumer,
                    guint          max,
                    int            timeout_ms,
                    GCancellable  *cancellable,
                    gboolean       cancel_now)
{
  GPtrArray *out = NULL;

  g_object_set_data (G_OBJECT (consumer), "failed", NULL);
  kafka_consumer_consume_async (consumer, max, timeout_ms, cancellable, on_consumed, &out);
  if (cancel_now)
    g_cancellable_cancel (cancellable);
  while (out == NULL)
    g_main_context_iteration (NULL, TRUE);
  return out;
}

/* consume_async: messages without blocking; a cancelled wait completes
 * with G_IO_ERROR_CANCELLED (with no time limit, nothing else could complete
 * it before the group is joined, which takes round trips the cancellation
 * does not wait for) and loses nothing; a wait with nothing to read times
 * out empty, not before its time. A wait may also time out empty while the
 * group is being joined (a loaded machine): the reads go on until all 20
 * came. */
static void
test_consume_async (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start, deadline;
  guint got = 0;

  {
    g_autoptr(GPtrArray) cancelled = NULL;

    cancelled = consume_async_wait (consumer, 5, -1, cancellable, TRUE);
    g_assert_nonnull (g_object_get_data (G_OBJECT (consumer), "failed"));
    g_assert_error ((GError *) g_ptr_array_index (cancelled, 0), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (got < 20 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) batch = consume_async_wait (consumer, 7, 10000, NULL, FALSE);

      g_assert_null (g_object_get_data (G_OBJECT (consumer), "failed"));
      g_assert_cmpuint (batch->len, <=, 7);
      got += batch->len;
    }
  g_assert_cmpuint (got, ==, 20);

  {
    g_autoptr(GPtrArray) none = NULL;

    start = g_get_monotonic_time ();
    none = consume_async_wait (consumer, 5, 300, NULL, FALSE);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  }
}

static void
on_list_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GPtrArray **out = data;
  g_autoptr(GError) error = NULL;
  gpointer tag = g_task_get_source_tag (G_TASK (result));

  if (tag == kafka_consumer_commit_async)
    *out = kafka_consumer_commit_finish (KAFKA_CONSUMER (source), result, &error);
  else if (tag == kafka_consumer_committed_async)
    *out = kafka_consumer_committed_finish (KAFKA_CONSUMER (source), result, &error);
  else
    *out = kafka_consumer_offsets_for_times_finish (KAFKA_CONSUMER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_commit_async (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) ask = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  kafka_consumer_commit_async (consumer, NULL, NULL, on_list_done, &committed);
  while (committed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (committed->len, ==, 2);

  g_ptr_array_add (ask, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_INVALID));
  g_ptr_array_add (ask, kafka_topic_partition_new (fx->topic, 1, KAFKA_OFFSET_INVALID));
  kafka_consumer_committed_async (consumer, ask, 30000, NULL, on_list_done, &stored);
  while (stored == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (stored, 0)) +
                   kafka_topic_partition_get_offset (g_ptr_array_index (stored, 1)), ==, 20);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  int *outcome = data;
  g_autoptr(GError) error = NULL;

  *outcome = kafka_consumer_close_finish (KAFKA_CONSUMER (source), result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

static void
count_revoked (KafkaConsumer *consumer,
               GPtrArray     *partitions,
               guint         *n)
{
  g_assert_cmpuint (partitions->len, >, 0);
  (*n)++;
}

/* close_async: the revoke is emitted from the main loop, and then the
 * consumer is closed; calls fail afterwards. */
static void
test_close_async (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GError) error = NULL;
  guint revoked = 0;
  int outcome = 0;

  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (count_revoked), &revoked);
  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  kafka_consumer_close_async (consumer, NULL, on_closed, &outcome);
  g_assert_false (kafka_consumer_is_closed (consumer));
  while (outcome == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 1);
  g_assert_cmpuint (revoked, ==, 1);
  g_assert_true (kafka_consumer_is_closed (consumer));
  g_assert_null (kafka_consumer_poll (consumer, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
}

typedef struct {
  KafkaConsumer *consumer;
  GPtrArray     *batch;
  gboolean       returned;   /* atomic */
} BlockedConsume;

static gpointer
blocked_consume (gpointer data)
{
  BlockedConsume *bc = data;
  g_autoptr(GError) error = NULL;

  /* nothing is left to read, and no time limit the test could reach: only a
   * wakeup brings it back */
  bc->batch = kafka_consumer_consume (bc->consumer, 10, -1, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&bc->returned, TRUE);
  return NULL;
}

/* wakeup() releases a consume() blocked in another thread. When the other
 * thread has entered its wait cannot be told from here, so the wakeup is
 * repeated until it returned (a wakeup that comes first may be used up
 * before the wait); with no time limit on the consume, nothing but a wakeup
 * can make it return. */
static void
test_wakeup (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  BlockedConsume bc = { consumer, NULL, FALSE };
  gint64 deadline;
  GThread *thread;
  guint wakeups = 0;

  g_assert_cmpuint (kt_consume (consumer, 20), ==, 20);
  thread = g_thread_new ("consume", blocked_consume, &bc);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&bc.returned) && g_get_monotonic_time () < deadline)
    {
      kafka_consumer_wakeup (consumer);
      wakeups++;
      g_usleep (50 * 1000);
    }
  if (!g_atomic_int_get (&bc.returned))
    g_error ("consume() still blocked after %u wakeups in 60 s", wakeups);
  g_thread_join (thread);
  g_test_message ("consume() returned after %u wakeups", wakeups);
  g_assert_nonnull (bc.batch);
  g_assert_cmpuint (bc.batch->len, ==, 0);
  g_ptr_array_unref (bc.batch);
}

/* ------------------------------------------------------------------------ */
/* The message signal's batches: the consumer takes up to 256 messages from
 * librdkafka at once and emits them one by one. What a handler does in the
 * middle must see the consumer as if it had taken one at a time: only the
 * messages handed out are committed, and nothing is lost or repeated. */

#define BATCH_MESSAGES 600
#define AT_OFFSET      9    /* the handlers act on the tenth message */

typedef KtMockFixture BatchFixture;

static void
batch_fixture_setup (BatchFixture  *fx,
                     gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "mock-batch", 1);
  kt_mock_fixture_fill (fx, BATCH_MESSAGES, 1, "v");
}

typedef enum {
  ACT_CLOSE,
  ACT_DROP,
  ACT_EMIT_OFF,
  ACT_SEEK,
  ACT_PAUSE,
  ACT_POLL,
  ACT_COMMIT,
  ACT_POSITION,
} Act;

typedef struct {
  BatchFixture  *fx;
  KafkaConsumer *consumer;
  Act            act;
  GArray        *offsets;   /* of gint64, as received, signals and polls */
  gboolean       acted;
  gboolean       resumed;
  gint64         result;    /* what the act returned: an offset */
} BatchRun;

static KafkaConsumer *
batch_consumer (BatchFixture *fx,
                const char   *auto_commit)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group,
                                            "enable.auto.commit", auto_commit,
                                            "auto.commit.interval.ms", "600000",
                                            NULL);
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_ptr_array_add (partitions, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));
  g_assert_no_error (error);
  return consumer;
}

static gint64
committed_offset (BatchFixture *fx)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group, NULL);
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaConsumer) consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_ptr_array_add (partitions, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_INVALID));
  committed = kafka_consumer_committed (consumer, partitions, 10000, &error);
  g_assert_no_error (error);
  g_assert_true (kafka_consumer_close (consumer, &error));
  return kafka_topic_partition_get_offset (g_ptr_array_index (committed, 0));
}

static gboolean
resume_idle (gpointer data)
{
  BatchRun *run = data;
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (partitions, kafka_topic_partition_new (run->fx->topic, 0, KAFKA_OFFSET_INVALID));
  g_assert_true (kafka_consumer_resume (run->consumer, partitions, &error));
  g_assert_no_error (error);
  run->resumed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_batch_message (KafkaConsumer *consumer,
                  KafkaMessage  *message,
                  BatchRun      *run)
{
  g_autoptr(GError) error = NULL;
  gint64 offset = kafka_message_get_offset (message);
  g_autofree char *expected = g_strdup_printf ("v%" G_GINT64_FORMAT, offset);
  gsize len;
  const guint8 *value = kafka_message_get_value (message, &len);

  g_assert_no_error (kafka_message_get_error (message));
  g_assert_cmpmem (value, len, expected, strlen (expected));
  g_array_append_val (run->offsets, offset);
  if (offset != AT_OFFSET || run->acted)
    return;
  run->acted = TRUE;

  switch (run->act)
    {
    case ACT_CLOSE:
      g_assert_true (kafka_consumer_close (consumer, &error));
      g_assert_no_error (error);
      break;
    case ACT_DROP:
      /* the application's last reference */
      g_object_unref (run->consumer);
      run->consumer = NULL;
      break;
    case ACT_EMIT_OFF:
      kafka_consumer_set_emit_messages (consumer, FALSE);
      break;
    case ACT_SEEK:
      {
        g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new (run->fx->topic, 0, 500);

        /* with no wait (which used to fail with "in progress") */
        g_assert_true (kafka_consumer_seek (consumer, tp, 0, &error));
        g_assert_no_error (error);
      }
      break;
    case ACT_PAUSE:
      {
        g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);

        g_ptr_array_add (partitions, kafka_topic_partition_new (run->fx->topic, 0, KAFKA_OFFSET_INVALID));
        g_assert_true (kafka_consumer_pause (consumer, partitions, &error));
        g_assert_no_error (error);
        g_idle_add (resume_idle, run);
      }
      break;
    case ACT_POLL:
      {
        g_autoptr(KafkaMessage) next = kafka_consumer_poll (consumer, 10000, &error);

        g_assert_no_error (error);
        g_assert_nonnull (next);
        run->result = kafka_message_get_offset (next);
        g_array_append_val (run->offsets, run->result);
      }
      break;
    case ACT_COMMIT:
      {
        g_autoptr(GPtrArray) committed = kafka_consumer_commit (consumer, NULL, &error);

        g_assert_no_error (error);
        run->result = kafka_topic_partition_get_offset (g_ptr_array_index (committed, 0));
      }
      break;
    case ACT_POSITION:
      {
        g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GPtrArray) positions = NULL;

        g_ptr_array_add (partitions, kafka_topic_partition_new (run->fx->topic, 0, KAFKA_OFFSET_INVALID));
        positions = kafka_consumer_position (consumer, partitions, &error);
        g_assert_no_error (error);
        run->result = kafka_topic_partition_get_offset (g_ptr_array_index (positions, 0));
      }
      break;
    }
}

/* Runs the consumer in message-signal mode until @n messages came (or,
 * for the acts that end the signals, until the act). */
static void
batch_run (BatchFixture *fx,
           BatchRun     *run,
           Act           act,
           const char   *auto_commit,
           guint         n)
{
  memset (run, 0, sizeof *run);
  run->fx = fx;
  run->act = act;
  run->offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->consumer = batch_consumer (fx, auto_commit);
  g_signal_connect (run->consumer, "message", G_CALLBACK (on_batch_message), run);
  kafka_consumer_set_emit_messages (run->consumer, TRUE);
  if (act == ACT_CLOSE || act == ACT_DROP || act == ACT_EMIT_OFF)
    kt_wait_for_flag (NULL, &run->acted, 30000, "the tenth message");
  else
    kt_wait_for_count (NULL, &run->offsets->len, n, 30000, "the messages");
}

static void
batch_run_clear (BatchRun *run)
{
  g_clear_object (&run->consumer);
  g_array_unref (run->offsets);
}

/* Each offset of [@from, BATCH_MESSAGES) once, in order, from index @index
 * of what came on. */
static void
assert_offsets_from (BatchRun *run,
                     guint     index,
                     gint64    from)
{
  g_assert_cmpuint (run->offsets->len - index, ==, BATCH_MESSAGES - from);
  for (guint i = index; i < run->offsets->len; i++)
    g_assert_cmpint (g_array_index (run->offsets, gint64, i), ==, from + (i - index));
}

static void
test_batch_close (BatchFixture  *fx,
                  gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_CLOSE, "true", 0);
  g_assert_true (kafka_consumer_is_closed (run.consumer));
  /* ten messages handed out, ten committed: not the batch taken */
  g_assert_cmpuint (run.offsets->len, ==, AT_OFFSET + 1);
  g_assert_cmpint (committed_offset (fx), ==, AT_OFFSET + 1);
  batch_run_clear (&run);
}

static void
test_batch_drop (BatchFixture  *fx,
                 gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_DROP, "true", 0);
  /* disposed of after the dispatch, closing with no signal */
  g_assert_null (run.consumer);
  g_assert_cmpuint (run.offsets->len, ==, AT_OFFSET + 1);
  g_assert_cmpint (committed_offset (fx), ==, AT_OFFSET + 1);
  batch_run_clear (&run);
}

static void
test_batch_emit_off (BatchFixture  *fx,
                     gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  BatchRun run;

  batch_run (fx, &run, ACT_EMIT_OFF, "false", 0);
  g_assert_cmpuint (run.offsets->len, ==, AT_OFFSET + 1);
  /* the rest of the batch comes to poll(), from the next message on */
  while (run.offsets->len < BATCH_MESSAGES && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KafkaMessage) message = kafka_consumer_poll (run.consumer, 1000, &error);
      gint64 offset;

      g_assert_no_error (error);
      if (message == NULL)
        continue;
      offset = kafka_message_get_offset (message);
      g_array_append_val (run.offsets, offset);
    }
  assert_offsets_from (&run, 0, 0);
  batch_run_clear (&run);
}

static void
test_batch_seek (BatchFixture  *fx,
                 gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_SEEK, "false", AT_OFFSET + 1 + (BATCH_MESSAGES - 500));
  /* the rest of the batch is stale: the next message is the one sought */
  assert_offsets_from (&run, AT_OFFSET + 1, 500);
  batch_run_clear (&run);
}

static void
test_batch_pause (BatchFixture  *fx,
                  gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_PAUSE, "false", BATCH_MESSAGES);
  /* librdkafka resumes after the last message it handed over; the
   * consumer gave the rest of its batch back */
  g_assert_true (run.resumed);
  assert_offsets_from (&run, 0, 0);
  batch_run_clear (&run);
}

static void
test_batch_poll (BatchFixture  *fx,
                 gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_POLL, "false", BATCH_MESSAGES);
  /* what the handler polled is the next message, and the signals go on
   * after it */
  g_assert_cmpint (run.result, ==, AT_OFFSET + 1);
  assert_offsets_from (&run, 0, 0);
  batch_run_clear (&run);
}

static void
test_batch_commit (BatchFixture  *fx,
                   gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_COMMIT, "false", BATCH_MESSAGES);
  /* the current position: after the message being handled */
  g_assert_cmpint (run.result, ==, AT_OFFSET + 1);
  g_assert_cmpint (committed_offset (fx), ==, AT_OFFSET + 1);
  assert_offsets_from (&run, 0, 0);
  batch_run_clear (&run);
}

static void
test_batch_position (BatchFixture  *fx,
                     gconstpointer  data)
{
  BatchRun run;

  batch_run (fx, &run, ACT_POSITION, "false", BATCH_MESSAGES);
  g_assert_cmpint (run.result, ==, AT_OFFSET + 1);
  assert_offsets_from (&run, 0, 0);
  batch_run_clear (&run);
}

/* One message object serves the signals that nobody keeps; one that a
 * handler keeps (a reference, or the bytes of its value) stays what it
 * was. */
typedef struct {
  GPtrArray *kept;          /* of KafkaMessage */
  GArray    *kept_offsets;  /* of gint64 */
  GPtrArray *bytes;         /* of GBytes */
  GArray    *bytes_offsets;
  GHashTable *objects;      /* the message objects seen */
  guint      count;
} Keeper;

static void
on_keep_message (KafkaConsumer *consumer,
                 KafkaMessage  *message,
                 Keeper        *k)
{
  gint64 offset = kafka_message_get_offset (message);

  g_hash_table_add (k->objects, message);
  if (offset % 50 == 0)
    {
      g_ptr_array_add (k->kept, g_object_ref (message));
      g_array_append_val (k->kept_offsets, offset);
    }
  if (offset % 70 == 0)
    {
      g_ptr_array_add (k->bytes, kafka_message_get_value_bytes (message));
      g_array_append_val (k->bytes_offsets, offset);
    }
  k->count++;
}

static void
test_batch_reuse (BatchFixture  *fx,
                  gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = batch_consumer (fx, "false");
  g_autoptr(GError) error = NULL;
  Keeper k = {
    g_ptr_array_new_with_free_func (g_object_unref), g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref), g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_hash_table_new (NULL, NULL), 0
  };

  g_signal_connect (consumer, "message", G_CALLBACK (on_keep_message), &k);
  kafka_consumer_set_emit_messages (consumer, TRUE);
  kt_wait_for_count (NULL, &k.count, BATCH_MESSAGES, 30000, "the messages");
  g_assert_true (kafka_consumer_close (consumer, &error));

  for (guint i = 0; i < k.kept->len; i++)
    {
      KafkaMessage *message = g_ptr_array_index (k.kept, i);
      gint64 offset = g_array_index (k.kept_offsets, gint64, i);
      g_autofree char *expected = g_strdup_printf ("v%" G_GINT64_FORMAT, offset);
      gsize len;
      const guint8 *value = kafka_message_get_value (message, &len);

      g_assert_cmpint (kafka_message_get_offset (message), ==, offset);
      g_assert_cmpstr (kafka_message_get_topic (message), ==, fx->topic);
      g_assert_cmpmem (value, len, expected, strlen (expected));
    }
  for (guint i = 0; i < k.bytes->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("v%" G_GINT64_FORMAT,
                                                   g_array_index (k.bytes_offsets, gint64, i));
      gsize len;
      const guint8 *value = g_bytes_get_data (g_ptr_array_index (k.bytes, i), &len);

      g_assert_cmpmem (value, len, expected, strlen (expected));
    }
  /* far fewer objects than messages: each one kept, and a few others */
  g_assert_cmpuint (g_hash_table_size (k.objects), <, BATCH_MESSAGES / 4);

  g_ptr_array_unref (k.kept);
  g_array_unref (k.kept_offsets);
  g_ptr_array_unref (k.bytes);
  g_array_unref (k.bytes_offsets);
  g_hash_table_unref (k.objects);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/consumer/mock/group-consume-and-commit", Fixture, NULL,
              fixture_setup, test_group_consume_and_commit, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/commit-error", Fixture, NULL,
              fixture_setup, test_commit_error, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/commit-error-message", Fixture, NULL,
              fixture_setup, test_commit_error_message, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/consume-async-cancel-fetched", Fixture, NULL,
              fixture_setup, test_consume_async_cancel_fetched, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/broker-down-and-up", Fixture, NULL,
              fixture_setup, test_broker_down_and_up, kt_mock_fixture_teardown);

  g_test_add ("/consumer/mock/consume-async", Fixture, NULL,
              fixture_setup, test_consume_async, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/commit-async", Fixture, NULL,
              fixture_setup, test_commit_async, kt_mock_fixture_teardown);

  g_test_add ("/consumer/mock/close-async", Fixture, NULL,
              fixture_setup, test_close_async, kt_mock_fixture_teardown);

  g_test_add ("/consumer/mock/wakeup", Fixture, NULL,
              fixture_setup, test_wakeup, kt_mock_fixture_teardown);

  g_test_add ("/consumer/mock/batch/close", BatchFixture, NULL,
              batch_fixture_setup, test_batch_close, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/drop", BatchFixture, NULL,
              batch_fixture_setup, test_batch_drop, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/emit-off", BatchFixture, NULL,
              batch_fixture_setup, test_batch_emit_off, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/seek", BatchFixture, NULL,
              batch_fixture_setup, test_batch_seek, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/pause", BatchFixture, NULL,
              batch_fixture_setup, test_batch_pause, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/poll", BatchFixture, NULL,
              batch_fixture_setup, test_batch_poll, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/commit", BatchFixture, NULL,
              batch_fixture_setup, test_batch_commit, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/position", BatchFixture, NULL,
              batch_fixture_setup, test_batch_position, kt_mock_fixture_teardown);
  g_test_add ("/consumer/mock/batch/reuse", BatchFixture, NULL,
              batch_fixture_setup, test_batch_reuse, kt_mock_fixture_teardown);

  return g_test_run ();
}
