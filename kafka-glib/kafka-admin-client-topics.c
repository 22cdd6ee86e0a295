/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaAdminClient: the calls about topics, partitions, configurations and
 * records.
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-topic-partition-private.h"
#include "kafka-admin-client-private.h"

/* ------------------------------------------------------------------------ */
/* What each call sends */

static AdminRequest *
request_delete_records (KafkaAdminClient   *self,
                        GPtrArray          *before_offsets,
                        KafkaAdminOptions  *options,
                        int                 timeout_ms)
{
  AdminRequest *req = admin_request_new (self, OP_DELETE_RECORDS, options, timeout_ms);
  rd_kafka_topic_partition_list_t *list;

  if (req->error != NULL)
    return req;
  list = kafka_topic_partition_list_to_rd (before_offsets, &req->error);
  if (list != NULL)
    {
      /* librdkafka takes one DeleteRecords with every partition */
      g_ptr_array_add (req->objects, rd_kafka_DeleteRecords_new (list));
      rd_kafka_topic_partition_list_destroy (list);
    }
  return req;
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

  return admin_run_sync (admin_request_new_items (self, OP_CREATE_TOPICS, new_topics, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (new_topics != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_CREATE_TOPICS, new_topics, options, timeout_ms),
                   kafka_admin_client_create_topics_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_names (self, OP_DELETE_TOPICS, topics, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (topics != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_names (self, OP_DELETE_TOPICS, topics, options, timeout_ms),
                   kafka_admin_client_delete_topics_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_items (self, OP_CREATE_PARTITIONS, new_partitions, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (new_partitions != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_CREATE_PARTITIONS, new_partitions, options, timeout_ms),
                   kafka_admin_client_create_partitions_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_items (self, OP_DESCRIBE_CONFIGS, resources, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (resources != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_DESCRIBE_CONFIGS, resources, options, timeout_ms),
                   kafka_admin_client_describe_configs_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_items (self, OP_ALTER_CONFIGS, resources, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (resources != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_ALTER_CONFIGS, resources, options, timeout_ms),
                   kafka_admin_client_alter_configs_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_delete_records (self, before_offsets, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (before_offsets != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_delete_records (self, before_offsets, options, timeout_ms),
                   kafka_admin_client_delete_records_async, cancellable, callback, user_data);
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

