/* kafka-glib example: a group consumer on the main loop.
 *
 * The consumer sets emit-messages, so messages come as "message" signals
 * from the main loop, with nothing calling poll(); the group's partition
 * assignments come as "partitions-assigned" signals the same way. After
 * --count messages it commits what it read, synchronously, and closes
 * (leaving the group).
 *
 * With no --bootstrap-servers it starts an embedded mock cluster and first
 * produces --count messages to the topic, so there is something to read.
 * With a broker of yours, it reads what is in the topic (from the beginning
 * for a group with no committed offsets), and fails if --count messages do
 * not come within --timeout seconds.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <kafka-glib/kafka-glib.h>

typedef struct {
  GMainLoop *loop;
  int        wanted;
  int        received;
  gboolean   timed_out;
} State;

static void
print_partitions (const char *what,
                  GPtrArray  *partitions)
{
  g_print ("%s:", what);
  for (guint i = 0; i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);

      g_print (" %s[%d]", kafka_topic_partition_get_topic (tp),
               kafka_topic_partition_get_partition (tp));
    }
  g_print ("\n");
}

/* The library applies the assignment after the handlers ran (unless one of
 * them called kafka_consumer_assign() itself): here we only look. */
static void
on_partitions_assigned (KafkaConsumer *consumer,
                        GPtrArray     *partitions,
                        State         *state)
{
  print_partitions ("assigned", partitions);
}

static void
on_partitions_revoked (KafkaConsumer *consumer,
                       GPtrArray     *partitions,
                       State         *state)
{
  print_partitions ("revoked", partitions);
}

