/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"
#include "kafka-client-private.h"

G_BEGIN_DECLS

/* A produced message's librdkafka opaque is NULL, a produce_async() call's
 * pending task (a pointer: its lowest bit is 0), or a tag given with
 * kafka_producer_produce_batch_full(), stored in the pointer itself as
 * (tag << 1) | 1: no allocation per message. A tag fits in 31 bits, so the
 * encoding is the same on 32-bit hosts. */
#define KAFKA_MESSAGE_TAG_MAX G_MAXINT32

static inline void *
kafka_message_tag_to_opaque (guint32 tag)
{
  return (void *) (((guintptr) tag << 1) | 1);
}

/* The tag an opaque carries, 0 for none (NULL or a pending task). */
static inline guint32
kafka_message_opaque_get_tag (const void *opaque)
{
  guintptr bits = (guintptr) opaque;

  return (bits & 1) ? (guint32) (bits >> 1) : 0;
}

/* The produce_async() task an opaque points to, or NULL. */
static inline gpointer
kafka_message_opaque_get_pending (void *opaque)
{
  return ((guintptr) opaque & 1) ? NULL : opaque;
}

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
