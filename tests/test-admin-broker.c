/* KafkaAdminClient against the real Apache Kafka broker that
 * tests/run-tests.sh starts (KAFKA_BOOTSTRAP_SERVERS, with an authorizer for
 * the ACL calls). Each scenario runs twice: with the blocking calls
 * (/admin/broker/sync/…) and with the _async/_finish pairs on the main loop
 * (/admin/broker/async/…); each checks a success and at least one per-item
 * failure of every call it makes.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

#define CALL_TIMEOUT_MS 30000

typedef struct {
  KafkaAdminClient *admin;
  gboolean          async;
  gboolean          done;
  GAsyncResult     *result;
  GThread          *callback_thread;
} Fixture;

static KafkaAdminClient *
new_admin (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (), NULL);
  g_autoptr(GError) error = NULL;
  KafkaAdminClient *admin = kafka_admin_client_new (config, &error);

  g_assert_no_error (error);
  return admin;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->async = GPOINTER_TO_INT (data);
  fx->admin = new_admin ();
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->admin);
}

static void
fixture_on_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Fixture *fx = data;

  g_assert_true (source == G_OBJECT (fx->admin));
  g_assert_false (fx->done);
  fx->result = g_object_ref (result);
  fx->callback_thread = g_thread_self ();
  fx->done = TRUE;
}

static void
fixture_wait (Fixture    *fx,
              const char *what)
{
  kt_wait_for_flag (NULL, &fx->done, CALL_TIMEOUT_MS * 3, what);
  /* on the caller's context, which is the test's thread default one */
  g_assert_true (fx->callback_thread == g_thread_self ());
  fx->done = FALSE;
}

/* The blocking call, or the async one followed by its _finish once the
 * callback came: ADMIN (fx, create_topics, &error, topics, options, timeout) */
#define ADMIN(fx, name, error, ...)                                                     \
  ({                                                                                    \
    __typeof__ (kafka_admin_client_##name##_finish (NULL, NULL, NULL)) _result;         \
    if ((fx)->async)                                                                    \
      {                                                                                 \
        kafka_admin_client_##name##_async ((fx)->admin, __VA_ARGS__, NULL,              \
                                           fixture_on_ready, (fx));                     \
        g_assert_false ((fx)->done);                                                    \
        fixture_wait ((fx), #name);                                                     \
        _result = kafka_admin_client_##name##_finish ((fx)->admin, (fx)->result, error); \
        g_clear_object (&(fx)->result);                                                 \
      }                                                                                 \
    else                                                                                \
      _result = kafka_admin_client_##name ((fx)->admin, __VA_ARGS__, error);            \
    _result;                                                                            \
  })

static void
assert_error_says (const GError *error,
                   int           code,
                   const char   *says)
{
  g_assert_nonnull (error);
  g_assert_error ((GError *) error, KAFKA_ERROR, code);
  if (says != NULL && strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

static KafkaAdminResult *
result_at (GPtrArray  *results,
           guint       i,
           const char *name)
{
  KafkaAdminResult *result = g_ptr_array_index (results, i);

  g_assert_cmpstr (kafka_admin_result_get_name (result), ==, name);
  return result;
}

/* Whether @topic is in the list of every topic (asking for it by name would
 * create it: producers' metadata requests allow auto-creation). */
static gboolean
topic_listed (KafkaClient *client,
              const char  *topic)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (client, NULL, 10000, &error);

  g_assert_no_error (error);
  return kafka_cluster_metadata_get_topic (md, topic) != NULL;
}

static void
wait_topic_gone (KafkaClient *client,
                 const char  *topic)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (topic_listed (client, topic))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s still listed 60 s after it was deleted", topic);
      g_usleep (100 * 1000);
    }
}

static GPtrArray *
new_topics (KafkaNewTopic *first,
            ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (KafkaNewTopic *t = first; t != NULL; t = va_arg (args, KafkaNewTopic *))
    g_ptr_array_add (array, t);
  va_end (args);
  return array;
}

/* The broker learns of new ACLs and configuration values from the metadata
 * log a moment after the controller answered the call that made them: ask
 * again (a bounded number of times) until it shows them. */
static GPtrArray *
describe_acls_until (Fixture         *fx,
                     KafkaAclBinding *filter,
                     guint            n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = ADMIN (fx, describe_acls, &error, filter, NULL, CALL_TIMEOUT_MS);

      g_assert_no_error (error);
      if (results->len == n)
        return g_steal_pointer (&results);
      if (g_get_monotonic_time () > deadline)
        g_error ("describe_acls: %u bindings, not %u, after 30 s", results->len, n);
      g_usleep (100 * 1000);
    }
}

/* The topic's configuration once @name reads @value (and, if @default_name,
 * that property is back to its default) */
static KafkaConfigResource *
describe_topic_until (Fixture    *fx,
                      const char *topic,
                      const char *name,
                      const char *value,
                      const char *default_name)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      KafkaConfigResource *res;
      KafkaConfigEntry *entry;

      g_ptr_array_add (resources, kafka_config_resource_new (KAFKA_RESOURCE_TOPIC, topic));
      results = ADMIN (fx, describe_configs, &error, resources, NULL, CALL_TIMEOUT_MS);
      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 1);
      res = g_ptr_array_index (results, 0);
      g_assert_null (kafka_config_resource_get_error (res));
      entry = kafka_config_resource_get_entry (res, name);
      if (entry != NULL && g_strcmp0 (kafka_config_entry_get_value (entry), value) == 0 &&
          (default_name == NULL ||
           kafka_config_entry_get_is_default (kafka_config_resource_get_entry (res, default_name))))
        return g_object_ref (res);
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: %s is not %s after 30 s", topic, name, value);
      g_usleep (100 * 1000);
    }
}

