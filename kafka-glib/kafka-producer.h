/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <kafka-glib/kafka-client.h>
#include <kafka-glib/kafka-consumer.h>
#include <kafka-glib/kafka-headers.h>
#include <kafka-glib/kafka-message.h>
#include <kafka-glib/kafka-message-batch.h>

G_BEGIN_DECLS

/**
 * KafkaPurgeFlags:
 * @KAFKA_PURGE_QUEUE: purge messages still in the local queue
 * @KAFKA_PURGE_INFLIGHT: purge messages sent and awaiting an answer (the
 *   answer is ignored; the broker may still store them)
 * @KAFKA_PURGE_NON_BLOCKING: do not wait for librdkafka's threads to finish
 *   purging their queues
 *
 * What kafka_producer_purge() purges.
 *
 * Since: 1.0
 */
typedef enum /*< flags >*/ {
  KAFKA_PURGE_QUEUE        = 1 << 0,
  KAFKA_PURGE_INFLIGHT     = 1 << 1,
  KAFKA_PURGE_NON_BLOCKING = 1 << 2,
} KafkaPurgeFlags;

/**
 * KAFKA_TYPE_PRODUCER:
 *
 * The #GType of #KafkaProducer.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_PRODUCER (kafka_producer_get_type ())

/**
 * KafkaProducer:
 *
 * A client that sends messages to Kafka. The structure is opaque: use the
 * functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaProducer, kafka_producer, KAFKA, PRODUCER, KafkaClient)

KAFKA_AVAILABLE_IN_1_0
KafkaProducer *kafka_producer_new                  (GHashTable      *config,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_produce              (KafkaProducer   *self,
                                                    const char      *topic,
                                                    gint32           partition,
                                                    const guint8    *key,
                                                    gsize            key_len,
                                                    const guint8    *value,
                                                    gsize            value_len,
                                                    KafkaHeaders    *headers,
                                                    gint64           timestamp,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_producer_produce_batch        (KafkaProducer   *self,
                                                    const char      *topic,
                                                    gint32           partition,
                                                    const guint8    *values,
                                                    gsize            values_len,
                                                    const gint32    *value_lengths,
                                                    guint            n_messages,
                                                    const guint8    *keys,
                                                    gsize            keys_len,
                                                    const gint32    *key_lengths,
                                                    guint            n_keys,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_producer_produce_batch_full   (KafkaProducer   *self,
                                                    const char      *topic,
                                                    const gint32    *partitions,
                                                    guint            n_partitions,
                                                    const guint8    *values,
                                                    gsize            values_len,
                                                    const gint32    *value_lengths,
                                                    guint            n_messages,
                                                    const guint8    *keys,
                                                    gsize            keys_len,
                                                    const gint32    *key_lengths,
                                                    guint            n_keys,
                                                    const gint64    *timestamps,
                                                    guint            n_timestamps,
                                                    GPtrArray       *headers,
                                                    const guint32   *tags,
                                                    guint            n_tags,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
int            kafka_producer_poll                 (KafkaProducer   *self,
                                                    int              timeout_ms);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_flush                (KafkaProducer   *self,
                                                    int              timeout_ms,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_purge                (KafkaProducer   *self,
                                                    KafkaPurgeFlags  flags,
                                                    GError         **error);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_producer_get_out_queue_length (KafkaProducer   *self);

KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_produce_async        (KafkaProducer       *self,
                                                    const char          *topic,
                                                    gint32               partition,
                                                    const guint8        *key,
                                                    gsize                key_len,
                                                    const guint8        *value,
                                                    gsize                value_len,
                                                    KafkaHeaders        *headers,
                                                    gint64               timestamp,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
KafkaMessage  *kafka_producer_produce_finish       (KafkaProducer       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_flush_async          (KafkaProducer       *self,
                                                    int                  timeout_ms,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_flush_finish         (KafkaProducer       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Transactions */
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_init_transactions           (KafkaProducer       *self,
                                                           int                  timeout_ms,
                                                           GError             **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_begin_transaction           (KafkaProducer       *self,
                                                           GError             **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_send_offsets_to_transaction (KafkaProducer       *self,
                                                           GPtrArray           *positions,
                                                           KafkaConsumer       *consumer,
                                                           int                  timeout_ms,
                                                           GError             **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_commit_transaction          (KafkaProducer       *self,
                                                           int                  timeout_ms,
                                                           GError             **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_abort_transaction           (KafkaProducer       *self,
                                                           int                  timeout_ms,
                                                           GError             **error);

KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_init_transactions_async            (KafkaProducer       *self,
                                                                  int                  timeout_ms,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_init_transactions_finish           (KafkaProducer       *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_begin_transaction_async            (KafkaProducer       *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_begin_transaction_finish           (KafkaProducer       *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_send_offsets_to_transaction_async  (KafkaProducer       *self,
                                                                  GPtrArray           *positions,
                                                                  KafkaConsumer       *consumer,
                                                                  int                  timeout_ms,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_send_offsets_to_transaction_finish (KafkaProducer       *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_commit_transaction_async           (KafkaProducer       *self,
                                                                  int                  timeout_ms,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_commit_transaction_finish          (KafkaProducer       *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_producer_abort_transaction_async            (KafkaProducer       *self,
                                                                  int                  timeout_ms,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_producer_abort_transaction_finish           (KafkaProducer       *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);

G_END_DECLS
