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
 * KAFKA_TYPE_ADMIN_RESULT:
 *
 * The #GType of #KafkaAdminResult.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_ADMIN_RESULT (kafka_admin_result_get_type ())

/**
 * KafkaAdminResult:
 *
 * The outcome of a #KafkaAdminClient call for one of the items it named (a topic, a group): the item's name and its error, if it failed. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaAdminResult, kafka_admin_result, KAFKA, ADMIN_RESULT, GObject)

KAFKA_AVAILABLE_IN_1_0
const char   *kafka_admin_result_get_name  (KafkaAdminResult *self);
KAFKA_AVAILABLE_IN_1_0
const GError *kafka_admin_result_get_error (KafkaAdminResult *self);

G_END_DECLS