/* ------------------------------------------------------------------------ */

static void
test_topics (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *a = kt_unique_topic ("adm-a");
  g_autofree char *b = kt_unique_topic ("adm-b");
  g_autofree char *c = kt_unique_topic ("adm-c");
  g_autofree char *v = kt_unique_topic ("adm-v");
  g_autofree char *unknown = kt_unique_topic ("adm-none");
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  g_autoptr(GError) error = NULL;
  KafkaNewTopic *ta = kafka_new_topic_new (a, 3, 1);
  KafkaNewTopic *tb = kafka_new_topic_new (b, 2, -1);
  const gint32 broker0[] = { 0 };
  const char *to_delete[] = { a, unknown, b, NULL };

  kafka_new_topic_set_config (ta, "retention.ms", "1234567");
  kafka_new_topic_set_replica_assignment (tb, 0, broker0, 1);
  kafka_new_topic_set_replica_assignment (tb, 1, broker0, 1);
  /* a single broker cannot hold 5 replicas */
  topics = new_topics (ta, tb, kafka_new_topic_new (c, 1, 5), NULL);
  kafka_admin_options_set_operation_timeout (options, CALL_TIMEOUT_MS / 2);
  results = ADMIN (fx, create_topics, &error, topics, options, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, a)));
  g_assert_null (kafka_admin_result_get_error (result_at (results, 1, b)));
  assert_error_says (kafka_admin_result_get_error (result_at (results, 2, c)),
                     KAFKA_ERROR_INVALID_REPLICATION_FACTOR, c);
  kt_wait_for_topic (KAFKA_CLIENT (fx->admin), a, 3, 1);
  kt_wait_for_topic (KAFKA_CLIENT (fx->admin), b, 2, 1);
  g_assert_false (topic_listed (KAFKA_CLIENT (fx->admin), c));

  /* the configuration given at creation */
  {
    g_autoptr(KafkaConfigResource) described = describe_topic_until (fx, a, "retention.ms",
                                                                     "1234567", NULL);
    KafkaConfigEntry *entry = kafka_config_resource_get_entry (described, "retention.ms");

    g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG);
  }

  /* again: it exists */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (topics, 1);
  results = ADMIN (fx, create_topics, &error, topics, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  assert_error_says (kafka_admin_result_get_error (result_at (results, 0, a)),
                     KAFKA_ERROR_TOPIC_ALREADY_EXISTS, "already exists");

  /* validate only: answered as if, created not */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = new_topics (kafka_new_topic_new (v, 2, 1), NULL);
  kafka_admin_options_set_validate_only (options, TRUE);
  results = ADMIN (fx, create_topics, &error, topics, options, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, v)));
  g_assert_false (topic_listed (KAFKA_CLIENT (fx->admin), v));

  /* delete: two that exist, one that does not */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = ADMIN (fx, delete_topics, &error, to_delete, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, a)));
  assert_error_says (kafka_admin_result_get_error (result_at (results, 1, unknown)),
                     KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, unknown);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 2, b)));
  wait_topic_gone (KAFKA_CLIENT (fx->admin), a);
  wait_topic_gone (KAFKA_CLIENT (fx->admin), b);
}

static void
test_partitions (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *t = kt_unique_topic ("adm-parts");
  g_autofree char *unknown = kt_unique_topic ("adm-none");
  g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  g_autoptr(GError) error = NULL;

  kt_create_topic (t, 1, 1, NULL);

  g_ptr_array_add (asks, kafka_new_partitions_new (t, 3));
  g_ptr_array_add (asks, kafka_new_partitions_new (unknown, 2));
  results = ADMIN (fx, create_partitions, &error, asks, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, t)));
  assert_error_says (kafka_admin_result_get_error (result_at (results, 1, unknown)),
                     KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, unknown);
  kt_wait_for_topic (KAFKA_CLIENT (fx->admin), t, 3, 1);

  /* fewer is not more */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (asks, 0);
  g_ptr_array_add (asks, kafka_new_partitions_new (t, 2));
  results = ADMIN (fx, create_partitions, &error, asks, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  assert_error_says (kafka_admin_result_get_error (result_at (results, 0, t)),
                     KAFKA_ERROR_INVALID_PARTITIONS, "3");

  /* validate only: no partition added */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (asks, 0);
  g_ptr_array_add (asks, kafka_new_partitions_new (t, 5));
  kafka_admin_options_set_validate_only (options, TRUE);
  results = ADMIN (fx, create_partitions, &error, asks, options, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, t)));
  {
    g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (KAFKA_CLIENT (fx->admin), t,
                                                                    10000, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (kafka_topic_metadata_get_partitions (kafka_cluster_metadata_get_topic (md, t))->len,
                      ==, 3);
  }
}

static KafkaConfigResource *
topic_resource (const char *topic)
{
  return kafka_config_resource_new (KAFKA_RESOURCE_TOPIC, topic);
}

