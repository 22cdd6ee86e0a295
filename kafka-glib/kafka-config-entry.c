/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-config-entry.h"
#include "kafka-enum-types.h"

/**
 * SECTION:kafka-config-entry
 * @Title: KafkaConfigEntry
 * @Short_description: a configuration property of a topic or broker
 *
 * One configuration property of a #KafkaConfigResource: its name and value
 * and, as kafka_admin_client_describe_configs() reports it, where the value
 * comes from and what may be done with it, as confluent-kafka-python's
 * `ConfigEntry`. Read-only.
 *
 * The value of a sensitive property (a password) is never sent by the
 * broker: it reads %NULL.
 */

struct _KafkaConfigEntry
{
  GObject parent_instance;

  char              *name;
  char              *value;
  KafkaConfigSource  source;
  gboolean           is_read_only;
  gboolean           is_default;
  gboolean           is_sensitive;
  gboolean           is_synonym;
  GPtrArray         *synonyms;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  PROP_SOURCE,
  PROP_IS_READ_ONLY,
  PROP_IS_DEFAULT,
  PROP_IS_SENSITIVE,
  PROP_IS_SYNONYM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaConfigEntry, kafka_config_entry, G_TYPE_OBJECT)

G_STATIC_ASSERT ((int) KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG == (int) RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG);
G_STATIC_ASSERT ((int) KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG == (int) RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG);

static void
kafka_config_entry_finalize (GObject *object)
{
  KafkaConfigEntry *self = KAFKA_CONFIG_ENTRY (object);

  g_free (self->name);
  g_free (self->value);
  g_ptr_array_unref (self->synonyms);

  G_OBJECT_CLASS (kafka_config_entry_parent_class)->finalize (object);
}

static void
kafka_config_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KafkaConfigEntry *self = KAFKA_CONFIG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_IS_READ_ONLY:
      g_value_set_boolean (value, self->is_read_only);
      break;
    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;
    case PROP_IS_SENSITIVE:
      g_value_set_boolean (value, self->is_sensitive);
      break;
    case PROP_IS_SYNONYM:
      g_value_set_boolean (value, self->is_synonym);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_config_entry_class_init (KafkaConfigEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_config_entry_finalize;
  object_class->get_property = kafka_config_entry_get_property;

  /**
   * KafkaConfigEntry:name:
   *
   * The property's name (`retention.ms`, `log.retention.hours`…).
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:value:
   *
   * The property's value; %NULL for a sensitive property, or one set back
   * to its default.
   *
   * Since: 1.0
   */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:source:
   *
   * Where the value comes from.
   *
   * Since: 1.0
   */
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, KAFKA_TYPE_CONFIG_SOURCE,
                       KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:is-read-only:
   *
   * Whether kafka_admin_client_alter_configs() cannot change the property.
   *
   * Since: 1.0
   */
  properties[PROP_IS_READ_ONLY] =
    g_param_spec_boolean ("is-read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:is-default:
   *
   * Whether the value is Kafka's default.
   *
   * Since: 1.0
   */
  properties[PROP_IS_DEFAULT] =
    g_param_spec_boolean ("is-default", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:is-sensitive:
   *
   * Whether the value is a secret, which the broker does not send.
   *
   * Since: 1.0
   */
  properties[PROP_IS_SENSITIVE] =
    g_param_spec_boolean ("is-sensitive", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConfigEntry:is-synonym:
   *
   * Whether this entry is one of the synonyms of another (see
   * kafka_config_entry_get_synonyms()).
   *
   * Since: 1.0
   */
  properties[PROP_IS_SYNONYM] =
    g_param_spec_boolean ("is-synonym", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_config_entry_init (KafkaConfigEntry *self)
{
  self->synonyms = g_ptr_array_new_with_free_func (g_object_unref);
}

KafkaConfigEntry *
kafka_config_entry_new (const char *name,
                        const char *value)
{
  KafkaConfigEntry *self = g_object_new (KAFKA_TYPE_CONFIG_ENTRY, NULL);

  self->name = g_strdup (name);
  self->value = g_strdup (value);
  return self;
}

KafkaConfigEntry *
kafka_config_entry_new_from_rd (const rd_kafka_ConfigEntry_t *entry)
{
  KafkaConfigEntry *self;
  const rd_kafka_ConfigEntry_t **synonyms;
  size_t n_synonyms = 0;

  self = kafka_config_entry_new (rd_kafka_ConfigEntry_name (entry),
                                 rd_kafka_ConfigEntry_value (entry));
  self->source = (KafkaConfigSource) rd_kafka_ConfigEntry_source (entry);
  /* -1 outside of a DescribeConfigs result */
  self->is_read_only = rd_kafka_ConfigEntry_is_read_only (entry) == 1;
  self->is_default = rd_kafka_ConfigEntry_is_default (entry) == 1;
  self->is_sensitive = rd_kafka_ConfigEntry_is_sensitive (entry) == 1;
  self->is_synonym = rd_kafka_ConfigEntry_is_synonym (entry) == 1;

  synonyms = rd_kafka_ConfigEntry_synonyms (entry, &n_synonyms);
  for (size_t i = 0; synonyms != NULL && i < n_synonyms; i++)
    g_ptr_array_add (self->synonyms, kafka_config_entry_new_from_rd (synonyms[i]));

  return self;
}

/**
 * kafka_config_entry_get_name:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:name.
 *
 * Returns: (transfer none): the property's name
 *
 * Since: 1.0
 */
const char *
kafka_config_entry_get_name (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), NULL);

  return self->name;
}

/**
 * kafka_config_entry_get_value:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:value.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if sensitive or
 *   unset
 *
 * Since: 1.0
 */
const char *
kafka_config_entry_get_value (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), NULL);

  return self->value;
}

/**
 * kafka_config_entry_get_source:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:source.
 *
 * Returns: where the value comes from
 *
 * Since: 1.0
 */
KafkaConfigSource
kafka_config_entry_get_source (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG);

  return self->source;
}

