/* Dropping the last reference to a client is bounded, also when librdkafka
 * never finishes destroying it, against the real broker.
 *
 * librdkafka 2.0.2 sometimes never finishes destroying a closed consumer
 * whose topic was deleted meanwhile (its main thread waits forever to join a
 * broker thread), and would hold the caller's thread, the main loop, with
 * it. Dropping the last reference must return within the library's bound
 * all the same, leaving librdkafka to finish in the background. Each round
 * hits the hang or not: the test passes when every unref returns.
 *
 * Not in suite `c`, so that the ASan pass of .ci/run does not run it: when
 * librdkafka hangs, the process ends with librdkafka's threads still waiting,
 * and LeakSanitizer reports the memory they hold, by this test's design.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef struct {
  KafkaConsumer *consumer;
  gboolean       returned;   /* atomic */
} Unref;

static gpointer
unref_thread (gpointer data)
{
  Unref *u = data;

  g_object_unref (u->consumer);
  g_atomic_int_set (&u->returned, TRUE);
  return NULL;
}

static void
produce_some (const char *topic,
              guint       n)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "linger.ms", "5", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (kafka_producer_produce (producer, topic, (gint32) (i % 2), NULL, 0,
                                             (const guint8 *) "v", 1, NULL, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
}

static void
test_destroy_after_topic_deleted (void)
{
  g_autoptr(GHashTable) admin_config = kt_config ("bootstrap.servers", kt_broker_bootstrap (), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaAdminClient) admin = kafka_admin_client_new (admin_config, &error);
  const guint rounds = 6;
  guint slow = 0;
  GLogLevelFlags fatal;

  g_assert_no_error (error);
  /* the library's warning when it leaves librdkafka to finish is expected */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *topic = kt_unique_topic ("destroy-hang");
      const char *topics[] = { topic, NULL };
      g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                                "group.id", topic,
                                                "auto.offset.reset", "earliest",
                                                "enable.auto.commit", "false", NULL);
      g_autoptr(GPtrArray) results = NULL;
      Unref u = { NULL, FALSE };
      GThread *thread;
      gint64 start, deadline;

      kt_create_topic (topic, 2, 1, NULL);
      produce_some (topic, 4);
      u.consumer = kafka_consumer_new (config, &error);
      g_assert_no_error (error);
      g_assert_true (kafka_consumer_subscribe (u.consumer, topics, &error));
      g_assert_cmpuint (kt_consume (u.consumer, 4), >=, 4);
      g_assert_true (kafka_consumer_close (u.consumer, &error));
      g_assert_no_error (error);

      results = kafka_admin_client_delete_topics (admin, topics, NULL, 30000, &error);
      g_assert_no_error (error);
      g_assert_no_error (kafka_admin_result_get_error (g_ptr_array_index (results, 0)));

      /* on a thread of its own, so that a hang fails the test, not the run */
      thread = g_thread_new ("unref", unref_thread, &u);
      start = g_get_monotonic_time ();
      deadline = start + 60 * G_USEC_PER_SEC;
      while (!g_atomic_int_get (&u.returned) && g_get_monotonic_time () < deadline)
        g_usleep (10000);
      if (!g_atomic_int_get (&u.returned))
        g_error ("round %u: dropping the consumer did not return in 60 s", round);
      g_thread_join (thread);
      if (g_get_monotonic_time () - start > 5 * G_USEC_PER_SEC)
        slow++;
    }
  g_log_set_always_fatal (fatal);
  /* a figure, not a check: whether librdkafka hung is up to it */
  g_test_message ("%u of %u unrefs waited for the bound (librdkafka hung)", slow, rounds);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  kt_broker_bootstrap ();

  g_test_add_func ("/destroy/broker/after-topic-deleted", test_destroy_after_topic_deleted);

  return g_test_run ();
}