static void
test_configs (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *t = kt_unique_topic ("adm-conf");
  g_autofree char *t2 = kt_unique_topic ("adm-conf2");
  g_autofree char *unknown = kt_unique_topic ("adm-none");
  g_autofree char *broker_id = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  g_autoptr(GError) error = NULL;
  KafkaConfigResource *res;
  KafkaConfigEntry *entry;

  kt_create_topic (t, 1, 1, "retention.ms", "86400000", "max.message.bytes", "20000", NULL);
  kt_create_topic (t2, 1, 1, NULL);
  {
    g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (KAFKA_CLIENT (fx->admin), NULL,
                                                                    10000, &error);

    g_assert_no_error (error);
    broker_id = g_strdup_printf ("%d", kafka_broker_metadata_get_id (
                                   g_ptr_array_index (kafka_cluster_metadata_get_brokers (md), 0)));
  }

  g_object_unref (describe_topic_until (fx, t, "retention.ms", "86400000", NULL));

  /* a topic, a broker, and a topic that does not exist */
  g_ptr_array_add (resources, topic_resource (t));
  g_ptr_array_add (resources, kafka_config_resource_new (KAFKA_RESOURCE_BROKER, broker_id));
  g_ptr_array_add (resources, topic_resource (unknown));
  results = ADMIN (fx, describe_configs, &error, resources, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);

  res = g_ptr_array_index (results, 0);
  g_assert_cmpstr (kafka_config_resource_get_name (res), ==, t);
  g_assert_cmpint (kafka_config_resource_get_resource_type (res), ==, KAFKA_RESOURCE_TOPIC);
  g_assert_null (kafka_config_resource_get_error (res));
  g_assert_cmpuint (kafka_config_resource_get_entries (res)->len, >, 10);
  entry = kafka_config_resource_get_entry (res, "retention.ms");
  g_assert_cmpstr (kafka_config_entry_get_value (entry), ==, "86400000");
  g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG);
  g_assert_false (kafka_config_entry_get_is_default (entry));
  g_assert_false (kafka_config_entry_get_is_read_only (entry));
  entry = kafka_config_resource_get_entry (res, "cleanup.policy");
  g_assert_cmpstr (kafka_config_entry_get_value (entry), ==, "delete");
  g_assert_true (kafka_config_entry_get_is_default (entry));
  g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG);

  /* tests/broker/kafka-broker.sh sets num.partitions=4 in the file */
  res = g_ptr_array_index (results, 1);
  g_assert_cmpstr (kafka_config_resource_get_name (res), ==, broker_id);
  g_assert_null (kafka_config_resource_get_error (res));
  entry = kafka_config_resource_get_entry (res, "num.partitions");
  g_assert_cmpstr (kafka_config_entry_get_value (entry), ==, "4");
  g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG);

  res = g_ptr_array_index (results, 2);
  g_assert_cmpstr (kafka_config_resource_get_name (res), ==, unknown);
  assert_error_says (kafka_config_resource_get_error (res), KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, unknown);
  g_assert_cmpuint (kafka_config_resource_get_entries (res)->len, ==, 0);

  /* alter: one good value, one bad; the whole dynamic configuration of a
   * topic is replaced (max.message.bytes goes back to its default) */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (resources, 0);
  res = topic_resource (t);
  kafka_config_resource_set_config (res, "retention.ms", "3600000");
  g_ptr_array_add (resources, res);
  res = topic_resource (t2);
  kafka_config_resource_set_config (res, "retention.ms", "not a number");
  g_ptr_array_add (resources, res);
  results = ADMIN (fx, alter_configs, &error, resources, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (kafka_config_resource_get_name (g_ptr_array_index (results, 0)), ==, t);
  g_assert_null (kafka_config_resource_get_error (g_ptr_array_index (results, 0)));
  g_assert_cmpstr (kafka_config_resource_get_name (g_ptr_array_index (results, 1)), ==, t2);
  assert_error_says (kafka_config_resource_get_error (g_ptr_array_index (results, 1)),
                     KAFKA_ERROR_INVALID_CONFIG, "not a number");

  g_object_unref (describe_topic_until (fx, t, "retention.ms", "3600000", "max.message.bytes"));

  /* validate only: checked, not applied */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (resources, 0);
  res = topic_resource (t);
  kafka_config_resource_set_config (res, "retention.ms", "7200000");
  g_ptr_array_add (resources, res);
  kafka_admin_options_set_validate_only (options, TRUE);
  results = ADMIN (fx, alter_configs, &error, resources, options, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (kafka_config_resource_get_error (g_ptr_array_index (results, 0)));

  g_clear_pointer (&results, g_ptr_array_unref);
  g_ptr_array_set_size (resources, 0);
  g_ptr_array_add (resources, topic_resource (t));
  results = ADMIN (fx, describe_configs, &error, resources, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  res = g_ptr_array_index (results, 0);
  entry = kafka_config_resource_get_entry (res, "retention.ms");
  g_assert_cmpstr (kafka_config_entry_get_value (entry), ==, "3600000");
  g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG);
  entry = kafka_config_resource_get_entry (res, "max.message.bytes");
  g_assert_true (kafka_config_entry_get_is_default (entry));
  g_assert_cmpstr (kafka_config_entry_get_value (entry), !=, "20000");
}

static void
produce_to (const char *topic,
            gint32      partition,
            guint       n)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "linger.ms", "5", NULL);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  KtDeliveries d;

  kt_deliveries_init (&d);
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (kt_on_delivery), &d);
  for (guint i = 0; i < n; i++)
    g_assert_true (kafka_producer_produce (producer, topic, partition, NULL, 0,
                                           (const guint8 *) "value", 5, NULL, 0, &error));
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_cmpuint (d.messages->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_null (kafka_message_get_error (g_ptr_array_index (d.messages, i)));
  kt_deliveries_clear (&d);
}

