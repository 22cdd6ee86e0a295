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
 * KAFKA_TYPE_HEADERS:
 *
 * The #GType of #KafkaHeaders.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_HEADERS (kafka_headers_get_type ())

/**
 * KafkaHeaders:
 *
 * The ordered headers of a message. The structure is opaque: use the
 * functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaHeaders, kafka_headers, KAFKA, HEADERS, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaHeaders  *kafka_headers_new            (void);
KAFKA_AVAILABLE_IN_1_0
void           kafka_headers_add            (KafkaHeaders  *self,
                                             const char    *name,
                                             const guint8  *value,
                                             gssize         value_len);
KAFKA_AVAILABLE_IN_1_0
void           kafka_headers_add_bytes      (KafkaHeaders  *self,
                                             const char    *name,
                                             GBytes        *value);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_headers_remove         (KafkaHeaders  *self,
                                             const char    *name);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_headers_get_length     (KafkaHeaders  *self);
KAFKA_AVAILABLE_IN_1_0
const char    *kafka_headers_get_name       (KafkaHeaders  *self,
                                             guint          index);
KAFKA_AVAILABLE_IN_1_0
const guint8  *kafka_headers_get_value      (KafkaHeaders  *self,
                                             guint          index,
                                             gsize         *value_len);
KAFKA_AVAILABLE_IN_1_0
GBytes        *kafka_headers_get_value_bytes (KafkaHeaders *self,
                                             guint          index);
KAFKA_AVAILABLE_IN_1_0
const guint8  *kafka_headers_get_last       (KafkaHeaders  *self,
                                             const char    *name,
                                             gboolean      *found,
                                             gsize         *value_len);

G_END_DECLS
