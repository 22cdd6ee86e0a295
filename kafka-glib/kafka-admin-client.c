/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-admin-private.h"
#include "kafka-client-private.h"
#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"

/**
 * SECTION:kafka-admin-client
 * @Title: KafkaAdminClient
 * @Short_description: administers a Kafka cluster
 *
 * A #KafkaAdminClient creates and deletes topics, adds partitions,
 * describes and alters the configuration of topics and brokers, deletes
 * records, lists, describes and deletes consumer groups, lists, alters and
 * deletes their committed offsets (and tells their lag), and creates,
 * describes and deletes ACLs: every operation of librdkafka's Admin API, as
 * confluent-kafka-python's `AdminClient` has them.
 *
 * |[<!-- language="C" -->
 * g_autoptr(KafkaAdminClient) admin = kafka_admin_client_new (config, &error);
 * g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
 * g_ptr_array_add (topics, kafka_new_topic_new ("events", 6, 3));
 * g_autoptr(GPtrArray) results = kafka_admin_client_create_topics (admin, topics, NULL, 30000, &error);
 * for (guint i = 0; results != NULL && i < results->len; i++)
 *   {
 *     const GError *e = kafka_admin_result_get_error (g_ptr_array_index (results, i));
 *     if (e != NULL)
 *       g_printerr ("%s\n", e->message);
 *   }
 * ]|
 *
 * # Calls, results and errors
 *
 * Every operation comes in three functions: a blocking one, which waits up
 * to its @timeout_ms on the calling thread (any thread), and an `_async` /
 * `_finish` pair, which completes on the thread-default main context of the
 * caller. Both take optional #KafkaAdminOptions and a timeout: the time
 * librdkafka has to find the broker, send the request and get the answer
 * (-1 lets it take up to an hour, the most librdkafka takes; the call then
 * has no limit of its own). If librdkafka gives no answer a second past the
 * timeout, the call fails with %KAFKA_ERROR_TIMED_OUT by itself.
 *
 * A call fails as a whole (a %NULL return with a #GError of the
 * %KAFKA_ERROR domain) when the request could not be made or answered: an
 * invalid argument (%KAFKA_ERROR_INVALID_ARG, naming it), no broker in time
 * (%KAFKA_ERROR_TIMED_OUT), a client already disposed of. Otherwise it
 * answers for each item it was given (topic, group, resource, partition,
 * ACL), in the order given, with the item's own error, if any: one topic
 * that already exists does not hide that the others were created. The
 * per-item errors are #GError values of the %KAFKA_ERROR domain too, whose
 * codes are Kafka's (%KAFKA_ERROR_TOPIC_ALREADY_EXISTS,
 * %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, %KAFKA_ERROR_INVALID_REPLICATION_FACTOR,
 * %KAFKA_ERROR_GROUP_ID_NOT_FOUND…) and whose messages carry the broker's
 * explanation. The calls about one consumer group's offsets fail as a whole
 * when the group does, and carry per-partition errors on the
 * #KafkaTopicPartitions they return.
 *
 * # Main context and threads
 *
 * Like the producer and the consumer, an admin client emits its
 * #KafkaClient::error, #KafkaClient::stats and #KafkaClient::log signals on
 * the thread-default main context of the thread that created it. The
 * answers to `_async` calls arrive there too (they are librdkafka events on
 * the client's main queue) and are handed to each call's own context: that
 * context must be running for async calls to complete, or, with no main
 * loop, kafka_admin_client_poll() serves them. A pending async call keeps
 * the client alive until it completes. Cancelling one completes it at once
 * with %G_IO_ERROR_CANCELLED; the request itself cannot be called back
 * (a topic may still be created).
 *
 * The blocking calls may be made from any thread, several at a time; they
 * wait on a queue of their own and emit nothing.
 *
 * # The mock cluster
 *
 * librdkafka 2.0.2's mock cluster (#KafkaMockCluster) answers only the
 * calls about consumer group offsets:
 * kafka_admin_client_alter_consumer_group_offsets(),
 * kafka_admin_client_list_consumer_group_offsets() (given partitions: it
 * lists none when asked for all) and
 * kafka_admin_client_list_consumer_group_lag(). Listing consumer groups
 * and deleting records fail there with %KAFKA_ERROR_UNSUPPORTED_FEATURE
 * (for the broker, for each partition); the topic, partition,
 * configuration and ACL calls time out (it has no controller).
 *
 * Do not call kafka_admin_client_describe_consumer_groups(),
 * kafka_admin_client_delete_groups() or
 * kafka_admin_client_delete_consumer_group_offsets() there: when the group
 * coordinator does not support the request, librdkafka 2.0.2 aborts the
 * process (delete: librdkafka issue 3663, which Kafka brokers before 2.4
 * trigger as well) or, after describing, never finishes destroying the
 * client (issue 4605). Test those calls on a real broker.
 */

/* librdkafka's own request timeout fires first: ours only catches a request
 * librdkafka never answers */
#define ADMIN_GRACE_MS 1000
/* the longest request timeout librdkafka takes */
#define ADMIN_MAX_TIMEOUT_MS (3600 * 1000)

typedef enum {
  OP_CREATE_TOPICS,
  OP_DELETE_TOPICS,
  OP_CREATE_PARTITIONS,
  OP_DESCRIBE_CONFIGS,
  OP_ALTER_CONFIGS,
  OP_DELETE_RECORDS,
  OP_LIST_GROUPS,
  OP_DESCRIBE_GROUPS,
  OP_DELETE_GROUPS,
  OP_LIST_GROUP_OFFSETS,
  OP_LIST_GROUP_LAG,
  OP_ALTER_GROUP_OFFSETS,
  OP_DELETE_GROUP_OFFSETS,
  OP_CREATE_ACLS,
  OP_DESCRIBE_ACLS,
  OP_DELETE_ACLS,
} AdminOp;

static const struct {
  const char            *name;  /* for option errors */
  const char            *what;  /* "Could not %s" */
  rd_kafka_admin_op_t    rd_op;
  rd_kafka_event_type_t  result;
} admin_ops[] = {
  [OP_CREATE_TOPICS] = { "create_topics", "create topics",
                         RD_KAFKA_ADMIN_OP_CREATETOPICS, RD_KAFKA_EVENT_CREATETOPICS_RESULT },
  [OP_DELETE_TOPICS] = { "delete_topics", "delete topics",
                         RD_KAFKA_ADMIN_OP_DELETETOPICS, RD_KAFKA_EVENT_DELETETOPICS_RESULT },
  [OP_CREATE_PARTITIONS] = { "create_partitions", "create partitions",
                             RD_KAFKA_ADMIN_OP_CREATEPARTITIONS, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT },
  [OP_DESCRIBE_CONFIGS] = { "describe_configs", "describe configurations",
                            RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT },
  [OP_ALTER_CONFIGS] = { "alter_configs", "alter configurations",
                         RD_KAFKA_ADMIN_OP_ALTERCONFIGS, RD_KAFKA_EVENT_ALTERCONFIGS_RESULT },
  [OP_DELETE_RECORDS] = { "delete_records", "delete records",
                          RD_KAFKA_ADMIN_OP_DELETERECORDS, RD_KAFKA_EVENT_DELETERECORDS_RESULT },
  [OP_LIST_GROUPS] = { "list_consumer_groups", "list consumer groups",
                       RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT },
  [OP_DESCRIBE_GROUPS] = { "describe_consumer_groups", "describe consumer groups",
                           RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT },
  [OP_DELETE_GROUPS] = { "delete_groups", "delete consumer groups",
                         RD_KAFKA_ADMIN_OP_DELETEGROUPS, RD_KAFKA_EVENT_DELETEGROUPS_RESULT },
  [OP_LIST_GROUP_OFFSETS] = { "list_consumer_group_offsets", "list the offsets of consumer group",
                              RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
                              RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT },
  [OP_LIST_GROUP_LAG] = { "list_consumer_group_lag", "get the lag of consumer group",
                          RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
                          RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT },
  [OP_ALTER_GROUP_OFFSETS] = { "alter_consumer_group_offsets", "alter the offsets of consumer group",
                               RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
                               RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT },
  [OP_DELETE_GROUP_OFFSETS] = { "delete_consumer_group_offsets", "delete the offsets of consumer group",
                                RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
                                RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT },
  [OP_CREATE_ACLS] = { "create_acls", "create ACLs",
                       RD_KAFKA_ADMIN_OP_CREATEACLS, RD_KAFKA_EVENT_CREATEACLS_RESULT },
  [OP_DESCRIBE_ACLS] = { "describe_acls", "describe ACLs",
                         RD_KAFKA_ADMIN_OP_DESCRIBEACLS, RD_KAFKA_EVENT_DESCRIBEACLS_RESULT },
  [OP_DELETE_ACLS] = { "delete_acls", "delete ACLs",
                       RD_KAFKA_ADMIN_OP_DELETEACLS, RD_KAFKA_EVENT_DELETEACLS_RESULT },
};

/* One request: built on the caller's thread, sent once; librdkafka copies
 * what it is given, so the request's own objects go as soon as it is sent. */
typedef struct {
  AdminOp                  op;
  KafkaHandle             *handle;   /* librdkafka stays while the request lives */
  rd_kafka_t              *rk;
  rd_kafka_AdminOptions_t *options;
  int                      timeout_ms;
  GPtrArray               *objects;  /* librdkafka's, with their destroy function */
  char                   **names;    /* the groups to describe */
  rd_kafka_AclBinding_t   *filter;   /* describe_acls */
  GPtrArray               *acls;     /* create_acls: the bindings given, for the results */
  char                    *group;    /* the group of a one-group call */
} AdminRequest;

/* An async call, from the request to the task's return. The task holds a
 * reference (its task data), and so does the request librdkafka has (the
 * event's opaque) until its event is served or the client shuts down. */
typedef struct {
  KafkaWait        wait;     /* first: the task, timeout and cancellable */
  gatomicrefcount  ref;
  AdminRequest    *req;
  GMainContext    *context;  /* the client's */
} AdminCall;

