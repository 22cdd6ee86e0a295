/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-error-private.h"
#include "kafka-metadata-private.h"
#include "kafka-partition-metadata.h"

/**
 * SECTION:kafka-partition-metadata
 * @Title: KafkaPartitionMetadata
 * @Short_description: a partition of a topic, as the cluster describes it
 *
 * A partition's id, its leader, its replicas and in-sync replicas (broker ids),
 * and the error the broker reported for it, if any. Read-only.
 */

struct _KafkaPartitionMetadata
{
  GObject parent_instance;

  gint32  id;
  gint32  leader;
  GArray *replicas;  /* of gint32 */
  GArray *isrs;      /* of gint32 */
  GError *error;
};

G_DEFINE_FINAL_TYPE (KafkaPartitionMetadata, kafka_partition_metadata, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kafka_partition_metadata_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KafkaPartitionMetadata *self = KAFKA_PARTITION_METADATA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int (value, self->id);
      break;
    case PROP_LEADER:
      g_value_set_int (value, self->leader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_partition_metadata_finalize (GObject *object)
{
  KafkaPartitionMetadata *self = KAFKA_PARTITION_METADATA (object);

  g_array_unref (self->replicas);
  g_array_unref (self->isrs);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_partition_metadata_parent_class)->finalize (object);
}

static void
kafka_partition_metadata_class_init (KafkaPartitionMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kafka_partition_metadata_finalize;
  object_class->get_property = kafka_partition_metadata_get_property;

  /**
   * KafkaPartitionMetadata:id:
   *
   * The partition's number.
   *
   * Since: 1.0
   */
  properties[PROP_ID] =
    g_param_spec_int ("id", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);

  /**
   * KafkaPartitionMetadata:leader:
   *
   * The id of the broker that leads the partition, -1 if none does.
   *
   * Since: 1.0
   */
  properties[PROP_LEADER] =
    g_param_spec_int ("leader", NULL, NULL, G_MININT32, G_MAXINT32, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_partition_metadata_init (KafkaPartitionMetadata *self)
{
}

KafkaPartitionMetadata *
kafka_partition_metadata_new_from_rd (const rd_kafka_metadata_partition_t *md)
{
  KafkaPartitionMetadata *self = g_object_new (KAFKA_TYPE_PARTITION_METADATA, NULL);

  self->id = md->id;
  self->leader = md->leader;
  self->replicas = g_array_sized_new (FALSE, FALSE, sizeof (gint32), md->replica_cnt);
  g_array_append_vals (self->replicas, md->replicas, md->replica_cnt);
  self->isrs = g_array_sized_new (FALSE, FALSE, sizeof (gint32), md->isr_cnt);
  g_array_append_vals (self->isrs, md->isrs, md->isr_cnt);
  if (md->err != RD_KAFKA_RESP_ERR_NO_ERROR)
    self->error = kafka_error_new_rd (md->err, NULL, "Partition %d", (int) md->id);
  return self;
}

/**
 * kafka_partition_metadata_get_id:
 * @self: a #KafkaPartitionMetadata
 *
 * Gets the partition number.
 *
 * Returns: the partition number
 *
 * Since: 1.0
 */
gint32
kafka_partition_metadata_get_id (KafkaPartitionMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_METADATA (self), -1);

  return self->id;
}

/**
 * kafka_partition_metadata_get_leader:
 * @self: a #KafkaPartitionMetadata
 *
 * Gets the id of the broker that leads the partition.
 *
 * Returns: the leader's broker id, or -1 if the partition has no leader
 *
 * Since: 1.0
 */
gint32
kafka_partition_metadata_get_leader (KafkaPartitionMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_METADATA (self), -1);

  return self->leader;
}

/**
 * kafka_partition_metadata_get_replicas:
 * @self: a #KafkaPartitionMetadata
 * @n_replicas: (out): the number of replicas
 *
 * Gets the ids of the brokers that hold a replica of the partition.
 *
 * Returns: (transfer none) (array length=n_replicas): the replicas' broker ids
 *
 * Since: 1.0
 */
const gint32 *
kafka_partition_metadata_get_replicas (KafkaPartitionMetadata *self,
                                       guint                  *n_replicas)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_METADATA (self), NULL);
  g_return_val_if_fail (n_replicas != NULL, NULL);

  *n_replicas = self->replicas->len;
  return (const gint32 *) (gpointer) self->replicas->data;
}

/**
 * kafka_partition_metadata_get_isrs:
 * @self: a #KafkaPartitionMetadata
 * @n_isrs: (out): the number of in-sync replicas
 *
 * Gets the ids of the brokers whose replica is in sync with the leader.
 *
 * Returns: (transfer none) (array length=n_isrs): the in-sync replicas' broker ids
 *
 * Since: 1.0
 */
const gint32 *
kafka_partition_metadata_get_isrs (KafkaPartitionMetadata *self,
                                   guint                  *n_isrs)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_METADATA (self), NULL);
  g_return_val_if_fail (n_isrs != NULL, NULL);

  *n_isrs = self->isrs->len;
  return (const gint32 *) (gpointer) self->isrs->data;
}

/**
 * kafka_partition_metadata_get_error:
 * @self: a #KafkaPartitionMetadata
 *
 * Gets the error the broker reported for the partition (no leader, say).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_partition_metadata_get_error (KafkaPartitionMetadata *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_METADATA (self), NULL);

  return self->error;
}