/**
 * kafka_config_entry_get_is_read_only:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:is-read-only.
 *
 * Returns: whether the property cannot be altered
 *
 * Since: 1.0
 */
gboolean
kafka_config_entry_get_is_read_only (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), FALSE);

  return self->is_read_only;
}

/**
 * kafka_config_entry_get_is_default:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:is-default.
 *
 * Returns: whether the value is Kafka's default
 *
 * Since: 1.0
 */
gboolean
kafka_config_entry_get_is_default (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), FALSE);

  return self->is_default;
}

/**
 * kafka_config_entry_get_is_sensitive:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:is-sensitive.
 *
 * Returns: whether the value is a secret
 *
 * Since: 1.0
 */
gboolean
kafka_config_entry_get_is_sensitive (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), FALSE);

  return self->is_sensitive;
}

/**
 * kafka_config_entry_get_is_synonym:
 * @self: a #KafkaConfigEntry
 *
 * Gets #KafkaConfigEntry:is-synonym.
 *
 * Returns: whether the entry is a synonym of another
 *
 * Since: 1.0
 */
gboolean
kafka_config_entry_get_is_synonym (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), FALSE);

  return self->is_synonym;
}

/**
 * kafka_config_entry_get_synonyms:
 * @self: a #KafkaConfigEntry
 *
 * Gets the synonyms of the property that the broker reported: the
 * properties that set the same thing, in the order the broker applies them
 * (`log.retention.ms` before `log.retention.hours`, say).
 *
 * Returns: (transfer none) (element-type KafkaConfigEntry): the synonyms
 *   (maybe none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_config_entry_get_synonyms (KafkaConfigEntry *self)
{
  g_return_val_if_fail (KAFKA_IS_CONFIG_ENTRY (self), NULL);

  return self->synonyms;
}
