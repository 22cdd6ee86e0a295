/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-topic-partition-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-topic-partition.h"

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

/* Kafka's own rule for topic names: 1 to 249 characters of ASCII letters,
 * digits, ".", "_" and "-", and not "." or "..". The broker refuses other
 * names, but a producer would only learn it in a delivery report, or never:
 * the one check of a name, for the producer and the consumer. FALSE with
 * @error set (%KAFKA_ERROR_INVALID_ARG) for another name. */
gboolean                         kafka_topic_name_check             (const char  *topic,
                                                                     GError     **error);

G_END_DECLS
