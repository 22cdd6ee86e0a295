/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-consumer-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-client-private.h"
#include "kafka-consumer.h"
#include "kafka-consumer-flow-private.h"

G_BEGIN_DECLS

/* What the parts of KafkaConsumer share: kafka-consumer.c (the object,
 * its events and the message-signal mode), kafka-consumer-assignment.c
 * (rebalances, subscription, assignment), kafka-consumer-consume.c,
 * kafka-consumer-offsets.c (commits, positions, their async forms) and
 * kafka-consumer-close.c. */

struct _KafkaConsumer
{
  KafkaClient parent_instance;

  rd_kafka_queue_t *consumer_queue;
  gboolean          emit_messages;
  GSource          *keepalive;
  guint             max_poll_interval_ms;

  /* the rebalance whose signals are being emitted, if any: an assign call
   * from a handler marks it handled */
  struct _Rebalance *rebalance;

  /* set while closing, and once closed */
  struct _ConsumerClose *closing;
  gboolean          closed;

  /* enable.auto.commit: close() commits the final offsets */
  gboolean          auto_commit;
  /* the last offset known committed for each partition ("partition:topic"
   * to gint64), from the commit results the consumer saw: what close()
   * reports as not committed when it cannot finish */
  GHashTable       *committed;

  /* taking messages, storing their offsets, restarting the fetcher */
  KafkaConsumerFlow *flow;

  /* the messages of the message-signal batch being emitted, if any */
  struct _Emission *emission;

  /* consume_async() calls waiting for messages, oldest first */
  GQueue            consume_waiters;

  /* a timer that looks again whether restarting the fetcher worked */
  GSource          *recheck;
};

typedef struct {
  KafkaWait      wait;
  KafkaConsumer *self;
  guint          max_messages;
} ConsumeWaiter;

#define CLOSED_MESSAGE "The consumer is closed (close() was called): create a new " \
                       "consumer to consume again"

enum {
  PROP_0,
  PROP_EMIT_MESSAGES,
  N_PROPS
};

enum {
  SIGNAL_MESSAGE,
  SIGNAL_MESSAGE_BATCH,
  SIGNAL_COMMIT,
  SIGNAL_PARTITIONS_ASSIGNED,
  SIGNAL_PARTITIONS_REVOKED,
  SIGNAL_PARTITIONS_LOST,
  N_SIGNALS
};

/* What a handler did to a partition during a message-signal batch
 * (kafka-consumer.c): what becomes of that partition's part of it. */
typedef enum {
  STALE_DROP,    /* the application moved the partition: drop */
  STALE_REWIND,  /* paused: drop, and seek back so that it resumes there */
} StaleKind;

static inline rd_kafka_t *
consumer_rk (KafkaConsumer *self)
{
  return kafka_client_get_handle (KAFKA_CLIENT (self));
}

/* Closed consumers answer through the base class (kafka_client_mark_closed()),
 * so that its own calls (watermarks, metadata) say the same. */
static inline gboolean
consumer_check_open (KafkaConsumer  *self,
                     GError        **error)
{
  return kafka_client_check_open (KAFKA_CLIENT (self), error);
}

KafkaMessage *
consumer_wrap_message (KafkaConsumer      *self,
                       rd_kafka_message_t *rkm);

KafkaMessageBatch *
consumer_wrap_batch (KafkaConsumer       *self,
                     rd_kafka_message_t **rkms,
                     guint                n);

void
consumer_emission_stale (KafkaConsumer *self,
                         const char    *topic,
                         gint32         partition,
                         StaleKind      kind);

void
consumer_emission_stale_list (KafkaConsumer *self,
                              GPtrArray     *partitions,
                              StaleKind      kind);

void
consumer_emission_give_back (KafkaConsumer *self);

void
consumer_emission_stop (KafkaConsumer *self);

void
consumer_fix_positions (KafkaConsumer                   *self,
                        rd_kafka_topic_partition_list_t *list);

void
consumer_update_mode (KafkaConsumer *self);

char *
committed_key (const char *topic,
               gint32      partition);

void
consumer_note_committed (KafkaConsumer                         *self,
                         const rd_kafka_topic_partition_list_t *list);

GPtrArray *
consumer_uncommitted_positions (KafkaConsumer *self);

GPtrArray *
query_finish (KafkaConsumer  *self,
              GAsyncResult   *result,
              gpointer        source_tag,
              GError        **error);

void
consumer_rebalance_cb (rd_kafka_t                      *rk,
                       rd_kafka_resp_err_t              err,
                       rd_kafka_topic_partition_list_t *partitions,
                       void                            *opaque);

void
consumer_apply_rebalance_now (KafkaConsumer *self);

gboolean
check_partition_errors (const rd_kafka_topic_partition_list_t  *list,
                        GError                                **error,
                        const char                             *what);

gboolean
finish_error (rd_kafka_error_t  *rderror,
              GError           **error,
              const char        *what);

void
consume_waiter_finish (ConsumeWaiter *waiter,
                       GPtrArray     *messages,
                       GError        *error);

int
consumer_feed_waiter (KafkaConsumer *self);

void
consumer_note_close_commit (KafkaConsumer *self,
                            const GError  *error);

gboolean
consumer_close_blocking (KafkaConsumer  *self,
                         gboolean        with_signals,
                         GError        **error);

extern guint kafka_consumer_signals[N_SIGNALS];

G_END_DECLS
