/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Queuing many messages in one call: kafka_producer_produce_batch() (one
 * partition, values and keys) and kafka_producer_produce_batch_full() (a
 * column for each thing a message has). Both check every column first,
 * then queue through one loop, batch_queue(); they differ in what a
 * message that cannot be queued makes of the call (see their docs).
 */
#include "config.h"

#include "kafka-error-private.h"
#include "kafka-headers-private.h"
#include "kafka-message-private.h"
#include "kafka-producer-private.h"

/* The columns of a batch, each %NULL when the call gave none */
typedef struct {
  gint32         partition;       /* of every message, unless @partitions */
  const gint32  *partitions;
  const guint8  *values;
  const gint32  *value_lengths;   /* never %NULL when there are messages */
  const guint8  *keys;
  const gint32  *key_lengths;
  const gint64  *timestamps;
  GPtrArray     *headers;         /* of KafkaHeaders, or NULL elements */
  const guint32 *tags;
} Columns;

typedef enum {
  /* produce_batch(): a full queue ends the call quietly; any other error
   * fails it, saying which message it was */
  FAIL_UNLESS_QUEUE_FULL,
  /* produce_batch_full(): only the first message's error fails the call */
  FAIL_AT_FIRST_ONLY,
} FailWhen;

/* Checks a buffer + lengths column: lengths of -1 or more, adding up to
 * the buffer's. */
static gboolean
check_column (const char    *what,
              gsize          data_len,
              const gint32  *lengths,
              guint          n,
              GError       **error)
{
  guint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      if (lengths[i] < -1)
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Invalid %s length %d at index %u: use -1 for none",
                       what, (int) lengths[i], i);
          return FALSE;
        }
      if (lengths[i] > 0)
        total += (guint64) lengths[i];
    }
  if (total != data_len)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "The %s lengths add up to %" G_GUINT64_FORMAT " bytes, but the %s "
                   "buffer holds %" G_GSIZE_FORMAT ": pass the %ss end to end with "
                   "one length each",
                   what, total, what, data_len, what);
      return FALSE;
    }
  return TRUE;
}

/* Checks a per-message column of produce_batch_full(): none, or one entry
 * per message. */
static gboolean
check_column_length (const char  *what,
                     guint        n,
                     guint        n_messages,
                     GError     **error)
{
  if (n == 0 || n == n_messages)
    return TRUE;
  g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
               "%u %s for %u messages: give one per message, or none at all",
               n, what, n_messages);
  return FALSE;
}

/* Queues the messages in order up to the first that cannot be; returns how
 * many were queued. */
static guint
batch_queue (KafkaProducer  *self,
             TopicEntry     *entry,
             const char     *topic,
             const Columns  *c,
             guint           n_messages,
             FailWhen        fail_when,
             GError        **error)
{
  static const guint8 empty[1] = { 0 };
  const guint8 *value = c->values, *key = c->keys;

  for (guint i = 0; i < n_messages; i++)
    {
      gint32 vlen = c->value_lengths[i];
      gint32 klen = c->key_lengths != NULL ? c->key_lengths[i] : -1;
      gint32 partition = c->partitions != NULL ? c->partitions[i] : c->partition;
      KafkaHeaders *h = c->headers != NULL ? g_ptr_array_index (c->headers, i) : NULL;
      rd_kafka_headers_t *hdrs = NULL;
      rd_kafka_resp_err_t err;

      if (h != NULL && kafka_headers_get_length (h) > 0)
        hdrs = kafka_headers_to_rd (h);
      /* 0 is an empty key or value, -1 none: a buffer of empties may be
       * NULL (its length is 0), which librdkafka would take for none */
      err = kafka_producer_send (self, entry, partition,
                                 klen >= 0 ? (key != NULL ? key : empty) : NULL, MAX (klen, 0),
                                 vlen >= 0 ? (value != NULL ? value : empty) : NULL, MAX (vlen, 0),
                                 hdrs, c->timestamps != NULL ? c->timestamps[i] : 0,
                                 c->tags != NULL ? kafka_message_tag_to_opaque (c->tags[i]) : NULL);
      if (G_UNLIKELY (err != RD_KAFKA_RESP_ERR_NO_ERROR))
        {
          gsize size = MAX (klen, 0) + MAX (vlen, 0) + kafka_headers_get_wire_size (h);

          /* librdkafka takes the headers only on success */
          if (hdrs != NULL)
            rd_kafka_headers_destroy (hdrs);
          if (fail_when == FAIL_AT_FIRST_ONLY && i == 0)
            kafka_producer_set_send_error (self, err, topic, partition, size, error);
          else if (fail_when == FAIL_UNLESS_QUEUE_FULL && err != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            {
              g_autoptr(GError) local = NULL;

              kafka_producer_set_send_error (self, err, topic, partition, size, &local);
              g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                          "Message %u of the batch (%u before it "
                                          "were queued): ", i, i);
            }
          return i;
        }
      value += MAX (vlen, 0);
      key += MAX (klen, 0);
    }
  return n_messages;
}

