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
 * KAFKA_TYPE_MEMBER_DESCRIPTION:
 *
 * The #GType of #KafkaMemberDescription.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_MEMBER_DESCRIPTION (kafka_member_description_get_type ())

/**
 * KafkaMemberDescription:
 *
 * A member of a consumer group, as #KafkaConsumerGroupDescription lists it. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaMemberDescription, kafka_member_description, KAFKA, MEMBER_DESCRIPTION, GObject)

KAFKA_AVAILABLE_IN_1_0
const char *kafka_member_description_get_client_id         (KafkaMemberDescription *self);
KAFKA_AVAILABLE_IN_1_0
const char *kafka_member_description_get_group_instance_id (KafkaMemberDescription *self);
KAFKA_AVAILABLE_IN_1_0
const char *kafka_member_description_get_consumer_id       (KafkaMemberDescription *self);
KAFKA_AVAILABLE_IN_1_0
const char *kafka_member_description_get_host              (KafkaMemberDescription *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray  *kafka_member_description_get_assignment        (KafkaMemberDescription *self);

G_END_DECLS
