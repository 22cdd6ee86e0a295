/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <kafka-glib/kafka-client.h>
#include <kafka-glib/kafka-message.h>
#include <kafka-glib/kafka-message-batch.h>
#include <kafka-glib/kafka-topic-partition.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_CONSUMER:
 *
 * The #GType of #KafkaConsumer.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CONSUMER (kafka_consumer_get_type ())

/**
 * KafkaConsumer:
 *
 * A client that reads messages from Kafka, alone or in a consumer group. The
 * structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaConsumer, kafka_consumer, KAFKA, CONSUMER, KafkaClient)

KAFKA_AVAILABLE_IN_1_0
KafkaConsumer *kafka_consumer_new                  (GHashTable     *config,
                                                    GError        **error);

KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_get_emit_messages    (KafkaConsumer  *self);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_set_emit_messages    (KafkaConsumer  *self,
                                                    gboolean        emit_messages);

KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_subscribe            (KafkaConsumer  *self,
                                                    const char * const *topics,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_unsubscribe          (KafkaConsumer  *self,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
char         **kafka_consumer_get_subscription     (KafkaConsumer  *self,
                                                    GError        **error);

KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_assign               (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_unassign             (KafkaConsumer  *self,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_incremental_assign   (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_incremental_unassign (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_get_assignment       (KafkaConsumer  *self,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
const char    *kafka_consumer_get_rebalance_protocol (KafkaConsumer *self);

KAFKA_AVAILABLE_IN_1_0
KafkaMessage  *kafka_consumer_poll                 (KafkaConsumer  *self,
                                                    int             timeout_ms,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_consume              (KafkaConsumer  *self,
                                                    guint           max_messages,
                                                    int             timeout_ms,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
KafkaMessageBatch *kafka_consumer_consume_batch      (KafkaConsumer  *self,
                                                    guint           max_messages,
                                                    int             timeout_ms,
                                                    GError        **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_commit               (KafkaConsumer  *self,
                                                    GPtrArray      *offsets,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_commit_message       (KafkaConsumer  *self,
                                                    KafkaMessage   *message,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_commit_in_background (KafkaConsumer  *self,
                                                    GPtrArray      *offsets,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_committed            (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    int             timeout_ms,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_store_offsets        (KafkaConsumer  *self,
                                                    GPtrArray      *offsets,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_store_message_offset (KafkaConsumer  *self,
                                                    KafkaMessage   *message,
                                                    GError        **error);

KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_position             (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_seek                 (KafkaConsumer  *self,
                                                    KafkaTopicPartition *partition,
                                                    int             timeout_ms,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_pause                (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_resume               (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_offsets_for_times    (KafkaConsumer  *self,
                                                    GPtrArray      *partitions,
                                                    int             timeout_ms,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
char          *kafka_consumer_get_member_id        (KafkaConsumer  *self);

KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_close                (KafkaConsumer  *self,
                                                    GError        **error);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_is_closed            (KafkaConsumer  *self);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_wakeup               (KafkaConsumer  *self);

KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_commit_async             (KafkaConsumer       *self,
                                                        GPtrArray           *offsets,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_commit_finish            (KafkaConsumer       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_committed_async          (KafkaConsumer       *self,
                                                        GPtrArray           *partitions,
                                                        int                  timeout_ms,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_committed_finish         (KafkaConsumer       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_offsets_for_times_async  (KafkaConsumer       *self,
                                                        GPtrArray           *partitions,
                                                        int                  timeout_ms,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_offsets_for_times_finish (KafkaConsumer       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_consume_async            (KafkaConsumer       *self,
                                                        guint                max_messages,
                                                        int                  timeout_ms,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_consumer_consume_finish           (KafkaConsumer       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
KAFKA_AVAILABLE_IN_1_0
void           kafka_consumer_close_async              (KafkaConsumer       *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_consumer_close_finish             (KafkaConsumer       *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
