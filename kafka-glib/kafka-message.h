/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-headers.h>

G_BEGIN_DECLS

/**
 * KafkaTimestampType:
 * @KAFKA_TIMESTAMP_NOT_AVAILABLE: the message has no timestamp
 * @KAFKA_TIMESTAMP_CREATE_TIME: the producer's timestamp (creation time)
 * @KAFKA_TIMESTAMP_LOG_APPEND_TIME: the broker's timestamp (append time)
 *
 * What a message's timestamp means.
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_TIMESTAMP_NOT_AVAILABLE,
  KAFKA_TIMESTAMP_CREATE_TIME,
  KAFKA_TIMESTAMP_LOG_APPEND_TIME,
} KafkaTimestampType;

/**
 * KafkaMessageStatus:
 * @KAFKA_MESSAGE_STATUS_NOT_PERSISTED: the message was never sent, or the
 *   broker refused it: it is certainly not stored
 * @KAFKA_MESSAGE_STATUS_POSSIBLY_PERSISTED: the message was sent but no
 *   answer came: it may be stored (a retry could duplicate it)
 * @KAFKA_MESSAGE_STATUS_PERSISTED: the broker acknowledged the message
 *
 * Whether a produced message is stored by the broker, as its delivery report
 * knows it.
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_MESSAGE_STATUS_NOT_PERSISTED,
  KAFKA_MESSAGE_STATUS_POSSIBLY_PERSISTED,
  KAFKA_MESSAGE_STATUS_PERSISTED,
} KafkaMessageStatus;

/**
 * KAFKA_TYPE_MESSAGE:
 *
 * The #GType of #KafkaMessage.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_MESSAGE (kafka_message_get_type ())

/**
 * KafkaMessage:
 *
 * A message as delivered or consumed, immutable. The structure is opaque:
 * read it with the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaMessage, kafka_message, KAFKA, MESSAGE, GObject)

KAFKA_AVAILABLE_IN_1_0
const char         *kafka_message_get_topic          (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
gint32              kafka_message_get_partition      (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
gint64              kafka_message_get_offset         (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
gint64              kafka_message_get_timestamp      (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
KafkaTimestampType  kafka_message_get_timestamp_type (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
const guint8       *kafka_message_get_key            (KafkaMessage *self,
                                                      gsize        *key_len);
KAFKA_AVAILABLE_IN_1_0
GBytes             *kafka_message_get_key_bytes      (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
const guint8       *kafka_message_get_value          (KafkaMessage *self,
                                                      gsize        *value_len);
KAFKA_AVAILABLE_IN_1_0
GBytes             *kafka_message_get_value_bytes    (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
KafkaHeaders       *kafka_message_get_headers        (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
const GError       *kafka_message_get_error          (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
KafkaMessageStatus  kafka_message_get_status         (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
gint64              kafka_message_get_latency        (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
gint32              kafka_message_get_leader_epoch   (KafkaMessage *self);
KAFKA_AVAILABLE_IN_1_0
guint32             kafka_message_get_tag            (KafkaMessage *self);

G_END_DECLS
