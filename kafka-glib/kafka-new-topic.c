/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-error.h"
#include "kafka-new-topic.h"

/**
 * SECTION:kafka-new-topic
 * @Title: KafkaNewTopic
 * @Short_description: a topic to create
 *
 * What kafka_admin_client_create_topics() creates: a topic name, a number of
 * partitions, and either a replication factor or, partition by partition,
 * the brokers that hold the replicas; plus topic configuration properties
 * (`retention.ms`, `cleanup.policy`…, see Kafka's topic configuration
 * reference), as confluent-kafka-python's `NewTopic`.
 *
 * |[<!-- language="C" -->
 * g_autoptr(KafkaNewTopic) topic = kafka_new_topic_new ("events", 6, 3);
 * kafka_new_topic_set_config (topic, "min.insync.replicas", "2");
 * ]|
 *
 * The broker checks what it is given; librdkafka checks the shape first
 * (a replica assignment needs a replication factor of -1, and one for each
 * partition from 0 on), when the request is made.
 */

struct _KafkaNewTopic
{
  GObject parent_instance;

  char       *name;
  int         num_partitions;
  int         replication_factor;
  GPtrArray  *assignment;  /* of GArray of gint32, indexed by partition; NULL holes */
  GHashTable *config;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_NUM_PARTITIONS,
  PROP_REPLICATION_FACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaNewTopic, kafka_new_topic, G_TYPE_OBJECT)

static void
kafka_new_topic_finalize (GObject *object)
{
  KafkaNewTopic *self = KAFKA_NEW_TOPIC (object);

  g_free (self->name);
  g_clear_pointer (&self->assignment, g_ptr_array_unref);
  g_hash_table_unref (self->config);

  G_OBJECT_CLASS (kafka_new_topic_parent_class)->finalize (object);
}

static void
kafka_new_topic_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KafkaNewTopic *self = KAFKA_NEW_TOPIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NUM_PARTITIONS:
      g_value_set_int (value, self->num_partitions);
      break;
    case PROP_REPLICATION_FACTOR:
      g_value_set_int (value, self->replication_factor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_new_topic_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KafkaNewTopic *self = KAFKA_NEW_TOPIC (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_NUM_PARTITIONS:
      self->num_partitions = g_value_get_int (value);
      break;
    case PROP_REPLICATION_FACTOR:
      self->replication_factor = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_new_topic_class_init (KafkaNewTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_new_topic_finalize;
  object_class->get_property = kafka_new_topic_get_property;
  object_class->set_property = kafka_new_topic_set_property;

  /**
   * KafkaNewTopic:name:
   *
   * The name of the topic to create.
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaNewTopic:num-partitions:
   *
   * The number of partitions, or -1 for the broker's `num.partitions`.
   *
   * Since: 1.0
   */
  properties[PROP_NUM_PARTITIONS] =
    g_param_spec_int ("num-partitions", NULL, NULL, -1, G_MAXINT32, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaNewTopic:replication-factor:
   *
   * The number of replicas of each partition, or -1 for the broker's
   * `default.replication.factor` (or when a replica assignment says where
   * each replica goes).
   *
   * Since: 1.0
   */
  properties[PROP_REPLICATION_FACTOR] =
    g_param_spec_int ("replication-factor", NULL, NULL, -1, G_MAXINT16, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_new_topic_init (KafkaNewTopic *self)
{
  self->num_partitions = -1;
  self->replication_factor = -1;
  self->config = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * kafka_new_topic_new:
 * @name: the topic's name
 * @num_partitions: the number of partitions, or -1 for the broker's default
 * @replication_factor: the number of replicas of each partition, or -1 for
 *   the broker's default (and with kafka_new_topic_set_replica_assignment())
 *
 * Describes a topic to create.
 *
 * Returns: (transfer full): a new #KafkaNewTopic
 *
 * Since: 1.0
 */
KafkaNewTopic *
kafka_new_topic_new (const char *name,
                     int         num_partitions,
                     int         replication_factor)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (num_partitions >= -1, NULL);
  g_return_val_if_fail (replication_factor >= -1 && replication_factor <= G_MAXINT16, NULL);

  return g_object_new (KAFKA_TYPE_NEW_TOPIC,
                       "name", name,
                       "num-partitions", num_partitions,
                       "replication-factor", replication_factor,
                       NULL);
}

/**
 * kafka_new_topic_get_name:
 * @self: a #KafkaNewTopic
 *
 * Gets the name of the topic.
 *
 * Returns: (transfer none): the name
 *
 * Since: 1.0
 */
const char *
kafka_new_topic_get_name (KafkaNewTopic *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_TOPIC (self), NULL);

  return self->name;
}

/**
 * kafka_new_topic_get_num_partitions:
 * @self: a #KafkaNewTopic
 *
 * Gets the number of partitions.
 *
 * Returns: the number of partitions, or -1 for the broker's default
 *
 * Since: 1.0
 */
int
kafka_new_topic_get_num_partitions (KafkaNewTopic *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_TOPIC (self), -1);

  return self->num_partitions;
}

/**
 * kafka_new_topic_get_replication_factor:
 * @self: a #KafkaNewTopic
 *
 * Gets the replication factor.
 *
 * Returns: the replication factor, or -1 for the broker's default
 *
 * Since: 1.0
 */
int
kafka_new_topic_get_replication_factor (KafkaNewTopic *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_TOPIC (self), -1);

  return self->replication_factor;
}

/* GPtrArray calls it on the NULL holes too */
static void
broker_ids_free (gpointer ids)
{
  if (ids != NULL)
    g_array_unref (ids);
}

void
kafka_replica_assignment_set (GPtrArray    **assignment,
                              gint32         index,
                              const gint32  *broker_ids,
                              gsize          n_broker_ids)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint32), n_broker_ids);

  g_array_append_vals (ids, broker_ids, n_broker_ids);
  if (*assignment == NULL)
    *assignment = g_ptr_array_new_with_free_func (broker_ids_free);
  if ((guint) index >= (*assignment)->len)
    g_ptr_array_set_size (*assignment, index + 1);
  g_clear_pointer (&g_ptr_array_index (*assignment, index), g_array_unref);
  g_ptr_array_index (*assignment, index) = ids;
}

