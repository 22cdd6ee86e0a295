/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-metadata-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-broker-metadata.h"
#include "kafka-cluster-metadata.h"
#include "kafka-partition-metadata.h"
#include "kafka-topic-metadata.h"

G_BEGIN_DECLS

/* Snapshots of librdkafka's metadata: everything is copied. */
KafkaBrokerMetadata    *kafka_broker_metadata_new_from_rd    (const rd_kafka_metadata_broker_t    *md);
KafkaPartitionMetadata *kafka_partition_metadata_new_from_rd (const rd_kafka_metadata_partition_t *md);
KafkaTopicMetadata     *kafka_topic_metadata_new_from_rd     (const rd_kafka_metadata_topic_t     *md);
KafkaClusterMetadata   *kafka_cluster_metadata_new_from_rd   (const rd_kafka_metadata_t           *md,
                                                              const char                          *cluster_id,
                                                              gint32                               controller_id);

G_END_DECLS