static GPtrArray *
partitions (const char *topic,
            gint32      first_partition,
            gint64      first_offset,
            ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  gint32 partition = first_partition;
  gint64 offset = first_offset;
  va_list args;

  va_start (args, first_offset);
  while (partition >= 0)
    {
      g_ptr_array_add (array, kafka_topic_partition_new (topic, partition, offset));
      partition = va_arg (args, gint32);
      if (partition >= 0)
        offset = va_arg (args, gint64);
    }
  va_end (args);
  return array;
}

static void
test_records (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *t = kt_unique_topic ("adm-rec");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 low = -1, high = -1;
  KafkaTopicPartition *tp;

  kt_create_topic (t, 2, 1, NULL);
  produce_to (t, 0, 10);

  /* partition 0 up to 4; partition 1 is empty, 100 is past its end */
  before = partitions (t, 0, (gint64) 4, 1, (gint64) 100, -1);
  results = ADMIN (fx, delete_records, &error, before, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  tp = g_ptr_array_index (results, 0);
  g_assert_cmpint (kafka_topic_partition_get_partition (tp), ==, 0);
  g_assert_null (kafka_topic_partition_get_error (tp));
  g_assert_cmpint (kafka_topic_partition_get_offset (tp), ==, 4);
  tp = g_ptr_array_index (results, 1);
  g_assert_cmpint (kafka_topic_partition_get_partition (tp), ==, 1);
  assert_error_says (kafka_topic_partition_get_error (tp), KAFKA_ERROR_OFFSET_OUT_OF_RANGE, NULL);

  g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (fx->admin), t, 0, FALSE, 10000,
                                                     &low, &high, &error));
  g_assert_cmpint (low, ==, 4);
  g_assert_cmpint (high, ==, 10);

  /* everything */
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = partitions (t, 0, (gint64) KAFKA_OFFSET_END, -1);
  results = ADMIN (fx, delete_records, &error, before, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (results, 0)), ==, 10);
  g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (fx->admin), t, 0, FALSE, 10000,
                                                     &low, &high, &error));
  g_assert_cmpint (low, ==, 10);
}

static KafkaConsumerGroupListing *
find_listing (KafkaListConsumerGroupsResult *listed,
              const char                    *group)
{
  GPtrArray *groups = kafka_list_consumer_groups_result_get_groups (listed);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (kafka_consumer_group_listing_get_group_id (g_ptr_array_index (groups, i)), group) == 0)
      return g_ptr_array_index (groups, i);
  return NULL;
}

static gint
by_partition (gconstpointer a,
              gconstpointer b)
{
  return kafka_topic_partition_get_partition (*(KafkaTopicPartition **) a) -
         kafka_topic_partition_get_partition (*(KafkaTopicPartition **) b);
}

static gint
lag_by_partition (gconstpointer a,
                  gconstpointer b)
{
  return kafka_partition_lag_get_partition (*(KafkaPartitionLag **) a) -
         kafka_partition_lag_get_partition (*(KafkaPartitionLag **) b);
}

static void
assert_lag (KafkaPartitionLag *lag,
            gint32             partition,
            gint64             committed,
            gint64             high)
{
  g_assert_cmpint (kafka_partition_lag_get_partition (lag), ==, partition);
  g_assert_null (kafka_partition_lag_get_error (lag));
  g_assert_cmpint (kafka_partition_lag_get_committed_offset (lag), ==, committed);
  g_assert_cmpint (kafka_partition_lag_get_high_watermark (lag), ==, high);
  g_assert_cmpint (kafka_partition_lag_get_lag (lag), ==, high - committed);
}

/* A member of @group subscribed to @topic, with its two partitions assigned */
static KafkaConsumer *
join_group (const char *group,
            const char *topic)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "group.id", group, "client.id", "kg-admin-member",
                                            "enable.auto.commit", "false",
                                            "auto.offset.reset", "earliest", NULL);
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);
  const char *topics[] = { topic, NULL };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  for (;;)
    {
      g_autoptr(KafkaMessage) message = kafka_consumer_poll (consumer, 200, &error);
      g_autoptr(GPtrArray) assignment = NULL;

      g_assert_no_error (error);
      assignment = kafka_consumer_get_assignment (consumer, &error);
      g_assert_no_error (error);
      if (assignment->len == 2)
        return consumer;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s: no assignment after 60 s", group);
    }
}

