/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-message-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-handle-private.h"
#include "kafka-headers.h"
#include "kafka-message.h"
#include "kafka-message-batch.h"

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

/* The producer's contract with the code of delivery reports (messages,
 * batches): the opaque of every topic handle a producer makes is the
 * topic's name, a GRefString that lives as long as the handle, so that a
 * reported message shares it rather than copy the name. The producer sets
 * it with kafka_topic_conf_set_name(); the reports read it with
 * kafka_topic_get_name(). (A consumer's topic handles carry no such name:
 * read theirs with rd_kafka_topic_name().) */
static inline void
kafka_topic_conf_set_name (rd_kafka_topic_conf_t *tconf,
                           GRefString            *name)
{
  rd_kafka_topic_conf_set_opaque (tconf, name);
}

/* The name of a producer's topic handle, NULL for none. */
static inline GRefString *
kafka_topic_get_name (const rd_kafka_topic_t *rkt)
{
  return rkt != NULL ? rd_kafka_topic_opaque (rkt) : NULL;
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

/* A delivery report's message, copied: what a detached KafkaMessageBatch
 * keeps for each message instead of an object. */
typedef struct {
  GRefString         *topic;      /* owned, nullable */
  gint32              partition;
  gint64              offset;
  gint64              timestamp;
  KafkaTimestampType  timestamp_type;
  gint64              latency;
  guint32             tag;        /* kafka_producer_produce_batch_full()'s */
  KafkaMessageStatus  status;
  rd_kafka_resp_err_t err;
  const guint8       *key;        /* the owner's copy, or NULL */
  gsize               key_len;
  const guint8       *value;      /* the owner's copy, or NULL */
  gsize               value_len;
  KafkaHeaders       *headers;    /* owned, nullable */
} KafkaDeliveryRow;

/* Reads all of @rkm but key and value, which the caller copies. */
void          kafka_delivery_row_read      (KafkaDeliveryRow         *row,
                                            const rd_kafka_message_t *rkm,
                                            GRefString               *topic);
void          kafka_delivery_row_clear     (KafkaDeliveryRow         *row);
/* A message of its own (key and value copied) from @row. */
KafkaMessage *kafka_message_new_from_row   (const KafkaDeliveryRow   *row);

/* Drops the caller's reference; a message nothing else held is emptied and
 * kept for the next new one instead of being finalized. A GDestroyNotify
 * for the arrays of messages the library hands out. */
void          kafka_message_release        (gpointer                  message);

G_END_DECLS
