/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"

G_BEGIN_DECLS

/* A new array of new KafkaTopicPartitions, per-partition errors included. */
GPtrArray                       *kafka_topic_partition_list_from_rd (const rd_kafka_topic_partition_list_t *list);
/* Sets the partition's own error (a copy of @error). */
void                             kafka_topic_partition_set_error    (KafkaTopicPartition *self,
                                                                     const GError        *error);
/* FALSE with @error set (%KAFKA_ERROR_INVALID_ARG) if an element of
 * @partitions (which may be NULL) is NULL or not a KafkaTopicPartition. */
gboolean                         kafka_topic_partition_list_check   (GPtrArray  *partitions,
                                                                     GError    **error);
/* A new librdkafka list (caller destroys it). @partitions may be NULL (an
 * empty list). NULL with @error set (%KAFKA_ERROR_INVALID_ARG) if an element
 * is NULL or not a KafkaTopicPartition. */
rd_kafka_topic_partition_list_t *kafka_topic_partition_list_to_rd   (GPtrArray  *partitions,
                                                                     GError    **error);

G_END_DECLS
