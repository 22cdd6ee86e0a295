/* KafkaConsumer against librdkafka's mock cluster: group consumption with no
 * broker installed, and injected commit and fetch failures.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef struct {
  KafkaMockCluster *cluster;
  char             *topic;
  char             *group;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(KafkaProducer) producer = NULL;

  fx->cluster = kt_mock_cluster_with_topic (1, "mock-c", 2, &fx->topic);
  fx->group = kt_unique_topic ("g");

  config = kt_config ("bootstrap.servers", kafka_mock_cluster_get_bootstrap_servers (fx->cluster), NULL);
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *value = g_strdup_printf ("m%d", i);

      g_assert_true (kafka_producer_produce (producer, fx->topic, i % 2, NULL, 0,
                                             (const guint8 *) value, strlen (value),
                                             NULL, 0, &error));
    }
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->cluster);
  g_free (fx->topic);
  g_free (fx->group);
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

static guint
consume_all (KafkaConsumer *consumer,
             guint          n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint got = 0;

  while (got < n && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 50, 200, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < batch->len; i++)
        g_assert_null (kafka_message_get_error (g_ptr_array_index (batch, i)));
      got += batch->len;
    }
  return got;
}

static void
test_group_consume_and_commit (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = fixture_consumer (fx);
  g_autoptr(GPtrArray) committed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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

  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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
  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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
  g_assert_cmpuint (consume_all (consumer, 1), ==, 1);
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

  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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
  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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

  g_assert_cmpuint (consume_all (consumer, 20), ==, 20);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/consumer/mock/group-consume-and-commit", Fixture, NULL,
              fixture_setup, test_group_consume_and_commit, fixture_teardown);
  g_test_add ("/consumer/mock/commit-error", Fixture, NULL,
              fixture_setup, test_commit_error, fixture_teardown);
  g_test_add ("/consumer/mock/commit-error-message", Fixture, NULL,
              fixture_setup, test_commit_error_message, fixture_teardown);
  g_test_add ("/consumer/mock/broker-down-and-up", Fixture, NULL,
              fixture_setup, test_broker_down_and_up, fixture_teardown);

  g_test_add ("/consumer/mock/consume-async", Fixture, NULL,
              fixture_setup, test_consume_async, fixture_teardown);
  g_test_add ("/consumer/mock/commit-async", Fixture, NULL,
              fixture_setup, test_commit_async, fixture_teardown);

  g_test_add ("/consumer/mock/close-async", Fixture, NULL,
              fixture_setup, test_close_async, fixture_teardown);

  g_test_add ("/consumer/mock/wakeup", Fixture, NULL,
              fixture_setup, test_wakeup, fixture_teardown);

  return g_test_run ();
}
