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
 * KAFKA_TYPE_PARTITION_LAG:
 *
 * The #GType of #KafkaPartitionLag.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_PARTITION_LAG (kafka_partition_lag_get_type ())

/**
 * KafkaPartitionLag:
 *
 * How far a consumer group is behind on one partition: its committed offset against the partition's high watermark. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaPartitionLag, kafka_partition_lag, KAFKA, PARTITION_LAG, GObject)

KAFKA_AVAILABLE_IN_1_0
const char   *kafka_partition_lag_get_topic            (KafkaPartitionLag *self);
KAFKA_AVAILABLE_IN_1_0
gint32        kafka_partition_lag_get_partition        (KafkaPartitionLag *self);
KAFKA_AVAILABLE_IN_1_0
gint64        kafka_partition_lag_get_committed_offset (KafkaPartitionLag *self);
KAFKA_AVAILABLE_IN_1_0
gint64        kafka_partition_lag_get_high_watermark   (KafkaPartitionLag *self);
KAFKA_AVAILABLE_IN_1_0
gint64        kafka_partition_lag_get_lag              (KafkaPartitionLag *self);
KAFKA_AVAILABLE_IN_1_0
const GError *kafka_partition_lag_get_error            (KafkaPartitionLag *self);

G_END_DECLS
