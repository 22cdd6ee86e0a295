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
 * KAFKA_TYPE_NEW_PARTITIONS:
 *
 * The #GType of #KafkaNewPartitions.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_NEW_PARTITIONS (kafka_new_partitions_get_type ())

/**
 * KafkaNewPartitions:
 *
 * More partitions for a topic, for kafka_admin_client_create_partitions(). The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaNewPartitions, kafka_new_partitions, KAFKA, NEW_PARTITIONS, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaNewPartitions *kafka_new_partitions_new                    (const char         *topic,
                                                                 int                 total_count);
KAFKA_AVAILABLE_IN_1_0
const char         *kafka_new_partitions_get_topic              (KafkaNewPartitions *self);
KAFKA_AVAILABLE_IN_1_0
int                 kafka_new_partitions_get_total_count        (KafkaNewPartitions *self);
KAFKA_AVAILABLE_IN_1_0
void                kafka_new_partitions_set_replica_assignment (KafkaNewPartitions *self,
                                                                 gint32              new_partition_index,
                                                                 const gint32       *broker_ids,
                                                                 gsize               n_broker_ids);
KAFKA_AVAILABLE_IN_1_0
const gint32       *kafka_new_partitions_get_replica_assignment (KafkaNewPartitions *self,
                                                                 gint32              new_partition_index,
                                                                 gsize              *n_broker_ids);

G_END_DECLS
