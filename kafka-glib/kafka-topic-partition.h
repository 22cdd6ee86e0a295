/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>

G_BEGIN_DECLS

/**
 * KAFKA_OFFSET_BEGINNING:
 *
 * The logical offset of the first message still in a partition.
 *
 * Since: 1.0
 */
#define KAFKA_OFFSET_BEGINNING (-2)

/**
 * KAFKA_OFFSET_END:
 *
 * The logical offset just past the last message of a partition: only new
 * messages are read from there.
 *
 * Since: 1.0
 */
#define KAFKA_OFFSET_END (-1)

/**
 * KAFKA_OFFSET_STORED:
 *
 * The logical offset that stands for the offset the consumer group committed.
 *
 * Since: 1.0
 */
#define KAFKA_OFFSET_STORED (-1000)

/**
 * KAFKA_OFFSET_INVALID:
 *
 * No offset: not known, not set, or nothing committed.
 *
 * Since: 1.0
 */
#define KAFKA_OFFSET_INVALID (-1001)

/**
 * KAFKA_PARTITION_UA:
 *
 * No partition chosen: let the producer's partitioner pick one.
 *
 * Since: 1.0
 */
#define KAFKA_PARTITION_UA (-1)

/**
 * KAFKA_TYPE_TOPIC_PARTITION:
 *
 * The #GType of #KafkaTopicPartition.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_TOPIC_PARTITION (kafka_topic_partition_get_type ())

/**
 * KafkaTopicPartition:
 *
 * A topic, a partition and an offset. The structure is opaque: use the
 * functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaTopicPartition, kafka_topic_partition, KAFKA, TOPIC_PARTITION, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaTopicPartition *kafka_topic_partition_new              (const char          *topic,
                                                             gint32               partition,
                                                             gint64               offset);
KAFKA_AVAILABLE_IN_1_0
const char          *kafka_topic_partition_get_topic        (KafkaTopicPartition *self);
KAFKA_AVAILABLE_IN_1_0
gint32               kafka_topic_partition_get_partition    (KafkaTopicPartition *self);
KAFKA_AVAILABLE_IN_1_0
gint64               kafka_topic_partition_get_offset       (KafkaTopicPartition *self);
KAFKA_AVAILABLE_IN_1_0
void                 kafka_topic_partition_set_offset       (KafkaTopicPartition *self,
                                                             gint64               offset);
KAFKA_AVAILABLE_IN_1_0
const char          *kafka_topic_partition_get_metadata     (KafkaTopicPartition *self);
KAFKA_AVAILABLE_IN_1_0
void                 kafka_topic_partition_set_metadata     (KafkaTopicPartition *self,
                                                             const char          *metadata);
KAFKA_AVAILABLE_IN_1_0
gint32               kafka_topic_partition_get_leader_epoch (KafkaTopicPartition *self);
KAFKA_AVAILABLE_IN_1_0
void                 kafka_topic_partition_set_leader_epoch (KafkaTopicPartition *self,
                                                             gint32               leader_epoch);
KAFKA_AVAILABLE_IN_1_0
const GError        *kafka_topic_partition_get_error        (KafkaTopicPartition *self);

G_END_DECLS
