/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-error.h"
#include "kafka-new-partitions.h"

/**
 * SECTION:kafka-new-partitions
 * @Title: KafkaNewPartitions
 * @Short_description: more partitions for a topic
 *
 * What kafka_admin_client_create_partitions() asks for: a topic and the
 * number of partitions it should have in all (Kafka never removes
 * partitions), and optionally, for each new partition, the brokers that
 * hold its replicas, as confluent-kafka-python's `NewPartitions`.
 */

struct _KafkaNewPartitions
{
  GObject parent_instance;

  char      *topic;
  int        total_count;
  GPtrArray *assignment;  /* of GArray of gint32, by new partition index */
};

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_TOTAL_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaNewPartitions, kafka_new_partitions, G_TYPE_OBJECT)

static void
kafka_new_partitions_finalize (GObject *object)
{
  KafkaNewPartitions *self = KAFKA_NEW_PARTITIONS (object);

  g_free (self->topic);
  g_clear_pointer (&self->assignment, g_ptr_array_unref);

  G_OBJECT_CLASS (kafka_new_partitions_parent_class)->finalize (object);
}

static void
kafka_new_partitions_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KafkaNewPartitions *self = KAFKA_NEW_PARTITIONS (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_TOTAL_COUNT:
      g_value_set_int (value, self->total_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_new_partitions_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KafkaNewPartitions *self = KAFKA_NEW_PARTITIONS (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      self->topic = g_value_dup_string (value);
      break;
    case PROP_TOTAL_COUNT:
      self->total_count = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_new_partitions_class_init (KafkaNewPartitionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_new_partitions_finalize;
  object_class->get_property = kafka_new_partitions_get_property;
  object_class->set_property = kafka_new_partitions_set_property;

  /**
   * KafkaNewPartitions:topic:
   *
   * The topic to add partitions to.
   *
   * Since: 1.0
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaNewPartitions:total-count:
   *
   * How many partitions the topic should have in all, the ones it has
   * included.
   *
   * Since: 1.0
   */
  properties[PROP_TOTAL_COUNT] =
    g_param_spec_int ("total-count", NULL, NULL, 1, G_MAXINT32, 1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_new_partitions_init (KafkaNewPartitions *self)
{
  self->total_count = 1;
}

/**
 * kafka_new_partitions_new:
 * @topic: an existing topic
 * @total_count: how many partitions it should have in all
 *
 * Describes partitions to add to @topic.
 *
 * Returns: (transfer full): a new #KafkaNewPartitions
 *
 * Since: 1.0
 */
KafkaNewPartitions *
kafka_new_partitions_new (const char *topic,
                          int         total_count)
{
  g_return_val_if_fail (topic != NULL, NULL);
  g_return_val_if_fail (total_count >= 1, NULL);

  return g_object_new (KAFKA_TYPE_NEW_PARTITIONS,
                       "topic", topic,
                       "total-count", total_count,
                       NULL);
}

/**
 * kafka_new_partitions_get_topic:
 * @self: a #KafkaNewPartitions
 *
 * Gets the topic.
 *
 * Returns: (transfer none): the topic
 *
 * Since: 1.0
 */
const char *
kafka_new_partitions_get_topic (KafkaNewPartitions *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_PARTITIONS (self), NULL);

  return self->topic;
}

/**
 * kafka_new_partitions_get_total_count:
 * @self: a #KafkaNewPartitions
 *
 * Gets how many partitions the topic should have.
 *
 * Returns: the total number of partitions
 *
 * Since: 1.0
 */
int
kafka_new_partitions_get_total_count (KafkaNewPartitions *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_PARTITIONS (self), 0);

  return self->total_count;
}

/**
 * kafka_new_partitions_set_replica_assignment:
 * @self: a #KafkaNewPartitions
 * @new_partition_index: the index of a new partition: 0 for the first one
 *   added (not its partition number)
 * @broker_ids: (array length=n_broker_ids): the ids of the brokers that hold
 *   the partition's replicas, as many as the topic's replication factor
 * @n_broker_ids: the number of broker ids
 *
 * Says which brokers hold the replicas of a new partition. Either every new
 * partition has an assignment, or none.
 *
 * Since: 1.0
 */
void
kafka_new_partitions_set_replica_assignment (KafkaNewPartitions *self,
                                             gint32              new_partition_index,
                                             const gint32       *broker_ids,
                                             gsize               n_broker_ids)
{
  g_return_if_fail (KAFKA_IS_NEW_PARTITIONS (self));
  g_return_if_fail (new_partition_index >= 0 && new_partition_index < 1000000);
  g_return_if_fail (broker_ids != NULL || n_broker_ids == 0);

  kafka_replica_assignment_set (&self->assignment, new_partition_index, broker_ids, n_broker_ids);
}

/**
 * kafka_new_partitions_get_replica_assignment:
 * @self: a #KafkaNewPartitions
 * @new_partition_index: the index of a new partition
 * @n_broker_ids: (out) (optional): the number of broker ids
 *
 * Gets what kafka_new_partitions_set_replica_assignment() set.
 *
 * Returns: (transfer none) (array length=n_broker_ids) (nullable): the
 *   broker ids, or %NULL if none were set
 *
 * Since: 1.0
 */
const gint32 *
kafka_new_partitions_get_replica_assignment (KafkaNewPartitions *self,
                                             gint32              new_partition_index,
                                             gsize              *n_broker_ids)
{
  g_return_val_if_fail (KAFKA_IS_NEW_PARTITIONS (self), NULL);

  return kafka_replica_assignment_get (self->assignment, new_partition_index, n_broker_ids);
}

rd_kafka_NewPartitions_t *
kafka_new_partitions_to_rd (KafkaNewPartitions  *self,
                            GError             **error)
{
  rd_kafka_NewPartitions_t *np;
  char errstr[512] = "";

  np = rd_kafka_NewPartitions_new (self->topic ? self->topic : "", self->total_count,
                                   errstr, sizeof errstr);
  if (np == NULL)
    goto fail;

  for (guint i = 0; self->assignment != NULL && i < self->assignment->len; i++)
    {
      GArray *ids = g_ptr_array_index (self->assignment, i);

      if (ids == NULL)
        {
          g_snprintf (errstr, sizeof errstr,
                      "no replica assignment for new partition %u, but one for new partition %u",
                      i, self->assignment->len - 1);
          goto fail;
        }
      if (rd_kafka_NewPartitions_set_replica_assignment (np, (int32_t) i, (int32_t *) ids->data,
                                                         ids->len, errstr, sizeof errstr) != 0)
        goto fail;
    }
  return np;

fail:
  g_strchomp (errstr);
  g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
               "Invalid new partitions for “%s”: %s", self->topic ? self->topic : "", errstr);
  if (np != NULL)
    rd_kafka_NewPartitions_destroy (np);
  return NULL;
}
