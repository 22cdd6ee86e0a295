/* kafka-glib example: administer a cluster with KafkaAdminClient.
 *
 * Creates a topic, puts a few messages in it and commits offsets for a
 * consumer group (from outside the group), then lists the cluster's topics
 * and its consumer groups with their lag, and deletes the group and the
 * topic again. Each call blocks until the cluster answers; every call
 * answers item by item, and an item's failure is printed, not fatal.
 *
 * It needs a real broker: librdkafka's mock cluster has no admin API.
 *
 *   kafka-glib-admin --bootstrap-servers HOST:PORT
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdlib.h>
#include <kafka-glib/kafka-glib.h>

#define TIMEOUT_MS 30000
#define PARTITIONS 3

/* Prints the items of a call that failed; TRUE if none did. */
static gboolean
report (const char *what,
        GPtrArray  *results)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      KafkaAdminResult *result = g_ptr_array_index (results, i);
      const GError *error = kafka_admin_result_get_error (result);

      if (error != NULL)
        {
          g_printerr ("%s: %s\n", what, error->message);
          ok = FALSE;
        }
      else
        g_print ("%s: %s\n", what, kafka_admin_result_get_name (result));
    }
  return ok;
}

static gboolean
fill_topic (const char  *bootstrap,
            const char  *topic,
            GError     **error)
{
  g_autoptr(GHashTable) config = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KafkaProducer) producer = NULL;

  g_hash_table_insert (config, "bootstrap.servers", (char *) bootstrap);
  producer = kafka_producer_new (config, error);
  if (producer == NULL)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (!kafka_producer_produce (producer, topic, i % PARTITIONS, NULL, 0,
                                 (const guint8 *) "hello", 5, NULL, 0, error))
      return FALSE;
  return kafka_producer_flush (producer, TIMEOUT_MS, error);
}

static void
list_topics (KafkaAdminClient *admin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (KAFKA_CLIENT (admin), NULL,
                                                                  TIMEOUT_MS, &error);
  GPtrArray *topics;

  if (md == NULL)
    {
      g_printerr ("could not list topics: %s\n", error->message);
      return;
    }
  topics = kafka_cluster_metadata_get_topics (md);
  g_print ("topics (%u):\n", topics->len);
  for (guint i = 0; i < topics->len; i++)
    {
      KafkaTopicMetadata *t = g_ptr_array_index (topics, i);

      g_print ("  %s: %u partitions\n", kafka_topic_metadata_get_name (t),
               kafka_topic_metadata_get_partitions (t)->len);
    }
}

static const char *
state_name (KafkaConsumerGroupState state)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KAFKA_TYPE_CONSUMER_GROUP_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  return value ? value->value_nick : "?";
}

/* Commits @offsets for @group from outside it. Each partition has its own
 * outcome: a call that succeeds may still have failed for some. The first
 * group of a new cluster makes the broker create and load its offsets
 * topic, and meanwhile it answers with a retriable error (the coordinator
 * is loading or moving): ask again, up to TIMEOUT_MS. */
static gboolean
commit_group_offsets (KafkaAdminClient *admin,
                      const char       *group,
                      GPtrArray        *offsets)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      KafkaTopicPartition *failed = NULL;

      results = kafka_admin_client_alter_consumer_group_offsets (admin, group, offsets, NULL,
                                                                 TIMEOUT_MS, &error);
      if (results == NULL)
        {
          g_printerr ("could not commit for %s: %s\n", group, error->message);
          return FALSE;
        }
      for (guint i = 0; i < results->len && failed == NULL; i++)
        if (kafka_topic_partition_get_error (g_ptr_array_index (results, i)) != NULL)
          failed = g_ptr_array_index (results, i);
      if (failed == NULL)
        {
          g_print ("committed offsets for group %s\n", group);
          return TRUE;
        }
      if (!kafka_error_is_retriable (kafka_topic_partition_get_error (failed)) ||
          g_get_monotonic_time () >= deadline)
        {
          g_printerr ("could not commit for %s, %s [%d]: %s\n", group,
                      kafka_topic_partition_get_topic (failed),
                      (int) kafka_topic_partition_get_partition (failed),
                      kafka_topic_partition_get_error (failed)->message);
          return FALSE;
        }
      g_usleep (200 * 1000);
    }
}

