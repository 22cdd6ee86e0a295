/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-message.h>

G_BEGIN_DECLS

/**
 * KAFKA_TYPE_MESSAGE_BATCH:
 *
 * The #GType of #KafkaMessageBatch.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_MESSAGE_BATCH (kafka_message_batch_get_type ())

/**
 * KafkaMessageBatch:
 *
 * Messages delivered or consumed together, read column by column. The
 * structure is opaque.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaMessageBatch, kafka_message_batch, KAFKA, MESSAGE_BATCH, GObject)

/**
 * KafkaMessageView: (skip)
 * @topic: (nullable): the topic, owned by the batch (%NULL for a consumer
 *   error that concerns no topic)
 * @partition: the partition (-1 for a delivery that failed before
 *   partitioning)
 * @timestamp_type: what @timestamp means
 * @offset: the offset (%KAFKA_OFFSET_INVALID where there is none)
 * @timestamp: the timestamp, in milliseconds since the Unix epoch (-1 for
 *   none)
 * @key: (nullable): the key, in the batch's storage, or %NULL for none
 * @key_len: the length of @key in bytes
 * @value: (nullable): the value, in the batch's storage, or %NULL for a
 *   null value (a tombstone) or a consumer error
 * @value_len: the length of @value in bytes
 * @error_code: 0, or the #KafkaError code of a failed delivery or a
 *   consumer error
 * @tag: the tag of a delivered message (kafka_message_get_tag()), 0
 *   otherwise
 * @n_headers: how many headers the message has (see
 *   kafka_message_batch_peek_header())
 *
 * One message of a #KafkaMessageBatch, read in place by
 * kafka_message_batch_peek(): what C code reads of a batch message by
 * message without creating a #KafkaMessage or copying a column. The
 * pointers point into the batch's storage and stay valid as long as the
 * batch does; for a #KafkaProducer::delivery-batch that the handler does not
 * keep, until the handler returns.
 *
 * Since: 1.0
 */
typedef struct {
  const char         *topic;
  gint32              partition;
  KafkaTimestampType  timestamp_type;
  gint64              offset;
  gint64              timestamp;
  const guint8       *key;
  gsize               key_len;
  const guint8       *value;
  gsize               value_len;
  gint                error_code;
  guint32             tag;
  guint               n_headers;

  /*< private >*/
  gpointer            padding[4];
} KafkaMessageView;

KAFKA_AVAILABLE_IN_1_0
guint          kafka_message_batch_get_length      (KafkaMessageBatch  *self);
KAFKA_AVAILABLE_IN_1_0
KafkaMessage  *kafka_message_batch_get_message     (KafkaMessageBatch  *self,
                                                    guint               index);
KAFKA_AVAILABLE_IN_1_0
GPtrArray     *kafka_message_batch_get_messages    (KafkaMessageBatch  *self);
KAFKA_AVAILABLE_IN_1_0
const char    *kafka_message_batch_get_topic       (KafkaMessageBatch  *self,
                                                    guint               index);
KAFKA_AVAILABLE_IN_1_0
gint32        *kafka_message_batch_get_partitions  (KafkaMessageBatch  *self,
                                                    guint              *n_partitions);
KAFKA_AVAILABLE_IN_1_0
gint64        *kafka_message_batch_get_offsets     (KafkaMessageBatch  *self,
                                                    guint              *n_offsets);
KAFKA_AVAILABLE_IN_1_0
gint64        *kafka_message_batch_get_timestamps  (KafkaMessageBatch  *self,
                                                    guint              *n_timestamps);
KAFKA_AVAILABLE_IN_1_0
gint          *kafka_message_batch_get_error_codes (KafkaMessageBatch  *self,
                                                    guint              *n_codes);
KAFKA_AVAILABLE_IN_1_0
guint          kafka_message_batch_get_n_errors    (KafkaMessageBatch  *self);
KAFKA_AVAILABLE_IN_1_0
guint8        *kafka_message_batch_get_values      (KafkaMessageBatch  *self,
                                                    gsize              *data_len,
                                                    gint32            **lengths,
                                                    guint              *n_lengths);
KAFKA_AVAILABLE_IN_1_0
guint8        *kafka_message_batch_get_keys        (KafkaMessageBatch  *self,
                                                    gsize              *data_len,
                                                    gint32            **lengths,
                                                    guint              *n_lengths);
KAFKA_AVAILABLE_IN_1_0
guint32       *kafka_message_batch_get_tags        (KafkaMessageBatch  *self,
                                                    guint              *n_tags);
KAFKA_AVAILABLE_IN_1_0
gint          *kafka_message_batch_get_timestamp_types (KafkaMessageBatch *self,
                                                    guint              *n_types);
KAFKA_AVAILABLE_IN_1_0
gint64        *kafka_message_batch_get_latencies   (KafkaMessageBatch  *self,
                                                    guint              *n_latencies);
KAFKA_AVAILABLE_IN_1_0
char         **kafka_message_batch_get_topics      (KafkaMessageBatch  *self,
                                                    guint              *n_topics,
                                                    gint32            **indexes,
                                                    guint              *n_indexes);
KAFKA_AVAILABLE_IN_1_0
guint8        *kafka_message_batch_get_headers     (KafkaMessageBatch  *self,
                                                    gsize              *data_len,
                                                    gint32            **counts,
                                                    guint              *n_counts,
                                                    char             ***names,
                                                    guint              *n_names,
                                                    gint32            **lengths,
                                                    guint              *n_lengths);
KAFKA_AVAILABLE_IN_1_0
void           kafka_message_batch_peek            (KafkaMessageBatch  *self,
                                                    guint               index,
                                                    KafkaMessageView   *view);
KAFKA_AVAILABLE_IN_1_0
gboolean       kafka_message_batch_peek_header     (KafkaMessageBatch  *self,
                                                    guint               index,
                                                    guint               header,
                                                    const char        **name,
                                                    const guint8      **value,
                                                    gssize             *value_len);

G_END_DECLS
