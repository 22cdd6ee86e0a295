/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-config-resource.h"
#include "kafka-enum-types.h"
#include "kafka-error-private.h"
#include "kafka-error.h"

/**
 * SECTION:kafka-config-resource
 * @Title: KafkaConfigResource
 * @Short_description: the configuration of a topic or a broker
 *
 * A resource of the cluster (a topic, or a broker named by its id) with
 * configuration entries, as confluent-kafka-python's `ConfigResource`: what
 * to ask kafka_admin_client_describe_configs() about (no entries needed),
 * what to give kafka_admin_client_alter_configs() (the entries to set, with
 * kafka_config_resource_set_config()), and what both answer, one resource
 * per resource asked about, each with its entries or its error.
 *
 * |[<!-- language="C" -->
 * g_autoptr(KafkaConfigResource) topic = kafka_config_resource_new (KAFKA_RESOURCE_TOPIC, "events");
 * kafka_config_resource_set_config (topic, "retention.ms", "86400000");
 * ]|
 */

struct _KafkaConfigResource
{
  GObject parent_instance;

  KafkaResourceType  resource_type;
  char              *name;
  GPtrArray         *entries;
  GError            *error;
};

enum {
  PROP_0,
  PROP_RESOURCE_TYPE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaConfigResource, kafka_config_resource, G_TYPE_OBJECT)

G_STATIC_ASSERT ((int) KAFKA_RESOURCE_BROKER == (int) RD_KAFKA_RESOURCE_BROKER);
G_STATIC_ASSERT ((int) KAFKA_RESOURCE_TOPIC == (int) RD_KAFKA_RESOURCE_TOPIC);
G_STATIC_ASSERT ((int) KAFKA_RESOURCE_GROUP == (int) RD_KAFKA_RESOURCE_GROUP);
G_STATIC_ASSERT ((int) KAFKA_RESOURCE_ANY == (int) RD_KAFKA_RESOURCE_ANY);

static void
kafka_config_resource_finalize (GObject *object)
{
  KafkaConfigResource *self = KAFKA_CONFIG_RESOURCE (object);

  g_free (self->name);
  g_ptr_array_unref (self->entries);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_config_resource_parent_class)->finalize (object);
}