struct _KafkaAdminClient
{
  KafkaClient parent_instance;

  /* async calls whose request librdkafka has not answered: each holds a
   * reference. Added to from any thread. */
  GMutex      calls_lock;
  GHashTable *calls;
};

static void kafka_admin_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaAdminClient, kafka_admin_client, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_admin_client_initable_iface_init))

/* ------------------------------------------------------------------------ */
/* Requests */

static void
admin_request_free (AdminRequest *req)
{
  g_clear_pointer (&req->objects, g_ptr_array_unref);
  g_clear_pointer (&req->options, rd_kafka_AdminOptions_destroy);
  g_clear_pointer (&req->filter, rd_kafka_AclBinding_destroy);
  g_clear_pointer (&req->names, g_strfreev);
  g_clear_pointer (&req->acls, g_ptr_array_unref);
  g_clear_pointer (&req->group, g_free);
  g_clear_pointer (&req->handle, kafka_handle_unref);
  g_free (req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AdminRequest, admin_request_free)

static AdminRequest *
admin_request_new (KafkaAdminClient   *self,
                   AdminOp             op,
                   KafkaAdminOptions  *options,
                   int                 timeout_ms,
                   GDestroyNotify      destroy_object,
                   GError            **error)
{
  AdminRequest *req;

  if (!kafka_client_check_open (KAFKA_CLIENT (self), error))
    return NULL;

  req = g_new0 (AdminRequest, 1);
  req->op = op;
  req->handle = kafka_client_ref_handle (KAFKA_CLIENT (self));
  req->rk = kafka_client_get_handle (KAFKA_CLIENT (self));
  req->timeout_ms = timeout_ms;
  req->objects = g_ptr_array_new_with_free_func (destroy_object);
  req->options = kafka_admin_options_to_rd (options, req->rk, admin_ops[op].rd_op,
                                            admin_ops[op].name,
                                            timeout_ms < 0 ? ADMIN_MAX_TIMEOUT_MS
                                                           : MIN (timeout_ms, ADMIN_MAX_TIMEOUT_MS),
                                            error);
  if (req->options == NULL)
    g_clear_pointer (&req, admin_request_free);
  return req;
}

static void
admin_request_send (AdminRequest     *req,
                    rd_kafka_queue_t *queue)
{
  gpointer *objects = req->objects->pdata;
  size_t n_objects = req->objects->len;

  switch (req->op)
    {
    case OP_CREATE_TOPICS:
      rd_kafka_CreateTopics (req->rk, (rd_kafka_NewTopic_t **) objects, n_objects,
                             req->options, queue);
      break;
    case OP_DELETE_TOPICS:
      rd_kafka_DeleteTopics (req->rk, (rd_kafka_DeleteTopic_t **) objects, n_objects,
                             req->options, queue);
      break;
    case OP_CREATE_PARTITIONS:
      rd_kafka_CreatePartitions (req->rk, (rd_kafka_NewPartitions_t **) objects, n_objects,
                                 req->options, queue);
      break;
    case OP_DESCRIBE_CONFIGS:
      rd_kafka_DescribeConfigs (req->rk, (rd_kafka_ConfigResource_t **) objects, n_objects,
                                req->options, queue);
      break;
    case OP_ALTER_CONFIGS:
      rd_kafka_AlterConfigs (req->rk, (rd_kafka_ConfigResource_t **) objects, n_objects,
                             req->options, queue);
      break;
    case OP_DELETE_RECORDS:
      rd_kafka_DeleteRecords (req->rk, (rd_kafka_DeleteRecords_t **) objects, n_objects,
                              req->options, queue);
      break;
    case OP_LIST_GROUPS:
      rd_kafka_ListConsumerGroups (req->rk, req->options, queue);
      break;
    case OP_DESCRIBE_GROUPS:
      rd_kafka_DescribeConsumerGroups (req->rk, (const char **) req->names,
                                       g_strv_length (req->names), req->options, queue);
      break;
    case OP_DELETE_GROUPS:
      rd_kafka_DeleteGroups (req->rk, (rd_kafka_DeleteGroup_t **) objects, n_objects,
                             req->options, queue);
      break;
    case OP_LIST_GROUP_OFFSETS:
    case OP_LIST_GROUP_LAG:
      rd_kafka_ListConsumerGroupOffsets (req->rk, (rd_kafka_ListConsumerGroupOffsets_t **) objects,
                                         n_objects, req->options, queue);
      break;
    case OP_ALTER_GROUP_OFFSETS:
      rd_kafka_AlterConsumerGroupOffsets (req->rk, (rd_kafka_AlterConsumerGroupOffsets_t **) objects,
                                          n_objects, req->options, queue);
      break;
    case OP_DELETE_GROUP_OFFSETS:
      rd_kafka_DeleteConsumerGroupOffsets (req->rk, (rd_kafka_DeleteConsumerGroupOffsets_t **) objects,
                                           n_objects, req->options, queue);
      break;
    case OP_CREATE_ACLS:
      rd_kafka_CreateAcls (req->rk, (rd_kafka_AclBinding_t **) objects, n_objects,
                           req->options, queue);
      break;
    case OP_DESCRIBE_ACLS:
      rd_kafka_DescribeAcls (req->rk, req->filter, req->options, queue);
      break;
    case OP_DELETE_ACLS:
      rd_kafka_DeleteAcls (req->rk, (rd_kafka_AclBindingFilter_t **) objects, n_objects,
                           req->options, queue);
      break;
    default:
      g_assert_not_reached ();
    }

  /* copied by librdkafka */
  g_ptr_array_set_size (req->objects, 0);
  g_clear_pointer (&req->filter, rd_kafka_AclBinding_destroy);
  g_clear_pointer (&req->names, g_strfreev);
}

/* "Could not create topics" / "Could not alter the offsets of consumer group “g”" */
static char *
admin_request_what (AdminRequest *req)
{
  if (req->group != NULL)
    return g_strdup_printf ("Could not %s “%s”", admin_ops[req->op].what, req->group);
  return g_strdup_printf ("Could not %s", admin_ops[req->op].what);
}

static GError *
admin_request_error (AdminRequest        *req,
                     rd_kafka_resp_err_t  err,
                     const char          *text)
{
  g_autofree char *what = admin_request_what (req);

  return kafka_admin_error_new (err, text, "%s", what);
}

/* ------------------------------------------------------------------------ */
/* Results */

static GPtrArray *
topic_results (const rd_kafka_topic_result_t **results,
               size_t                          n_results,
               const char                     *what)
{
  GPtrArray *array = g_ptr_array_new_full (n_results, g_object_unref);

  for (size_t i = 0; i < n_results; i++)
    {
      const char *name = rd_kafka_topic_result_name (results[i]);
      rd_kafka_resp_err_t err = rd_kafka_topic_result_error (results[i]);
      GError *error = NULL;

      if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        error = kafka_admin_error_new (err, rd_kafka_topic_result_error_string (results[i]),
                                       "Could not %s “%s”", what, name);
      g_ptr_array_add (array, kafka_admin_result_new (name, error));
    }
  return array;
}

static GPtrArray *
config_results (const rd_kafka_ConfigResource_t **resources,
                size_t                            n_resources,
                const char                       *what)
{
  GPtrArray *array = g_ptr_array_new_full (n_resources, g_object_unref);

  for (size_t i = 0; i < n_resources; i++)
    g_ptr_array_add (array, kafka_config_resource_new_from_rd (resources[i], what));
  return array;
}

/* The one group of a group offsets call: its partitions, or its error. */
static GPtrArray *
group_offsets_result (AdminRequest                    *req,
                      const rd_kafka_group_result_t  **groups,
                      size_t                           n_groups,
                      GError                         **error)
{
  const rd_kafka_error_t *rderror;

  if (n_groups != 1)
    {
      g_propagate_error (error, admin_request_error (req, RD_KAFKA_RESP_ERR__BAD_MSG,
                                                     "librdkafka answered for no group"));
      return NULL;
    }
  rderror = rd_kafka_group_result_error (groups[0]);
  if (rderror != NULL)
    {
      g_propagate_error (error, admin_request_error (req, rd_kafka_error_code (rderror),
                                                     rd_kafka_error_string (rderror)));
      return NULL;
    }
  return kafka_topic_partition_list_from_rd (rd_kafka_group_result_partitions (groups[0]));
}

/* Turns the answer into the call's result: a GPtrArray, or a
 * KafkaListConsumerGroupsResult for list_consumer_groups. */
static gpointer
admin_request_result (AdminRequest      *req,
                      rd_kafka_event_t  *event,
                      GError           **error)
{
  rd_kafka_resp_err_t err = rd_kafka_event_error (event);
  size_t n = 0;

  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      g_propagate_error (error, admin_request_error (req, err, rd_kafka_event_error_string (event)));
      return NULL;
    }
  if (rd_kafka_event_type (event) != admin_ops[req->op].result)
    {
      g_propagate_error (error, admin_request_error (req, RD_KAFKA_RESP_ERR__BAD_MSG,
                                                     rd_kafka_event_name (event)));
      return NULL;
    }

  switch (req->op)
    {
    case OP_CREATE_TOPICS:
      {
        const rd_kafka_topic_result_t **results =
          rd_kafka_CreateTopics_result_topics (rd_kafka_event_CreateTopics_result (event), &n);
        return topic_results (results, n, "create topic");
      }
    case OP_DELETE_TOPICS:
      {
        const rd_kafka_topic_result_t **results =
          rd_kafka_DeleteTopics_result_topics (rd_kafka_event_DeleteTopics_result (event), &n);
        return topic_results (results, n, "delete topic");
      }
    case OP_CREATE_PARTITIONS:
      {
        const rd_kafka_topic_result_t **results =
          rd_kafka_CreatePartitions_result_topics (rd_kafka_event_CreatePartitions_result (event), &n);
        return topic_results (results, n, "create partitions for topic");
      }
    case OP_DESCRIBE_CONFIGS:
      {
        const rd_kafka_ConfigResource_t **resources =
          rd_kafka_DescribeConfigs_result_resources (rd_kafka_event_DescribeConfigs_result (event), &n);
        return config_results (resources, n, "describe");
      }
    case OP_ALTER_CONFIGS:
      {
        const rd_kafka_ConfigResource_t **resources =
          rd_kafka_AlterConfigs_result_resources (rd_kafka_event_AlterConfigs_result (event), &n);
        return config_results (resources, n, "alter");
      }
    case OP_DELETE_RECORDS:
      return kafka_topic_partition_list_from_rd (
        rd_kafka_DeleteRecords_result_offsets (rd_kafka_event_DeleteRecords_result (event)));
    case OP_LIST_GROUPS:
      {
        const rd_kafka_ListConsumerGroups_result_t *result = rd_kafka_event_ListConsumerGroups_result (event);
        const rd_kafka_ConsumerGroupListing_t **listings;
        const rd_kafka_error_t **errors;
        GPtrArray *groups, *group_errors;
        size_t n_errors = 0;

        listings = rd_kafka_ListConsumerGroups_result_valid (result, &n);
        groups = g_ptr_array_new_full (n, g_object_unref);
        for (size_t i = 0; i < n; i++)
          g_ptr_array_add (groups, kafka_consumer_group_listing_new_from_rd (listings[i]));
        errors = rd_kafka_ListConsumerGroups_result_errors (result, &n_errors);
        group_errors = g_ptr_array_new_full (n_errors, (GDestroyNotify) g_error_free);
        for (size_t i = 0; i < n_errors; i++)
          g_ptr_array_add (group_errors, admin_request_error (req, rd_kafka_error_code (errors[i]),
                                                              rd_kafka_error_string (errors[i])));
        return kafka_list_consumer_groups_result_new (groups, group_errors);
      }
    case OP_DESCRIBE_GROUPS:
      {
        const rd_kafka_ConsumerGroupDescription_t **groups =
          rd_kafka_DescribeConsumerGroups_result_groups (rd_kafka_event_DescribeConsumerGroups_result (event), &n);
        GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

        for (size_t i = 0; i < n; i++)
          g_ptr_array_add (array, kafka_consumer_group_description_new_from_rd (groups[i]));
        return array;
      }
    case OP_DELETE_GROUPS:
      {
        const rd_kafka_group_result_t **groups =
          rd_kafka_DeleteGroups_result_groups (rd_kafka_event_DeleteGroups_result (event), &n);
        GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

        for (size_t i = 0; i < n; i++)
          {
            const char *name = rd_kafka_group_result_name (groups[i]);
            const rd_kafka_error_t *rderror = rd_kafka_group_result_error (groups[i]);
            GError *group_error = NULL;

            if (rderror != NULL)
              group_error = kafka_admin_error_new (rd_kafka_error_code (rderror),
                                                   rd_kafka_error_string (rderror),
                                                   "Could not delete consumer group “%s”", name);
            g_ptr_array_add (array, kafka_admin_result_new (name, group_error));
          }
        return array;
      }
    case OP_LIST_GROUP_OFFSETS:
    case OP_LIST_GROUP_LAG:
      {
        const rd_kafka_group_result_t **groups =
          rd_kafka_ListConsumerGroupOffsets_result_groups (rd_kafka_event_ListConsumerGroupOffsets_result (event), &n);

        return group_offsets_result (req, groups, n, error);
      }
    case OP_ALTER_GROUP_OFFSETS:
      {
        const rd_kafka_group_result_t **groups =
          rd_kafka_AlterConsumerGroupOffsets_result_groups (rd_kafka_event_AlterConsumerGroupOffsets_result (event), &n);

        return group_offsets_result (req, groups, n, error);
      }
    case OP_DELETE_GROUP_OFFSETS:
      {
        const rd_kafka_group_result_t **groups =
          rd_kafka_DeleteConsumerGroupOffsets_result_groups (rd_kafka_event_DeleteConsumerGroupOffsets_result (event), &n);

        return group_offsets_result (req, groups, n, error);
      }
    case OP_CREATE_ACLS:
      {
        const rd_kafka_acl_result_t **results =
          rd_kafka_CreateAcls_result_acls (rd_kafka_event_CreateAcls_result (event), &n);
        GPtrArray *array = g_ptr_array_new_full (req->acls->len, g_object_unref);

        /* one result per binding given, in the same order */
        for (guint i = 0; i < req->acls->len; i++)
          {
            KafkaAclBinding *acl = g_ptr_array_index (req->acls, i);
            const rd_kafka_error_t *rderror = i < n ? rd_kafka_acl_result_error (results[i]) : NULL;
            GError *acl_error = NULL;

            if (i >= n)
              acl_error = admin_request_error (req, RD_KAFKA_RESP_ERR__BAD_MSG,
                                               "no answer for this binding");
            else if (rderror != NULL)
              acl_error = kafka_admin_error_new (rd_kafka_error_code (rderror),
                                                 rd_kafka_error_string (rderror),
                                                 "Could not create ACL on “%s”",
                                                 kafka_acl_binding_get_name (acl));
            g_ptr_array_add (array, kafka_acl_binding_copy_with_error (acl, acl_error));
          }
        return array;
      }
    case OP_DESCRIBE_ACLS:
      {
        const rd_kafka_AclBinding_t **acls =
          rd_kafka_DescribeAcls_result_acls (rd_kafka_event_DescribeAcls_result (event), &n);
        GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

        for (size_t i = 0; i < n; i++)
          g_ptr_array_add (array, kafka_acl_binding_new_from_rd (acls[i]));
        return array;
      }
    case OP_DELETE_ACLS:
      {
        const rd_kafka_DeleteAcls_result_response_t **responses =
          rd_kafka_DeleteAcls_result_responses (rd_kafka_event_DeleteAcls_result (event), &n);
        GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

        for (size_t i = 0; i < n; i++)
          g_ptr_array_add (array, kafka_delete_acls_result_new_from_rd (responses[i]));
        return array;
      }
    default:
      g_assert_not_reached ();
    }
}

