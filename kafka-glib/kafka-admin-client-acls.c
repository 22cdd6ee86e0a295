/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaAdminClient: the calls about ACLs.
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-admin-private.h"
#include "kafka-admin-client-private.h"

static AdminRequest *
request_describe_acls (KafkaAdminClient   *self,
                       KafkaAclBinding    *filter,
                       KafkaAdminOptions  *options,
                       int                 timeout_ms)
{
  AdminRequest *req = admin_request_new (self, OP_DESCRIBE_ACLS, options, timeout_ms);

  if (req->error == NULL)
    req->filter = kafka_acl_binding_to_rd (filter, TRUE, &req->error);
  return req;
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

  return admin_run_sync (admin_request_new_items (self, OP_CREATE_ACLS, acls, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (acls != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_CREATE_ACLS, acls, options, timeout_ms),
                   kafka_admin_client_create_acls_async, cancellable, callback, user_data);
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

  return admin_run_sync (request_describe_acls (self, filter, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (KAFKA_IS_ACL_BINDING (filter));
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, request_describe_acls (self, filter, options, timeout_ms),
                   kafka_admin_client_describe_acls_async, cancellable, callback, user_data);
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

  return admin_run_sync (admin_request_new_items (self, OP_DELETE_ACLS, filters, options, timeout_ms), error);
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
  g_return_if_fail (KAFKA_IS_ADMIN_CLIENT (self));
  g_return_if_fail (filters != NULL);
  g_return_if_fail (options == NULL || KAFKA_IS_ADMIN_OPTIONS (options));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_run_async (self, admin_request_new_items (self, OP_DELETE_ACLS, filters, options, timeout_ms),
                   kafka_admin_client_delete_acls_async, cancellable, callback, user_data);
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
