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

  fx->cluster = kafka_mock_cluster_new (1, &error);
  g_assert_no_error (error);
  fx->topic = kt_unique_topic ("mock-c");
  fx->group = kt_unique_topic ("g");
  g_assert_true (kafka_mock_cluster_create_topic (fx->cluster, fx->topic, 2, 1, &error));

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
  g_assert_true (kafka_producer_flush (producer, 10000, &error));
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
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
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
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

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
    g_assert_true (kafka_producer_flush (producer, 10000, &error));
  }
  g_assert_cmpuint (consume_all (consumer, 1), ==, 1);
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
  g_test_add ("/consumer/mock/broker-down-and-up", Fixture, NULL,
              fixture_setup, test_broker_down_and_up, fixture_teardown);

  return g_test_run ();
}