static GDestroyNotify
admin_result_free_func (AdminOp op)
{
  return op == OP_LIST_GROUPS ? g_object_unref : (GDestroyNotify) g_ptr_array_unref;
}

/* The lag of a group: its committed offsets against the high watermarks,
 * which librdkafka 2.0.2 asks for in one ListOffsets request per leader
 * (offsets for the "latest" timestamp). Blocks up to @timeout_ms. */
static GPtrArray *
admin_lag_result (AdminRequest  *req,
                  GPtrArray     *committed,
                  int            timeout_ms,
                  GError       **error)
{
  rd_kafka_topic_partition_list_t *ends = rd_kafka_topic_partition_list_new (committed->len);
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
  GPtrArray *lags;

  for (guint i = 0; i < committed->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (committed, i);

      if (kafka_topic_partition_get_error (tp) == NULL)
        rd_kafka_topic_partition_list_add (ends, kafka_topic_partition_get_topic (tp),
                                           kafka_topic_partition_get_partition (tp))->offset =
          RD_KAFKA_OFFSET_END;
    }
  if (ends->cnt > 0)
    err = rd_kafka_offsets_for_times (req->rk, ends, timeout_ms);

  lags = g_ptr_array_new_full (committed->len, g_object_unref);
  for (guint i = 0; i < committed->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (committed, i);
      const char *topic = kafka_topic_partition_get_topic (tp);
      gint32 partition = kafka_topic_partition_get_partition (tp);
      gint64 offset = kafka_topic_partition_get_offset (tp);
      const rd_kafka_topic_partition_t *end = NULL;
      GError *lag_error = NULL;
      gint64 high = KAFKA_OFFSET_INVALID;

      if (kafka_topic_partition_get_error (tp) != NULL)
        lag_error = g_error_copy (kafka_topic_partition_get_error (tp));
      else
        end = rd_kafka_topic_partition_list_find (ends, topic, partition);

      if (end != NULL && end->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        lag_error = kafka_admin_error_new (end->err, NULL,
                                           "Could not get the high watermark of “%s” [%d]",
                                           topic, (int) partition);
      else if (end != NULL && err != RD_KAFKA_RESP_ERR_NO_ERROR)
        lag_error = kafka_admin_error_new (err, NULL,
                                           "Could not get the high watermark of “%s” [%d]",
                                           topic, (int) partition);
      else if (end != NULL)
        high = end->offset;
      g_ptr_array_add (lags, kafka_partition_lag_new (topic, partition, offset, high, lag_error));
    }
  rd_kafka_topic_partition_list_destroy (ends);

  return lags;
}

/* ------------------------------------------------------------------------ */
/* Blocking calls */

/* librdkafka's answer is due by the request timeout; ours comes a little
 * after, for answers that never come */
static int
admin_wait_ms (int timeout_ms)
{
  if (timeout_ms < 0)
    return -1;
  return (int) MIN ((gint64) timeout_ms + ADMIN_GRACE_MS, G_MAXINT);
}

static gpointer
admin_run_sync (AdminRequest  *req,
                GError       **error)
{
  g_autoptr(AdminRequest) owned = req;
  rd_kafka_queue_t *queue;
  rd_kafka_event_t *event;
  gpointer result = NULL;
  gint64 start = g_get_monotonic_time ();

  /* the request could not be made: @error is set */
  if (req == NULL)
    return NULL;

  queue = rd_kafka_queue_new (req->rk);
  admin_request_send (req, queue);
  event = rd_kafka_queue_poll (queue, admin_wait_ms (req->timeout_ms));
  if (event == NULL)
    g_propagate_error (error, admin_request_error (req, RD_KAFKA_RESP_ERR__TIMED_OUT,
                                                   "no answer in time"));
  else
    result = admin_request_result (req, event, error);
  if (event != NULL)
    rd_kafka_event_destroy (event);
  rd_kafka_queue_destroy (queue);

  if (result != NULL && req->op == OP_LIST_GROUP_LAG)
    {
      g_autoptr(GPtrArray) committed = result;
      int left = req->timeout_ms;

      if (left >= 0)
        left = (int) MAX (left - (g_get_monotonic_time () - start) / 1000, 0);
      result = admin_lag_result (req, committed, left, error);
    }
  return result;
}

/* ------------------------------------------------------------------------ */
/* Async calls */

static AdminCall *
admin_call_ref (AdminCall *call)
{
  g_atomic_ref_count_inc (&call->ref);
  return call;
}

static void
admin_call_unref (AdminCall *call)
{
  if (!g_atomic_ref_count_dec (&call->ref))
    return;
  g_assert (call->wait.task == NULL);
  admin_request_free (call->req);
  g_main_context_unref (call->context);
  g_free (call);
}

/* Returns the call's task with @result, or @error, unless it returned
 * already (cancelled, timed out). On the client's context. */
static void
admin_call_return (AdminCall *call,
                   gpointer   result,
                   GError    *error)
{
  g_autoptr(GTask) task = NULL;

  if (call->wait.task == NULL)
    {
      if (result != NULL)
        admin_result_free_func (call->req->op) (result);
      g_clear_error (&error);
      return;
    }

  /* done before the task returns: its callback may run right here, and
   * whatever it does (iterate the context, dispose of the client) finds the
   * call returned */
  task = g_object_ref (call->wait.task);
  kafka_wait_clear (&call->wait);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, admin_result_free_func (call->req->op));
}

