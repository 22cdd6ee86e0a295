/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaAdminClient: one request, from its options to its result, blocking or
 * async, for every call.
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-admin-private.h"
#include "kafka-client-private.h"
#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"
#include "kafka-admin-client-private.h"

/* What varies from call to call, besides what it sends
 * (admin_request_send()) and how its answer reads (admin_request_result()) */
static const struct {
  const char            *name;     /* for option errors */
  const char            *what;     /* "Could not %s" */
  rd_kafka_admin_op_t    rd_op;
  rd_kafka_event_type_t  result;
  GDestroyNotify         destroy;  /* of the librdkafka objects it sends */
} admin_ops[] = {
  [OP_CREATE_TOPICS] = { "create_topics", "create topics",
                         RD_KAFKA_ADMIN_OP_CREATETOPICS, RD_KAFKA_EVENT_CREATETOPICS_RESULT,
                         (GDestroyNotify) rd_kafka_NewTopic_destroy },
  [OP_DELETE_TOPICS] = { "delete_topics", "delete topics",
                         RD_KAFKA_ADMIN_OP_DELETETOPICS, RD_KAFKA_EVENT_DELETETOPICS_RESULT,
                         (GDestroyNotify) rd_kafka_DeleteTopic_destroy },
  [OP_CREATE_PARTITIONS] = { "create_partitions", "create partitions",
                             RD_KAFKA_ADMIN_OP_CREATEPARTITIONS, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT,
                             (GDestroyNotify) rd_kafka_NewPartitions_destroy },
  [OP_DESCRIBE_CONFIGS] = { "describe_configs", "describe configurations",
                            RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, RD_KAFKA_EVENT_DESCRIBECONFIGS_RESULT,
                            (GDestroyNotify) rd_kafka_ConfigResource_destroy },
  [OP_ALTER_CONFIGS] = { "alter_configs", "alter configurations",
                         RD_KAFKA_ADMIN_OP_ALTERCONFIGS, RD_KAFKA_EVENT_ALTERCONFIGS_RESULT,
                         (GDestroyNotify) rd_kafka_ConfigResource_destroy },
  [OP_DELETE_RECORDS] = { "delete_records", "delete records",
                          RD_KAFKA_ADMIN_OP_DELETERECORDS, RD_KAFKA_EVENT_DELETERECORDS_RESULT,
                          (GDestroyNotify) rd_kafka_DeleteRecords_destroy },
  [OP_LIST_GROUPS] = { "list_consumer_groups", "list consumer groups",
                       RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT,
                       NULL },
  [OP_DESCRIBE_GROUPS] = { "describe_consumer_groups", "describe consumer groups",
                           RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT,
                           NULL },
  [OP_DELETE_GROUPS] = { "delete_groups", "delete consumer groups",
                         RD_KAFKA_ADMIN_OP_DELETEGROUPS, RD_KAFKA_EVENT_DELETEGROUPS_RESULT,
                         (GDestroyNotify) rd_kafka_DeleteGroup_destroy },
  [OP_LIST_GROUP_OFFSETS] = { "list_consumer_group_offsets", "list the offsets of consumer group",
                              RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
                              RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT,
                              (GDestroyNotify) rd_kafka_ListConsumerGroupOffsets_destroy },
  [OP_LIST_GROUP_LAG] = { "list_consumer_group_lag", "get the lag of consumer group",
                          RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
                          RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT,
                          (GDestroyNotify) rd_kafka_ListConsumerGroupOffsets_destroy },
  [OP_ALTER_GROUP_OFFSETS] = { "alter_consumer_group_offsets", "alter the offsets of consumer group",
                               RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
                               RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT,
                               (GDestroyNotify) rd_kafka_AlterConsumerGroupOffsets_destroy },
  [OP_DELETE_GROUP_OFFSETS] = { "delete_consumer_group_offsets", "delete the offsets of consumer group",
                                RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
                                RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT,
                                (GDestroyNotify) rd_kafka_DeleteConsumerGroupOffsets_destroy },
  [OP_CREATE_ACLS] = { "create_acls", "create ACLs",
                       RD_KAFKA_ADMIN_OP_CREATEACLS, RD_KAFKA_EVENT_CREATEACLS_RESULT,
                       (GDestroyNotify) rd_kafka_AclBinding_destroy },
  [OP_DESCRIBE_ACLS] = { "describe_acls", "describe ACLs",
                         RD_KAFKA_ADMIN_OP_DESCRIBEACLS, RD_KAFKA_EVENT_DESCRIBEACLS_RESULT,
                         NULL },
  [OP_DELETE_ACLS] = { "delete_acls", "delete ACLs",
                       RD_KAFKA_ADMIN_OP_DELETEACLS, RD_KAFKA_EVENT_DELETEACLS_RESULT,
                       (GDestroyNotify) rd_kafka_AclBinding_destroy },
};

