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
 * KAFKA_TYPE_PARTITION_METADATA:
 *
 * The #GType of #KafkaPartitionMetadata.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_PARTITION_METADATA (kafka_partition_metadata_get_type ())

/**
 * KafkaPartitionMetadata:
 *
 * A partition of a topic, as #KafkaTopicMetadata describes it. The
 * structure is opaque: read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaPartitionMetadata, kafka_partition_metadata, KAFKA, PARTITION_METADATA, GObject)

KAFKA_AVAILABLE_IN_1_0
gint32        kafka_partition_metadata_get_id       (KafkaPartitionMetadata *self);
KAFKA_AVAILABLE_IN_1_0
gint32        kafka_partition_metadata_get_leader   (KafkaPartitionMetadata *self);
KAFKA_AVAILABLE_IN_1_0
const gint32 *kafka_partition_metadata_get_replicas (KafkaPartitionMetadata *self,
                                                     guint                  *n_replicas);
KAFKA_AVAILABLE_IN_1_0
const gint32 *kafka_partition_metadata_get_isrs     (KafkaPartitionMetadata *self,
                                                     guint                  *n_isrs);
KAFKA_AVAILABLE_IN_1_0
const GError *kafka_partition_metadata_get_error    (KafkaPartitionMetadata *self);

G_END_DECLS
