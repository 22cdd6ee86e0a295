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
 * KafkaConsumerGroupState:
 * @KAFKA_CONSUMER_GROUP_STATE_UNKNOWN: the state is not known (or the group
 *   could not be described)
 * @KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE: members are joining or
 *   leaving: a rebalance is starting
 * @KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE: the members joined and
 *   wait for their assignment
 * @KAFKA_CONSUMER_GROUP_STATE_STABLE: the members consume their assignment
 * @KAFKA_CONSUMER_GROUP_STATE_DEAD: the group has no member and no metadata
 *   any more: it is being removed
 * @KAFKA_CONSUMER_GROUP_STATE_EMPTY: the group has no member but keeps its
 *   committed offsets
 *
 * The state of a consumer group, as the group coordinator reports it (the
 * values are librdkafka's `rd_kafka_consumer_group_state_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_CONSUMER_GROUP_STATE_UNKNOWN = 0,
  KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE = 1,
  KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE = 2,
  KAFKA_CONSUMER_GROUP_STATE_STABLE = 3,
  KAFKA_CONSUMER_GROUP_STATE_DEAD = 4,
  KAFKA_CONSUMER_GROUP_STATE_EMPTY = 5,
} KafkaConsumerGroupState;

/**
 * KAFKA_TYPE_CONSUMER_GROUP_LISTING:
 *
 * The #GType of #KafkaConsumerGroupListing.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CONSUMER_GROUP_LISTING (kafka_consumer_group_listing_get_type ())

/**
 * KafkaConsumerGroupListing:
 *
 * A consumer group as kafka_admin_client_list_consumer_groups() lists it.
 * The structure is opaque: read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaConsumerGroupListing, kafka_consumer_group_listing, KAFKA, CONSUMER_GROUP_LISTING, GObject)

KAFKA_AVAILABLE_IN_1_0
const char              *kafka_consumer_group_listing_get_group_id                 (KafkaConsumerGroupListing *self);
KAFKA_AVAILABLE_IN_1_0
gboolean                 kafka_consumer_group_listing_get_is_simple_consumer_group (KafkaConsumerGroupListing *self);
KAFKA_AVAILABLE_IN_1_0
KafkaConsumerGroupState  kafka_consumer_group_listing_get_state                    (KafkaConsumerGroupListing *self);

G_END_DECLS
