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
KafkaMessage *kafka_message_new_delivered (const rd_kafka_message_t *rkm,
                                           GRefString               *topic);
/* From a consumer: takes ownership of @rkm and points into it (no copy),
 * and of a reference on @handle, which must outlive @rkm. */
KafkaMessage *kafka_message_new_consumed  (rd_kafka_message_t       *rkm,
                                           GRefString               *topic,
                                           KafkaHandle              *handle);

G_END_DECLS
