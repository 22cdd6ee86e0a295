/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"
#include "kafka-topic-partition.h"

/**
 * SECTION:kafka-topic-partition
 * @Title: KafkaTopicPartition
 * @Short_description: a partition of a topic, with an offset
 *
 * A topic name, a partition number and an offset, with optional commit
 * metadata: what consumers assign, seek to and commit, as
 * confluent-kafka-python's `TopicPartition`. Lists returned by the client may
 * carry a per-partition error (kafka_topic_partition_get_error()).
 */

struct _KafkaTopicPartition
{
  GObject parent_instance;

  char   *topic;
  gint32  partition;
  gint32  leader_epoch;
  gint64  offset;
  char   *metadata;
  GError *error;
};

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_PARTITION,
  PROP_OFFSET,
  PROP_METADATA,
  PROP_LEADER_EPOCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaTopicPartition, kafka_topic_partition, G_TYPE_OBJECT)

static void
kafka_topic_partition_finalize (GObject *object)
{
  KafkaTopicPartition *self = KAFKA_TOPIC_PARTITION (object);

  g_free (self->topic);
  g_free (self->metadata);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_topic_partition_parent_class)->finalize (object);
}

static void
kafka_topic_partition_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KafkaTopicPartition *self = KAFKA_TOPIC_PARTITION (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_PARTITION:
      g_value_set_int (value, self->partition);
      break;
    case PROP_OFFSET:
      g_value_set_int64 (value, self->offset);
      break;
    case PROP_METADATA:
      g_value_set_string (value, self->metadata);
      break;
    case PROP_LEADER_EPOCH:
      g_value_set_int (value, self->leader_epoch);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_topic_partition_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KafkaTopicPartition *self = KAFKA_TOPIC_PARTITION (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      self->topic = g_value_dup_string (value);
      break;
    case PROP_PARTITION:
      self->partition = g_value_get_int (value);
      break;
    case PROP_OFFSET:
      kafka_topic_partition_set_offset (self, g_value_get_int64 (value));
      break;
    case PROP_METADATA:
      kafka_topic_partition_set_metadata (self, g_value_get_string (value));
      break;
    case PROP_LEADER_EPOCH:
      kafka_topic_partition_set_leader_epoch (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_topic_partition_class_init (KafkaTopicPartitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_topic_partition_finalize;
  object_class->get_property = kafka_topic_partition_get_property;
  object_class->set_property = kafka_topic_partition_set_property;

  /**
   * KafkaTopicPartition:topic:
   *
   * The topic name.
   *
   * Since: 1.0
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * KafkaTopicPartition:partition:
   *
   * The partition number, or -1 for none.
   *
   * Since: 1.0
   */
  properties[PROP_PARTITION] =
    g_param_spec_int ("partition", NULL, NULL, -1, G_MAXINT32, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_STATIC_STRINGS);

  /**
   * KafkaTopicPartition:offset:
   *
   * The offset, or one of the logical offsets (%KAFKA_OFFSET_BEGINNING,
   * %KAFKA_OFFSET_END, %KAFKA_OFFSET_STORED, %KAFKA_OFFSET_INVALID).
   *
   * Since: 1.0
   */
  properties[PROP_OFFSET] =
    g_param_spec_int64 ("offset", NULL, NULL, G_MININT64, G_MAXINT64,
                        KAFKA_OFFSET_INVALID,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaTopicPartition:metadata:
   *
   * Application metadata committed with the offset, or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_METADATA] =
    g_param_spec_string ("metadata", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * KafkaTopicPartition:leader-epoch:
   *
   * The leader epoch of the offset, or -1 if not known.
   *
   * Since: 1.0
   */
  properties[PROP_LEADER_EPOCH] =
    g_param_spec_int ("leader-epoch", NULL, NULL, -1, G_MAXINT32, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_topic_partition_init (KafkaTopicPartition *self)
{
  self->partition = -1;
  self->leader_epoch = -1;
  self->offset = KAFKA_OFFSET_INVALID;
}

/**
 * kafka_topic_partition_new:
 * @topic: the topic name
 * @partition: the partition number, or -1 for none
 * @offset: the offset, or a logical one such as %KAFKA_OFFSET_BEGINNING
 *
 * Creates a topic partition.
 *
 * Returns: (transfer full): a new #KafkaTopicPartition
 *
 * Since: 1.0
 */
KafkaTopicPartition *
kafka_topic_partition_new (const char *topic,
                           gint32      partition,
                           gint64      offset)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return g_object_new (KAFKA_TYPE_TOPIC_PARTITION,
                       "topic", topic,
                       "partition", (int) partition,
                       "offset", offset,
                       NULL);
}

/**
 * kafka_topic_partition_get_topic:
 * @self: a #KafkaTopicPartition
 *
 * Gets the topic name.
 *
 * Returns: (transfer none): the topic name
 *
 * Since: 1.0
 */
const char *
kafka_topic_partition_get_topic (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), NULL);

  return self->topic;
}

/**
 * kafka_topic_partition_get_partition:
 * @self: a #KafkaTopicPartition
 *
 * Gets the partition number.
 *
 * Returns: the partition, or -1 for none
 *
 * Since: 1.0
 */
gint32
kafka_topic_partition_get_partition (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), -1);

  return self->partition;
}

/**
 * kafka_topic_partition_get_offset:
 * @self: a #KafkaTopicPartition
 *
 * Gets the offset.
 *
 * Returns: the offset, or a logical offset
 *
 * Since: 1.0
 */
gint64
kafka_topic_partition_get_offset (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), KAFKA_OFFSET_INVALID);

  return self->offset;
}

