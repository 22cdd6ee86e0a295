/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-broker-metadata.h>
#include <kafka-glib/kafka-consumer-group-listing.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_CONSUMER_GROUP_DESCRIPTION:
 *
 * The #GType of #KafkaConsumerGroupDescription.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CONSUMER_GROUP_DESCRIPTION (kafka_consumer_group_description_get_type ())

/**
 * KafkaConsumerGroupDescription:
 *
 * A consumer group as kafka_admin_client_describe_consumer_groups() describes it. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaConsumerGroupDescription, kafka_consumer_group_description, KAFKA, CONSUMER_GROUP_DESCRIPTION, GObject)

KAFKA_AVAILABLE_IN_1_0
const char              *kafka_consumer_group_description_get_group_id                 (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
gboolean                 kafka_consumer_group_description_get_is_simple_consumer_group (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
const char              *kafka_consumer_group_description_get_partition_assignor       (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
KafkaConsumerGroupState  kafka_consumer_group_description_get_state                    (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
KafkaBrokerMetadata     *kafka_consumer_group_description_get_coordinator              (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray               *kafka_consumer_group_description_get_members                  (KafkaConsumerGroupDescription *self);
KAFKA_AVAILABLE_IN_1_0
const GError            *kafka_consumer_group_description_get_error                    (KafkaConsumerGroupDescription *self);

G_END_DECLS
