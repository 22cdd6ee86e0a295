/* KafkaAdminClient on librdkafka 2.0.2's mock cluster: what it answers (the
 * consumer group offsets, and the lag), how what it does not answer is
 * reported, and the async calls' life cycle (cancelled, disposed of, served
 * by poll()), which needs no real broker.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

#define WAIT_MS 30000

typedef struct {
  KafkaMockCluster *cluster;
  char             *topic;
  KafkaAdminClient *admin;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(GError) error = NULL;

  fx->cluster = kt_mock_cluster_with_topic (1, "adm-mock", 2, &fx->topic);
  config = kt_config ("bootstrap.servers", kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                      NULL);
  fx->admin = kafka_admin_client_new (config, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->admin);
  g_clear_object (&fx->cluster);
  g_clear_pointer (&fx->topic, g_free);
}

typedef struct {
  gboolean      done;
  GAsyncResult *result;
} Ready;

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Ready *ready = data;

  g_assert_false (ready->done);
  ready->result = g_object_ref (result);
  ready->done = TRUE;
}

static GPtrArray *
offsets (const char *topic,
         gint64      offset0,
         gint64      offset1)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (array, kafka_topic_partition_new (topic, 0, offset0));
  g_ptr_array_add (array, kafka_topic_partition_new (topic, 1, offset1));
  return array;
}

static void
produce_to (Fixture *fx,
            gint32   partition,
            guint    n)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            NULL);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  KtDeliveries d;

  kt_deliveries_init (&d);
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (kt_on_delivery), &d);
  for (guint i = 0; i < n; i++)
    g_assert_true (kafka_producer_produce (producer, fx->topic, partition, NULL, 0,
                                           (const guint8 *) "v", 1, NULL, 0, &error));
  g_assert_true (kafka_producer_flush (producer, WAIT_MS, &error));
  g_assert_cmpuint (d.messages->len, ==, n);
  kt_deliveries_clear (&d);
}

/* What the mock cluster answers: committing offsets for a group, listing
 * them back, and the lag against the partitions' ends. */
static void
test_group_offsets (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) commit = offsets (fx->topic, 3, 1);
  g_autoptr(GPtrArray) ask = offsets (fx->topic, KAFKA_OFFSET_INVALID, KAFKA_OFFSET_INVALID);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) lags = NULL;
  g_autoptr(GError) error = NULL;
  Ready ready = { FALSE, NULL };

  produce_to (fx, 0, 5);

  result = kafka_admin_client_alter_consumer_group_offsets (fx->admin, "mock-group", commit, NULL,
                                                            WAIT_MS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_null (kafka_topic_partition_get_error (g_ptr_array_index (result, i)));
  g_clear_pointer (&result, g_ptr_array_unref);

  /* read back, asynchronously */
  kafka_admin_client_list_consumer_group_offsets_async (fx->admin, "mock-group", ask, NULL, WAIT_MS,
                                                        NULL, on_ready, &ready);
  kt_wait_for_flag (NULL, &ready.done, WAIT_MS, "list_consumer_group_offsets");
  result = kafka_admin_client_list_consumer_group_offsets_finish (fx->admin, ready.result, &error);
  g_clear_object (&ready.result);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 2);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (result, 0)), ==, 3);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (result, 1)), ==, 1);

  /* 5 messages in partition 0, none in 1 (the committed 1 is past its end:
   * no negative lag) */
  lags = kafka_admin_client_list_consumer_group_lag (fx->admin, "mock-group", ask, NULL, WAIT_MS,
                                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lags->len, ==, 2);
  g_assert_cmpint (kafka_partition_lag_get_committed_offset (g_ptr_array_index (lags, 0)), ==, 3);
  g_assert_cmpint (kafka_partition_lag_get_high_watermark (g_ptr_array_index (lags, 0)), ==, 5);
  g_assert_cmpint (kafka_partition_lag_get_lag (g_ptr_array_index (lags, 0)), ==, 2);
  g_assert_cmpint (kafka_partition_lag_get_high_watermark (g_ptr_array_index (lags, 1)), ==, 0);
  g_assert_cmpint (kafka_partition_lag_get_lag (g_ptr_array_index (lags, 1)), ==, 0);
  g_clear_pointer (&lags, g_ptr_array_unref);

  /* the lag, asynchronously (its high watermarks come from a worker thread) */
  ready.done = FALSE;
  kafka_admin_client_list_consumer_group_lag_async (fx->admin, "mock-group", ask, NULL, WAIT_MS,
                                                    NULL, on_ready, &ready);
  kt_wait_for_flag (NULL, &ready.done, WAIT_MS, "list_consumer_group_lag");
  lags = kafka_admin_client_list_consumer_group_lag_finish (fx->admin, ready.result, &error);
  g_clear_object (&ready.result);
  g_assert_no_error (error);
  g_assert_cmpint (kafka_partition_lag_get_lag (g_ptr_array_index (lags, 0)), ==, 2);
}

