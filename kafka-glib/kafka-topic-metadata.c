/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-error-private.h"
#include "kafka-metadata-private.h"
#include "kafka-topic-metadata.h"

/**
 * SECTION:kafka-topic-metadata
 * @Title: KafkaTopicMetadata
 * @Short_description: a topic, as the cluster describes it
 *
 * A topic's name, its partitions and the error the broker reported for it
 * (%KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART for a topic that does not exist, say).
 * Read-only.
 *
 * It is also a #GListModel of its partitions (#KafkaPartitionMetadata, in
 * the order of kafka_topic_metadata_get_partitions()), for a sidebar: see
 * #KafkaClusterMetadata.
 */

struct _KafkaTopicMetadata
{
  GObject parent_instance;

  char      *name;
  GPtrArray *partitions;  /* of KafkaPartitionMetadata */
  GError    *error;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_ITEMS,
  PROP_ITEM_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kafka_topic_metadata_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaTopicMetadata, kafka_topic_metadata, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kafka_topic_metadata_model_iface_init))

static GType
kafka_topic_metadata_get_item_type (GListModel *model)
{
  return KAFKA_TYPE_PARTITION_METADATA;
}

static guint
kafka_topic_metadata_get_n_items (GListModel *model)
{
  return KAFKA_TOPIC_METADATA (model)->partitions->len;
}

static gpointer
kafka_topic_metadata_get_item (GListModel *model,
                               guint       position)
{
  KafkaTopicMetadata *self = KAFKA_TOPIC_METADATA (model);

  if (position >= self->partitions->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->partitions, position));
}

static void
kafka_topic_metadata_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kafka_topic_metadata_get_item_type;
  iface->get_n_items = kafka_topic_metadata_get_n_items;
  iface->get_item = kafka_topic_metadata_get_item;
}

static void
kafka_topic_metadata_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KafkaTopicMetadata *self = KAFKA_TOPIC_METADATA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->partitions->len);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, KAFKA_TYPE_PARTITION_METADATA);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_topic_metadata_finalize (GObject *object)
{
  KafkaTopicMetadata *self = KAFKA_TOPIC_METADATA (object);

  g_free (self->name);
  g_ptr_array_unref (self->partitions);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_topic_metadata_parent_class)->finalize (object);
}

static void
kafka_topic_metadata_class_init (KafkaTopicMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kafka_topic_metadata_finalize;
  object_class->get_property = kafka_topic_metadata_get_property;

  /**
   * KafkaTopicMetadata:name:
   *
   * The topic's name.
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * KafkaTopicMetadata:n-items:
   *
   * The number of partitions, as g_list_model_get_n_items() returns it.
   *
   * Since: 1.0
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * KafkaTopicMetadata:item-type:
   *
   * The type of the items, #KAFKA_TYPE_PARTITION_METADATA.
   *
   * Since: 1.0
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_topic_metadata_init (KafkaTopicMetadata *self)
{
}

KafkaTopicMetadata *
kafka_topic_metadata_new_from_rd (const rd_kafka_metadata_topic_t *md)
{
  KafkaTopicMetadata *self = g_object_new (KAFKA_TYPE_TOPIC_METADATA, NULL);

  self->name = g_strdup (md->topic);
  self->partitions = g_ptr_array_new_full (md->partition_cnt, g_object_unref);
  for (int i = 0; i < md->partition_cnt; i++)
    g_ptr_array_add (self->partitions,
                     kafka_partition_metadata_new_from_rd (&md->partitions[i]));
  if (md->err != RD_KAFKA_RESP_ERR_NO_ERROR)
    self->error = kafka_error_new_rd (md->err, NULL, "Topic “%s”", md->topic);
  return self;
}

/**
 * kafka_topic_metadata_get_name:
 * @self: a #KafkaTopicMetadata
 *
 * Gets the topic's name.
 *
 * Returns: (transfer none): the name
 *
 * Since: 1.0
 */
const char *
kafka_topic_metadata_get_name (KafkaTopicMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_METADATA (self), NULL);

  return self->name;
}

/**
 * kafka_topic_metadata_get_partitions:
 * @self: a #KafkaTopicMetadata
 *
 * Gets the topic's partitions, in the order the broker listed them.
 *
 * Returns: (transfer none) (element-type KafkaPartitionMetadata): the partitions
 *
 * Since: 1.0
 */
GPtrArray *
kafka_topic_metadata_get_partitions (KafkaTopicMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_METADATA (self), NULL);

  return self->partitions;
}

/**
 * kafka_topic_metadata_get_partition:
 * @self: a #KafkaTopicMetadata
 * @id: a partition number
 *
 * Looks up the partition numbered @id.
 *
 * Returns: (transfer none) (nullable): the partition, or %NULL if the topic
 *   has no such partition
 *
 * Since: 1.0
 */
KafkaPartitionMetadata *
kafka_topic_metadata_get_partition (KafkaTopicMetadata *self,
                                    gint32              id)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_METADATA (self), NULL);

  for (guint i = 0; i < self->partitions->len; i++)
    {
      KafkaPartitionMetadata *p = g_ptr_array_index (self->partitions, i);

      if (kafka_partition_metadata_get_id (p) == id)
        return p;
    }
  return NULL;
}

/**
 * kafka_topic_metadata_get_error:
 * @self: a #KafkaTopicMetadata
 *
 * Gets the error the broker reported for the topic.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_topic_metadata_get_error (KafkaTopicMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_METADATA (self), NULL);

  return self->error;
}
