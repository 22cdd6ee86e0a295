/* The admin client's request classes, and the requests it refuses before
 * sending anything: no broker needed (the client points at a closed port).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

static void
test_new_topic (void)
{
  g_autoptr(KafkaNewTopic) topic = kafka_new_topic_new ("t", 3, -1);
  g_autoptr(KafkaNewTopic) by_props = NULL;
  const gint32 ids0[] = { 1, 2 };
  const gint32 ids1[] = { 2, 3 };
  const gint32 *got;
  gsize n = 99;
  int partitions = 0, rf = 0;
  g_autofree char *name = NULL;

  g_assert_cmpstr (kafka_new_topic_get_name (topic), ==, "t");
  g_assert_cmpint (kafka_new_topic_get_num_partitions (topic), ==, 3);
  g_assert_cmpint (kafka_new_topic_get_replication_factor (topic), ==, -1);

  g_assert_null (kafka_new_topic_get_replica_assignment (topic, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  kafka_new_topic_set_replica_assignment (topic, 1, ids1, 2);
  kafka_new_topic_set_replica_assignment (topic, 0, ids1, 2);
  /* replaced */
  kafka_new_topic_set_replica_assignment (topic, 0, ids0, 2);
  got = kafka_new_topic_get_replica_assignment (topic, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (got[0], ==, 1);
  g_assert_cmpint (got[1], ==, 2);
  got = kafka_new_topic_get_replica_assignment (topic, 1, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (got[0], ==, 2);
  g_assert_null (kafka_new_topic_get_replica_assignment (topic, 2, &n));
  g_assert_null (kafka_new_topic_get_replica_assignment (topic, -1, NULL));

  kafka_new_topic_set_config (topic, "retention.ms", "1000");
  kafka_new_topic_set_config (topic, "retention.ms", "2000");
  kafka_new_topic_set_config (topic, "cleanup.policy", "compact");
  g_assert_cmpuint (g_hash_table_size (kafka_new_topic_get_config (topic)), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (kafka_new_topic_get_config (topic), "retention.ms"), ==, "2000");

  /* as bindings build it, by properties, with the broker's defaults */
  by_props = g_object_new (KAFKA_TYPE_NEW_TOPIC, "name", "u", NULL);
  g_object_get (by_props, "name", &name, "num-partitions", &partitions,
                "replication-factor", &rf, NULL);
  g_assert_cmpstr (name, ==, "u");
  g_assert_cmpint (partitions, ==, -1);
  g_assert_cmpint (rf, ==, -1);
}

static void
test_new_partitions (void)
{
  g_autoptr(KafkaNewPartitions) np = kafka_new_partitions_new ("t", 5);
  const gint32 ids[] = { 7 };
  gsize n = 0;

  g_assert_cmpstr (kafka_new_partitions_get_topic (np), ==, "t");
  g_assert_cmpint (kafka_new_partitions_get_total_count (np), ==, 5);
  kafka_new_partitions_set_replica_assignment (np, 0, ids, 1);
  g_assert_cmpint (kafka_new_partitions_get_replica_assignment (np, 0, &n)[0], ==, 7);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (kafka_new_partitions_get_replica_assignment (np, 1, &n));
}

static void
test_config_resource (void)
{
  g_autoptr(KafkaConfigResource) res = kafka_config_resource_new (KAFKA_RESOURCE_BROKER, "1");
  KafkaConfigEntry *entry;

  g_assert_cmpint (kafka_config_resource_get_resource_type (res), ==, KAFKA_RESOURCE_BROKER);
  g_assert_cmpstr (kafka_config_resource_get_name (res), ==, "1");
  g_assert_null (kafka_config_resource_get_error (res));
  g_assert_cmpuint (kafka_config_resource_get_entries (res)->len, ==, 0);

  kafka_config_resource_set_config (res, "a", "1");
  kafka_config_resource_set_config (res, "b", NULL);
  kafka_config_resource_set_config (res, "a", "2");
  g_assert_cmpuint (kafka_config_resource_get_entries (res)->len, ==, 2);
  entry = kafka_config_resource_get_entry (res, "a");
  g_assert_nonnull (entry);
  g_assert_cmpstr (kafka_config_entry_get_value (entry), ==, "2");
  g_assert_cmpint (kafka_config_entry_get_source (entry), ==, KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG);
  g_assert_false (kafka_config_entry_get_is_read_only (entry));
  g_assert_cmpuint (kafka_config_entry_get_synonyms (entry)->len, ==, 0);
  entry = kafka_config_resource_get_entry (res, "b");
  g_assert_nonnull (entry);
  g_assert_null (kafka_config_entry_get_value (entry));
  g_assert_null (kafka_config_resource_get_entry (res, "c"));
}

static void
test_acl_binding (void)
{
  g_autoptr(KafkaAclBinding) acl =
    kafka_acl_binding_new (KAFKA_RESOURCE_GROUP, "g-", KAFKA_RESOURCE_PATTERN_PREFIXED,
                           "User:alice", "*", KAFKA_ACL_OPERATION_READ,
                           KAFKA_ACL_PERMISSION_TYPE_DENY);
  g_autoptr(KafkaAclBinding) filter = g_object_new (KAFKA_TYPE_ACL_BINDING, NULL);

  g_assert_cmpint (kafka_acl_binding_get_resource_type (acl), ==, KAFKA_RESOURCE_GROUP);
  g_assert_cmpstr (kafka_acl_binding_get_name (acl), ==, "g-");
  g_assert_cmpint (kafka_acl_binding_get_pattern_type (acl), ==, KAFKA_RESOURCE_PATTERN_PREFIXED);
  g_assert_cmpstr (kafka_acl_binding_get_principal (acl), ==, "User:alice");
  g_assert_cmpstr (kafka_acl_binding_get_host (acl), ==, "*");
  g_assert_cmpint (kafka_acl_binding_get_operation (acl), ==, KAFKA_ACL_OPERATION_READ);
  g_assert_cmpint (kafka_acl_binding_get_permission_type (acl), ==, KAFKA_ACL_PERMISSION_TYPE_DENY);
  g_assert_null (kafka_acl_binding_get_error (acl));

  /* by properties: a filter that matches everything */
  g_assert_cmpint (kafka_acl_binding_get_resource_type (filter), ==, KAFKA_RESOURCE_ANY);
  g_assert_null (kafka_acl_binding_get_name (filter));
  g_assert_cmpint (kafka_acl_binding_get_pattern_type (filter), ==, KAFKA_RESOURCE_PATTERN_ANY);
  g_assert_cmpint (kafka_acl_binding_get_operation (filter), ==, KAFKA_ACL_OPERATION_ANY);
  g_assert_cmpint (kafka_acl_binding_get_permission_type (filter), ==, KAFKA_ACL_PERMISSION_TYPE_ANY);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_admin_options (void)
{
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  const KafkaConsumerGroupState states[] = { KAFKA_CONSUMER_GROUP_STATE_STABLE,
                                             KAFKA_CONSUMER_GROUP_STATE_EMPTY };
  const KafkaConsumerGroupState *got;
  guint notified = 0;
  gsize n = 99;

  g_assert_cmpint (kafka_admin_options_get_operation_timeout (options), ==, -1);
  g_assert_false (kafka_admin_options_get_validate_only (options));
  g_assert_cmpint (kafka_admin_options_get_broker (options), ==, -1);
  g_assert_false (kafka_admin_options_get_require_stable_offsets (options));
  g_assert_null (kafka_admin_options_get_match_consumer_group_states (options, &n));
  g_assert_cmpuint (n, ==, 0);

  g_signal_connect (options, "notify", G_CALLBACK (on_notify), &notified);
  kafka_admin_options_set_operation_timeout (options, 5000);
  kafka_admin_options_set_operation_timeout (options, 5000);
  kafka_admin_options_set_validate_only (options, TRUE);
  kafka_admin_options_set_broker (options, 2);
  kafka_admin_options_set_require_stable_offsets (options, TRUE);
  g_assert_cmpuint (notified, ==, 4);  /* explicit notify: only changes */
  g_assert_cmpint (kafka_admin_options_get_operation_timeout (options), ==, 5000);
  g_assert_true (kafka_admin_options_get_validate_only (options));
  g_assert_cmpint (kafka_admin_options_get_broker (options), ==, 2);
  g_assert_true (kafka_admin_options_get_require_stable_offsets (options));

  kafka_admin_options_set_match_consumer_group_states (options, states, 2);
  got = kafka_admin_options_get_match_consumer_group_states (options, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (got[1], ==, KAFKA_CONSUMER_GROUP_STATE_EMPTY);
  kafka_admin_options_set_match_consumer_group_states (options, NULL, 0);
  g_assert_null (kafka_admin_options_get_match_consumer_group_states (options, &n));
}

/* ------------------------------------------------------------------------ */
/* Requests refused before they are sent */

static KafkaAdminClient *
offline_admin (void)
{
  /* nothing listens on port 1: the client never connects, which these
   * requests do not need */
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1", NULL);
  g_autoptr(GError) error = NULL;
  KafkaAdminClient *admin = kafka_admin_client_new (config, &error);

  g_assert_no_error (error);
  return admin;
}

static void
assert_invalid (GPtrArray  *result,
                GError     *error,
                const char *says)
{
  g_assert_null (result);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

static void
test_invalid_requests (void)
{
  g_autoptr(KafkaAdminClient) admin = offline_admin ();
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(KafkaAdminOptions) options = kafka_admin_options_new ();
  g_autoptr(GError) error = NULL;
  const gint32 ids[] = { 0 };
  const char *groups[] = { "g", NULL };
  KafkaNewTopic *topic;

  /* a replica assignment needs a replication factor of -1 */
  topic = kafka_new_topic_new ("with-rf", 1, 1);
  kafka_new_topic_set_replica_assignment (topic, 0, ids, 1);
  g_ptr_array_add (topics, topic);
  result = kafka_admin_client_create_topics (admin, topics, NULL, 5000, &error);
  assert_invalid (result, error, "“with-rf”");
  g_clear_error (&error);

  /* and one for each partition, from 0 */
  g_ptr_array_set_size (topics, 0);
  topic = kafka_new_topic_new ("hole", 2, -1);
  kafka_new_topic_set_replica_assignment (topic, 1, ids, 1);
  g_ptr_array_add (topics, topic);
  result = kafka_admin_client_create_topics (admin, topics, NULL, 5000, &error);
  assert_invalid (result, error, "no replica assignment for partition 0");
  g_clear_error (&error);

  /* a setting the call does not take */
  kafka_admin_options_set_validate_only (options, TRUE);
  result = kafka_admin_client_delete_groups (admin, groups, options, 5000, &error);
  assert_invalid (result, error, "validate-only for delete_groups");
  g_clear_error (&error);

  /* nor an operation timeout */
  kafka_admin_options_set_validate_only (options, FALSE);
  kafka_admin_options_set_operation_timeout (options, 1000);
  result = kafka_admin_client_delete_groups (admin, groups, options, 5000, &error);
  assert_invalid (result, error, "operation-timeout-ms for delete_groups");
  g_clear_error (&error);
}

static void
test_invalid_acls (void)
{
  g_autoptr(KafkaAdminClient) admin = offline_admin ();
  g_autoptr(GPtrArray) acls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;

  /* "any" is for filters: a binding to create says what it is */
  g_ptr_array_add (acls, kafka_acl_binding_new (KAFKA_RESOURCE_TOPIC, "t",
                                                KAFKA_RESOURCE_PATTERN_LITERAL, "User:a", "*",
                                                KAFKA_ACL_OPERATION_ANY,
                                                KAFKA_ACL_PERMISSION_TYPE_ALLOW));
  result = kafka_admin_client_create_acls (admin, acls, NULL, 5000, &error);
  assert_invalid (result, error, "Invalid ACL binding on “t”");
  g_clear_error (&error);

  /* and a filter cannot match nothing */
  g_ptr_array_set_size (acls, 0);
  g_ptr_array_add (acls, kafka_acl_binding_new (KAFKA_RESOURCE_UNKNOWN, NULL,
                                                KAFKA_RESOURCE_PATTERN_ANY, NULL, NULL,
                                                KAFKA_ACL_OPERATION_ANY,
                                                KAFKA_ACL_PERMISSION_TYPE_ANY));
  result = kafka_admin_client_delete_acls (admin, acls, NULL, 5000, &error);
  assert_invalid (result, error, "Invalid ACL filter");
}

static void
on_ready (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* An invalid request fails the async call through its callback, not before */
static void
test_invalid_async (void)
{
  g_autoptr(KafkaAdminClient) admin = offline_admin ();
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(GError) error = NULL;
  KafkaNewTopic *topic = kafka_new_topic_new ("with-rf", 1, 1);
  const gint32 ids[] = { 0 };

  kafka_new_topic_set_replica_assignment (topic, 0, ids, 1);
  g_ptr_array_add (topics, topic);
  kafka_admin_client_create_topics_async (admin, topics, NULL, 5000, NULL, on_ready, &async_result);
  g_assert_null (async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = kafka_admin_client_create_topics_finish (admin, async_result, &error);
  assert_invalid (result, error, "“with-rf”");
}

static void
test_after_dispose (void)
{
  g_autoptr(KafkaAdminClient) admin = offline_admin ();
  g_autoptr(KafkaListConsumerGroupsResult) result = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(GError) error = NULL;

  g_object_run_dispose (G_OBJECT (admin));
  result = kafka_admin_client_list_consumer_groups (admin, NULL, 5000, &error);
  g_assert_null (result);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);

  kafka_admin_client_list_consumer_groups_async (admin, NULL, 5000, NULL, on_ready, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = kafka_admin_client_list_consumer_groups_finish (admin, async_result, &error);
  g_assert_null (result);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_assert_cmpint (kafka_admin_client_poll (admin, 0), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/admin/unit/new-topic", test_new_topic);
  g_test_add_func ("/admin/unit/new-partitions", test_new_partitions);
  g_test_add_func ("/admin/unit/config-resource", test_config_resource);
  g_test_add_func ("/admin/unit/acl-binding", test_acl_binding);
  g_test_add_func ("/admin/unit/admin-options", test_admin_options);
  g_test_add_func ("/admin/unit/invalid-requests", test_invalid_requests);
  g_test_add_func ("/admin/unit/invalid-acls", test_invalid_acls);
  g_test_add_func ("/admin/unit/invalid-async", test_invalid_async);
  g_test_add_func ("/admin/unit/after-dispose", test_after_dispose);

  return g_test_run ();
}