/* What it does not answer: the calls that need a controller time out.
 * (Listing groups and deleting records fail there with
 * KAFKA_ERROR_UNSUPPORTED_FEATURE, as tests/python/test_admin.py checks:
 * not here, where LeakSanitizer runs, for librdkafka 2.0.2 leaks 176 bytes
 * on that path. The group calls it aborts or hangs on are not called.) */
static void
test_no_controller (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (topics, kafka_new_topic_new ("mock-created", 1, 1));
  result = kafka_admin_client_create_topics (fx->admin, topics, NULL, 500, &error);
  g_assert_null (result);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "Could not create topics"));
}

/* A cancelled call completes at once, although the mock cluster would not
 * answer for a minute; the client, dropped then, goes at once too (its
 * request with it). */
static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  KafkaAdminClient *admin = g_steal_pointer (&fx->admin);
  Ready ready = { FALSE, NULL };

  g_ptr_array_add (topics, kafka_new_topic_new ("mock-cancelled", 1, 1));
  kafka_admin_client_create_topics_async (admin, topics, NULL, 60000, cancellable, on_ready, &ready);
  g_cancellable_cancel (cancellable);
  kt_wait_for_flag (NULL, &ready.done, WAIT_MS, "the cancelled call");
  result = kafka_admin_client_create_topics_finish (admin, ready.result, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&ready.result);

  g_object_add_weak_pointer (G_OBJECT (admin), (gpointer *) &admin);
  g_object_unref (admin);
  g_assert_null (admin);
}

/* Disposed of with a call waiting: the call fails with KAFKA_ERROR_DESTROY */
static void
test_dispose_pending (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  Ready ready = { FALSE, NULL };

  g_ptr_array_add (topics, kafka_new_topic_new ("mock-disposed", 1, 1));
  kafka_admin_client_create_topics_async (fx->admin, topics, NULL, 60000, NULL, on_ready, &ready);
  g_object_run_dispose (G_OBJECT (fx->admin));
  kt_wait_for_flag (NULL, &ready.done, WAIT_MS, "the call of the disposed client");
  result = kafka_admin_client_create_topics_finish (fx->admin, ready.result, &error);
  g_assert_null (result);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_DESTROY);
  g_clear_object (&ready.result);
}

static void
on_error (KafkaClient *client,
          GError      *error,
          guint       *count)
{
  (*count)++;
}

/* With no main loop, poll() serves the client's events on the calling
 * thread: the error signal here (nothing listens on port 1), an async
 * call's answer below. */
static void
test_poll (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1", NULL);
  g_autoptr(KafkaAdminClient) admin = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * (gint64) 1000;
  guint errors = 0;

  admin = kafka_admin_client_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (admin, "error", G_CALLBACK (on_error), &errors);
  while (errors == 0 && g_get_monotonic_time () < deadline)
    kafka_admin_client_poll (admin, 100);
  g_assert_cmpuint (errors, >, 0);
}

static void
test_poll_answers (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) commit = offsets (fx->topic, 1, 1);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * (gint64) 1000;
  Ready ready = { FALSE, NULL };
  int served = 0;

  kafka_admin_client_alter_consumer_group_offsets_async (fx->admin, "mock-poll", commit, NULL,
                                                         WAIT_MS, NULL, on_ready, &ready);
  /* the answer comes through poll(); the callback, on this thread's
   * context, when it is next iterated */
  while (served == 0 && g_get_monotonic_time () < deadline)
    served += kafka_admin_client_poll (fx->admin, 100);
  g_assert_cmpint (served, >, 0);
  kt_wait_for_flag (NULL, &ready.done, WAIT_MS, "the callback");
  result = kafka_admin_client_alter_consumer_group_offsets_finish (fx->admin, ready.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 2);
  g_clear_object (&ready.result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admin/mock/group-offsets", Fixture, NULL, fixture_setup, test_group_offsets,
              fixture_teardown);
  g_test_add ("/admin/mock/no-controller", Fixture, NULL, fixture_setup, test_no_controller,
              fixture_teardown);
  g_test_add ("/admin/mock/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/admin/mock/dispose-pending", Fixture, NULL, fixture_setup, test_dispose_pending,
              fixture_teardown);
  g_test_add_func ("/admin/mock/poll", test_poll);
  g_test_add ("/admin/mock/poll-answers", Fixture, NULL, fixture_setup, test_poll_answers,
              fixture_teardown);

  return g_test_run ();
}