/**
 * kafka_producer_produce_batch:
 * @self: a #KafkaProducer
 * @topic: the topic
 * @partition: the partition of every message, or %KAFKA_PARTITION_UA (-1) to
 *   let the partitioner choose for each
 * @values: (array length=values_len) (element-type guint8) (nullable): the
 *   values, end to end
 * @values_len: the length of @values in bytes
 * @value_lengths: (array length=n_messages): the length of each value, in
 *   order: -1 for a %NULL value (a tombstone)
 * @n_messages: the number of messages
 * @keys: (array length=keys_len) (element-type guint8) (nullable): the keys,
 *   end to end, or %NULL for messages without keys
 * @keys_len: the length of @keys in bytes
 * @key_lengths: (array length=n_keys) (nullable): the length of each key (-1
 *   for none), or %NULL
 * @n_keys: the number of keys: 0, or @n_messages
 * @error: return location for a #GError
 *
 * Queues many messages for one topic in one call: the fast path for
 * bindings, which pay for one call rather than one per message. In Python:
 *
 * |[<!-- language="Python" -->
 * n = producer.produce_batch("events", -1, b"".join(values),
 *                            [len(v) for v in values], None, None)
 * ]|
 *
 * Values and keys are copied. Each message gets its delivery report as
 * kafka_producer_produce() does (#KafkaProducer::delivery and
 * #KafkaProducer::delivery-batch).
 *
 * When the local queue fills up part way, the messages before that point
 * are queued and the call returns how many: that is not an error; produce
 * the rest once delivery reports drained the queue.
 *
 * Returns: the number of messages queued, from the first one on; on
 *   failure, with @error set (%KAFKA_ERROR_INVALID_ARG for a bad topic,
 *   partition or lengths, %KAFKA_ERROR_MSG_SIZE_TOO_LARGE, %KAFKA_ERROR_FATAL
 *   after a fatal error…), the number queued before the message that failed
 *
 * Since: 1.0
 */
guint
kafka_producer_produce_batch (KafkaProducer  *self,
                              const char     *topic,
                              gint32          partition,
                              const guint8   *values,
                              gsize           values_len,
                              const gint32   *value_lengths,
                              guint           n_messages,
                              const guint8   *keys,
                              gsize           keys_len,
                              const gint32   *key_lengths,
                              guint           n_keys,
                              GError        **error)
{
  Columns columns = {
    .partition = partition,
    .values = values,
    .value_lengths = value_lengths,
    .keys = keys,
    .key_lengths = n_keys > 0 ? key_lengths : NULL,
  };
  TopicEntry *entry;

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), 0);
  g_return_val_if_fail (topic != NULL, 0);
  g_return_val_if_fail (values != NULL || values_len == 0, 0);
  g_return_val_if_fail (value_lengths != NULL || n_messages == 0, 0);
  g_return_val_if_fail (keys != NULL || keys_len == 0, 0);
  g_return_val_if_fail (key_lengths != NULL || n_keys == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  entry = kafka_producer_check_target (self, topic, partition, error);
  if (entry == NULL)
    return 0;
  if (n_keys != 0 && n_keys != n_messages)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "%u keys for %u messages: give one key length per message "
                   "(-1 for none), or no keys at all", n_keys, n_messages);
      return 0;
    }
  if (!check_column ("value", values_len, value_lengths, n_messages, error) ||
      !check_column ("key", keys_len, key_lengths, n_keys, error))
    return 0;

  return batch_queue (self, entry, topic, &columns, n_messages, FAIL_UNLESS_QUEUE_FULL, error);
}

