/* Shared helpers of kafka-glib's C tests.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "kafka-test-util.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

const char *
kt_broker_bootstrap (void)
{
  const char *servers = g_getenv ("KAFKA_BOOTSTRAP_SERVERS");

  if (servers == NULL || *servers == '\0')
    g_error ("KAFKA_BOOTSTRAP_SERVERS is not set: this test needs the real broker "
             "that tests/run-tests.sh starts (or a broker of yours)");
  return servers;
}

char *
kt_unique_topic (const char *prefix)
{
  return g_strdup_printf ("kg-%s-%d-%08x", prefix, (int) getpid (), g_random_int ());
}

GHashTable *
kt_config (const char *first_key,
           ...)
{
  GHashTable *config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  /* KAFKA_GLIB_TEST_DEBUG=cgrp,protocol… turns on librdkafka's debug logs of
   * every client a test makes: what to look at when a test fails */
  if (g_getenv ("KAFKA_GLIB_TEST_DEBUG") != NULL && !g_hash_table_contains (config, "debug"))
    g_hash_table_insert (config, g_strdup ("debug"), g_strdup (g_getenv ("KAFKA_GLIB_TEST_DEBUG")));

  return config;
}

void
kt_config_add_valist (GHashTable *config,
                      const char *first_key,
                      va_list     args)
{
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      g_hash_table_insert (config, g_strdup (key), g_strdup (value));
    }
}

void
kt_wait_for_topic (KafkaClient *client,
                   const char  *topic,
                   int          partitions,
                   int          replicas)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (client, topic, 10000, &error);
      KafkaTopicMetadata *tm = md ? kafka_cluster_metadata_get_topic (md, topic) : NULL;
      gboolean ready = tm != NULL && kafka_topic_metadata_get_error (tm) == NULL &&
                       kafka_topic_metadata_get_partitions (tm)->len == (guint) partitions;

      for (int p = 0; ready && p < partitions; p++)
        {
          KafkaPartitionMetadata *pm = kafka_topic_metadata_get_partition (tm, p);
          guint n_replicas = 0;

          kafka_partition_metadata_get_replicas (pm, &n_replicas);
          ready = kafka_partition_metadata_get_error (pm) == NULL &&
                  kafka_partition_metadata_get_leader (pm) >= 0 &&
                  (replicas <= 0 || n_replicas == (guint) replicas);
        }
      if (ready)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Topic %s: not %d partitions with leaders after 60 s (%s)", topic, partitions,
                 error ? error->message : "metadata incomplete");
      /* metadata requests are not events to wait on: ask again shortly */
      g_usleep (100 * 1000);
    }
}

void
kt_create_topic (const char *topic,
                 int         partitions,
                 int         replication_factor,
                 ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (), NULL);
  g_autoptr(KafkaAdminClient) admin = NULL;
  g_autoptr(KafkaNewTopic) new_topic = kafka_new_topic_new (topic, partitions, replication_factor);
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const GError *topic_error;
  va_list args;

  va_start (args, replication_factor);
  for (const char *key = va_arg (args, const char *); key != NULL; key = va_arg (args, const char *))
    kafka_new_topic_set_config (new_topic, key, va_arg (args, const char *));
  va_end (args);

  admin = kafka_admin_client_new (config, &error);
  g_assert_no_error (error);
  g_ptr_array_add (topics, new_topic);
  results = kafka_admin_client_create_topics (admin, topics, NULL, 60000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  topic_error = kafka_admin_result_get_error (g_ptr_array_index (results, 0));
  if (topic_error != NULL)
    g_error ("Could not create %s: %s", topic, topic_error->message);
  kt_wait_for_topic (KAFKA_CLIENT (admin), topic, partitions, replication_factor);
}

KafkaMockCluster *
kt_mock_cluster_with_topic (guint        n_brokers,
                            const char  *prefix,
                            int          partitions,
                            char       **topic)
{
  g_autoptr(GError) error = NULL;
  KafkaMockCluster *cluster = kafka_mock_cluster_new (n_brokers, &error);

  g_assert_no_error (error);
  *topic = kt_unique_topic (prefix);
  g_assert_true (kafka_mock_cluster_create_topic (cluster, *topic, partitions, 1, &error));
  g_assert_no_error (error);
  return cluster;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
kt_wait_for_count (GMainContext *context,
                   guint        *counter,
                   guint         target,
                   guint         timeout_ms,
                   const char   *what)
{
  gboolean timed_out = FALSE;
  GSource *timeout = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timeout, on_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);

  while (*counter < target && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  g_source_unref (timeout);

  if (*counter < target)
    g_error ("Timed out after %u ms waiting for %s (%u of %u)", timeout_ms, what,
             *counter, target);
}

void
kt_wait_for_flag (GMainContext *context,
                  gboolean     *flag,
                  guint         timeout_ms,
                  const char   *what)
{
  gboolean timed_out = FALSE;
  GSource *timeout = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timeout, on_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);

  while (!*flag && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  g_source_unref (timeout);

  if (!*flag)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
}

void
kt_deliveries_init (KtDeliveries *d)
{
  d->messages = g_ptr_array_new_with_free_func (g_object_unref);
  d->thread = NULL;
}

void
kt_deliveries_clear (KtDeliveries *d)
{
  g_clear_pointer (&d->messages, g_ptr_array_unref);
}

void
kt_on_delivery (KafkaProducer *producer,
                KafkaMessage  *message,
                KtDeliveries  *d)
{
  g_ptr_array_add (d->messages, g_object_ref (message));
  d->thread = g_thread_self ();
}

void
kt_mock_fixture_setup (KtMockFixture *fx,
                       const char    *prefix,
                       int            partitions)
{
  fx->cluster = kt_mock_cluster_with_topic (1, prefix, partitions, &fx->topic);
  fx->group = kt_unique_topic ("g");
}

void
kt_mock_fixture_teardown (KtMockFixture *fx,
                          gconstpointer  data)
{
  g_clear_object (&fx->cluster);
  g_clear_pointer (&fx->topic, g_free);
  g_clear_pointer (&fx->group, g_free);
}

void
kt_mock_fixture_fill (KtMockFixture *fx,
                      guint          n,
                      int            partitions,
                      const char    *prefix)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("%s%u", prefix, i);

      g_assert_true (kafka_producer_produce (producer, fx->topic, (gint32) (i % (guint) partitions),
                                             NULL, 0, (const guint8 *) value, strlen (value),
                                             NULL, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
}

guint
kt_consume (KafkaConsumer *consumer,
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
