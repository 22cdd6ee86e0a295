/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-partition-metadata.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_TOPIC_METADATA:
 *
 * The #GType of #KafkaTopicMetadata.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_TOPIC_METADATA (kafka_topic_metadata_get_type ())

/**
 * KafkaTopicMetadata:
 *
 * A topic, as #KafkaClusterMetadata describes it. The structure is opaque:
 * read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaTopicMetadata, kafka_topic_metadata, KAFKA, TOPIC_METADATA, GObject)

KAFKA_AVAILABLE_IN_1_0
const char             *kafka_topic_metadata_get_name       (KafkaTopicMetadata *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray              *kafka_topic_metadata_get_partitions (KafkaTopicMetadata *self);
KAFKA_AVAILABLE_IN_1_0
KafkaPartitionMetadata *kafka_topic_metadata_get_partition  (KafkaTopicMetadata *self,
                                                             gint32              id);
KAFKA_AVAILABLE_IN_1_0
const GError           *kafka_topic_metadata_get_error      (KafkaTopicMetadata *self);

G_END_DECLS