static gboolean
admin_call_timed_out (gpointer data)
{
  AdminCall *call = admin_call_ref (data);

  admin_call_return (call, NULL,
                     admin_request_error (call->req, RD_KAFKA_RESP_ERR__TIMED_OUT,
                                          "no answer in time"));
  admin_call_unref (call);
  return G_SOURCE_REMOVE;
}

static gboolean
admin_call_cancelled (gpointer data)
{
  GTask *task = data;
  AdminCall *call = g_task_get_task_data (task);

  if (call->wait.task == task)
    admin_call_return (call, NULL,
                       g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                            "Operation was cancelled"));
  return G_SOURCE_REMOVE;
}

typedef struct {
  AdminCall *call;
  GPtrArray *committed;
  gint64     deadline;  /* monotonic, or -1 */
  GPtrArray *lags;
  GError    *error;
} LagJob;

static gboolean
admin_lag_done (gpointer data)
{
  LagJob *job = data;

  admin_call_return (job->call, g_steal_pointer (&job->lags), g_steal_pointer (&job->error));
  admin_call_unref (job->call);
  g_ptr_array_unref (job->committed);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static gpointer
admin_lag_thread (gpointer data)
{
  LagJob *job = data;
  int left = -1;
  GSource *idle;

  if (job->deadline >= 0)
    left = (int) MAX ((job->deadline - g_get_monotonic_time ()) / 1000, 0);
  job->lags = admin_lag_result (job->call->req, job->committed, left, &job->error);

  /* back to the client's context, where the call returns */
  idle = g_idle_source_new ();
  g_source_set_static_name (idle, "KafkaAdminClient lag");
  g_source_set_callback (idle, admin_lag_done, job, NULL);
  g_source_attach (idle, job->call->context);
  g_source_unref (idle);
  return NULL;
}

/* The answer to an async call, on the client's context: returns its task,
 * unless it returned already. */
static void
admin_call_answered (AdminCall        *call,
                     rd_kafka_event_t *event)
{
  GError *error = NULL;
  gpointer result;

  if (call->wait.task == NULL)
    return;

  result = admin_request_result (call->req, event, &error);
  if (result != NULL && call->req->op == OP_LIST_GROUP_LAG)
    {
      /* the high watermarks take a blocking call of librdkafka's */
      LagJob *job = g_new0 (LagJob, 1);

      job->call = admin_call_ref (call);
      job->committed = result;
      job->deadline = call->req->timeout_ms < 0 ? -1 :
                      g_get_monotonic_time () + (gint64) call->req->timeout_ms * 1000;
      g_thread_unref (g_thread_new ("kafka-admin-lag", admin_lag_thread, job));
      return;
    }
  admin_call_return (call, result, error);
}

static void
admin_run_async (KafkaAdminClient    *self,
                 AdminRequest        *req,
                 GError              *error,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  AdminCall *call;

  g_task_set_source_tag (task, source_tag);
  if (req == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      admin_request_free (req);
      return;
    }

  call = g_new0 (AdminCall, 1);
  g_atomic_ref_count_init (&call->ref);  /* the request's, until it is answered */
  call->req = req;
  call->context = g_main_context_ref (kafka_client_get_context (KAFKA_CLIENT (self)));
  g_task_set_task_data (task, admin_call_ref (call), (GDestroyNotify) admin_call_unref);
  rd_kafka_AdminOptions_set_opaque (req->options, call);

  g_mutex_lock (&self->calls_lock);
  g_hash_table_add (self->calls, call);
  g_mutex_unlock (&self->calls_lock);

  kafka_wait_start (&call->wait, KAFKA_CLIENT (self), g_object_ref (task),
                    admin_wait_ms (req->timeout_ms), admin_call_timed_out,
                    admin_call_cancelled);
  admin_request_send (req, kafka_client_get_main_queue (KAFKA_CLIENT (self)));
}

static gpointer
admin_finish (KafkaAdminClient  *self,
              GAsyncResult      *result,
              gpointer           source_tag,
              GError           **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* The client */

static gboolean
is_admin_result (rd_kafka_event_t *event)
{
  rd_kafka_event_type_t type = rd_kafka_event_type (event);

  for (gsize i = 0; i < G_N_ELEMENTS (admin_ops); i++)
    if (admin_ops[i].result == type)
      return TRUE;
  return FALSE;
}

/* Takes the call an answer is for out of the pending ones; NULL if gone. */
static AdminCall *
admin_client_take_call (KafkaAdminClient *self,
                        rd_kafka_event_t *event)
{
  AdminCall *call = rd_kafka_event_opaque (event);
  gboolean found;

  g_mutex_lock (&self->calls_lock);
  found = call != NULL && g_hash_table_steal (self->calls, call);
  g_mutex_unlock (&self->calls_lock);
  return found ? call : NULL;
}

static int
admin_client_handle_event (KafkaClient      *client,
                           rd_kafka_event_t *event)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (client);
  AdminCall *call;

  if (!is_admin_result (event))
    return 0;

  call = admin_client_take_call (self, event);
  if (call != NULL)
    {
      admin_call_answered (call, event);
      admin_call_unref (call);
    }
  return 1;
}

static void
admin_client_shutdown (KafkaClient *client)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (client);
  rd_kafka_queue_t *queue = kafka_client_get_main_queue (client);
  rd_kafka_event_t *event;
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  /* Only g_object_run_dispose() comes here with a task waiting (a task
   * holds the client); what is left is the calls that returned already
   * (cancelled, timed out), whose requests librdkafka still has: they go
   * now, and their late answers (librdkafka destroys them) are not read. */
  while ((event = rd_kafka_queue_poll (queue, 0)) != NULL)
    {
      AdminCall *call = is_admin_result (event) ? admin_client_take_call (self, event) : NULL;

      if (call != NULL)
        {
          admin_call_return (call, NULL,
                             g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_DESTROY,
                                                  "The admin client was disposed of before "
                                                  "the call completed"));
          admin_call_unref (call);
        }
      rd_kafka_event_destroy (event);
    }

  g_mutex_lock (&self->calls_lock);
  g_hash_table_iter_init (&iter, self->calls);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (left, key);
  g_hash_table_steal_all (self->calls);
  g_mutex_unlock (&self->calls_lock);
  for (guint i = 0; i < left->len; i++)
    {
      AdminCall *call = g_ptr_array_index (left, i);

      admin_call_return (call, NULL,
                         g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_DESTROY,
                                              "The admin client was disposed of before "
                                              "the call completed"));
      admin_call_unref (call);
    }
}

static const KafkaClientHooks admin_client_hooks = {
  .handle_event = admin_client_handle_event,
  .shutdown = admin_client_shutdown,
};

static gboolean
kafka_admin_client_initable_init (GInitable     *initable,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  /* librdkafka's admin API works on a producer handle, as
   * confluent-kafka-python's AdminClient does */
  return kafka_client_start (KAFKA_CLIENT (initable), RD_KAFKA_PRODUCER,
                             &admin_client_hooks, error);
}

static void
kafka_admin_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = kafka_admin_client_initable_init;
}

static void
kafka_admin_client_finalize (GObject *object)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (object);

  g_hash_table_unref (self->calls);
  g_mutex_clear (&self->calls_lock);

  G_OBJECT_CLASS (kafka_admin_client_parent_class)->finalize (object);
}

static void
kafka_admin_client_class_init (KafkaAdminClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kafka_admin_client_finalize;
}

static void
kafka_admin_client_init (KafkaAdminClient *self)
{
  g_mutex_init (&self->calls_lock);
  self->calls = g_hash_table_new (NULL, NULL);
}

/**
 * kafka_admin_client_new:
 * @config: (element-type utf8 utf8): librdkafka configuration properties,
 *   such as `bootstrap.servers`
 * @error: return location for a #GError
 *
 * Creates an admin client. Its signals, and the answers to its async calls,
 * come on the thread-default main context of the calling thread.
 *
 * Returns: (transfer full): a new #KafkaAdminClient, or %NULL with @error
 *   set (%KAFKA_ERROR_INVALID_ARG naming the property, for an unknown
 *   property or a bad value)
 *
 * Since: 1.0
 */
KafkaAdminClient *
kafka_admin_client_new (GHashTable  *config,
                        GError     **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KAFKA_TYPE_ADMIN_CLIENT, NULL, error, "config", config, NULL);
}

/**
 * kafka_admin_client_poll:
 * @self: a #KafkaAdminClient
 * @timeout_ms: how long to wait for something to serve, in milliseconds (0:
 *   do not wait; -1: no limit)
 *
 * Serves what the client's main context would: the #KafkaClient::error,
 * #KafkaClient::log and #KafkaClient::stats signals, and the answers to
 * async calls, on the calling thread, for programs that do not run that
 * context. Call it from the thread that created the client (or while
 * nobody runs its context).
 *
 * Returns: the number of events served
 *
 * Since: 1.0
 */
