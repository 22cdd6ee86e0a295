/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-acl-binding.h"
#include "kafka-admin-private.h"
#include "kafka-enum-types.h"
#include "kafka-error-private.h"
#include "kafka-error.h"

/**
 * SECTION:kafka-acl-binding
 * @Title: KafkaAclBinding
 * @Short_description: an access control entry, or a filter of them
 *
 * An ACL binding says that a principal (`User:alice`), connecting from a
 * host (`*` for any), is allowed or denied an operation on resources: a
 * resource type and a name, which is a literal name (`*` for every
 * resource of the type) or a prefix. It is what
 * kafka_admin_client_create_acls() creates and
 * kafka_admin_client_describe_acls() lists, as confluent-kafka-python's
 * `AclBinding`.
 *
 * The same class is a filter for kafka_admin_client_describe_acls() and
 * kafka_admin_client_delete_acls() (confluent-kafka-python's
 * `AclBindingFilter`): there, %KAFKA_RESOURCE_ANY,
 * %KAFKA_RESOURCE_PATTERN_ANY (or %KAFKA_RESOURCE_PATTERN_MATCH),
 * %KAFKA_ACL_OPERATION_ANY, %KAFKA_ACL_PERMISSION_TYPE_ANY and %NULL names
 * match anything.
 *
 * |[<!-- language="C" -->
 * g_autoptr(KafkaAclBinding) acl =
 *   kafka_acl_binding_new (KAFKA_RESOURCE_TOPIC, "events", KAFKA_RESOURCE_PATTERN_LITERAL,
 *                          "User:alice", "*", KAFKA_ACL_OPERATION_READ,
 *                          KAFKA_ACL_PERMISSION_TYPE_ALLOW);
 * ]|
 *
 * Creating and listing ACLs needs a broker with an authorizer
 * (`authorizer.class.name`); others answer %KAFKA_ERROR_SECURITY_DISABLED.
 */

struct _KafkaAclBinding
{
  GObject parent_instance;

  KafkaResourceType         resource_type;
  char                     *name;
  KafkaResourcePatternType  pattern_type;
  char                     *principal;
  char                     *host;
  KafkaAclOperation         operation;
  KafkaAclPermissionType    permission_type;
  GError                   *error;
};

enum {
  PROP_0,
  PROP_RESOURCE_TYPE,
  PROP_NAME,
  PROP_PATTERN_TYPE,
  PROP_PRINCIPAL,
  PROP_HOST,
  PROP_OPERATION,
  PROP_PERMISSION_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaAclBinding, kafka_acl_binding, G_TYPE_OBJECT)

G_STATIC_ASSERT ((int) KAFKA_RESOURCE_PATTERN_PREFIXED == (int) RD_KAFKA_RESOURCE_PATTERN_PREFIXED);
G_STATIC_ASSERT ((int) KAFKA_RESOURCE_PATTERN_MATCH == (int) RD_KAFKA_RESOURCE_PATTERN_MATCH);
G_STATIC_ASSERT ((int) KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE == (int) RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE);
G_STATIC_ASSERT ((int) KAFKA_ACL_OPERATION_READ == (int) RD_KAFKA_ACL_OPERATION_READ);
G_STATIC_ASSERT ((int) KAFKA_ACL_PERMISSION_TYPE_ALLOW == (int) RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW);
G_STATIC_ASSERT ((int) KAFKA_ACL_PERMISSION_TYPE_DENY == (int) RD_KAFKA_ACL_PERMISSION_TYPE_DENY);

static void
kafka_acl_binding_finalize (GObject *object)
{
  KafkaAclBinding *self = KAFKA_ACL_BINDING (object);

  g_free (self->name);
  g_free (self->principal);
  g_free (self->host);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_acl_binding_parent_class)->finalize (object);
}

