/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the producer's files share: kafka-producer.c queues one message at
 * a time, kafka-producer-batch.c many; both check the target and queue
 * through the functions below, so that the rules (and the error messages)
 * are the same whichever way an application produces.
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-producer-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-producer.h"

G_BEGIN_DECLS

/* A topic handle of the producer's, resolved once per name. The handle's
 * opaque is @name, which the messages of its delivery reports share (see
 * kafka_topic_conf_set_name()). */
typedef struct {
  rd_kafka_topic_t *rkt;
  GRefString       *name;
} TopicEntry;

/* Checks that the producer is open, @topic is a valid name and @partition
 * is a partition or KAFKA_PARTITION_UA; resolves the topic. NULL with
 * @error set otherwise. */
TopicEntry          *kafka_producer_check_target   (KafkaProducer        *self,
                                                    const char           *topic,
                                                    gint32                partition,
                                                    GError              **error);

/* Queues one message on a resolved topic (copying key and value) and counts
 * it as undelivered; takes @hdrs on success only. */
rd_kafka_resp_err_t  kafka_producer_send           (KafkaProducer        *self,
                                                    TopicEntry           *entry,
                                                    gint32                partition,
                                                    const guint8         *key,
                                                    gsize                 key_len,
                                                    const guint8         *value,
                                                    gsize                 value_len,
                                                    rd_kafka_headers_t   *hdrs,
                                                    gint64                timestamp,
                                                    void                 *opaque);

/* A GError for kafka_producer_send()'s failure, saying what to do about it;
 * @size is the message's key, value and headers, as librdkafka counts it
 * against message.max.bytes. */
void                 kafka_producer_set_send_error (KafkaProducer        *self,
                                                    rd_kafka_resp_err_t   err,
                                                    const char           *topic,
                                                    gint32                partition,
                                                    gsize                 size,
                                                    GError              **error);

G_END_DECLS