int
kafka_admin_client_poll (KafkaAdminClient *self,
                         int               timeout_ms)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), 0);

  if (kafka_client_is_disposed (KAFKA_CLIENT (self)))
    return 0;
  return kafka_client_serve (KAFKA_CLIENT (self), kafka_client_get_main_queue (KAFKA_CLIENT (self)),
                             timeout_ms);
}

/* ------------------------------------------------------------------------ */
/* What each call sends */

static AdminRequest *
request_create_topics (KafkaAdminClient   *self,
                       GPtrArray          *new_topics,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms,
                       GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, OP_CREATE_TOPICS, options, timeout_ms,
                                                   (GDestroyNotify) rd_kafka_NewTopic_destroy, error);

  for (guint i = 0; req != NULL && i < new_topics->len; i++)
    {
      rd_kafka_NewTopic_t *nt = kafka_new_topic_to_rd (g_ptr_array_index (new_topics, i), error);

      if (nt == NULL)
        return NULL;
      g_ptr_array_add (req->objects, nt);
    }
  return g_steal_pointer (&req);
}

static AdminRequest *
request_delete_topics (KafkaAdminClient   *self,
                       const char * const *topics,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms,
                       GError            **error)
{
  AdminRequest *req = admin_request_new (self, OP_DELETE_TOPICS, options, timeout_ms,
                                         (GDestroyNotify) rd_kafka_DeleteTopic_destroy, error);

  for (gsize i = 0; req != NULL && topics[i] != NULL; i++)
    g_ptr_array_add (req->objects, rd_kafka_DeleteTopic_new (topics[i]));
  return req;
}

static AdminRequest *
request_create_partitions (KafkaAdminClient   *self,
                           GPtrArray          *new_partitions,
                           KafkaAdminOptions  *options,
                           int                 timeout_ms,
                           GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, OP_CREATE_PARTITIONS, options, timeout_ms,
                                                   (GDestroyNotify) rd_kafka_NewPartitions_destroy,
                                                   error);

  for (guint i = 0; req != NULL && i < new_partitions->len; i++)
    {
      rd_kafka_NewPartitions_t *np = kafka_new_partitions_to_rd (g_ptr_array_index (new_partitions, i),
                                                                 error);

      if (np == NULL)
        return NULL;
      g_ptr_array_add (req->objects, np);
    }
  return g_steal_pointer (&req);
}

static AdminRequest *
request_configs (KafkaAdminClient   *self,
                 AdminOp             op,
                 GPtrArray          *resources,
                 KafkaAdminOptions  *options,
                 int                 timeout_ms,
                 GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, op, options, timeout_ms,
                                                   (GDestroyNotify) rd_kafka_ConfigResource_destroy,
                                                   error);

  for (guint i = 0; req != NULL && i < resources->len; i++)
    {
      rd_kafka_ConfigResource_t *resource =
        kafka_config_resource_to_rd (g_ptr_array_index (resources, i), op == OP_ALTER_CONFIGS, error);

      if (resource == NULL)
        return NULL;
      g_ptr_array_add (req->objects, resource);
    }
  return g_steal_pointer (&req);
}

static AdminRequest *
request_delete_records (KafkaAdminClient   *self,
                        GPtrArray          *before_offsets,
                        KafkaAdminOptions  *options,
                        int                 timeout_ms,
                        GError            **error)
{
  AdminRequest *req = admin_request_new (self, OP_DELETE_RECORDS, options, timeout_ms,
                                         (GDestroyNotify) rd_kafka_DeleteRecords_destroy, error);

  if (req != NULL)
    {
      rd_kafka_topic_partition_list_t *list = kafka_topic_partition_list_to_rd (before_offsets, error);

      if (list == NULL)
        {
          admin_request_free (req);
          return NULL;
        }
      /* librdkafka takes one DeleteRecords with every partition */
      g_ptr_array_add (req->objects, rd_kafka_DeleteRecords_new (list));
      rd_kafka_topic_partition_list_destroy (list);
    }
  return req;
}

static AdminRequest *
request_list_groups (KafkaAdminClient   *self,
                     KafkaAdminOptions  *options,
                     int                 timeout_ms,
                     GError            **error)
{
  return admin_request_new (self, OP_LIST_GROUPS, options, timeout_ms, NULL, error);
}

static AdminRequest *
request_describe_groups (KafkaAdminClient   *self,
                         const char * const *groups,
                         KafkaAdminOptions  *options,
                         int                 timeout_ms,
                         GError            **error)
{
  AdminRequest *req = admin_request_new (self, OP_DESCRIBE_GROUPS, options, timeout_ms, NULL, error);

  if (req != NULL)
    req->names = g_strdupv ((char **) groups);
  return req;
}

static AdminRequest *
request_delete_groups (KafkaAdminClient   *self,
                       const char * const *groups,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms,
                       GError            **error)
{
  AdminRequest *req = admin_request_new (self, OP_DELETE_GROUPS, options, timeout_ms,
                                         (GDestroyNotify) rd_kafka_DeleteGroup_destroy, error);

  for (gsize i = 0; req != NULL && groups[i] != NULL; i++)
    g_ptr_array_add (req->objects, rd_kafka_DeleteGroup_new (groups[i]));
  return req;
}

/* The calls about one group's offsets (librdkafka 2.0.2 takes one group a
 * call); @partitions may be NULL for list and lag (every partition). */
static AdminRequest *
request_group_offsets (KafkaAdminClient   *self,
                       AdminOp             op,
                       const char         *group,
                       GPtrArray          *partitions,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms,
                       GError            **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  GDestroyNotify destroy;
  AdminRequest *req;

  switch (op)
    {
    case OP_LIST_GROUP_OFFSETS:
    case OP_LIST_GROUP_LAG:
      destroy = (GDestroyNotify) rd_kafka_ListConsumerGroupOffsets_destroy;
      break;
    case OP_ALTER_GROUP_OFFSETS:
      destroy = (GDestroyNotify) rd_kafka_AlterConsumerGroupOffsets_destroy;
      break;
    case OP_DELETE_GROUP_OFFSETS:
      destroy = (GDestroyNotify) rd_kafka_DeleteConsumerGroupOffsets_destroy;
      break;
    default:
      g_assert_not_reached ();
    }

  req = admin_request_new (self, op, options, timeout_ms, destroy, error);
  if (req == NULL)
    return NULL;
  req->group = g_strdup (group);

  /* no partitions at all is every partition, to list (GJS passes an empty
   * array for null) */
  if (partitions != NULL &&
      (partitions->len > 0 || (op != OP_LIST_GROUP_OFFSETS && op != OP_LIST_GROUP_LAG)))
    {
      list = kafka_topic_partition_list_to_rd (partitions, error);
      if (list == NULL)
        {
          admin_request_free (req);
          return NULL;
        }
    }
  switch (op)
    {
    case OP_LIST_GROUP_OFFSETS:
    case OP_LIST_GROUP_LAG:
      g_ptr_array_add (req->objects, rd_kafka_ListConsumerGroupOffsets_new (group, list));
      break;
    case OP_ALTER_GROUP_OFFSETS:
      g_ptr_array_add (req->objects, rd_kafka_AlterConsumerGroupOffsets_new (group, list));
      break;
    case OP_DELETE_GROUP_OFFSETS:
      g_ptr_array_add (req->objects, rd_kafka_DeleteConsumerGroupOffsets_new (group, list));
      break;
    default:
      g_assert_not_reached ();
    }
  if (list != NULL)
    rd_kafka_topic_partition_list_destroy (list);
  return req;
}

static AdminRequest *
request_create_acls (KafkaAdminClient   *self,
                     GPtrArray          *acls,
                     KafkaAdminOptions  *options,
                     int                 timeout_ms,
                     GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, OP_CREATE_ACLS, options, timeout_ms,
                                                   (GDestroyNotify) rd_kafka_AclBinding_destroy,
                                                   error);

  for (guint i = 0; req != NULL && i < acls->len; i++)
    {
      rd_kafka_AclBinding_t *acl = kafka_acl_binding_to_rd (g_ptr_array_index (acls, i), FALSE, error);

      if (acl == NULL)
        return NULL;
      g_ptr_array_add (req->objects, acl);
    }
  if (req != NULL)
    {
      /* the bindings as they are now, for the results */
      req->acls = g_ptr_array_new_full (acls->len, g_object_unref);
      for (guint i = 0; i < acls->len; i++)
        g_ptr_array_add (req->acls, g_object_ref (g_ptr_array_index (acls, i)));
    }
  return g_steal_pointer (&req);
}

static AdminRequest *
request_describe_acls (KafkaAdminClient   *self,
                       KafkaAclBinding    *filter,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms,
                       GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, OP_DESCRIBE_ACLS, options, timeout_ms,
                                                   NULL, error);

  if (req != NULL)
    {
      req->filter = kafka_acl_binding_to_rd (filter, TRUE, error);
      if (req->filter == NULL)
        return NULL;
    }
  return g_steal_pointer (&req);
}

static AdminRequest *
request_delete_acls (KafkaAdminClient   *self,
                     GPtrArray          *filters,
                     KafkaAdminOptions  *options,
                     int                 timeout_ms,
                     GError            **error)
{
  g_autoptr(AdminRequest) req = admin_request_new (self, OP_DELETE_ACLS, options, timeout_ms,
                                                   (GDestroyNotify) rd_kafka_AclBinding_destroy,
                                                   error);

  for (guint i = 0; req != NULL && i < filters->len; i++)
    {
      rd_kafka_AclBinding_t *filter = kafka_acl_binding_to_rd (g_ptr_array_index (filters, i), TRUE,
                                                               error);

      if (filter == NULL)
        return NULL;
      g_ptr_array_add (req->objects, filter);
    }
  return g_steal_pointer (&req);
}

