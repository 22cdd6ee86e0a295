/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-acl-binding.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_DELETE_ACLS_RESULT:
 *
 * The #GType of #KafkaDeleteAclsResult.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_DELETE_ACLS_RESULT (kafka_delete_acls_result_get_type ())

/**
 * KafkaDeleteAclsResult:
 *
 * The outcome of kafka_admin_client_delete_acls() for one filter: the ACLs it deleted, or its error. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaDeleteAclsResult, kafka_delete_acls_result, KAFKA, DELETE_ACLS_RESULT, GObject)

KAFKA_AVAILABLE_IN_1_0
GPtrArray    *kafka_delete_acls_result_get_matching_acls (KafkaDeleteAclsResult *self);
KAFKA_AVAILABLE_IN_1_0
const GError *kafka_delete_acls_result_get_error         (KafkaDeleteAclsResult *self);

G_END_DECLS
