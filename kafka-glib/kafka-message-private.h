/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"
#include "kafka-client-private.h"

G_BEGIN_DECLS

/* From a delivery report: copies what it needs; @rkm stays librdkafka's.
 * @topic (nullable) is the producer's cached name of rkm's topic. */
KafkaMessage *kafka_message_new_delivered  (const rd_kafka_message_t *rkm,
                                            GRefString               *topic);
/* From a delivery report whose signal is about to be emitted: borrows @rkm
 * (key, value and headers are copied out of it only if asked for).
 * kafka_message_detach() must be called before @rkm goes, unless the
 * message went to kafka_message_reuse_delivery() or kafka_message_release()
 * and nothing else holds it. */
KafkaMessage *kafka_message_new_delivery   (const rd_kafka_message_t *rkm,
                                            GRefString               *topic);
/* Refills @self, held by the caller alone, from the next report; FALSE
 * (and @self untouched) if anything else holds it. */
gboolean      kafka_message_reuse_delivery (KafkaMessage             *self,
                                            const rd_kafka_message_t *rkm,
                                            GRefString               *topic);
/* Copies what a delivery report's message still borrows. */
void          kafka_message_detach         (KafkaMessage             *self);

/* From a consumer: takes ownership of @rkm and points into it (no copy),
 * and of a reference on @handle, which must outlive @rkm. */
KafkaMessage *kafka_message_new_consumed   (rd_kafka_message_t       *rkm,
                                            GRefString               *topic,
                                            KafkaHandle              *handle);
/* Refills @self, held by the caller alone, with @rkm (taken over, as by
 * kafka_message_new_consumed()), referencing @handle as needed; FALSE (and
 * nothing taken) if anything else holds @self. */
gboolean      kafka_message_reuse_consumed (KafkaMessage             *self,
                                            rd_kafka_message_t       *rkm,
                                            GRefString               *topic,
                                            KafkaHandle              *handle);

/* Drops the caller's reference; a message nothing else held is emptied and
 * kept for the next new one instead of being finalized. A GDestroyNotify
 * for the arrays of messages the library hands out. */
void          kafka_message_release        (gpointer                  message);

G_END_DECLS
