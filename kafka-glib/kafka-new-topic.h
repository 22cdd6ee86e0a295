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
 * KAFKA_TYPE_NEW_TOPIC:
 *
 * The #GType of #KafkaNewTopic.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_NEW_TOPIC (kafka_new_topic_get_type ())

/**
 * KafkaNewTopic:
 *
 * A topic to create with kafka_admin_client_create_topics(). The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaNewTopic, kafka_new_topic, KAFKA, NEW_TOPIC, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaNewTopic *kafka_new_topic_new                    (const char    *name,
                                                       int            num_partitions,
                                                       int            replication_factor);
KAFKA_AVAILABLE_IN_1_0
const char    *kafka_new_topic_get_name               (KafkaNewTopic *self);
KAFKA_AVAILABLE_IN_1_0
int            kafka_new_topic_get_num_partitions     (KafkaNewTopic *self);
KAFKA_AVAILABLE_IN_1_0
int            kafka_new_topic_get_replication_factor (KafkaNewTopic *self);
KAFKA_AVAILABLE_IN_1_0
void           kafka_new_topic_set_replica_assignment (KafkaNewTopic *self,
                                                       gint32         partition,
                                                       const gint32  *broker_ids,
                                                       gsize          n_broker_ids);
KAFKA_AVAILABLE_IN_1_0
const gint32  *kafka_new_topic_get_replica_assignment (KafkaNewTopic *self,
                                                       gint32         partition,
                                                       gsize         *n_broker_ids);
KAFKA_AVAILABLE_IN_1_0
void           kafka_new_topic_set_config             (KafkaNewTopic *self,
                                                       const char    *name,
                                                       const char    *value);
KAFKA_AVAILABLE_IN_1_0
GHashTable    *kafka_new_topic_get_config             (KafkaNewTopic *self);

G_END_DECLS
