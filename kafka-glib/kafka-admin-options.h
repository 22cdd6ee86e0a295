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
 * KAFKA_TYPE_ADMIN_OPTIONS:
 *
 * The #GType of #KafkaAdminOptions.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_ADMIN_OPTIONS (kafka_admin_options_get_type ())

/**
 * KafkaAdminOptions:
 *
 * The optional settings of a #KafkaAdminClient call. The structure is
 * opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaAdminOptions, kafka_admin_options, KAFKA, ADMIN_OPTIONS, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaAdminOptions *kafka_admin_options_new                          (void);
KAFKA_AVAILABLE_IN_1_0
int                kafka_admin_options_get_operation_timeout        (KafkaAdminOptions            *self);
KAFKA_AVAILABLE_IN_1_0
void               kafka_admin_options_set_operation_timeout        (KafkaAdminOptions            *self,
                                                                     int                           timeout_ms);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_admin_options_get_validate_only            (KafkaAdminOptions            *self);
KAFKA_AVAILABLE_IN_1_0
void               kafka_admin_options_set_validate_only            (KafkaAdminOptions            *self,
                                                                     gboolean                      validate_only);
KAFKA_AVAILABLE_IN_1_0
gint32             kafka_admin_options_get_broker                   (KafkaAdminOptions            *self);
KAFKA_AVAILABLE_IN_1_0
void               kafka_admin_options_set_broker                   (KafkaAdminOptions            *self,
                                                                     gint32                        broker_id);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_admin_options_get_require_stable_offsets   (KafkaAdminOptions            *self);
KAFKA_AVAILABLE_IN_1_0
void               kafka_admin_options_set_require_stable_offsets   (KafkaAdminOptions            *self,
                                                                     gboolean                      require_stable);
KAFKA_AVAILABLE_IN_1_0
const KafkaConsumerGroupState *
                   kafka_admin_options_get_match_consumer_group_states (KafkaAdminOptions         *self,
                                                                     gsize                        *n_states);
KAFKA_AVAILABLE_IN_1_0
void               kafka_admin_options_set_match_consumer_group_states (KafkaAdminOptions         *self,
                                                                     const KafkaConsumerGroupState *states,
                                                                     gsize                         n_states);

G_END_DECLS