/**
 * kafka_producer_produce_batch_full:
 * @self: a #KafkaProducer
 * @topic: the topic
 * @partitions: (array length=n_partitions) (nullable): the partition of each
 *   message, in order, -1 (%KAFKA_PARTITION_UA) to let the partitioner
 *   choose; or %NULL to let it choose for every message
 * @n_partitions: the number of partitions: 0, or @n_messages
 * @values: (array length=values_len) (element-type guint8) (nullable): the
 *   values, end to end
 * @values_len: the length of @values in bytes
 * @value_lengths: (array length=n_messages): the length of each value, in
 *   order: -1 for a %NULL value (a tombstone)
 * @n_messages: the number of messages
 * @keys: (array length=keys_len) (element-type guint8) (nullable): the keys,
 *   end to end, or %NULL for messages without keys
 * @keys_len: the length of @keys in bytes
 * @key_lengths: (array length=n_keys) (nullable): the length of each key (-1
 *   for none), or %NULL
 * @n_keys: the number of keys: 0, or @n_messages
 * @timestamps: (array length=n_timestamps) (nullable): the timestamp of
 *   each message, in milliseconds since the Unix epoch (0: now), or %NULL
 *   for now
 * @n_timestamps: the number of timestamps: 0, or @n_messages
 * @headers: (element-type KafkaHeaders) (nullable): the headers of each
 *   message, in order (a %NULL element for a message without headers), or
 *   %NULL for none at all
 * @tags: (array length=n_tags) (nullable): a tag for each message, from 0 to
 *   %G_MAXINT32, which comes back with its delivery report
 *   (kafka_message_batch_get_tags(), kafka_message_get_tag()); or %NULL
 * @n_tags: the number of tags: 0, or @n_messages
 * @error: return location for a #GError
 *
 * Does what kafka_producer_produce_batch() does, with a column of its own
 * for each message's partition, timestamp, headers and tag: the fast path
 * for a binding that gathers the messages of many produce() calls and
 * queues them in one call (the Python face does).
 *
 * A tag is a number of the caller's that travels with the message, at no
 * cost (it is stored in librdkafka's per-message opaque pointer): the
 * messages of one #KafkaProducer::delivery-batch may come from many
 * batches, in any order across partitions, and their tags tell which
 * message is which, to find the callback or the request that waits for it.
 * A message produced without a tag reports 0.
 *
 * Every column is checked before anything is queued: a bad length, a
 * partition below -1 or a tag above %G_MAXINT32 queues nothing and fails.
 * Then the messages are queued in order, up to the first one that cannot be
 * (the local queue is full, the partition does not exist…): the call
 * returns how many were queued, with no error, so that a binding, which
 * sees either a result or an error, learns how far it went. Only when the
 * very first message cannot be queued does the call fail, with that
 * message's error: calling again from the message that stopped a call
 * tells why it stopped.
 *
 * Returns: the number of messages queued, from the first one on, or 0 with
 *   @error set: %KAFKA_ERROR_QUEUE_FULL, %KAFKA_ERROR_INVALID_ARG for a bad
 *   topic, partition, tag or column, %KAFKA_ERROR_MSG_SIZE_TOO_LARGE,
 *   %KAFKA_ERROR_UNKNOWN_PARTITION, %KAFKA_ERROR_FATAL after a fatal error,
 *   %KAFKA_ERROR_STATE for a transactional producer outside a transaction
 *
 * Since: 1.0
 */
