/* kafka-glib example: produce messages and print each delivery report.
 *
 * With no --bootstrap-servers it starts an embedded mock cluster, so it runs
 * with no broker installed. Everything happens on the main loop: the delivery
 * signal comes from it, and nothing calls poll().
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <kafka-glib/kafka-glib.h>

typedef struct {
  GMainLoop *loop;
  int        pending;
  int        failed;
} State;

static void
on_delivery (KafkaProducer *producer,
             KafkaMessage  *message,
             State         *state)
{
  const GError *error = kafka_message_get_error (message);
  KafkaHeaders *headers = kafka_message_get_headers (message);
  gsize key_len = 0, value_len = 0;
  const guint8 *key = kafka_message_get_key (message, &key_len);
  const guint8 *value = kafka_message_get_value (message, &value_len);

  if (error != NULL)
    {
      g_printerr ("delivery failed: %s\n", error->message);
      state->failed++;
    }
  else
    {
      g_print ("delivered to %s [%d] at offset %" G_GINT64_FORMAT ": key=%.*s value=%.*s",
               kafka_message_get_topic (message),
               kafka_message_get_partition (message),
               kafka_message_get_offset (message),
               (int) key_len, key ? (const char *) key : "",
               (int) value_len, value ? (const char *) value : "");
      for (guint i = 0; headers != NULL && i < kafka_headers_get_length (headers); i++)
        {
          gsize len = 0;
          const guint8 *v = kafka_headers_get_value (headers, i, &len);

          g_print (" %s=%.*s", kafka_headers_get_name (headers, i),
                   (int) len, v ? (const char *) v : "");
        }
      g_print ("\n");
    }

  if (--state->pending == 0)
    g_main_loop_quit (state->loop);
}

static void
on_error (KafkaClient  *client,
          const GError *error,
          gpointer      user_data)
{
  g_printerr ("client error: %s\n", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(KafkaMockCluster) cluster = NULL;
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(KafkaHeaders) headers = NULL;
  g_autofree char *bootstrap = NULL;
  g_autofree char *topic = g_strdup ("kafka-glib-example");
  int count = 10;
  State state = { 0 };
  GOptionEntry entries[] = {
    { "bootstrap-servers", 'b', 0, G_OPTION_ARG_STRING, &bootstrap,
      "Brokers to connect to (default: an embedded mock cluster)", "HOST:PORT" },
    { "topic", 't', 0, G_OPTION_ARG_STRING, &topic, "Topic to produce to", "NAME" },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of messages", "N" },
    { NULL }
  };

  options = g_option_context_new ("- produce messages with kafka-glib");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (bootstrap == NULL)
    {
      cluster = kafka_mock_cluster_new (1, &error);
      if (cluster == NULL)
        {
          g_printerr ("Could not start the mock cluster: %s\n", error->message);
          return EXIT_FAILURE;
        }
      bootstrap = g_strdup (kafka_mock_cluster_get_bootstrap_servers (cluster));
      g_print ("started an embedded mock cluster at %s\n", bootstrap);
    }

  config = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (config, "bootstrap.servers", bootstrap);
  g_hash_table_insert (config, "linger.ms", "5");

  producer = kafka_producer_new (config, &error);
  if (producer == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  state.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery), &state);
  g_signal_connect (producer, "error", G_CALLBACK (on_error), NULL);

  headers = kafka_headers_new ();
  kafka_headers_add (headers, "source", (const guint8 *) "kafka-glib-example", -1);

  for (int i = 0; i < count; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%d", i);
      g_autofree char *value = g_strdup_printf ("hello #%d from kafka-glib", i);

      if (!kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA,
                                   (const guint8 *) key, strlen (key),
                                   (const guint8 *) value, strlen (value),
                                   headers, 0, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      state.pending++;
    }

  if (state.pending > 0)
    g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_print ("%d delivered, %d failed\n", count - state.failed, state.failed);
  return state.failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
