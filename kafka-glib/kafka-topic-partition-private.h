/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"

G_BEGIN_DECLS

/* A new array of new KafkaTopicPartitions, per-partition errors included. */
GPtrArray                       *kafka_topic_partition_list_from_rd (const rd_kafka_topic_partition_list_t *list);
/* A new librdkafka list (caller destroys it). @partitions may be NULL. */
rd_kafka_topic_partition_list_t *kafka_topic_partition_list_to_rd   (GPtrArray *partitions);

G_END_DECLS