/* ------------------------------------------------------------------------ */
/* The calls */

/**
 * kafka_admin_client_create_topics:
 * @self: a #KafkaAdminClient
 * @new_topics: (element-type KafkaNewTopic): the topics to create
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms,
 *   #KafkaAdminOptions:validate-only), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Creates topics, as confluent-kafka-python's `AdminClient.create_topics()`
 * does. Each topic is created or fails on its own.
 *
 * With #KafkaAdminOptions:validate-only, the broker checks each topic and
 * answers as it would, creating nothing.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): one result
 *   per topic, in the order given, with the topic's error if it could not be
 *   created (%KAFKA_ERROR_TOPIC_ALREADY_EXISTS,
 *   %KAFKA_ERROR_INVALID_REPLICATION_FACTOR, %KAFKA_ERROR_INVALID_PARTITIONS,
 *   %KAFKA_ERROR_INVALID_CONFIG, %KAFKA_ERROR_POLICY_VIOLATION…); or %NULL
 *   with @error set if the call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_topics (KafkaAdminClient   *self,
                                  GPtrArray          *new_topics,
                                  KafkaAdminOptions  *options,
                                  int                 timeout_ms,
                                  GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (new_topics != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_create_topics (self, new_topics, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_create_topics_async:
 * @self: a #KafkaAdminClient
 * @new_topics: (element-type KafkaNewTopic): the topics to create
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms,
 *   #KafkaAdminOptions:validate-only), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_create_topics(): call
 * kafka_admin_client_create_topics_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_create_topics_async (KafkaAdminClient     *self,
                                        GPtrArray            *new_topics,
                                        KafkaAdminOptions    *options,
                                        int                   timeout_ms,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (new_topics != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_create_topics (self, new_topics, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_create_topics_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_create_topics_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_create_topics_async().
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): what
 *   kafka_admin_client_create_topics() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_topics_finish (KafkaAdminClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_create_topics_async, error);
}

/**
 * kafka_admin_client_delete_topics:
 * @self: a #KafkaAdminClient
 * @topics: (array zero-terminated=1): the names of the topics to delete
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms), or
 *   %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Deletes topics and every message in them. A deleted topic is gone from the
 * cluster's metadata within the operation timeout; a producer that writes to
 * it again may create it anew (`auto.create.topics.enable`).
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): one result
 *   per topic, in the order given, with the topic's error if it could not be
 *   deleted (%KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART…); or %NULL with @error set if
 *   the call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_topics (KafkaAdminClient    *self,
                                  const char * const  *topics,
                                  KafkaAdminOptions   *options,
                                  int                  timeout_ms,
                                  GError             **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (topics != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_delete_topics (self, topics, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_delete_topics_async:
 * @self: a #KafkaAdminClient
 * @topics: (array zero-terminated=1): the names of the topics to delete
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms), or
 *   %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_delete_topics(): call
 * kafka_admin_client_delete_topics_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_delete_topics_async (KafkaAdminClient     *self,
                                        const char * const   *topics,
                                        KafkaAdminOptions    *options,
                                        int                   timeout_ms,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (topics != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_delete_topics (self, topics, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_delete_topics_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_delete_topics_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_delete_topics_async().
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): what
 *   kafka_admin_client_delete_topics() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_topics_finish (KafkaAdminClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_delete_topics_async, error);
}

/**
 * kafka_admin_client_create_partitions:
 * @self: a #KafkaAdminClient
 * @new_partitions: (element-type KafkaNewPartitions): the topics to add
 *   partitions to, and how many they should have
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms,
 *   #KafkaAdminOptions:validate-only), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Adds partitions to existing topics. Messages with a key may then go to
 * another partition than before: producers that rely on keys for ordering
 * should know.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): one result
 *   per topic, in the order given, with the topic's error
 *   (%KAFKA_ERROR_INVALID_PARTITIONS when the count is not above the current
 *   one, %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART…); or %NULL with @error set if the
 *   call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_partitions (KafkaAdminClient   *self,
                                      GPtrArray          *new_partitions,
                                      KafkaAdminOptions  *options,
                                      int                 timeout_ms,
                                      GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (new_partitions != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_create_partitions (self, new_partitions, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_create_partitions_async:
 * @self: a #KafkaAdminClient
 * @new_partitions: (element-type KafkaNewPartitions): the topics to add
 *   partitions to, and how many they should have
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms,
 *   #KafkaAdminOptions:validate-only), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_create_partitions(): call
 * kafka_admin_client_create_partitions_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_create_partitions_async (KafkaAdminClient     *self,
                                            GPtrArray            *new_partitions,
                                            KafkaAdminOptions    *options,
                                            int                   timeout_ms,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (new_partitions != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_create_partitions (self, new_partitions, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_create_partitions_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_create_partitions_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_create_partitions_async().
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): what
 *   kafka_admin_client_create_partitions() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_partitions_finish (KafkaAdminClient  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_create_partitions_async, error);
}

/**
 * kafka_admin_client_describe_configs:
 * @self: a #KafkaAdminClient
 * @resources: (element-type KafkaConfigResource): the topics and brokers to
 *   describe (their entries are not read)
 * @options: (nullable): settings (#KafkaAdminOptions:broker), or %NULL for the
 *   defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Gets the configuration of topics and brokers. A broker is named by its id
 * (`"1"`); at most one broker may be described in a call (librdkafka sends
 * that request to the broker itself).
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaConfigResource): one new
 *   #KafkaConfigResource per resource, in the order given, with every
 *   configuration entry of the resource (defaults and synonyms included, see
 *   #KafkaConfigEntry), or its error (%KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART…); or
 *   %NULL with @error set if the call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_configs (KafkaAdminClient   *self,
                                     GPtrArray          *resources,
                                     KafkaAdminOptions  *options,
                                     int                 timeout_ms,
                                     GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (resources != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_configs (self, OP_DESCRIBE_CONFIGS, resources, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_describe_configs_async:
 * @self: a #KafkaAdminClient
 * @resources: (element-type KafkaConfigResource): the topics and brokers to
 *   describe (their entries are not read)
 * @options: (nullable): settings (#KafkaAdminOptions:broker), or %NULL for the
 *   defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_describe_configs(): call
 * kafka_admin_client_describe_configs_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_describe_configs_async (KafkaAdminClient     *self,
                                           GPtrArray            *resources,
                                           KafkaAdminOptions    *options,
                                           int                   timeout_ms,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (resources != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_configs (self, OP_DESCRIBE_CONFIGS, resources, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_describe_configs_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_describe_configs_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_describe_configs_async().
 *
 * Returns: (transfer container) (element-type KafkaConfigResource): what
 *   kafka_admin_client_describe_configs() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_configs_finish (KafkaAdminClient  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_describe_configs_async, error);
}

/**
 * kafka_admin_client_alter_configs:
 * @self: a #KafkaAdminClient
 * @resources: (element-type KafkaConfigResource): the topics and brokers to
 *   configure, with the entries to set (kafka_config_resource_set_config())
 * @options: (nullable): settings (#KafkaAdminOptions:validate-only,
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Sets the configuration of topics and brokers. This is Kafka's AlterConfigs
 * (librdkafka 2.0.2 has no incremental variant): the entries given replace the
 * whole dynamic configuration of each resource, and any property not given
 * goes back to its default. To change one property, describe the resource
 * first and give back every entry whose source is
 * %KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG (or
 * %KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG) with the change.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaConfigResource): one new
 *   #KafkaConfigResource per resource, in the order given, with no entries,
 *   and its error if it was not altered (%KAFKA_ERROR_INVALID_CONFIG,
 *   %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART…); or %NULL with @error set if the call
 *   failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_alter_configs (KafkaAdminClient   *self,
                                  GPtrArray          *resources,
                                  KafkaAdminOptions  *options,
                                  int                 timeout_ms,
                                  GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (resources != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_configs (self, OP_ALTER_CONFIGS, resources, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_alter_configs_async:
 * @self: a #KafkaAdminClient
 * @resources: (element-type KafkaConfigResource): the topics and brokers to
 *   configure, with the entries to set (kafka_config_resource_set_config())
 * @options: (nullable): settings (#KafkaAdminOptions:validate-only,
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_alter_configs(): call
 * kafka_admin_client_alter_configs_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_alter_configs_async (KafkaAdminClient     *self,
                                        GPtrArray            *resources,
                                        KafkaAdminOptions    *options,
                                        int                   timeout_ms,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (resources != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_configs (self, OP_ALTER_CONFIGS, resources, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_alter_configs_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_alter_configs_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_alter_configs_async().
 *
 * Returns: (transfer container) (element-type KafkaConfigResource): what
 *   kafka_admin_client_alter_configs() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_alter_configs_finish (KafkaAdminClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_alter_configs_async, error);
}

/**
 * kafka_admin_client_delete_records:
 * @self: a #KafkaAdminClient
 * @before_offsets: (element-type KafkaTopicPartition): for each partition, the
 *   offset before which every message goes (%KAFKA_OFFSET_END for all of them)
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms), or
 *   %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Deletes the messages of partitions up to the given offsets (not included),
 * moving the partitions' low watermarks, as confluent-kafka-python's
 * `AdminClient.delete_records()` does. Consumers positioned before the new low
 * watermark go on with their `auto.offset.reset`.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): one new
 *   #KafkaTopicPartition per partition, whose offset is the partition's new
 *   low watermark, or whose error says why not
 *   (%KAFKA_ERROR_OFFSET_OUT_OF_RANGE past the high watermark,
 *   %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART…); or %NULL with @error set if the call
 *   failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_records (KafkaAdminClient   *self,
                                   GPtrArray          *before_offsets,
                                   KafkaAdminOptions  *options,
                                   int                 timeout_ms,
                                   GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (before_offsets != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_delete_records (self, before_offsets, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_delete_records_async:
 * @self: a #KafkaAdminClient
 * @before_offsets: (element-type KafkaTopicPartition): for each partition, the
 *   offset before which every message goes (%KAFKA_OFFSET_END for all of them)
 * @options: (nullable): settings (#KafkaAdminOptions:operation-timeout-ms), or
 *   %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_delete_records(): call
 * kafka_admin_client_delete_records_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_delete_records_async (KafkaAdminClient     *self,
                                         GPtrArray            *before_offsets,
                                         KafkaAdminOptions    *options,
                                         int                   timeout_ms,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (before_offsets != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_delete_records (self, before_offsets, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_delete_records_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_delete_records_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_delete_records_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): what
 *   kafka_admin_client_delete_records() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_records_finish (KafkaAdminClient  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_delete_records_async, error);
}

/**
 * kafka_admin_client_list_consumer_groups:
 * @self: a #KafkaAdminClient
 * @options: (nullable): settings
 *   (kafka_admin_options_set_match_consumer_group_states()), or %NULL for the
 *   defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Lists the consumer groups of the cluster, asking every broker for the groups
 * it coordinates, with their states. A broker that fails does not hide the
 * groups of the others: its error is in the result
 * (kafka_list_consumer_groups_result_get_errors()).
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer full): the groups, with the errors of the brokers that
 *   could not list theirs; or %NULL with @error set if the call failed as a
 *   whole
 *
 * Since: 1.0
 */
