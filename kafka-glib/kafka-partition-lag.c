/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-partition-lag.h"
#include "kafka-topic-partition.h"

/**
 * SECTION:kafka-partition-lag
 * @Title: KafkaPartitionLag
 * @Short_description: how far a consumer group is behind on a partition
 *
 * What kafka_admin_client_list_consumer_group_lag() answers for each
 * partition: the offset the consumer group committed, the partition's high
 * watermark (the offset the next message will get), and the difference, the
 * number of messages the group has still to consume. This is the LAG column
 * of Kafka's `kafka-consumer-groups.sh --describe`. Read-only.
 */

struct _KafkaPartitionLag
{
  GObject parent_instance;

  char   *topic;
  gint32  partition;
  gint64  committed_offset;
  gint64  high_watermark;
  gint64  lag;
  GError *error;
};

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_PARTITION,
  PROP_COMMITTED_OFFSET,
  PROP_HIGH_WATERMARK,
  PROP_LAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaPartitionLag, kafka_partition_lag, G_TYPE_OBJECT)

static void
kafka_partition_lag_finalize (GObject *object)
{
  KafkaPartitionLag *self = KAFKA_PARTITION_LAG (object);

  g_free (self->topic);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_partition_lag_parent_class)->finalize (object);
}

static void
kafka_partition_lag_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KafkaPartitionLag *self = KAFKA_PARTITION_LAG (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_PARTITION:
      g_value_set_int (value, self->partition);
      break;
    case PROP_COMMITTED_OFFSET:
      g_value_set_int64 (value, self->committed_offset);
      break;
    case PROP_HIGH_WATERMARK:
      g_value_set_int64 (value, self->high_watermark);
      break;
    case PROP_LAG:
      g_value_set_int64 (value, self->lag);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_partition_lag_class_init (KafkaPartitionLagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_partition_lag_finalize;
  object_class->get_property = kafka_partition_lag_get_property;

  /**
   * KafkaPartitionLag:topic:
   *
   * The topic of the partition.
   *
   * Since: 1.0
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaPartitionLag:partition:
   *
   * The partition, in #KafkaPartitionLag:topic.
   *
   * Since: 1.0
   */
  properties[PROP_PARTITION] =
    g_param_spec_int ("partition", NULL, NULL, G_MININT32, G_MAXINT32, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaPartitionLag:committed-offset:
   *
   * The offset the group committed (the next message it will read), or
   * %KAFKA_OFFSET_INVALID if it committed none.
   *
   * Since: 1.0
   */
  properties[PROP_COMMITTED_OFFSET] =
    g_param_spec_int64 ("committed-offset", NULL, NULL, G_MININT64, G_MAXINT64, KAFKA_OFFSET_INVALID,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaPartitionLag:high-watermark:
   *
   * The offset after the partition's last message, or %KAFKA_OFFSET_INVALID
   * if it could not be had.
   *
   * Since: 1.0
   */
  properties[PROP_HIGH_WATERMARK] =
    g_param_spec_int64 ("high-watermark", NULL, NULL, G_MININT64, G_MAXINT64, KAFKA_OFFSET_INVALID,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaPartitionLag:lag:
   *
   * The high watermark minus the committed offset (never below 0), or -1 if
   * either is not known: nothing committed, or an error.
   *
   * Since: 1.0
   */
  properties[PROP_LAG] =
    g_param_spec_int64 ("lag", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_partition_lag_init (KafkaPartitionLag *self)
{
}

KafkaPartitionLag *
kafka_partition_lag_new (const char *topic,
                         gint32      partition,
                         gint64      committed_offset,
                         gint64      high_watermark,
                         GError     *error)
{
  KafkaPartitionLag *self = g_object_new (KAFKA_TYPE_PARTITION_LAG, NULL);

  self->topic = g_strdup (topic);
  self->partition = partition;
  self->committed_offset = committed_offset;
  self->high_watermark = high_watermark;
  self->lag = committed_offset >= 0 && high_watermark >= 0
              ? MAX (high_watermark - committed_offset, 0) : -1;
  self->error = error;
  return self;
}

/**
 * kafka_partition_lag_get_topic:
 * @self: a #KafkaPartitionLag
 *
 * Gets #KafkaPartitionLag:topic.
 *
 * Returns: (transfer none): the topic
 *
 * Since: 1.0
 */
const char *
kafka_partition_lag_get_topic (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), NULL);

  return self->topic;
}

/**
 * kafka_partition_lag_get_partition:
 * @self: a #KafkaPartitionLag
 *
 * Gets #KafkaPartitionLag:partition.
 *
 * Returns: the partition
 *
 * Since: 1.0
 */
gint32
kafka_partition_lag_get_partition (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), -1);

  return self->partition;
}

/**
 * kafka_partition_lag_get_committed_offset:
 * @self: a #KafkaPartitionLag
 *
 * Gets #KafkaPartitionLag:committed-offset.
 *
 * Returns: the committed offset, or %KAFKA_OFFSET_INVALID
 *
 * Since: 1.0
 */
gint64
kafka_partition_lag_get_committed_offset (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), KAFKA_OFFSET_INVALID);

  return self->committed_offset;
}

/**
 * kafka_partition_lag_get_high_watermark:
 * @self: a #KafkaPartitionLag
 *
 * Gets #KafkaPartitionLag:high-watermark.
 *
 * Returns: the high watermark, or %KAFKA_OFFSET_INVALID
 *
 * Since: 1.0
 */
gint64
kafka_partition_lag_get_high_watermark (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), KAFKA_OFFSET_INVALID);

  return self->high_watermark;
}

/**
 * kafka_partition_lag_get_lag:
 * @self: a #KafkaPartitionLag
 *
 * Gets #KafkaPartitionLag:lag.
 *
 * Returns: the lag in messages, or -1
 *
 * Since: 1.0
 */
gint64
kafka_partition_lag_get_lag (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), -1);

  return self->lag;
}

/**
 * kafka_partition_lag_get_error:
 * @self: a #KafkaPartitionLag
 *
 * Gets the error of the partition: why its committed offset or its high
 * watermark could not be had.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 *
 * Since: 1.0
 */
const GError *
kafka_partition_lag_get_error (KafkaPartitionLag *self)
{
  g_return_val_if_fail (KAFKA_IS_PARTITION_LAG (self), NULL);

  return self->error;
}
