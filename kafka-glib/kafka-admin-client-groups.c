/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaAdminClient: the calls about consumer groups and their offsets.
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-topic-partition-private.h"
#include "kafka-admin-client-private.h"

/* The calls about one group's offsets (librdkafka 2.0.2 takes one group a
 * call); @partitions may be NULL for list and lag (every partition). */
static AdminRequest *
request_group_offsets (KafkaAdminClient   *self,
                       AdminOp             op,
                       const char         *group,
                       GPtrArray          *partitions,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms)
{
  AdminRequest *req = admin_request_new (self, op, options, timeout_ms);
  rd_kafka_topic_partition_list_t *list = NULL;

  if (req->error != NULL)
    return req;
  req->group = g_strdup (group);

  /* no partitions at all is every partition, to list (GJS passes an empty
   * array for null) */
  if (partitions != NULL &&
      (partitions->len > 0 || (op != OP_LIST_GROUP_OFFSETS && op != OP_LIST_GROUP_LAG)))
    {
      list = kafka_topic_partition_list_to_rd (partitions, &req->error);
      if (list == NULL)
        return req;
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

  return admin_run_sync (admin_request_new (self, OP_LIST_GROUPS, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new (self, OP_LIST_GROUPS, options, timeout_ms),
                   kafka_admin_client_list_consumer_groups_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_names (self, OP_DESCRIBE_GROUPS, groups, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (groups != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_names (self, OP_DESCRIBE_GROUPS, groups, options, timeout_ms),
                   kafka_admin_client_describe_consumer_groups_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_names (self, OP_DELETE_GROUPS, groups, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (groups != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_names (self, OP_DELETE_GROUPS, groups, options, timeout_ms),
                   kafka_admin_client_delete_groups_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_group_offsets (self, OP_LIST_GROUP_OFFSETS, group, partitions, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_group_offsets (self, OP_LIST_GROUP_OFFSETS, group, partitions, options, timeout_ms),
                   kafka_admin_client_list_consumer_group_offsets_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_group_offsets (self, OP_LIST_GROUP_LAG, group, partitions, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_group_offsets (self, OP_LIST_GROUP_LAG, group, partitions, options, timeout_ms),
                   kafka_admin_client_list_consumer_group_lag_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_group_offsets (self, OP_ALTER_GROUP_OFFSETS, group, offsets, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (offsets != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_group_offsets (self, OP_ALTER_GROUP_OFFSETS, group, offsets, options, timeout_ms),
                   kafka_admin_client_alter_consumer_group_offsets_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_group_offsets (self, OP_DELETE_GROUP_OFFSETS, group, partitions, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (group != NULL);
  g_return_if_fail (partitions != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_group_offsets (self, OP_DELETE_GROUP_OFFSETS, group, partitions, options, timeout_ms),
                   kafka_admin_client_delete_consumer_group_offsets_async, cancellable, callback, user_data);
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