static void
kafka_config_resource_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KafkaConfigResource *self = KAFKA_CONFIG_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_TYPE:
      g_value_set_enum (value, self->resource_type);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_config_resource_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KafkaConfigResource *self = KAFKA_CONFIG_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_RESOURCE_TYPE:
      self->resource_type = g_value_get_enum (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_config_resource_class_init (KafkaConfigResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_config_resource_finalize;
  object_class->get_property = kafka_config_resource_get_property;
  object_class->set_property = kafka_config_resource_set_property;

  /**
   * KafkaConfigResource:resource-type:
   *
   * The kind of resource: %KAFKA_RESOURCE_TOPIC or %KAFKA_RESOURCE_BROKER
   * (Kafka keeps no configuration for the others).
   *
   * Since: 1.0
   */
  properties[PROP_RESOURCE_TYPE] =
    g_param_spec_enum ("resource-type", NULL, NULL, KAFKA_TYPE_RESOURCE_TYPE,
                       KAFKA_RESOURCE_TOPIC,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigResource:name:
   *
   * The topic's name, or the broker's id as a string (`"1"`).
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_config_resource_init (KafkaConfigResource *self)
{
  self->resource_type = KAFKA_RESOURCE_TOPIC;
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * kafka_config_resource_new:
 * @resource_type: %KAFKA_RESOURCE_TOPIC or %KAFKA_RESOURCE_BROKER
 * @name: the topic's name, or the broker's id as a string
 *
 * Names a resource whose configuration to describe or alter.
 *
 * Returns: (transfer full): a new #KafkaConfigResource, with no entries
 *
 * Since: 1.0
 */
KafkaConfigResource *
kafka_config_resource_new (KafkaResourceType  resource_type,
                           const char        *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (KAFKA_TYPE_CONFIG_RESOURCE,
                       "resource-type", resource_type,
                       "name", name,
                       NULL);
}

KafkaConfigResource *
kafka_config_resource_new_from_rd (const rd_kafka_ConfigResource_t *resource,
                                   const char                      *what)
{
  KafkaConfigResource *self;
  const rd_kafka_ConfigEntry_t **entries;
  rd_kafka_resp_err_t err;
  size_t n_entries = 0;

  self = kafka_config_resource_new ((KafkaResourceType) rd_kafka_ConfigResource_type (resource),
                                    rd_kafka_ConfigResource_name (resource));
  err = rd_kafka_ConfigResource_error (resource);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    self->error = kafka_error_new_rd (err, rd_kafka_ConfigResource_error_string (resource),
                                      "Could not %s the configuration of %s “%s”", what,
                                      rd_kafka_ResourceType_name (rd_kafka_ConfigResource_type (resource)),
                                      rd_kafka_ConfigResource_name (resource));

  entries = rd_kafka_ConfigResource_configs (resource, &n_entries);
  for (size_t i = 0; entries != NULL && i < n_entries; i++)
    g_ptr_array_add (self->entries, kafka_config_entry_new_from_rd (entries[i]));

  return self;
}

/**
 * kafka_config_resource_get_resource_type:
 * @self: a #KafkaConfigResource
 *
 * Gets #KafkaConfigResource:resource-type.
 *
 * Returns: the kind of resource
 *
 * Since: 1.0
 */
KafkaResourceType
kafka_config_resource_get_resource_type (KafkaConfigResource *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_RESOURCE (self), KAFKA_RESOURCE_UNKNOWN);

  return self->resource_type;
}

/**
 * kafka_config_resource_get_name:
 * @self: a #KafkaConfigResource
 *
 * Gets #KafkaConfigResource:name.
 *
 * Returns: (transfer none): the topic's name or the broker's id
 *
 * Since: 1.0
 */
const char *
kafka_config_resource_get_name (KafkaConfigResource *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_RESOURCE (self), NULL);

  return self->name;
}

/**
 * kafka_config_resource_set_config:
 * @self: a #KafkaConfigResource
 * @name: a configuration property
 * @value: (nullable): its value, or %NULL for its default
 *
 * Sets an entry for kafka_admin_client_alter_configs() (replacing an entry
 * of the same name).
 *
 * Since: 1.0
 */
void
kafka_config_resource_set_config (KafkaConfigResource *self,
                                  const char          *name,
                                  const char          *value)
{
  g_return_if_fail (KAFKA_IS_CONFIG_RESOURCE (self));
  g_return_if_fail (name != NULL);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (kafka_config_entry_get_name (g_ptr_array_index (self->entries, i)), name) == 0)
      {
        g_ptr_array_remove_index (self->entries, i);
        break;
      }
  g_ptr_array_add (self->entries, kafka_config_entry_new (name, value));
}

/**
 * kafka_config_resource_get_entries:
 * @self: a #KafkaConfigResource
 *
 * Gets the entries: the ones set with kafka_config_resource_set_config(),
 * or, in a result of kafka_admin_client_describe_configs(), every property
 * of the resource (defaults included).
 *
 * Returns: (transfer none) (element-type KafkaConfigEntry): the entries
 *
 * Since: 1.0
 */
GPtrArray *
kafka_config_resource_get_entries (KafkaConfigResource *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_RESOURCE (self), NULL);

  return self->entries;
}

/**
 * kafka_config_resource_get_entry:
 * @self: a #KafkaConfigResource
 * @name: a configuration property
 *
 * Looks up an entry by name.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL if there is none
 *   of that name
 *
 * Since: 1.0
 */
KafkaConfigEntry *
kafka_config_resource_get_entry (KafkaConfigResource *self,
                                 const char          *name)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_RESOURCE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      KafkaConfigEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (kafka_config_entry_get_name (entry), name) == 0)
        return entry;
    }
  return NULL;
}

/**
 * kafka_config_resource_get_error:
 * @self: a #KafkaConfigResource
 *
 * Gets the error of this resource in a result of
 * kafka_admin_client_describe_configs() or
 * kafka_admin_client_alter_configs(): %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART
 * for a topic that does not exist, %KAFKA_ERROR_INVALID_CONFIG for a value
 * the broker refused…
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_config_resource_get_error (KafkaConfigResource *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_RESOURCE (self), NULL);

  return self->error;
}

rd_kafka_ConfigResource_t *
kafka_config_resource_to_rd (KafkaConfigResource  *self,
                             gboolean              with_entries,
                             GError              **error)
{
  rd_kafka_ConfigResource_t *resource;

  if (self->name == NULL)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "Invalid configuration resource: it has no name");
      return NULL;
    }

  resource = rd_kafka_ConfigResource_new ((rd_kafka_ResourceType_t) self->resource_type,
                                          self->name);
  if (resource == NULL)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Invalid configuration resource “%s”", self->name);
      return NULL;
    }

  for (guint i = 0; with_entries && i < self->entries->len; i++)
    {
      KafkaConfigEntry *entry = g_ptr_array_index (self->entries, i);

      if (rd_kafka_ConfigResource_set_config (resource, kafka_config_entry_get_name (entry),
                                              kafka_config_entry_get_value (entry)) != 0)
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Invalid configuration entry “%s” of “%s”",
                       kafka_config_entry_get_name (entry), self->name);
          rd_kafka_ConfigResource_destroy (resource);
          return NULL;
        }
    }
  return resource;
}
