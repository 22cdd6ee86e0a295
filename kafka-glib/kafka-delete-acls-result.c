/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-delete-acls-result.h"
#include "kafka-error-private.h"

/**
 * SECTION:kafka-delete-acls-result
 * @Title: KafkaDeleteAclsResult
 * @Short_description: the ACLs one filter deleted
 *
 * What kafka_admin_client_delete_acls() answers for each filter it was
 * given, in the same order: the ACL bindings the filter matched and that
 * were deleted, or the filter's error. Read-only.
 */

struct _KafkaDeleteAclsResult
{
  GObject parent_instance;

  GPtrArray *matching_acls;
  GError    *error;
};

G_DEFINE_FINAL_TYPE (KafkaDeleteAclsResult, kafka_delete_acls_result, G_TYPE_OBJECT)

static void
kafka_delete_acls_result_finalize (GObject *object)
{
  KafkaDeleteAclsResult *self = KAFKA_DELETE_ACLS_RESULT (object);

  g_ptr_array_unref (self->matching_acls);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_delete_acls_result_parent_class)->finalize (object);
}

static void
kafka_delete_acls_result_class_init (KafkaDeleteAclsResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_delete_acls_result_finalize;
}

static void
kafka_delete_acls_result_init (KafkaDeleteAclsResult *self)
{
}

KafkaDeleteAclsResult *
kafka_delete_acls_result_new_from_rd (const rd_kafka_DeleteAcls_result_response_t *response)
{
  KafkaDeleteAclsResult *self = g_object_new (KAFKA_TYPE_DELETE_ACLS_RESULT, NULL);
  const rd_kafka_error_t *rderror = rd_kafka_DeleteAcls_result_response_error (response);
  const rd_kafka_AclBinding_t **acls;
  size_t n_acls = 0;

  acls = rd_kafka_DeleteAcls_result_response_matching_acls (response, &n_acls);
  self->matching_acls = g_ptr_array_new_full (n_acls, g_object_unref);
  for (size_t i = 0; acls != NULL && i < n_acls; i++)
    g_ptr_array_add (self->matching_acls, kafka_acl_binding_new_from_rd (acls[i]));
  if (rderror != NULL)
    self->error = kafka_error_new_rd (rd_kafka_error_code (rderror), rd_kafka_error_string (rderror),
                                      "Could not delete ACLs");
  return self;
}

/**
 * kafka_delete_acls_result_get_matching_acls:
 * @self: a #KafkaDeleteAclsResult
 *
 * Gets the ACL bindings the filter matched, which were deleted (each may
 * carry its own error: kafka_acl_binding_get_error()).
 *
 * Returns: (transfer none) (element-type KafkaAclBinding): the deleted
 *   bindings (maybe none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_delete_acls_result_get_matching_acls (KafkaDeleteAclsResult *self)
{
  g_return_val_if_fail (KAFKA_IS_DELETE_ACLS_RESULT (self), NULL);

  return self->matching_acls;
}

/**
 * kafka_delete_acls_result_get_error:
 * @self: a #KafkaDeleteAclsResult
 *
 * Gets the error of the filter (%KAFKA_ERROR_SECURITY_DISABLED on a broker
 * with no authorizer, say).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_delete_acls_result_get_error (KafkaDeleteAclsResult *self)
{
  g_return_val_if_fail (KAFKA_IS_DELETE_ACLS_RESULT (self), NULL);

  return self->error;
}