KafkaListConsumerGroupsResult *
kafka_admin_client_list_consumer_groups (KafkaAdminClient   *self,
                                         KafkaAdminOptions  *options,
                                         int                 timeout_ms,
                                         GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_list_groups (self, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_list_consumer_groups_async:
 * @self: a #KafkaAdminClient
 * @options: (nullable): settings
 *   (kafka_admin_options_set_match_consumer_group_states()), or %NULL for the
 *   defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_list_consumer_groups(): call
 * kafka_admin_client_list_consumer_groups_finish() from @callback for the
 * result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_list_consumer_groups_async (KafkaAdminClient     *self,
                                               KafkaAdminOptions    *options,
                                               int                   timeout_ms,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_list_groups (self, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_list_consumer_groups_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_list_consumer_groups_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_list_consumer_groups_async().
 *
 * Returns: (transfer full): what kafka_admin_client_list_consumer_groups()
 *   returns, or %NULL with @error set (%G_IO_ERROR_CANCELLED if the call was
 *   cancelled)
 *
 * Since: 1.0
 */
KafkaListConsumerGroupsResult *
kafka_admin_client_list_consumer_groups_finish (KafkaAdminClient  *self,
                                                GAsyncResult      *result,
                                                GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_list_consumer_groups_async, error);
}

/**
 * kafka_admin_client_describe_consumer_groups:
 * @self: a #KafkaAdminClient
 * @groups: (array zero-terminated=1): the ids of the groups to describe
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Describes consumer groups: state, partition assignor, coordinator, and each
 * member with its client id, host and assigned partitions. A group id that
 * nobody uses is described as a group in state
 * %KAFKA_CONSUMER_GROUP_STATE_DEAD with no member.
 *
 * Not on the mock cluster: see “The mock cluster” in the description of
 * #KafkaAdminClient.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaConsumerGroupDescription):
 *   one description per group, in the order given, each with its state,
 *   coordinator and members, or its error; or %NULL with @error set if the
 *   call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_consumer_groups (KafkaAdminClient    *self,
                                             const char * const  *groups,
                                             KafkaAdminOptions   *options,
                                             int                  timeout_ms,
                                             GError             **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (groups != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_describe_groups (self, groups, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_describe_consumer_groups_async:
 * @self: a #KafkaAdminClient
 * @groups: (array zero-terminated=1): the ids of the groups to describe
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_describe_consumer_groups(): call
 * kafka_admin_client_describe_consumer_groups_finish() from @callback for the
 * result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_describe_consumer_groups_async (KafkaAdminClient     *self,
                                                   const char * const   *groups,
                                                   KafkaAdminOptions    *options,
                                                   int                   timeout_ms,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (groups != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_describe_groups (self, groups, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_describe_consumer_groups_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_describe_consumer_groups_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_describe_consumer_groups_async().
 *
 * Returns: (transfer container) (element-type KafkaConsumerGroupDescription):
 *   what kafka_admin_client_describe_consumer_groups() returns, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_consumer_groups_finish (KafkaAdminClient  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_describe_consumer_groups_async, error);
}

/**
 * kafka_admin_client_delete_groups:
 * @self: a #KafkaAdminClient
 * @groups: (array zero-terminated=1): the ids of the groups to delete
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Deletes consumer groups, with their committed offsets. Only a group with no
 * member can be deleted.
 *
 * librdkafka 2.0.2 aborts the process if the group coordinator does not
 * support deleting groups (the mock cluster does not): see “The mock cluster”
 * in the description of #KafkaAdminClient.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): one result
 *   per group, in the order given, with the group's error
 *   (%KAFKA_ERROR_GROUP_ID_NOT_FOUND, %KAFKA_ERROR_NON_EMPTY_GROUP while it
 *   has members…); or %NULL with @error set if the call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_groups (KafkaAdminClient    *self,
                                  const char * const  *groups,
                                  KafkaAdminOptions   *options,
                                  int                  timeout_ms,
                                  GError             **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (groups != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_delete_groups (self, groups, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_delete_groups_async:
 * @self: a #KafkaAdminClient
 * @groups: (array zero-terminated=1): the ids of the groups to delete
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_delete_groups(): call
 * kafka_admin_client_delete_groups_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_delete_groups_async (KafkaAdminClient     *self,
                                        const char * const   *groups,
                                        KafkaAdminOptions    *options,
                                        int                   timeout_ms,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (groups != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_delete_groups (self, groups, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_delete_groups_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_delete_groups_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_delete_groups_async().
 *
 * Returns: (transfer container) (element-type KafkaAdminResult): what
 *   kafka_admin_client_delete_groups() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_groups_finish (KafkaAdminClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_delete_groups_async, error);
}

/**
 * kafka_admin_client_list_consumer_group_offsets:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition) (nullable): the partitions
 *   to list, or %NULL (or none) for every partition the group committed an
 *   offset for
 * @options: (nullable): settings (#KafkaAdminOptions:require-stable-offsets),
 *   or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Lists the offsets a consumer group committed, as confluent-kafka-python's
 * `AdminClient.list_consumer_group_offsets()` does (one group a call, as
 * librdkafka 2.0.2 takes them). See
 * kafka_admin_client_list_consumer_group_lag() for how far behind the group
 * is.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with the offsets the group committed (%KAFKA_OFFSET_INVALID
 *   where it committed none) and their commit metadata, or per-partition
 *   errors; or %NULL with @error set, the group's error included
 *   (%KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED…)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_list_consumer_group_offsets (KafkaAdminClient   *self,
                                                const char         *group,
                                                GPtrArray          *partitions,
                                                KafkaAdminOptions  *options,
                                                int                 timeout_ms,
                                                GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_group_offsets (self, OP_LIST_GROUP_OFFSETS, group, partitions, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_list_consumer_group_offsets_async:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition) (nullable): the partitions
 *   to list, or %NULL (or none) for every partition the group committed an
 *   offset for
 * @options: (nullable): settings (#KafkaAdminOptions:require-stable-offsets),
 *   or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_list_consumer_group_offsets(): call
 * kafka_admin_client_list_consumer_group_offsets_finish() from @callback for
 * the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_list_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                      const char           *group,
                                                      GPtrArray            *partitions,
                                                      KafkaAdminOptions    *options,
                                                      int                   timeout_ms,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_group_offsets (self, OP_LIST_GROUP_OFFSETS, group, partitions, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_list_consumer_group_offsets_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_list_consumer_group_offsets_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_list_consumer_group_offsets_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): what
 *   kafka_admin_client_list_consumer_group_offsets() returns, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_list_consumer_group_offsets_finish (KafkaAdminClient  *self,
                                                       GAsyncResult      *result,
                                                       GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_list_consumer_group_offsets_async, error);
}

/**
 * kafka_admin_client_list_consumer_group_lag:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition) (nullable): the partitions
 *   to look at, or %NULL (or none) for every partition the group committed an
 *   offset for
 * @options: (nullable): settings (#KafkaAdminOptions:require-stable-offsets),
 *   or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Tells how far behind a consumer group is: the offsets it committed (as
 * kafka_admin_client_list_consumer_group_offsets() lists them) against the
 * high watermark of each partition, which is what anyone looking at a group
 * computes next (the LAG column of `kafka-consumer-groups.sh --describe`). The
 * high watermarks come in one request per partition leader, within the same
 * @timeout_ms.
 *
 * Messages produced in transactions not yet committed, and transaction
 * markers, count in the lag as Kafka counts them.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaPartitionLag): one
 *   #KafkaPartitionLag per partition: committed offset, high watermark and
 *   lag, or the partition's error; or %NULL with @error set, the group's error
 *   included
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_list_consumer_group_lag (KafkaAdminClient   *self,
                                            const char         *group,
                                            GPtrArray          *partitions,
                                            KafkaAdminOptions  *options,
                                            int                 timeout_ms,
                                            GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_group_offsets (self, OP_LIST_GROUP_LAG, group, partitions, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_list_consumer_group_lag_async:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition) (nullable): the partitions
 *   to look at, or %NULL (or none) for every partition the group committed an
 *   offset for
 * @options: (nullable): settings (#KafkaAdminOptions:require-stable-offsets),
 *   or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_list_consumer_group_lag(): call
 * kafka_admin_client_list_consumer_group_lag_finish() from @callback for the
 * result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_list_consumer_group_lag_async (KafkaAdminClient     *self,
                                                  const char           *group,
                                                  GPtrArray            *partitions,
                                                  KafkaAdminOptions    *options,
                                                  int                   timeout_ms,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_group_offsets (self, OP_LIST_GROUP_LAG, group, partitions, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_list_consumer_group_lag_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_list_consumer_group_lag_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_list_consumer_group_lag_async().
 *
 * Returns: (transfer container) (element-type KafkaPartitionLag): what
 *   kafka_admin_client_list_consumer_group_lag() returns, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_list_consumer_group_lag_finish (KafkaAdminClient  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_list_consumer_group_lag_async, error);
}

/**
 * kafka_admin_client_alter_consumer_group_offsets:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @offsets: (element-type KafkaTopicPartition): the partitions with the
 *   offsets to commit for the group (and their metadata)
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Commits offsets for a consumer group from outside of it, to rewind or skip
 * its consumption. It succeeds only for a group with no member: stop the
 * group's consumers first.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with the offsets committed, or per-partition errors
 *   (%KAFKA_ERROR_UNKNOWN_MEMBER_ID while the group has members…); or %NULL
 *   with @error set, the group's error included
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_alter_consumer_group_offsets (KafkaAdminClient   *self,
                                                 const char         *group,
                                                 GPtrArray          *offsets,
                                                 KafkaAdminOptions  *options,
                                                 int                 timeout_ms,
                                                 GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (offsets != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_group_offsets (self, OP_ALTER_GROUP_OFFSETS, group, offsets, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_alter_consumer_group_offsets_async:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @offsets: (element-type KafkaTopicPartition): the partitions with the
 *   offsets to commit for the group (and their metadata)
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_alter_consumer_group_offsets(): call
 * kafka_admin_client_alter_consumer_group_offsets_finish() from @callback for
 * the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_alter_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                       const char           *group,
                                                       GPtrArray            *offsets,
                                                       KafkaAdminOptions    *options,
                                                       int                   timeout_ms,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (offsets != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_group_offsets (self, OP_ALTER_GROUP_OFFSETS, group, offsets, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_alter_consumer_group_offsets_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_alter_consumer_group_offsets_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_alter_consumer_group_offsets_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): what
 *   kafka_admin_client_alter_consumer_group_offsets() returns, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_alter_consumer_group_offsets_finish (KafkaAdminClient  *self,
                                                        GAsyncResult      *result,
                                                        GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_alter_consumer_group_offsets_async, error);
}

/**
 * kafka_admin_client_delete_consumer_group_offsets:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition): the partitions whose
 *   committed offsets to delete (their offsets are not read)
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Deletes the offsets a consumer group committed for some partitions: the
 * group's consumers then start those partitions from their
 * `auto.offset.reset`. It fails for the topics a member of the group is
 * subscribed to.
 *
 * librdkafka 2.0.2 aborts the process if the group coordinator does not
 * support deleting offsets (Kafka before 2.4, the mock cluster): see “The mock
 * cluster” in the description of #KafkaAdminClient.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions, each with its error if its offset was not deleted
 *   (%KAFKA_ERROR_GROUP_SUBSCRIBED_TO_TOPIC while a member consumes the
 *   topic…); or %NULL with @error set, the group's error included
 *   (%KAFKA_ERROR_GROUP_ID_NOT_FOUND…)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_consumer_group_offsets (KafkaAdminClient   *self,
                                                  const char         *group,
                                                  GPtrArray          *partitions,
                                                  KafkaAdminOptions  *options,
                                                  int                 timeout_ms,
                                                  GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_group_offsets (self, OP_DELETE_GROUP_OFFSETS, group, partitions, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_delete_consumer_group_offsets_async:
 * @self: a #KafkaAdminClient
 * @group: the id of the group
 * @partitions: (element-type KafkaTopicPartition): the partitions whose
 *   committed offsets to delete (their offsets are not read)
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_delete_consumer_group_offsets():
 * call kafka_admin_client_delete_consumer_group_offsets_finish() from
 * @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_delete_consumer_group_offsets_async (KafkaAdminClient     *self,
                                                        const char           *group,
                                                        GPtrArray            *partitions,
                                                        KafkaAdminOptions    *options,
                                                        int                   timeout_ms,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (partitions != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_group_offsets (self, OP_DELETE_GROUP_OFFSETS, group, partitions, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_delete_consumer_group_offsets_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_delete_consumer_group_offsets_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_delete_consumer_group_offsets_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): what
 *   kafka_admin_client_delete_consumer_group_offsets() returns, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_consumer_group_offsets_finish (KafkaAdminClient  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_delete_consumer_group_offsets_async, error);
}

/**
 * kafka_admin_client_create_acls:
 * @self: a #KafkaAdminClient
 * @acls: (element-type KafkaAclBinding): the ACL bindings to create
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Creates ACL bindings. Creating one that exists already succeeds. The broker
 * needs an authorizer (`authorizer.class.name`).
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAclBinding): a copy of each
 *   binding given, in the same order, with its error if it was not created
 *   (kafka_acl_binding_get_error(): %KAFKA_ERROR_SECURITY_DISABLED with no
 *   authorizer, %KAFKA_ERROR_INVALID_REQUEST…); or %NULL with @error set if
 *   the call failed as a whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_acls (KafkaAdminClient   *self,
                                GPtrArray          *acls,
                                KafkaAdminOptions  *options,
                                int                 timeout_ms,
                                GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (acls != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_create_acls (self, acls, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_create_acls_async:
 * @self: a #KafkaAdminClient
 * @acls: (element-type KafkaAclBinding): the ACL bindings to create
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_create_acls(): call
 * kafka_admin_client_create_acls_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_create_acls_async (KafkaAdminClient     *self,
                                      GPtrArray            *acls,
                                      KafkaAdminOptions    *options,
                                      int                   timeout_ms,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (acls != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_create_acls (self, acls, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_create_acls_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_create_acls_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_create_acls_async().
 *
 * Returns: (transfer container) (element-type KafkaAclBinding): what
 *   kafka_admin_client_create_acls() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_create_acls_finish (KafkaAdminClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_create_acls_async, error);
}

/**
 * kafka_admin_client_describe_acls:
 * @self: a #KafkaAdminClient
 * @filter: a filter: a #KafkaAclBinding whose “any” values and %NULL names
 *   match anything
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Lists the ACL bindings that match a filter.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaAclBinding): the ACL
 *   bindings that match the filter (maybe none), or %NULL with @error set
 *   (%KAFKA_ERROR_SECURITY_DISABLED with no authorizer…)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_acls (KafkaAdminClient   *self,
                                  KafkaAclBinding    *filter,
                                  KafkaAdminOptions  *options,
                                  int                 timeout_ms,
                                  GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (filter), NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_describe_acls (self, filter, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_describe_acls_async:
 * @self: a #KafkaAdminClient
 * @filter: a filter: a #KafkaAclBinding whose “any” values and %NULL names
 *   match anything
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_describe_acls(): call
 * kafka_admin_client_describe_acls_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_describe_acls_async (KafkaAdminClient     *self,
                                        KafkaAclBinding      *filter,
                                        KafkaAdminOptions    *options,
                                        int                   timeout_ms,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (KAFKA_IS_ACL_BINDING (filter));
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_describe_acls (self, filter, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_describe_acls_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_describe_acls_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_describe_acls_async().
 *
 * Returns: (transfer container) (element-type KafkaAclBinding): what
 *   kafka_admin_client_describe_acls() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_describe_acls_finish (KafkaAdminClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_describe_acls_async, error);
}

/**
 * kafka_admin_client_delete_acls:
 * @self: a #KafkaAdminClient
 * @filters: (element-type KafkaAclBinding): filters: #KafkaAclBindings whose
 *   “any” values and %NULL names match anything
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @error: return location for a #GError
 *
 * Deletes the ACL bindings that match filters. A filter that matches nothing
 * deletes nothing, with no error.
 *
 * Blocks the calling thread until the answer comes, or up to @timeout_ms (and
 * a second). See “Calls, results and errors” in the description of
 * #KafkaAdminClient.
 *
 * Returns: (transfer container) (element-type KafkaDeleteAclsResult): one
 *   #KafkaDeleteAclsResult per filter, in the order given, with the bindings
 *   it deleted or its error; or %NULL with @error set if the call failed as a
 *   whole
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_acls (KafkaAdminClient   *self,
                                GPtrArray          *filters,
                                KafkaAdminOptions  *options,
                                int                 timeout_ms,
                                GError            **error)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), NULL);
  g_return_val_if_fail (filters != NULL, NULL);
  g_return_val_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return admin_run_sync (request_delete_acls (self, filters, options, timeout_ms, error), error);
}

/**
 * kafka_admin_client_delete_acls_async:
 * @self: a #KafkaAdminClient
 * @filters: (element-type KafkaAclBinding): filters: #KafkaAclBindings whose
 *   “any” values and %NULL names match anything
 * @options: (nullable): settings (none apply to this call but
 *   #KafkaAdminOptions:broker), or %NULL for the defaults
 * @timeout_ms: how long librdkafka has to get the answer, in milliseconds (-1:
 *   up to an hour)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result, on the thread-default main
 *   context of the caller
 * @user_data: data for @callback
 *
 * Asynchronous form of kafka_admin_client_delete_acls(): call
 * kafka_admin_client_delete_acls_finish() from @callback for the result.
 *
 * Since: 1.0
 */
void
kafka_admin_client_delete_acls_async (KafkaAdminClient     *self,
                                      GPtrArray            *filters,
                                      KafkaAdminOptions    *options,
                                      int                   timeout_ms,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GError *error = NULL;
  AdminRequest *req;

  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (filters != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  req = request_delete_acls (self, filters, options, timeout_ms, &error);
  admin_run_async (self, req, error, kafka_admin_client_delete_acls_async, cancellable, callback, user_data);
}

/**
 * kafka_admin_client_delete_acls_finish:
 * @self: a #KafkaAdminClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_admin_client_delete_acls_async().
 *
 * Returns: (transfer container) (element-type KafkaDeleteAclsResult): what
 *   kafka_admin_client_delete_acls() returns, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED if the call was cancelled)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_admin_client_delete_acls_finish (KafkaAdminClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return admin_finish (self, result, kafka_admin_client_delete_acls_async, error);
}