static void
on_message (KafkaConsumer *consumer,
            KafkaMessage  *message,
            State         *state)
{
  const GError *error = kafka_message_get_error (message);
  KafkaHeaders *headers;
  gsize key_len = 0, value_len = 0;
  const guint8 *key, *value;

  /* A consumer error (a fetch failure, say) comes as a message too. */
  if (error != NULL)
    {
      g_printerr ("consumer error: %s\n", error->message);
      return;
    }

  key = kafka_message_get_key (message, &key_len);
  value = kafka_message_get_value (message, &value_len);
  headers = kafka_message_get_headers (message);
  g_print ("%s [%d] at offset %" G_GINT64_FORMAT ": key=%.*s value=%.*s",
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

  if (++state->received == state->wanted)
    {
      /* No more message signals: the consumer takes no further message from
       * librdkafka, so the commit below covers exactly what we printed. */
      kafka_consumer_set_emit_messages (consumer, FALSE);
      g_main_loop_quit (state->loop);
    }
}

static gboolean
on_timeout (gpointer user_data)
{
  State *state = user_data;

  state->timed_out = TRUE;
  g_main_loop_quit (state->loop);
  return G_SOURCE_REMOVE;
}

static void
on_error (KafkaClient  *client,
          const GError *error,
          gpointer      user_data)
{
  g_printerr ("client error: %s\n", error->message);
}

/* Fills an embedded cluster's topic: `count` messages, one waiting flush. */
static gboolean
produce_demo_messages (const char  *bootstrap,
                       const char  *topic,
                       int          count,
                       GError     **error)
{
  g_autoptr(GHashTable) config = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();

  g_hash_table_insert (config, "bootstrap.servers", (gpointer) bootstrap);
  g_hash_table_insert (config, "linger.ms", "5");
  producer = kafka_producer_new (config, error);
  if (producer == NULL)
    return FALSE;

  kafka_headers_add (headers, "source", (const guint8 *) "kafka-glib-example", -1);
  for (int i = 0; i < count; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%d", i);
      g_autofree char *value = g_strdup_printf ("hello #%d from kafka-glib", i);

      if (!kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA,
                                   (const guint8 *) key, strlen (key),
                                   (const guint8 *) value, strlen (value),
                                   headers, 0, error))
        return FALSE;
    }
  /* flush() serves the delivery reports itself: no main loop needed here */
  return kafka_producer_flush (producer, 10000, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(KafkaMockCluster) cluster = NULL;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(GPtrArray) committed = NULL;
  g_autofree char *bootstrap = NULL;
  g_autofree char *topic = g_strdup ("kafka-glib-example");
  g_autofree char *group = g_strdup ("kafka-glib-example");
  int count = 10;
  int timeout_s = 30;
  State state = { 0 };
  guint timeout_id;
  GOptionEntry entries[] = {
    { "bootstrap-servers", 'b', 0, G_OPTION_ARG_STRING, &bootstrap,
      "Brokers to connect to (default: an embedded mock cluster)", "HOST:PORT" },
    { "topic", 't', 0, G_OPTION_ARG_STRING, &topic, "Topic to consume", "NAME" },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, "Consumer group", "ID" },
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of messages to read", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s,
      "Give up after this many seconds (default: 30)", "S" },
    { NULL }
  };

  options = g_option_context_new ("- consume messages with kafka-glib");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (count < 1 || timeout_s < 1)
    {
      g_printerr ("--count and --timeout must be positive\n");
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

      if (!kafka_mock_cluster_create_topic (cluster, topic, 2, 1, &error) ||
          !produce_demo_messages (bootstrap, topic, count, &error))
        {
          g_printerr ("Could not fill the mock cluster: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_print ("produced %d messages to %s\n", count, topic);
    }

  config = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (config, "bootstrap.servers", bootstrap);
  g_hash_table_insert (config, "group.id", group);
  g_hash_table_insert (config, "auto.offset.reset", "earliest");
  /* we commit ourselves, at the end */
  g_hash_table_insert (config, "enable.auto.commit", "false");

  consumer = kafka_consumer_new (config, &error);
  if (consumer == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  state.loop = g_main_loop_new (NULL, FALSE);
  state.wanted = count;
  g_signal_connect (consumer, "message", G_CALLBACK (on_message), &state);
  g_signal_connect (consumer, "partitions-assigned", G_CALLBACK (on_partitions_assigned), &state);
  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (on_partitions_revoked), &state);
  g_signal_connect (consumer, "error", G_CALLBACK (on_error), NULL);
  kafka_consumer_set_emit_messages (consumer, TRUE);

  {
    const char *topics[] = { topic, NULL };

    if (!kafka_consumer_subscribe (consumer, topics, &error))
      {
        g_printerr ("%s\n", error->message);
        return EXIT_FAILURE;
      }
  }

  timeout_id = g_timeout_add_seconds (timeout_s, on_timeout, &state);
  g_main_loop_run (state.loop);
  if (!state.timed_out)
    g_source_remove (timeout_id);
  g_main_loop_unref (state.loop);

  if (state.timed_out)
    g_printerr ("timed out after %d s with %d of %d messages\n",
                timeout_s, state.received, count);

  /* NULL: commit the consumer's positions, i.e. everything received */
  if (state.received > 0)
    {
      committed = kafka_consumer_commit (consumer, NULL, &error);
      if (committed == NULL)
        {
          g_printerr ("commit failed: %s\n", error->message);
          return EXIT_FAILURE;
        }
      for (guint i = 0; i < committed->len; i++)
        {
          KafkaTopicPartition *tp = g_ptr_array_index (committed, i);
          const GError *tp_error = kafka_topic_partition_get_error (tp);

          if (tp_error != NULL)
            g_printerr ("commit of %s [%d] failed: %s\n", kafka_topic_partition_get_topic (tp),
                        kafka_topic_partition_get_partition (tp), tp_error->message);
          else if (kafka_topic_partition_get_offset (tp) >= 0)
            g_print ("committed %s [%d] at offset %" G_GINT64_FORMAT "\n",
                     kafka_topic_partition_get_topic (tp),
                     kafka_topic_partition_get_partition (tp),
                     kafka_topic_partition_get_offset (tp));
        }
    }

  /* leaves the group (the revoke is signalled on the way) */
  if (!kafka_consumer_close (consumer, &error))
    {
      g_printerr ("close failed: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%d messages consumed\n", state.received);
  return state.received == count ? EXIT_SUCCESS : EXIT_FAILURE;
}