/**
 * kafka_topic_partition_set_offset:
 * @self: a #KafkaTopicPartition
 * @offset: the offset, or a logical offset
 *
 * Sets the offset.
 *
 * Since: 1.0
 */
void
kafka_topic_partition_set_offset (KafkaTopicPartition *self,
                                  gint64               offset)
{
  g_return_if_fail (KAFKA_IS_TOPIC_PARTITION (self));

  if (self->offset == offset)
    return;
  self->offset = offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET]);
}

/**
 * kafka_topic_partition_get_metadata:
 * @self: a #KafkaTopicPartition
 *
 * Gets the commit metadata.
 *
 * Returns: (transfer none) (nullable): the metadata, or %NULL
 *
 * Since: 1.0
 */
const char *
kafka_topic_partition_get_metadata (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), NULL);

  return self->metadata;
}

/**
 * kafka_topic_partition_set_metadata:
 * @self: a #KafkaTopicPartition
 * @metadata: (nullable): application metadata to commit with the offset
 *
 * Sets the commit metadata.
 *
 * Since: 1.0
 */
void
kafka_topic_partition_set_metadata (KafkaTopicPartition *self,
                                    const char          *metadata)
{
  g_return_if_fail (KAFKA_IS_TOPIC_PARTITION (self));

  if (g_strcmp0 (self->metadata, metadata) == 0)
    return;
  g_free (self->metadata);
  self->metadata = g_strdup (metadata);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METADATA]);
}

/**
 * kafka_topic_partition_get_leader_epoch:
 * @self: a #KafkaTopicPartition
 *
 * Gets the leader epoch of the offset.
 *
 * Returns: the leader epoch, or -1 if not known
 *
 * Since: 1.0
 */
gint32
kafka_topic_partition_get_leader_epoch (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), -1);

  return self->leader_epoch;
}

/**
 * kafka_topic_partition_set_leader_epoch:
 * @self: a #KafkaTopicPartition
 * @leader_epoch: the leader epoch, or -1
 *
 * Sets the leader epoch of the offset. librdkafka before 2.1 ignores it.
 *
 * Since: 1.0
 */