/* Whether @event answers one of the calls. */
gboolean
is_admin_result (rd_kafka_event_t *event)
{
  rd_kafka_event_type_t type = rd_kafka_event_type (event);

  for (gsize i = 0; i < G_N_ELEMENTS (admin_ops); i++)
    if (admin_ops[i].result == type)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Requests */

void
admin_request_free (AdminRequest *req)
{
  g_clear_pointer (&req->objects, g_ptr_array_unref);
  g_clear_pointer (&req->options, rd_kafka_AdminOptions_destroy);
  g_clear_pointer (&req->filter, rd_kafka_AclBinding_destroy);
  g_clear_pointer (&req->names, g_strfreev);
  g_clear_pointer (&req->acls, g_ptr_array_unref);
  g_clear_pointer (&req->group, g_free);
  g_clear_pointer (&req->handle, kafka_handle_unref);
  g_clear_error (&req->error);
  g_free (req);
}

AdminRequest *
admin_request_new (KafkaAdminClient   *self,
                   AdminOp             op,
                   KafkaAdminOptions  *options,
                   int                 timeout_ms)
{
  AdminRequest *req = g_new0 (AdminRequest, 1);

  req->op = op;
  req->timeout_ms = timeout_ms;
  req->objects = g_ptr_array_new_with_free_func (admin_ops[op].destroy);
  if (!kafka_client_check_open (KAFKA_CLIENT (self), &req->error))
    return req;

  req->handle = kafka_client_ref_handle (KAFKA_CLIENT (self));
  req->rk = kafka_client_get_handle (KAFKA_CLIENT (self));
  req->options = kafka_admin_options_to_rd (options, req->rk, admin_ops[op].rd_op,
                                            admin_ops[op].name,
                                            timeout_ms < 0 ? ADMIN_MAX_TIMEOUT_MS
                                                           : MIN (timeout_ms, ADMIN_MAX_TIMEOUT_MS),
                                            &req->error);
  return req;
}

/* The librdkafka counterpart of one item of a call that takes a list of
 * objects (a new object the caller destroys), or NULL with @error set. */
static gpointer
admin_item_to_rd (AdminOp    op,
                  gpointer   item,
                  GError   **error)
{
  switch (op)
    {
    case OP_CREATE_TOPICS:
      return kafka_new_topic_to_rd (item, error);
    case OP_CREATE_PARTITIONS:
      return kafka_new_partitions_to_rd (item, error);
    case OP_DESCRIBE_CONFIGS:
    case OP_ALTER_CONFIGS:
      return kafka_config_resource_to_rd (item, op == OP_ALTER_CONFIGS, error);
    case OP_CREATE_ACLS:
    case OP_DELETE_ACLS:
      return kafka_acl_binding_to_rd (item, op == OP_DELETE_ACLS, error);
    default:
      g_assert_not_reached ();
    }
}

AdminRequest *
admin_request_new_items (KafkaAdminClient   *self,
                         AdminOp             op,
                         GPtrArray          *items,
                         KafkaAdminOptions  *options,
                         int                 timeout_ms)
{
  AdminRequest *req = admin_request_new (self, op, options, timeout_ms);

  for (guint i = 0; req->error == NULL && i < items->len; i++)
    {
      gpointer object = admin_item_to_rd (op, g_ptr_array_index (items, i), &req->error);

      if (object != NULL)
        g_ptr_array_add (req->objects, object);
    }
  /* the bindings as they are now, for the results */
  if (op == OP_CREATE_ACLS && req->error == NULL)
    {
      req->acls = g_ptr_array_new_full (items->len, g_object_unref);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (req->acls, g_object_ref (g_ptr_array_index (items, i)));
    }
  return req;
}

AdminRequest *
admin_request_new_names (KafkaAdminClient   *self,
                         AdminOp             op,
                         const char * const *names,
                         KafkaAdminOptions  *options,
                         int                 timeout_ms)
{
  AdminRequest *req = admin_request_new (self, op, options, timeout_ms);

  if (req->error != NULL)
    return req;
  switch (op)
    {
    case OP_DELETE_TOPICS:
      for (gsize i = 0; names[i] != NULL; i++)
        g_ptr_array_add (req->objects, rd_kafka_DeleteTopic_new (names[i]));
      break;
    case OP_DELETE_GROUPS:
      for (gsize i = 0; names[i] != NULL; i++)
        g_ptr_array_add (req->objects, rd_kafka_DeleteGroup_new (names[i]));
      break;
    case OP_DESCRIBE_GROUPS:
      req->names = g_strdupv ((char **) names);
      break;
    default:
      g_assert_not_reached ();
    }
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

  return kafka_error_new_rd (err, text, "%s", what);
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
        error = kafka_error_new_rd (err, rd_kafka_topic_result_error_string (results[i]),
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
              group_error = kafka_error_new_rd (rd_kafka_error_code (rderror),
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
              acl_error = kafka_error_new_rd (rd_kafka_error_code (rderror),
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
        lag_error = kafka_error_new_rd (end->err, NULL,
                                        "Could not get the high watermark of “%s” [%d]",
                                        topic, (int) partition);
      else if (end != NULL && err != RD_KAFKA_RESP_ERR_NO_ERROR)
        lag_error = kafka_error_new_rd (err, NULL,
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

gpointer
admin_run_sync (AdminRequest  *req,
                GError       **error)
{
  g_autoptr(AdminRequest) owned = req;
  rd_kafka_queue_t *queue;
  rd_kafka_event_t *event;
  gpointer result = NULL;
  gint64 start = g_get_monotonic_time ();

  /* the request could not be made */
  if (req->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&req->error));
      return NULL;
    }

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

void
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
void
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

  task = kafka_wait_finish (&call->wait);
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

static void
admin_call_cancelled (KafkaWait *wait,
                      GError    *error)
{
  admin_call_return ((AdminCall *) wait, NULL, error);
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
void
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

void
admin_run_async (KafkaAdminClient    *self,
                 AdminRequest        *req,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  AdminCall *call;

  g_task_set_source_tag (task, source_tag);
  if (req->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&req->error));
      admin_request_free (req);
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

gpointer
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

