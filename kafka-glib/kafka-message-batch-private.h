/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-message-batch-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-handle-private.h"
#include "kafka-message-batch.h"

G_BEGIN_DECLS

/* The messages of a delivery report event, read in place (the array is
 * copied, not the messages): valid only until the event is destroyed, so the
 * producer calls kafka_message_batch_detach() after emitting it. */
KafkaMessageBatch *kafka_message_batch_new_delivered (const rd_kafka_message_t **rkms,
                                                      guint                      n);

/* Consumed messages: takes ownership of @rkms' messages (not of the array)
 * and of a reference on @handle. @topic (nullable) is a name the messages
 * share, to save a string per message when they are asked for. */
KafkaMessageBatch *kafka_message_batch_new_consumed  (rd_kafka_message_t **rkms,
                                                      guint                n,
                                                      GRefString          *topic,
                                                      KafkaHandle         *handle);

/* Before a delivery event goes: if someone kept the batch, copies every
 * message out of the event so that it stays valid. */
void               kafka_message_batch_detach        (KafkaMessageBatch  *self);

G_END_DECLS
