/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-consumer-group-listing.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_LIST_CONSUMER_GROUPS_RESULT:
 *
 * The #GType of #KafkaListConsumerGroupsResult.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_LIST_CONSUMER_GROUPS_RESULT (kafka_list_consumer_groups_result_get_type ())

/**
 * KafkaListConsumerGroupsResult:
 *
 * What kafka_admin_client_list_consumer_groups() found: the groups, and the errors of the brokers that could not list theirs. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaListConsumerGroupsResult, kafka_list_consumer_groups_result, KAFKA, LIST_CONSUMER_GROUPS_RESULT, GObject)

KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_list_consumer_groups_result_get_groups (KafkaListConsumerGroupsResult *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray *kafka_list_consumer_groups_result_get_errors (KafkaListConsumerGroupsResult *self);

G_END_DECLS
