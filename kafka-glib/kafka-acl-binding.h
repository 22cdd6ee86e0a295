/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-config-resource.h>

G_BEGIN_DECLS

/**
 * KafkaResourcePatternType:
 * @KAFKA_RESOURCE_PATTERN_UNKNOWN: not known
 * @KAFKA_RESOURCE_PATTERN_ANY: in a filter: any pattern type
 * @KAFKA_RESOURCE_PATTERN_MATCH: in a filter: the ACLs whose pattern would
 *   apply to the name (literal, wildcard `*` or prefixed)
 * @KAFKA_RESOURCE_PATTERN_LITERAL: the name is a resource name (or `*` for
 *   every resource)
 * @KAFKA_RESOURCE_PATTERN_PREFIXED: the name is a prefix of resource names
 *
 * How the name of a #KafkaAclBinding matches resources (the values are
 * librdkafka's `rd_kafka_ResourcePatternType_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_RESOURCE_PATTERN_UNKNOWN = 0,
  KAFKA_RESOURCE_PATTERN_ANY = 1,
  KAFKA_RESOURCE_PATTERN_MATCH = 2,
  KAFKA_RESOURCE_PATTERN_LITERAL = 3,
  KAFKA_RESOURCE_PATTERN_PREFIXED = 4,
} KafkaResourcePatternType;

/**
 * KafkaAclOperation:
 * @KAFKA_ACL_OPERATION_UNKNOWN: not known
 * @KAFKA_ACL_OPERATION_ANY: in a filter: any operation
 * @KAFKA_ACL_OPERATION_ALL: every operation
 * @KAFKA_ACL_OPERATION_READ: read (consume, fetch offsets)
 * @KAFKA_ACL_OPERATION_WRITE: write (produce)
 * @KAFKA_ACL_OPERATION_CREATE: create
 * @KAFKA_ACL_OPERATION_DELETE: delete
 * @KAFKA_ACL_OPERATION_ALTER: alter
 * @KAFKA_ACL_OPERATION_DESCRIBE: describe
 * @KAFKA_ACL_OPERATION_CLUSTER_ACTION: cluster action (between brokers)
 * @KAFKA_ACL_OPERATION_DESCRIBE_CONFIGS: describe configurations
 * @KAFKA_ACL_OPERATION_ALTER_CONFIGS: alter configurations
 * @KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE: idempotent write
 *
 * The operation a #KafkaAclBinding allows or denies (the values are
 * librdkafka's `rd_kafka_AclOperation_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_ACL_OPERATION_UNKNOWN = 0,
  KAFKA_ACL_OPERATION_ANY = 1,
  KAFKA_ACL_OPERATION_ALL = 2,
  KAFKA_ACL_OPERATION_READ = 3,
  KAFKA_ACL_OPERATION_WRITE = 4,
  KAFKA_ACL_OPERATION_CREATE = 5,
  KAFKA_ACL_OPERATION_DELETE = 6,
  KAFKA_ACL_OPERATION_ALTER = 7,
  KAFKA_ACL_OPERATION_DESCRIBE = 8,
  KAFKA_ACL_OPERATION_CLUSTER_ACTION = 9,
  KAFKA_ACL_OPERATION_DESCRIBE_CONFIGS = 10,
  KAFKA_ACL_OPERATION_ALTER_CONFIGS = 11,
  KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE = 12,
} KafkaAclOperation;

/**
 * KafkaAclPermissionType:
 * @KAFKA_ACL_PERMISSION_TYPE_UNKNOWN: not known
 * @KAFKA_ACL_PERMISSION_TYPE_ANY: in a filter: either
 * @KAFKA_ACL_PERMISSION_TYPE_DENY: the ACL denies the operation
 * @KAFKA_ACL_PERMISSION_TYPE_ALLOW: the ACL allows the operation
 *
 * Whether a #KafkaAclBinding allows or denies (the values are librdkafka's
 * `rd_kafka_AclPermissionType_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_ACL_PERMISSION_TYPE_UNKNOWN = 0,
  KAFKA_ACL_PERMISSION_TYPE_ANY = 1,
  KAFKA_ACL_PERMISSION_TYPE_DENY = 2,
  KAFKA_ACL_PERMISSION_TYPE_ALLOW = 3,
} KafkaAclPermissionType;

/**
 * KAFKA_TYPE_ACL_BINDING:
 *
 * The #GType of #KafkaAclBinding.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_ACL_BINDING (kafka_acl_binding_get_type ())

/**
 * KafkaAclBinding:
 *
 * An access control entry: who may or may not do what on which resources, from where; or, with “any” values and %NULL names, a filter that matches such entries. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaAclBinding, kafka_acl_binding, KAFKA, ACL_BINDING, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaAclBinding          *kafka_acl_binding_new                   (KafkaResourceType         resource_type,
                                                                   const char               *name,
                                                                   KafkaResourcePatternType  pattern_type,
                                                                   const char               *principal,
                                                                   const char               *host,
                                                                   KafkaAclOperation         operation,
                                                                   KafkaAclPermissionType    permission_type);
KAFKA_AVAILABLE_IN_1_0
KafkaResourceType         kafka_acl_binding_get_resource_type     (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
const char               *kafka_acl_binding_get_name              (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
KafkaResourcePatternType  kafka_acl_binding_get_pattern_type      (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
const char               *kafka_acl_binding_get_principal         (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
const char               *kafka_acl_binding_get_host              (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
KafkaAclOperation         kafka_acl_binding_get_operation         (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
KafkaAclPermissionType    kafka_acl_binding_get_permission_type   (KafkaAclBinding *self);
KAFKA_AVAILABLE_IN_1_0
const GError             *kafka_acl_binding_get_error             (KafkaAclBinding *self);

G_END_DECLS