static void
test_groups (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *t = kt_unique_topic ("adm-grp");
  g_autofree char *group = kt_unique_topic ("adm-g");
  g_autofree char *unknown = kt_unique_topic ("adm-nogroup");
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaListConsumerGroupsResult) listed = NULL;
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  g_autoptr(GPtrArray) offsets = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *groups[] = { group, unknown, NULL };
  const KafkaConsumerGroupState empty_only[] = { KAFKA_CONSUMER_GROUP_STATE_EMPTY };
  KafkaConsumerGroupListing *listing;
  KafkaTopicPartition *tp;

  kt_create_topic (t, 2, 1, NULL);
  produce_to (t, 0, 10);
  produce_to (t, 1, 4);

  consumer = join_group (group, t);
  {
    g_autoptr(GPtrArray) commit = partitions (t, 0, (gint64) 6, 1, (gint64) 4, -1);
    g_autoptr(GPtrArray) committed = kafka_consumer_commit (consumer, commit, &error);

    g_assert_no_error (error);
  }

  /* list: the group, in state Stable; not among the empty ones */
  listed = ADMIN (fx, list_consumer_groups, &error, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_list_consumer_groups_result_get_errors (listed)->len, ==, 0);
  listing = find_listing (listed, group);
  g_assert_nonnull (listing);
  g_assert_cmpint (kafka_consumer_group_listing_get_state (listing), ==, KAFKA_CONSUMER_GROUP_STATE_STABLE);
  g_assert_false (kafka_consumer_group_listing_get_is_simple_consumer_group (listing));
  g_clear_object (&listed);
  kafka_admin_options_set_match_consumer_group_states (options, empty_only, 1);
  listed = ADMIN (fx, list_consumer_groups, &error, options, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (find_listing (listed, group));
  g_clear_object (&listed);

  /* describe: the member and its assignment; an unknown group is dead */
  {
    g_autoptr(GPtrArray) described = ADMIN (fx, describe_consumer_groups, &error, groups, NULL,
                                            CALL_TIMEOUT_MS);
    g_autofree char *member_id = kafka_consumer_get_member_id (consumer);
    KafkaConsumerGroupDescription *desc;
    KafkaMemberDescription *member;
    KafkaBrokerMetadata *coordinator;
    GPtrArray *assignment;

    g_assert_no_error (error);
    g_assert_cmpuint (described->len, ==, 2);
    desc = g_ptr_array_index (described, 0);
    g_assert_cmpstr (kafka_consumer_group_description_get_group_id (desc), ==, group);
    g_assert_null (kafka_consumer_group_description_get_error (desc));
    g_assert_cmpint (kafka_consumer_group_description_get_state (desc), ==, KAFKA_CONSUMER_GROUP_STATE_STABLE);
    g_assert_cmpstr (kafka_consumer_group_description_get_partition_assignor (desc), ==, "range");
    coordinator = kafka_consumer_group_description_get_coordinator (desc);
    g_assert_nonnull (coordinator);
    g_assert_cmpint (kafka_broker_metadata_get_id (coordinator), >=, 0);
    g_assert_cmpstr (kafka_broker_metadata_get_host (coordinator), ==, "127.0.0.1");
    g_assert_cmpuint (kafka_consumer_group_description_get_members (desc)->len, ==, 1);
    member = g_ptr_array_index (kafka_consumer_group_description_get_members (desc), 0);
    g_assert_cmpstr (kafka_member_description_get_client_id (member), ==, "kg-admin-member");
    g_assert_cmpstr (kafka_member_description_get_consumer_id (member), ==, member_id);
    g_assert_null (kafka_member_description_get_group_instance_id (member));
    g_assert_nonnull (strstr (kafka_member_description_get_host (member), "127.0.0.1"));
    assignment = kafka_member_description_get_assignment (member);
    g_assert_cmpuint (assignment->len, ==, 2);
    g_ptr_array_sort (assignment, by_partition);
    g_assert_cmpstr (kafka_topic_partition_get_topic (g_ptr_array_index (assignment, 0)), ==, t);
    g_assert_cmpint (kafka_topic_partition_get_partition (g_ptr_array_index (assignment, 1)), ==, 1);

    desc = g_ptr_array_index (described, 1);
    g_assert_cmpstr (kafka_consumer_group_description_get_group_id (desc), ==, unknown);
    g_assert_null (kafka_consumer_group_description_get_error (desc));
    g_assert_cmpint (kafka_consumer_group_description_get_state (desc), ==, KAFKA_CONSUMER_GROUP_STATE_DEAD);
    g_assert_cmpuint (kafka_consumer_group_description_get_members (desc)->len, ==, 0);
  }

  /* committed offsets, and the lag against 10 and 4 messages */
  offsets = ADMIN (fx, list_consumer_group_offsets, &error, group, NULL, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 2);
  g_ptr_array_sort (offsets, by_partition);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (offsets, 0)), ==, 6);
  g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (offsets, 1)), ==, 4);
  g_clear_pointer (&offsets, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) lags = ADMIN (fx, list_consumer_group_lag, &error, group, NULL, NULL,
                                       CALL_TIMEOUT_MS);

    g_assert_no_error (error);
    g_assert_cmpuint (lags->len, ==, 2);
    g_ptr_array_sort (lags, lag_by_partition);
    assert_lag (g_ptr_array_index (lags, 0), 0, 6, 10);
    assert_lag (g_ptr_array_index (lags, 1), 1, 4, 4);
  }

  /* while the group has a member: not deleted, its offsets not altered
   * nor deleted */
  results = ADMIN (fx, delete_groups, &error, groups, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  assert_error_says (kafka_admin_result_get_error (result_at (results, 0, group)),
                     KAFKA_ERROR_NON_EMPTY_GROUP, group);
  assert_error_says (kafka_admin_result_get_error (result_at (results, 1, unknown)),
                     KAFKA_ERROR_GROUP_ID_NOT_FOUND, unknown);
  g_clear_pointer (&results, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) alter = partitions (t, 0, (gint64) 2, -1);

    offsets = ADMIN (fx, alter_consumer_group_offsets, &error, group, alter, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpuint (offsets->len, ==, 1);
    assert_error_says (kafka_topic_partition_get_error (g_ptr_array_index (offsets, 0)),
                       KAFKA_ERROR_UNKNOWN_MEMBER_ID, NULL);
    g_clear_pointer (&offsets, g_ptr_array_unref);

    offsets = ADMIN (fx, delete_consumer_group_offsets, &error, group, alter, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    assert_error_says (kafka_topic_partition_get_error (g_ptr_array_index (offsets, 0)),
                       KAFKA_ERROR_GROUP_SUBSCRIBED_TO_TOPIC, NULL);
    g_clear_pointer (&offsets, g_ptr_array_unref);
  }

  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);

  /* the member gone: rewind partition 0 (and one partition that does not
   * exist fails alone) */
  {
    g_autofree char *none = kt_unique_topic ("adm-none");
    g_autoptr(GPtrArray) alter = partitions (t, 0, (gint64) 2, -1);
    g_autoptr(GPtrArray) lags = NULL;

    g_ptr_array_add (alter, kafka_topic_partition_new (none, 0, 1));
    offsets = ADMIN (fx, alter_consumer_group_offsets, &error, group, alter, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpuint (offsets->len, ==, 2);
    tp = g_ptr_array_index (offsets, 0);
    g_assert_null (kafka_topic_partition_get_error (tp));
    g_assert_cmpint (kafka_topic_partition_get_offset (tp), ==, 2);
    tp = g_ptr_array_index (offsets, 1);
    g_assert_cmpstr (kafka_topic_partition_get_topic (tp), ==, none);
    assert_error_says (kafka_topic_partition_get_error (tp), KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, NULL);
    g_clear_pointer (&offsets, g_ptr_array_unref);

    /* asked by partition */
    g_ptr_array_set_size (alter, 1);
    lags = ADMIN (fx, list_consumer_group_lag, &error, group, alter, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpuint (lags->len, ==, 1);
    assert_lag (g_ptr_array_index (lags, 0), 0, 2, 10);

    offsets = ADMIN (fx, list_consumer_group_offsets, &error, group, alter, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpint (kafka_topic_partition_get_offset (g_ptr_array_index (offsets, 0)), ==, 2);
    g_clear_pointer (&offsets, g_ptr_array_unref);
  }

  /* delete the offset of partition 1: only partition 0's is left */
  {
    g_autoptr(GPtrArray) drop = partitions (t, 1, (gint64) KAFKA_OFFSET_INVALID, -1);

    offsets = ADMIN (fx, delete_consumer_group_offsets, &error, group, drop, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpuint (offsets->len, ==, 1);
    g_assert_null (kafka_topic_partition_get_error (g_ptr_array_index (offsets, 0)));
    g_clear_pointer (&offsets, g_ptr_array_unref);

    offsets = ADMIN (fx, list_consumer_group_offsets, &error, group, NULL, NULL, CALL_TIMEOUT_MS);
    g_assert_no_error (error);
    g_assert_cmpuint (offsets->len, ==, 1);
    g_assert_cmpint (kafka_topic_partition_get_partition (g_ptr_array_index (offsets, 0)), ==, 0);
    g_clear_pointer (&offsets, g_ptr_array_unref);

    /* a group that does not exist fails as a whole */
    offsets = ADMIN (fx, delete_consumer_group_offsets, &error, unknown, drop, NULL, CALL_TIMEOUT_MS);
    g_assert_null (offsets);
    assert_error_says (error, KAFKA_ERROR_GROUP_ID_NOT_FOUND, unknown);
    g_clear_error (&error);
  }

  /* now it can go; the unknown one still cannot */
  results = ADMIN (fx, delete_groups, &error, groups, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (kafka_admin_result_get_error (result_at (results, 0, group)));
  assert_error_says (kafka_admin_result_get_error (result_at (results, 1, unknown)),
                     KAFKA_ERROR_GROUP_ID_NOT_FOUND, NULL);
  listed = ADMIN (fx, list_consumer_groups, &error, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_null (find_listing (listed, group));
}

static KafkaAclBinding *
topic_acl (const char             *topic,
           const char             *principal,
           const char             *host,
           KafkaAclOperation       operation,
           KafkaAclPermissionType  permission)
{
  return kafka_acl_binding_new (KAFKA_RESOURCE_TOPIC, topic, KAFKA_RESOURCE_PATTERN_LITERAL,
                                principal, host, operation, permission);
}

static void
test_acls (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *t = kt_unique_topic ("adm-acl");
  g_autofree char *user = kt_unique_topic ("User:kg");
  g_autoptr(GPtrArray) acls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KafkaAclBinding) by_topic = kafka_acl_binding_new (KAFKA_RESOURCE_TOPIC, t,
                                                               KAFKA_RESOURCE_PATTERN_ANY, NULL, NULL,
                                                               KAFKA_ACL_OPERATION_ANY,
                                                               KAFKA_ACL_PERMISSION_TYPE_ANY);
  g_autoptr(GError) error = NULL;
  KafkaAclBinding *acl;

  g_ptr_array_add (acls, topic_acl (t, user, "*", KAFKA_ACL_OPERATION_READ, KAFKA_ACL_PERMISSION_TYPE_ALLOW));
  g_ptr_array_add (acls, topic_acl (t, user, "10.0.0.1", KAFKA_ACL_OPERATION_WRITE,
                                    KAFKA_ACL_PERMISSION_TYPE_DENY));
  /* a principal is TYPE:NAME */
  g_ptr_array_add (acls, topic_acl (t, "nobody", "*", KAFKA_ACL_OPERATION_READ,
                                    KAFKA_ACL_PERMISSION_TYPE_ALLOW));
  results = ADMIN (fx, create_acls, &error, acls, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      acl = g_ptr_array_index (results, i);
      g_assert_true (acl != g_ptr_array_index (acls, i));
      g_assert_cmpstr (kafka_acl_binding_get_principal (acl), ==,
                       kafka_acl_binding_get_principal (g_ptr_array_index (acls, i)));
    }
  g_assert_null (kafka_acl_binding_get_error (g_ptr_array_index (results, 0)));
  g_assert_null (kafka_acl_binding_get_error (g_ptr_array_index (results, 1)));
  assert_error_says (kafka_acl_binding_get_error (g_ptr_array_index (results, 2)),
                     KAFKA_ERROR_INVALID_REQUEST, "nobody");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = describe_acls_until (fx, by_topic, 2);
  for (guint i = 0; i < results->len; i++)
    {
      acl = g_ptr_array_index (results, i);
      g_assert_cmpint (kafka_acl_binding_get_resource_type (acl), ==, KAFKA_RESOURCE_TOPIC);
      g_assert_cmpstr (kafka_acl_binding_get_name (acl), ==, t);
      g_assert_cmpint (kafka_acl_binding_get_pattern_type (acl), ==, KAFKA_RESOURCE_PATTERN_LITERAL);
      g_assert_cmpstr (kafka_acl_binding_get_principal (acl), ==, user);
      if (kafka_acl_binding_get_operation (acl) == KAFKA_ACL_OPERATION_WRITE)
        {
          g_assert_cmpstr (kafka_acl_binding_get_host (acl), ==, "10.0.0.1");
          g_assert_cmpint (kafka_acl_binding_get_permission_type (acl), ==, KAFKA_ACL_PERMISSION_TYPE_DENY);
        }
      else
        {
          g_assert_cmpint (kafka_acl_binding_get_operation (acl), ==, KAFKA_ACL_OPERATION_READ);
          g_assert_cmpstr (kafka_acl_binding_get_host (acl), ==, "*");
          g_assert_cmpint (kafka_acl_binding_get_permission_type (acl), ==, KAFKA_ACL_PERMISSION_TYPE_ALLOW);
        }
    }
  g_clear_pointer (&results, g_ptr_array_unref);

  /* delete the READ one, and nothing with a filter that matches nothing */
  g_ptr_array_add (filters, kafka_acl_binding_new (KAFKA_RESOURCE_TOPIC, t, KAFKA_RESOURCE_PATTERN_LITERAL,
                                                   user, NULL, KAFKA_ACL_OPERATION_READ,
                                                   KAFKA_ACL_PERMISSION_TYPE_ANY));
  g_ptr_array_add (filters, kafka_acl_binding_new (KAFKA_RESOURCE_GROUP, t, KAFKA_RESOURCE_PATTERN_ANY,
                                                   NULL, NULL, KAFKA_ACL_OPERATION_ANY,
                                                   KAFKA_ACL_PERMISSION_TYPE_ANY));
  results = ADMIN (fx, delete_acls, &error, filters, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  {
    KafkaDeleteAclsResult *deleted = g_ptr_array_index (results, 0);
    GPtrArray *matching = kafka_delete_acls_result_get_matching_acls (deleted);

    g_assert_null (kafka_delete_acls_result_get_error (deleted));
    g_assert_cmpuint (matching->len, ==, 1);
    g_assert_cmpint (kafka_acl_binding_get_operation (g_ptr_array_index (matching, 0)), ==,
                     KAFKA_ACL_OPERATION_READ);
    g_assert_null (kafka_acl_binding_get_error (g_ptr_array_index (matching, 0)));
    deleted = g_ptr_array_index (results, 1);
    g_assert_null (kafka_delete_acls_result_get_error (deleted));
    g_assert_cmpuint (kafka_delete_acls_result_get_matching_acls (deleted)->len, ==, 0);
  }
  g_clear_pointer (&results, g_ptr_array_unref);

  results = describe_acls_until (fx, by_topic, 1);
  g_assert_cmpint (kafka_acl_binding_get_operation (g_ptr_array_index (results, 0)), ==,
                   KAFKA_ACL_OPERATION_WRITE);
  g_clear_pointer (&results, g_ptr_array_unref);

  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, g_object_ref (by_topic));
  results = ADMIN (fx, delete_acls, &error, filters, NULL, CALL_TIMEOUT_MS);
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_delete_acls_result_get_matching_acls (g_ptr_array_index (results, 0))->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = describe_acls_until (fx, by_topic, 0);
}

/* ------------------------------------------------------------------------ */
/* Async only */

typedef struct {
  KafkaAdminClient *admin;
  GThread          *callback_thread;
  GPtrArray        *results;
  GError           *error;
  gboolean          done;  /* atomic */
} OtherThread;

static void
other_thread_ready (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  OtherThread *ot = data;

  ot->callback_thread = g_thread_self ();
  ot->results = kafka_admin_client_describe_consumer_groups_finish (KAFKA_ADMIN_CLIENT (source),
                                                                    result, &ot->error);
  g_atomic_int_set (&ot->done, TRUE);
}

static gpointer
other_thread (gpointer data)
{
  OtherThread *ot = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  const char *groups[] = { "kg-admin-other-thread", NULL };

  g_main_context_push_thread_default (context);
  kafka_admin_client_describe_consumer_groups_async (ot->admin, groups, NULL, CALL_TIMEOUT_MS,
                                                     NULL, other_thread_ready, ot);
  while (!g_atomic_int_get (&ot->done))
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  /* the test's thread waits for this */
  g_main_context_wakeup (NULL);
  return NULL;
}

/* A call made from another thread completes on that thread's context; the
 * answer itself comes through the client's context (this thread's). */
static void
test_async_other_context (void)
{
  g_autoptr(KafkaAdminClient) admin = new_admin ();
  OtherThread ot = { admin, NULL, NULL, NULL, FALSE };
  GThread *thread = g_thread_new ("admin-caller", other_thread, &ot);
  gint64 deadline = g_get_monotonic_time () + CALL_TIMEOUT_MS * 3 * (gint64) 1000;

  while (!g_atomic_int_get (&ot.done) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_atomic_int_get (&ot.done));
  g_thread_join (thread);
  g_assert_true (ot.callback_thread == thread);
  g_assert_no_error (ot.error);
  g_assert_cmpuint (ot.results->len, ==, 1);
  g_assert_cmpint (kafka_consumer_group_description_get_state (g_ptr_array_index (ot.results, 0)),
                   ==, KAFKA_CONSUMER_GROUP_STATE_DEAD);
  g_ptr_array_unref (ot.results);
}

typedef struct {
  gboolean      done;
  GAsyncResult *result;
  GObject      *source;
} Ready;

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Ready *ready = data;

  ready->source = source;
  ready->result = g_object_ref (result);
  ready->done = TRUE;
}

/* The caller may drop the client as soon as the call is made */
static void
test_async_keeps_client (void)
{
  KafkaAdminClient *admin = new_admin ();
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  Ready ready = { FALSE, NULL, NULL };

  g_ptr_array_add (resources, kafka_config_resource_new (KAFKA_RESOURCE_TOPIC,
                                                         "kg-admin-no-such-topic"));
  kafka_admin_client_describe_configs_async (admin, resources, NULL, CALL_TIMEOUT_MS, NULL,
                                             on_ready, &ready);
  g_object_add_weak_pointer (G_OBJECT (admin), (gpointer *) &admin);
  g_object_unref (admin);
  g_assert_nonnull (admin);

  kt_wait_for_flag (NULL, &ready.done, CALL_TIMEOUT_MS * 3, "describe_configs");
  g_assert_true (ready.source == G_OBJECT (admin));
  results = kafka_admin_client_describe_configs_finish (admin, ready.result, &error);
  g_assert_no_error (error);
  assert_error_says (kafka_config_resource_get_error (g_ptr_array_index (results, 0)),
                     KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, NULL);
  g_clear_object (&ready.result);
  /* the call's last reference went with its result */
  g_assert_null (admin);
}

/* Cancelled: G_IO_ERROR_CANCELLED at once, and the client works on */
static void
test_async_cancel (void)
{
  g_autoptr(KafkaAdminClient) admin = new_admin ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KafkaListConsumerGroupsResult) listed = NULL;
  g_autoptr(GError) error = NULL;
  Ready ready = { FALSE, NULL, NULL };

  kafka_admin_client_list_consumer_groups_async (admin, NULL, CALL_TIMEOUT_MS, cancellable,
                                                 on_ready, &ready);
  g_cancellable_cancel (cancellable);
  kt_wait_for_flag (NULL, &ready.done, CALL_TIMEOUT_MS, "the cancelled call");
  listed = kafka_admin_client_list_consumer_groups_finish (admin, ready.result, &error);
  g_assert_null (listed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&ready.result);

  /* cancelled before it starts */
  ready.done = FALSE;
  kafka_admin_client_list_consumer_groups_async (admin, NULL, CALL_TIMEOUT_MS, cancellable,
                                                 on_ready, &ready);
  kt_wait_for_flag (NULL, &ready.done, CALL_TIMEOUT_MS, "the call cancelled before");
  listed = kafka_admin_client_list_consumer_groups_finish (admin, ready.result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&ready.result);

  ready.done = FALSE;
  kafka_admin_client_list_consumer_groups_async (admin, NULL, CALL_TIMEOUT_MS, NULL,
                                                 on_ready, &ready);
  kt_wait_for_flag (NULL, &ready.done, CALL_TIMEOUT_MS * 3, "list_consumer_groups");
  listed = kafka_admin_client_list_consumer_groups_finish (admin, ready.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (listed);
  g_clear_object (&ready.result);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } scenarios[] = {
    { "topics", test_topics },
    { "partitions", test_partitions },
    { "configs", test_configs },
    { "records", test_records },
    { "groups", test_groups },
    { "acls", test_acls },
  };

  g_test_init (&argc, &argv, NULL);
  kt_broker_bootstrap ();

  for (int async = 0; async <= 1; async++)
    for (gsize i = 0; i < G_N_ELEMENTS (scenarios); i++)
      {
        g_autofree char *path = g_strdup_printf ("/admin/broker/%s/%s",
                                                 async ? "async" : "sync", scenarios[i].name);

        g_test_add (path, Fixture, GINT_TO_POINTER (async), fixture_setup, scenarios[i].func,
                    fixture_teardown);
      }
  g_test_add_func ("/admin/broker/async/other-context", test_async_other_context);
  g_test_add_func ("/admin/broker/async/keeps-client", test_async_keeps_client);
  g_test_add_func ("/admin/broker/async/cancel", test_async_cancel);

  return g_test_run ();
}
