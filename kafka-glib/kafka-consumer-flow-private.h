/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * How a consumer takes messages from librdkafka's consumer queue and stores
 * the offsets of those it hands out: the part of KafkaConsumer that every
 * way of consuming (signals, poll, consume, consume_batch, consume_async)
 * shares.
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-consumer-flow-private.h is private to kafka-glib"
#endif

#include <glib.h>
#include <librdkafka/rdkafka.h>

G_BEGIN_DECLS

typedef struct _KafkaConsumerFlow KafkaConsumerFlow;

/* The most messages one take from librdkafka returns: the queue's fill is
 * looked at between takes. */
#define KAFKA_CONSUMER_FLOW_CHUNK 256

/* queued.min.messages unless the application's configuration sets it */
#define KAFKA_CONSUMER_FLOW_QUEUED_MIN 10000

/* Reads and adjusts librdkafka's configuration (@conf, built from the
 * application's) before the handle is created: turns librdkafka's
 * enable.auto.offset.store off (the flow stores offsets itself, when the
 * application's setting asks for it), sets queued.min.messages unless
 * @queued_min_set (the application set it), and notes the fetcher's
 * limits. */
KafkaConsumerFlow  *kafka_consumer_flow_new            (rd_kafka_conf_t     *conf,
                                                        gboolean             queued_min_set);
void                kafka_consumer_flow_free           (KafkaConsumerFlow   *flow);
/* Once the handle and its consumer queue exist. */
void                kafka_consumer_flow_start          (KafkaConsumerFlow   *flow,
                                                        rd_kafka_t          *rk,
                                                        rd_kafka_queue_t    *queue);
/* The handle is going: store what is pending, then forget it. */
void                kafka_consumer_flow_stop           (KafkaConsumerFlow   *flow);

/* The application's enable.auto.offset.store. */
gboolean            kafka_consumer_flow_get_auto_store (KafkaConsumerFlow   *flow);

/* The consumer's shared name for @rkm's topic (NULL if it has none), so
 * that consecutive messages share one string. Owned by the flow. */
GRefString         *kafka_consumer_flow_topic_name     (KafkaConsumerFlow        *flow,
                                                        const rd_kafka_message_t *rkm);

/* Takes what the queue holds now, up to @max messages, into @rkms, without
 * waiting. Restarts the fetcher when the queue turns out empty after a fill
 * that stopped it. Returns the number taken, or -1 with @error set. */
gssize              kafka_consumer_flow_take_now       (KafkaConsumerFlow   *flow,
                                                        rd_kafka_message_t **rkms,
                                                        gsize                max,
                                                        GError             **error);
/* Takes up to @max messages, waiting up to @timeout_ms (-1: no limit) for
 * that many: what the queue holds first, then as they come. Returns a new
 * array of the messages (@n_taken of them, maybe 0), or NULL with @error
 * set. */
rd_kafka_message_t **kafka_consumer_flow_take          (KafkaConsumerFlow   *flow,
                                                        gsize                max,
                                                        int                  timeout_ms,
                                                        gsize               *n_taken,
                                                        GError             **error);

/* Waits up to @timeout_ms (-1: no limit) for one message, after
 * kafka_consumer_flow_take_now() found none. Returns 1, 0 (nothing in
 * time, or kafka_consumer_wakeup()) or -1. */
gssize              kafka_consumer_flow_wait           (KafkaConsumerFlow   *flow,
                                                        rd_kafka_message_t **rkm,
                                                        int                  timeout_ms);

/* A restart the fetcher may have missed: when to call
 * kafka_consumer_flow_recheck() (monotonic µs) if nothing was taken
 * meanwhile, or -1. The blocking takes do it themselves; a consumer fed
 * from the main loop arms a timer. */
gint64              kafka_consumer_flow_get_recheck_time (KafkaConsumerFlow *flow);
void                kafka_consumer_flow_recheck        (KafkaConsumerFlow   *flow);

/* Notes that @rkm (still alive), with @topic from
 * kafka_consumer_flow_topic_name(), was handed to the application: its
 * offset is stored with the next kafka_consumer_flow_store(). */
void                kafka_consumer_flow_handed         (KafkaConsumerFlow        *flow,
                                                        const rd_kafka_message_t *rkm,
                                                        GRefString               *topic);
/* The same for @n messages at once (all alive). */
void                kafka_consumer_flow_handed_all     (KafkaConsumerFlow         *flow,
                                                        rd_kafka_message_t *const *rkms,
                                                        gsize                      n);
/* Stores the offsets of the messages handed out since the last time. */
void                kafka_consumer_flow_store          (KafkaConsumerFlow   *flow);

/* Seeks @list's partitions, with no wait, to their offsets: what the
 * consumer gives back to librdkafka. Remembers the offsets as the
 * partitions' positions until they are known again. */
void                kafka_consumer_flow_seek           (KafkaConsumerFlow               *flow,
                                                        rd_kafka_topic_partition_list_t *list);
/* The position the flow knows for a partition whose position librdkafka
 * does not know any more (the flow sought it), or -1001. */
gint64              kafka_consumer_flow_position       (KafkaConsumerFlow   *flow,
                                                        const char          *topic,
                                                        gint32               partition);
/* Fills in the positions librdkafka left invalid in @list. */
void                kafka_consumer_flow_fix_positions  (KafkaConsumerFlow               *flow,
                                                        rd_kafka_topic_partition_list_t *list);
/* The assignment changed (@topic NULL), or the application sought
 * @topic [@partition]: the positions the flow remembers for them are out
 * of date. */
void                kafka_consumer_flow_forget         (KafkaConsumerFlow   *flow,
                                                        const char          *topic,
                                                        gint32               partition);


G_END_DECLS
