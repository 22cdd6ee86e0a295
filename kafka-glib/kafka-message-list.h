/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-consumer.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_MESSAGE_LIST:
 *
 * The #GType of #KafkaMessageList.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_MESSAGE_LIST (kafka_message_list_get_type ())

/**
 * KafkaMessageList:
 *
 * A #GListModel of the messages a #KafkaConsumer receives, newest last. The
 * structure is opaque.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaMessageList, kafka_message_list, KAFKA, MESSAGE_LIST, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaMessageList *kafka_message_list_new           (KafkaConsumer    *consumer,
                                                    guint             max_items);
KAFKA_AVAILABLE_IN_1_0
KafkaConsumer    *kafka_message_list_get_consumer  (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
guint             kafka_message_list_get_max_items (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
void              kafka_message_list_set_max_items (KafkaMessageList *self,
                                                    guint             max_items);
KAFKA_AVAILABLE_IN_1_0
gboolean          kafka_message_list_get_paused    (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
void              kafka_message_list_set_paused    (KafkaMessageList *self,
                                                    gboolean          paused);
KAFKA_AVAILABLE_IN_1_0
guint             kafka_message_list_get_update_interval (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
void              kafka_message_list_set_update_interval (KafkaMessageList *self,
                                                          guint             interval_ms);
KAFKA_AVAILABLE_IN_1_0
guint             kafka_message_list_get_n_pending (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
guint64           kafka_message_list_get_n_received (KafkaMessageList *self);
KAFKA_AVAILABLE_IN_1_0
void              kafka_message_list_clear         (KafkaMessageList *self);

G_END_DECLS
