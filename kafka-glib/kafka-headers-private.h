/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-headers-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-headers.h"

G_BEGIN_DECLS

/* A new librdkafka list holding copies of the headers (for produce). */
rd_kafka_headers_t *kafka_headers_to_rd       (KafkaHeaders             *self);
/* A new KafkaHeaders holding copies of librdkafka's headers. */
KafkaHeaders       *kafka_headers_new_from_rd (const rd_kafka_headers_t *hdrs);
/* The bytes of names and values: what librdkafka counts against
 * message.max.bytes beside key and value. 0 for %NULL. */
gsize               kafka_headers_get_wire_size (KafkaHeaders           *self);

G_END_DECLS