/* Every group with its state and its lag, partition by partition */
static gboolean
list_groups (KafkaAdminClient *admin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaListConsumerGroupsResult) listed =
    kafka_admin_client_list_consumer_groups (admin, NULL, TIMEOUT_MS, &error);
  GPtrArray *groups, *errors;

  if (listed == NULL)
    {
      g_printerr ("could not list consumer groups: %s\n", error->message);
      return FALSE;
    }
  /* a broker that could not answer does not hide the others' groups */
  errors = kafka_list_consumer_groups_result_get_errors (listed);
  for (guint i = 0; i < errors->len; i++)
    g_printerr ("  (%s)\n", ((GError *) g_ptr_array_index (errors, i))->message);

  groups = kafka_list_consumer_groups_result_get_groups (listed);
  g_print ("consumer groups (%u):\n", groups->len);
  for (guint i = 0; i < groups->len; i++)
    {
      KafkaConsumerGroupListing *group = g_ptr_array_index (groups, i);
      const char *id = kafka_consumer_group_listing_get_group_id (group);
      g_autoptr(GPtrArray) lags = NULL;
      gint64 total = 0;

      g_print ("  %s (%s)", id, state_name (kafka_consumer_group_listing_get_state (group)));
      lags = kafka_admin_client_list_consumer_group_lag (admin, id, NULL, NULL, TIMEOUT_MS, &error);
      if (lags == NULL)
        {
          g_print (": %s\n", error->message);
          g_clear_error (&error);
          continue;
        }
      for (guint j = 0; j < lags->len; j++)
        total += MAX (kafka_partition_lag_get_lag (g_ptr_array_index (lags, j)), 0);
      g_print (": lag %" G_GINT64_FORMAT "\n", total);
      for (guint j = 0; j < lags->len; j++)
        {
          KafkaPartitionLag *lag = g_ptr_array_index (lags, j);
          const GError *lag_error = kafka_partition_lag_get_error (lag);

          if (lag_error != NULL)
            g_print ("    %s [%d]: %s\n", kafka_partition_lag_get_topic (lag),
                     kafka_partition_lag_get_partition (lag), lag_error->message);
          else
            g_print ("    %s [%d]: committed %" G_GINT64_FORMAT ", end %" G_GINT64_FORMAT
                     ", lag %" G_GINT64_FORMAT "\n",
                     kafka_partition_lag_get_topic (lag), kafka_partition_lag_get_partition (lag),
                     kafka_partition_lag_get_committed_offset (lag),
                     kafka_partition_lag_get_high_watermark (lag),
                     kafka_partition_lag_get_lag (lag));
        }
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *bootstrap = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(KafkaAdminClient) admin = NULL;
  g_autoptr(GPtrArray) new_topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) offsets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *suffix = g_uuid_string_random ();
  g_autofree char *topic = g_strdup_printf ("kafka-glib-admin-%.8s", suffix);
  g_autofree char *group = g_strdup_printf ("kafka-glib-admin-group-%.8s", suffix);
  const char *topics[] = { topic, NULL };
  const char *groups[] = { group, NULL };
  KafkaNewTopic *new_topic;
  gboolean ok = TRUE;
  GOptionEntry entries[] = {
    { "bootstrap-servers", 'b', 0, G_OPTION_ARG_STRING, &bootstrap,
      "Brokers to connect to (default: $KAFKA_BOOTSTRAP_SERVERS)", "HOST:PORT" },
    { NULL }
  };

  options = g_option_context_new ("- administer a Kafka cluster with kafka-glib");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (bootstrap == NULL)
    bootstrap = g_strdup (g_getenv ("KAFKA_BOOTSTRAP_SERVERS"));
  if (bootstrap == NULL)
    {
      g_printerr ("kafka-glib-admin needs a broker (--bootstrap-servers HOST:PORT): the embedded "
                  "mock cluster has no admin API. tests/broker/kafka-broker.sh start runs one.\n");
      return 2;
    }

  config = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (config, "bootstrap.servers", bootstrap);
  admin = kafka_admin_client_new (config, &error);
  if (admin == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* a topic of three partitions, kept a day */
  new_topic = kafka_new_topic_new (topic, PARTITIONS, 1);
  kafka_new_topic_set_config (new_topic, "retention.ms", "86400000");
  g_ptr_array_add (new_topics, new_topic);
  results = kafka_admin_client_create_topics (admin, new_topics, NULL, TIMEOUT_MS, &error);
  if (results == NULL || !report ("created topic", results))
    {
      g_printerr ("%s\n", error ? error->message : "the topic was not created");
      return EXIT_FAILURE;
    }
  g_clear_pointer (&results, g_ptr_array_unref);

  if (!fill_topic (bootstrap, topic, &error))
    {
      g_printerr ("could not produce: %s\n", error->message);
      ok = FALSE;
      g_clear_error (&error);
    }

  /* the group "read" one message of each partition */
  for (int p = 0; p < PARTITIONS; p++)
    g_ptr_array_add (offsets, kafka_topic_partition_new (topic, p, 1));
  ok = commit_group_offsets (admin, group, offsets) && ok;

  list_topics (admin);
  ok = list_groups (admin) && ok;

  results = kafka_admin_client_delete_groups (admin, groups, NULL, TIMEOUT_MS, &error);
  if (results == NULL)
    {
      g_printerr ("could not delete group %s: %s\n", group, error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  else
    ok = report ("deleted group", results) && ok;
  g_clear_pointer (&results, g_ptr_array_unref);

  results = kafka_admin_client_delete_topics (admin, topics, NULL, TIMEOUT_MS, &error);
  if (results == NULL)
    {
      g_printerr ("could not delete topic %s: %s\n", topic, error->message);
      ok = FALSE;
    }
  else
    ok = report ("deleted topic", results) && ok;

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