guint
kafka_producer_produce_batch_full (KafkaProducer  *self,
                                   const char     *topic,
                                   const gint32   *partitions,
                                   guint           n_partitions,
                                   const guint8   *values,
                                   gsize           values_len,
                                   const gint32   *value_lengths,
                                   guint           n_messages,
                                   const guint8   *keys,
                                   gsize           keys_len,
                                   const gint32   *key_lengths,
                                   guint           n_keys,
                                   const gint64   *timestamps,
                                   guint           n_timestamps,
                                   GPtrArray      *headers,
                                   const guint32  *tags,
                                   guint           n_tags,
                                   GError        **error)
{
  Columns columns = {
    .partition = KAFKA_PARTITION_UA,
    .partitions = n_partitions > 0 ? partitions : NULL,
    .values = values,
    .value_lengths = value_lengths,
    .keys = keys,
    .key_lengths = n_keys > 0 ? key_lengths : NULL,
    .timestamps = n_timestamps > 0 ? timestamps : NULL,
    /* an empty array is no headers at all, as NULL is */
    .headers = headers != NULL && headers->len > 0 ? headers : NULL,
    .tags = n_tags > 0 ? tags : NULL,
  };
  TopicEntry *entry;

  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), 0);
  g_return_val_if_fail (topic != NULL, 0);
  g_return_val_if_fail (partitions != NULL || n_partitions == 0, 0);
  g_return_val_if_fail (values != NULL || values_len == 0, 0);
  g_return_val_if_fail (value_lengths != NULL || n_messages == 0, 0);
  g_return_val_if_fail (keys != NULL || keys_len == 0, 0);
  g_return_val_if_fail (key_lengths != NULL || n_keys == 0, 0);
  g_return_val_if_fail (timestamps != NULL || n_timestamps == 0, 0);
  g_return_val_if_fail (tags != NULL || n_tags == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  entry = kafka_producer_check_target (self, topic, KAFKA_PARTITION_UA, error);
  if (entry == NULL)
    return 0;
  if (!check_column_length ("partitions", n_partitions, n_messages, error) ||
      !check_column_length ("keys", n_keys, n_messages, error) ||
      !check_column_length ("timestamps", n_timestamps, n_messages, error) ||
      !check_column_length ("headers", headers ? headers->len : 0, n_messages, error) ||
      !check_column_length ("tags", n_tags, n_messages, error) ||
      !check_column ("value", values_len, value_lengths, n_messages, error) ||
      !check_column ("key", keys_len, key_lengths, n_keys, error))
    return 0;
  for (guint i = 0; i < n_partitions; i++)
    if (partitions[i] < KAFKA_PARTITION_UA)
      {
        g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                     "Invalid partition %d at index %u for topic “%s”: use -1 "
                     "(KAFKA_PARTITION_UA) to let the partitioner choose",
                     (int) partitions[i], i, topic);
        return 0;
      }
  for (guint i = 0; i < n_tags; i++)
    if (tags[i] > KAFKA_MESSAGE_TAG_MAX)
      {
        g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                     "Invalid tag %u at index %u: tags go from 0 to %d",
                     tags[i], i, KAFKA_MESSAGE_TAG_MAX);
        return 0;
      }
  for (guint i = 0; headers != NULL && i < headers->len; i++)
    {
      gpointer h = g_ptr_array_index (headers, i);

      g_return_val_if_fail (h == NULL || KAFKA_IS_HEADERS (h), 0);
    }

  return batch_queue (self, entry, topic, &columns, n_messages, FAIL_AT_FIRST_ONLY, error);
}