void
kafka_topic_partition_set_leader_epoch (KafkaTopicPartition *self,
                                        gint32               leader_epoch)
{
  g_return_if_fail (KAFKA_IS_TOPIC_PARTITION (self));

  if (self->leader_epoch == leader_epoch)
    return;
  self->leader_epoch = leader_epoch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER_EPOCH]);
}

/**
 * kafka_topic_partition_get_error:
 * @self: a #KafkaTopicPartition
 *
 * Gets the error the client reported for this partition in a list it returned
 * (a commit that failed for it, say).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_topic_partition_get_error (KafkaTopicPartition *self)
{
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (self), NULL);

  return self->error;
}

void
kafka_topic_partition_set_error (KafkaTopicPartition *self,
                                 const GError        *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

GPtrArray *
kafka_topic_partition_list_from_rd (const rd_kafka_topic_partition_list_t *list)
{
  GPtrArray *array = g_ptr_array_new_full (list ? list->cnt : 0, g_object_unref);

  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *rktpar = &list->elems[i];
      KafkaTopicPartition *tp;

      tp = kafka_topic_partition_new (rktpar->topic, rktpar->partition,
                                      rktpar->offset);
      /* empty metadata and none are different values */
      if (rktpar->metadata != NULL)
        tp->metadata = g_strndup (rktpar->metadata, rktpar->metadata_size);
      if (rktpar->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        tp->error = kafka_error_new_rd (rktpar->err, NULL, "%s [%d]", rktpar->topic,
                                        (int) rktpar->partition);
      g_ptr_array_add (array, tp);
    }

  return array;
}

gboolean
kafka_topic_partition_list_check (GPtrArray  *partitions,
                                  GError    **error)
{
  /* a binding passes whatever its list held: refuse what is not a
   * partition before librdkafka sees anything */
  for (guint i = 0; partitions != NULL && i < partitions->len; i++)
    {
      gpointer element = g_ptr_array_index (partitions, i);

      if (element == NULL || !KAFKA_IS_TOPIC_PARTITION (element))
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Element %u of the partition list is %s: every element must "
                       "be a KafkaTopicPartition", i,
                       element == NULL ? "NULL (None, null)" : "not a KafkaTopicPartition");
          return FALSE;
        }
    }
  return TRUE;
}

rd_kafka_topic_partition_list_t *
kafka_topic_partition_list_to_rd (GPtrArray  *partitions,
                                  GError    **error)
{
  rd_kafka_topic_partition_list_t *list;

  if (!kafka_topic_partition_list_check (partitions, error))
    return NULL;

  list = rd_kafka_topic_partition_list_new (partitions ? partitions->len : 0);
  for (guint i = 0; partitions != NULL && i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);
      rd_kafka_topic_partition_t *rktpar;

      /* a partition built by a binding without a topic: librdkafka will
       * refuse the empty name rather than crash on NULL */
      rktpar = rd_kafka_topic_partition_list_add (list, tp->topic ? tp->topic : "", tp->partition);
      rktpar->offset = tp->offset;
      /* "" is sent as an empty string, NULL as no metadata */
      if (tp->metadata != NULL)
        {
          rktpar->metadata = g_strdup (tp->metadata);
          rktpar->metadata_size = strlen (tp->metadata);
        }
    }

  return list;
}

gboolean
kafka_topic_name_check (const char  *topic,
                        GError     **error)
{
  gsize len = strlen (topic);
  const char *p;

  if (len == 0 || len > 249)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Invalid topic name “%.40s%s”: it is %" G_GSIZE_FORMAT " characters "
                   "long, and Kafka topic names are 1 to 249",
                   topic, len > 40 ? "…" : "", len);
      return FALSE;
    }
  for (p = topic; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
        break;
    }
  if (*p != '\0' || strcmp (topic, ".") == 0 || strcmp (topic, "..") == 0)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "Invalid topic name “%s”: Kafka topic names may only contain ASCII "
                   "letters, digits, “.”, “_” and “-”, and may not be “.” or “..”",
                   topic);
      return FALSE;
    }
  return TRUE;
}