const gint32 *
kafka_replica_assignment_get (GPtrArray *assignment,
                              gint32     index,
                              gsize     *n_broker_ids)
{
  GArray *ids = NULL;

  if (assignment != NULL && index >= 0 && (guint) index < assignment->len)
    ids = g_ptr_array_index (assignment, index);
  if (n_broker_ids != NULL)
    *n_broker_ids = ids ? ids->len : 0;
  return ids ? (const gint32 *) ids->data : NULL;
}

/**
 * kafka_new_topic_set_replica_assignment:
 * @self: a #KafkaNewTopic
 * @partition: a partition, from 0
 * @broker_ids: (array length=n_broker_ids): the ids of the brokers that hold
 *   the partition's replicas, the preferred leader first
 * @n_broker_ids: the number of broker ids
 *
 * Says which brokers hold the replicas of @partition, instead of letting the
 * cluster choose. Either every partition has an assignment, or none; the
 * topic's replication factor must then be -1.
 *
 * Since: 1.0
 */
void
kafka_new_topic_set_replica_assignment (KafkaNewTopic *self,
                                        gint32         partition,
                                        const gint32  *broker_ids,
                                        gsize          n_broker_ids)
{
  g_return_if_fail (KAFKA_IS_NEW_TOPIC (self));
  g_return_if_fail (partition >= 0 && partition < 1000000);
  g_return_if_fail (broker_ids != NULL || n_broker_ids == 0);

  kafka_replica_assignment_set (&self->assignment, partition, broker_ids, n_broker_ids);
}

/**
 * kafka_new_topic_get_replica_assignment:
 * @self: a #KafkaNewTopic
 * @partition: a partition
 * @n_broker_ids: (out) (optional): the number of broker ids
 *
 * Gets what kafka_new_topic_set_replica_assignment() set for @partition.
 *
 * Returns: (transfer none) (array length=n_broker_ids) (nullable): the
 *   broker ids, or %NULL if none were set
 *
 * Since: 1.0
 */
const gint32 *
kafka_new_topic_get_replica_assignment (KafkaNewTopic *self,
                                        gint32         partition,
                                        gsize         *n_broker_ids)
{
  g_return_val_if_fail (KAFKA_IS_NEW_TOPIC (self), NULL);

  return kafka_replica_assignment_get (self->assignment, partition, n_broker_ids);
}

/**
 * kafka_new_topic_set_config:
 * @self: a #KafkaNewTopic
 * @name: a topic configuration property, such as `retention.ms`
 * @value: its value
 *
 * Sets a configuration property of the topic to create (replacing what was
 * set for @name). The broker checks names and values.
 *
 * Since: 1.0
 */
void
kafka_new_topic_set_config (KafkaNewTopic *self,
                            const char    *name,
                            const char    *value)
{
  g_return_if_fail (KAFKA_IS_NEW_TOPIC (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  g_hash_table_replace (self->config, g_strdup (name), g_strdup (value));
}

/**
 * kafka_new_topic_get_config:
 * @self: a #KafkaNewTopic
 *
 * Gets the configuration properties set with kafka_new_topic_set_config().
 *
 * Returns: (transfer none) (element-type utf8 utf8): the properties
 *
 * Since: 1.0
 */
GHashTable *
kafka_new_topic_get_config (KafkaNewTopic *self)
{
  g_return_val_if_fail (KAFKA_IS_NEW_TOPIC (self), NULL);

  return self->config;
}

rd_kafka_NewTopic_t *
kafka_new_topic_to_rd (KafkaNewTopic  *self,
                       GError        **error)
{
  rd_kafka_NewTopic_t *nt;
  char errstr[512] = "";
  GHashTableIter iter;
  gpointer key, value;

  nt = rd_kafka_NewTopic_new (self->name ? self->name : "", self->num_partitions,
                              self->replication_factor, errstr, sizeof errstr);
  if (nt == NULL)
    goto fail;

  for (guint i = 0; self->assignment != NULL && i < self->assignment->len; i++)
    {
      GArray *ids = g_ptr_array_index (self->assignment, i);

      if (ids == NULL)
        {
          g_snprintf (errstr, sizeof errstr,
                      "no replica assignment for partition %u, but one for partition %u",
                      i, self->assignment->len - 1);
          goto fail;
        }
      if (rd_kafka_NewTopic_set_replica_assignment (nt, (int32_t) i, (int32_t *) ids->data,
                                                    ids->len, errstr, sizeof errstr) != 0)
        goto fail;
    }

  g_hash_table_iter_init (&iter, self->config);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (rd_kafka_NewTopic_set_config (nt, key, value) != 0)
      {
        g_snprintf (errstr, sizeof errstr, "invalid configuration property “%s”",
                    (const char *) key);
        goto fail;
      }

  return nt;

fail:
  g_strchomp (errstr);
  g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
               "Invalid new topic “%s”: %s", self->name ? self->name : "", errstr);
  if (nt != NULL)
    rd_kafka_NewTopic_destroy (nt);
  return NULL;
}