static void
kafka_acl_binding_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KafkaAclBinding *self = KAFKA_ACL_BINDING (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_TYPE:
      g_value_set_enum (value, self->resource_type);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATTERN_TYPE:
      g_value_set_enum (value, self->pattern_type);
      break;
    case PROP_PRINCIPAL:
      g_value_set_string (value, self->principal);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_OPERATION:
      g_value_set_enum (value, self->operation);
      break;
    case PROP_PERMISSION_TYPE:
      g_value_set_enum (value, self->permission_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_acl_binding_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KafkaAclBinding *self = KAFKA_ACL_BINDING (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_TYPE:
      self->resource_type = g_value_get_enum (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_PATTERN_TYPE:
      self->pattern_type = g_value_get_enum (value);
      break;
    case PROP_PRINCIPAL:
      self->principal = g_value_dup_string (value);
      break;
    case PROP_HOST:
      self->host = g_value_dup_string (value);
      break;
    case PROP_OPERATION:
      self->operation = g_value_get_enum (value);
      break;
    case PROP_PERMISSION_TYPE:
      self->permission_type = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_acl_binding_class_init (KafkaAclBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_acl_binding_finalize;
  object_class->get_property = kafka_acl_binding_get_property;
  object_class->set_property = kafka_acl_binding_set_property;

  /**
   * KafkaAclBinding:resource-type:
   *
   * The kind of resource the ACL applies to (%KAFKA_RESOURCE_ANY in a
   * filter matches every kind).
   *
   * Since: 1.0
   */
  properties[PROP_RESOURCE_TYPE] =
    g_param_spec_enum ("resource-type", NULL, NULL, KAFKA_TYPE_RESOURCE_TYPE,
                       KAFKA_RESOURCE_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:name:
   *
   * The resource name, `*`, or a prefix, as #KafkaAclBinding:pattern-type
   * says (%NULL in a filter matches any name).
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:pattern-type:
   *
   * How #KafkaAclBinding:name matches resource names.
   *
   * Since: 1.0
   */
  properties[PROP_PATTERN_TYPE] =
    g_param_spec_enum ("pattern-type", NULL, NULL, KAFKA_TYPE_RESOURCE_PATTERN_TYPE,
                       KAFKA_RESOURCE_PATTERN_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:principal:
   *
   * Who the ACL is about: `User:NAME` (`User:*` for everyone); %NULL in a
   * filter matches anyone.
   *
   * Since: 1.0
   */
  properties[PROP_PRINCIPAL] =
    g_param_spec_string ("principal", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:host:
   *
   * The host the principal connects from, `*` for any; %NULL in a filter
   * matches any.
   *
   * Since: 1.0
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:operation:
   *
   * The operation the ACL allows or denies (%KAFKA_ACL_OPERATION_ANY in a
   * filter matches every operation).
   *
   * Since: 1.0
   */
  properties[PROP_OPERATION] =
    g_param_spec_enum ("operation", NULL, NULL, KAFKA_TYPE_ACL_OPERATION,
                       KAFKA_ACL_OPERATION_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAclBinding:permission-type:
   *
   * Whether the ACL allows or denies #KafkaAclBinding:operation
   * (%KAFKA_ACL_PERMISSION_TYPE_ANY in a filter matches both).
   *
   * Since: 1.0
   */
  properties[PROP_PERMISSION_TYPE] =
    g_param_spec_enum ("permission-type", NULL, NULL, KAFKA_TYPE_ACL_PERMISSION_TYPE,
                       KAFKA_ACL_PERMISSION_TYPE_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_acl_binding_init (KafkaAclBinding *self)
{
  self->resource_type = KAFKA_RESOURCE_ANY;
  self->pattern_type = KAFKA_RESOURCE_PATTERN_ANY;
  self->operation = KAFKA_ACL_OPERATION_ANY;
  self->permission_type = KAFKA_ACL_PERMISSION_TYPE_ANY;
}

/**
 * kafka_acl_binding_new:
 * @resource_type: the kind of resource
 * @name: (nullable): the resource name, `*`, or a prefix (%NULL: any, in a
 *   filter)
 * @pattern_type: how @name matches resource names
 * @principal: (nullable): `User:NAME` (%NULL: anyone, in a filter)
 * @host: (nullable): the host, `*` for any (%NULL: any, in a filter)
 * @operation: the operation
 * @permission_type: allow or deny
 *
 * Describes an ACL binding, or a filter of bindings. The values are checked
 * when a call uses it.
 *
 * Returns: (transfer full): a new #KafkaAclBinding
 *
 * Since: 1.0
 */
KafkaAclBinding *
kafka_acl_binding_new (KafkaResourceType         resource_type,
                       const char               *name,
                       KafkaResourcePatternType  pattern_type,
                       const char               *principal,
                       const char               *host,
                       KafkaAclOperation         operation,
                       KafkaAclPermissionType    permission_type)
{
  return g_object_new (KAFKA_TYPE_ACL_BINDING,
                       "resource-type", resource_type,
                       "name", name,
                       "pattern-type", pattern_type,
                       "principal", principal,
                       "host", host,
                       "operation", operation,
                       "permission-type", permission_type,
                       NULL);
}

KafkaAclBinding *
kafka_acl_binding_new_from_rd (const rd_kafka_AclBinding_t *acl)
{
  KafkaAclBinding *self;
  const rd_kafka_error_t *rderror = rd_kafka_AclBinding_error (acl);

  self = kafka_acl_binding_new ((KafkaResourceType) rd_kafka_AclBinding_restype (acl),
                                rd_kafka_AclBinding_name (acl),
                                (KafkaResourcePatternType) rd_kafka_AclBinding_resource_pattern_type (acl),
                                rd_kafka_AclBinding_principal (acl),
                                rd_kafka_AclBinding_host (acl),
                                (KafkaAclOperation) rd_kafka_AclBinding_operation (acl),
                                (KafkaAclPermissionType) rd_kafka_AclBinding_permission_type (acl));
  if (rderror != NULL)
    self->error = kafka_error_new_rd (rd_kafka_error_code (rderror),
                                      rd_kafka_error_string (rderror),
                                      "ACL on “%s”", self->name ? self->name : "");
  return self;
}

KafkaAclBinding *
kafka_acl_binding_copy_with_error (KafkaAclBinding *self,
                                   GError          *error)
{
  KafkaAclBinding *copy;

  copy = kafka_acl_binding_new (self->resource_type, self->name, self->pattern_type,
                                self->principal, self->host, self->operation,
                                self->permission_type);
  copy->error = error;
  return copy;
}

rd_kafka_AclBinding_t *
kafka_acl_binding_to_rd (KafkaAclBinding  *self,
                         gboolean          filter,
                         GError          **error)
{
  rd_kafka_AclBinding_t *acl;
  char errstr[512] = "";

  if (filter)
    acl = rd_kafka_AclBindingFilter_new ((rd_kafka_ResourceType_t) self->resource_type,
                                         self->name,
                                         (rd_kafka_ResourcePatternType_t) self->pattern_type,
                                         self->principal, self->host,
                                         (rd_kafka_AclOperation_t) self->operation,
                                         (rd_kafka_AclPermissionType_t) self->permission_type,
                                         errstr, sizeof errstr);
  else
    acl = rd_kafka_AclBinding_new ((rd_kafka_ResourceType_t) self->resource_type,
                                   self->name,
                                   (rd_kafka_ResourcePatternType_t) self->pattern_type,
                                   self->principal, self->host,
                                   (rd_kafka_AclOperation_t) self->operation,
                                   (rd_kafka_AclPermissionType_t) self->permission_type,
                                   errstr, sizeof errstr);
  if (acl == NULL)
    {
      g_strchomp (errstr);
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Invalid ACL %s on “%s”: %s", filter ? "filter" : "binding",
                   self->name ? self->name : "(any)", errstr);
    }
  return acl;
}

/**
 * kafka_acl_binding_get_resource_type:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:resource-type.
 *
 * Returns: the kind of resource
 *
 * Since: 1.0
 */
KafkaResourceType
kafka_acl_binding_get_resource_type (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), KAFKA_RESOURCE_UNKNOWN);

  return self->resource_type;
}

/**
 * kafka_acl_binding_get_name:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:name.
 *
 * Returns: (transfer none) (nullable): the resource name or prefix
 *
 * Since: 1.0
 */
const char *
kafka_acl_binding_get_name (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), NULL);

  return self->name;
}

/**
 * kafka_acl_binding_get_pattern_type:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:pattern-type.
 *
 * Returns: how the name matches resources
 *
 * Since: 1.0
 */
KafkaResourcePatternType
kafka_acl_binding_get_pattern_type (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), KAFKA_RESOURCE_PATTERN_UNKNOWN);

  return self->pattern_type;
}

/**
 * kafka_acl_binding_get_principal:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:principal.
 *
 * Returns: (transfer none) (nullable): the principal
 *
 * Since: 1.0
 */
const char *
kafka_acl_binding_get_principal (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), NULL);

  return self->principal;
}

/**
 * kafka_acl_binding_get_host:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:host.
 *
 * Returns: (transfer none) (nullable): the host
 *
 * Since: 1.0
 */
const char *
kafka_acl_binding_get_host (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), NULL);

  return self->host;
}

/**
 * kafka_acl_binding_get_operation:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:operation.
 *
 * Returns: the operation
 *
 * Since: 1.0
 */
KafkaAclOperation
kafka_acl_binding_get_operation (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), KAFKA_ACL_OPERATION_UNKNOWN);

  return self->operation;
}

/**
 * kafka_acl_binding_get_permission_type:
 * @self: a #KafkaAclBinding
 *
 * Gets #KafkaAclBinding:permission-type.
 *
 * Returns: allow or deny
 *
 * Since: 1.0
 */
KafkaAclPermissionType
kafka_acl_binding_get_permission_type (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), KAFKA_ACL_PERMISSION_TYPE_UNKNOWN);

  return self->permission_type;
}

/**
 * kafka_acl_binding_get_error:
 * @self: a #KafkaAclBinding
 *
 * Gets the error of this binding in the result of
 * kafka_admin_client_create_acls() (which returns a copy of each binding
 * it was given, with its error) or of a deleted binding.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL on success
 *
 * Since: 1.0
 */
const GError *
kafka_acl_binding_get_error (KafkaAclBinding *self)
{
  g_return_val_if_fail (KAFKA_IS_ACL_BINDING (self), NULL);

  return self->error;
}
