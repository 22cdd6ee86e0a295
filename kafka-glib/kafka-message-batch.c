/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-error-private.h"
#include "kafka-message-batch-private.h"
#include "kafka-message-batch.h"
#include "kafka-message-private.h"

/**
 * SECTION:kafka-message-batch
 * @Title: KafkaMessageBatch
 * @Short_description: many messages at once, read column by column
 *
 * A #KafkaMessageBatch holds the messages of one delivery report batch (the
 * #KafkaProducer::delivery-batch signal) or of one consume call
 * (kafka_consumer_consume_batch(), the #KafkaConsumer::message-batch signal).
 *
 * It is the fast path for bindings: one call returns a whole column, such as
 * every offset (kafka_message_batch_get_offsets()) or every value, as one
 * buffer and a list of lengths (kafka_message_batch_get_values()), so a
 * Python or JavaScript program pays for a call per batch rather than for an
 * object per message. A #KafkaMessage is created only for the messages asked
 * for with kafka_message_batch_get_message().
 *
 * |[<!-- language="Python" -->
 * def on_delivery_batch(producer, batch):
 *     failed = batch.get_n_errors()
 *     offsets = batch.get_offsets()
 *
 * batch = consumer.consume_batch(10000, 1000)
 * data, lengths = batch.get_values()
 * view, pos = memoryview(data), 0
 * for length in lengths:
 *     value = view[pos:pos + length] if length >= 0 else None
 *     pos += max(length, 0)
 * ]|
 *
 * A batch is immutable. A batch of consumed messages points into
 * librdkafka's buffers without a copy, as a consumed #KafkaMessage does.
 *
 * Those buffers stay allocated as long as the batch lives, and a binding
 * whose garbage collector runs late (GJS's: a wrapper lives until the next
 * collection) keeps many batches, and their buffers, alive. A program done
 * with a batch can let go of its messages at once with
 * g_object_run_dispose() (`batch.run_dispose()` in GJS and Python): the
 * batch is empty from then on (a #KafkaMessage taken from it stays valid).
 *
 * |[<!-- language="JavaScript" -->
 * consumer.connect('message-batch', (_consumer, batch) => {
 *     const offsets = batch.get_offsets();
 *     // ...
 *     batch.run_dispose();   // librdkafka's buffers go now, not at the next GC
 * });
 * ]|
 */

struct _KafkaMessageBatch
{
  GObject parent_instance;

  guint                length;
  gboolean             delivered;
  /* the messages, while they can be read in place: a delivery report's
   * belong to librdkafka's event (NULL once detached), consumed ones to the
   * batch until they are asked for as a KafkaMessage, then to it */
  rd_kafka_message_t **rkms;
  /* created on demand */
  KafkaMessage       **messages;
  /* a detached delivery report's messages, copied: what the columns and
   * the messages not created yet read from (keys and values in block) */
  KafkaDeliveryRow    *rows;
  guint8              *block;
  GRefString          *topic;
  KafkaHandle         *handle;
};

G_DEFINE_FINAL_TYPE (KafkaMessageBatch, kafka_message_batch, G_TYPE_OBJECT)

/* Lets go of the messages: at finalization, or earlier when the program
 * disposes of the batch (g_object_run_dispose()), which leaves it empty. */
static void
batch_release (KafkaMessageBatch *self)
{
  for (guint i = 0; i < self->length; i++)
    {
      if (self->messages[i] != NULL)
        kafka_message_release (self->messages[i]);
      else if (!self->delivered && self->rkms != NULL)
        rd_kafka_message_destroy (self->rkms[i]);
    }
  g_clear_pointer (&self->messages, g_free);
  g_clear_pointer (&self->rkms, g_free);
  for (guint i = 0; self->rows != NULL && i < self->length; i++)
    kafka_delivery_row_clear (&self->rows[i]);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->block, g_free);
  self->length = 0;
  /* last: the consumed messages above needed it */
  g_clear_pointer (&self->handle, kafka_handle_unref);
}

static void
kafka_message_batch_dispose (GObject *object)
{
  batch_release (KAFKA_MESSAGE_BATCH (object));

  G_OBJECT_CLASS (kafka_message_batch_parent_class)->dispose (object);
}

static void
kafka_message_batch_finalize (GObject *object)
{
  KafkaMessageBatch *self = KAFKA_MESSAGE_BATCH (object);

  batch_release (self);
  g_clear_pointer (&self->topic, g_ref_string_release);

  G_OBJECT_CLASS (kafka_message_batch_parent_class)->finalize (object);
}

static void
kafka_message_batch_class_init (KafkaMessageBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kafka_message_batch_dispose;
  G_OBJECT_CLASS (klass)->finalize = kafka_message_batch_finalize;
}

static void
kafka_message_batch_init (KafkaMessageBatch *self)
{
}

static KafkaMessageBatch *
batch_new (guint n)
{
  KafkaMessageBatch *self = g_object_new (KAFKA_TYPE_MESSAGE_BATCH, NULL);

  self->length = n;
  self->rkms = g_new (rd_kafka_message_t *, MAX (n, 1));
  self->messages = g_new0 (KafkaMessage *, MAX (n, 1));
  return self;
}

KafkaMessageBatch *
kafka_message_batch_new_delivered (const rd_kafka_message_t **rkms,
                                   guint                      n)
{
  KafkaMessageBatch *self = batch_new (n);

  self->delivered = TRUE;
  memcpy (self->rkms, rkms, n * sizeof (rd_kafka_message_t *));
  return self;
}

KafkaMessageBatch *
kafka_message_batch_new_consumed (rd_kafka_message_t **rkms,
                                  guint                n,
                                  GRefString          *topic,
                                  KafkaHandle         *handle)
{
  KafkaMessageBatch *self = batch_new (n);

  memcpy (self->rkms, rkms, n * sizeof (rd_kafka_message_t *));
  self->topic = topic != NULL ? g_ref_string_acquire (topic) : NULL;
  self->handle = handle;
  return self;
}

static KafkaMessage *
batch_materialize (KafkaMessageBatch *self,
                   guint              i)
{
  if (self->messages[i] == NULL && self->rows != NULL)
    self->messages[i] = kafka_message_new_from_row (&self->rows[i]);
  else if (self->messages[i] == NULL)
    {
      rd_kafka_message_t *rkm = self->rkms[i];

      if (self->delivered)
        self->messages[i] = kafka_message_new_delivered (rkm, kafka_topic_get_name (rkm->rkt));
      else
        {
          GRefString *topic = NULL;

          if (self->topic != NULL && rkm->rkt != NULL &&
              strcmp (self->topic, rd_kafka_topic_name (rkm->rkt)) == 0)
            topic = self->topic;
          /* the message owns rkm from now on; rkms[i] stays readable while
           * the batch holds the message */
          self->messages[i] = kafka_message_new_consumed (rkm, topic, kafka_handle_ref (self->handle));
        }
    }
  return self->messages[i];
}

void
kafka_message_batch_detach (KafkaMessageBatch *self)
{
  gsize total = 0;
  guint8 *p;

  if (!self->delivered || self->rkms == NULL)
    return;

  /* Only the producer's reference left: it goes with the event. Otherwise
   * (a handler kept the batch, or a binding's wrapper holds it until its
   * garbage collector runs, as GJS's does) the messages are copied: into
   * rows and one block, not an object each. */
  if (g_atomic_int_get (&((GObject *) self)->ref_count) > 1)
    {
      for (guint i = 0; i < self->length; i++)
        total += self->rkms[i]->key_len + self->rkms[i]->len;
      self->rows = g_new0 (KafkaDeliveryRow, MAX (self->length, 1));
      self->block = p = g_malloc (total + 1);
      for (guint i = 0; i < self->length; i++)
        {
          const rd_kafka_message_t *rkm = self->rkms[i];
          KafkaDeliveryRow *row = &self->rows[i];

          kafka_delivery_row_read (row, rkm, kafka_topic_get_name (rkm->rkt));
          if (rkm->key != NULL)
            {
              memcpy (p, rkm->key, rkm->key_len);
              row->key = p;
              row->key_len = rkm->key_len;
              p += rkm->key_len;
            }
          if (rkm->payload != NULL)
            {
              memcpy (p, rkm->payload, rkm->len);
              row->value = p;
              row->value_len = rkm->len;
              p += rkm->len;
            }
        }
    }

  g_clear_pointer (&self->rkms, g_free);
}

/* What a column reads: librdkafka's message while it is there; otherwise
 * the copied row (a detached report) or the KafkaMessage (a consumed
 * message, once asked for: it holds the librdkafka message then). */
static inline const rd_kafka_message_t *
batch_rkm (KafkaMessageBatch *self,
           guint              i)
{
  return self->rkms != NULL ? self->rkms[i] : NULL;
}

static inline const KafkaDeliveryRow *
batch_row (KafkaMessageBatch *self,
           guint              i)
{
  return self->rows != NULL ? &self->rows[i] : NULL;
}

/**
 * kafka_message_batch_get_length:
 * @self: a #KafkaMessageBatch
 *
 * Gets the number of messages in the batch.
 *
 * Returns: the number of messages, maybe 0
 *
 * Since: 1.0
 */
guint
kafka_message_batch_get_length (KafkaMessageBatch *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), 0);

  return self->length;
}

/**
 * kafka_message_batch_get_message:
 * @self: a #KafkaMessageBatch
 * @index: the index of a message, below kafka_message_batch_get_length()
 *
 * Gets one message of the batch as a #KafkaMessage, created on the first
 * call for that index (delivered messages are copied then; consumed ones
 * are not).
 *
 * Returns: (transfer full): the message
 *
 * Since: 1.0
 */
KafkaMessage *
kafka_message_batch_get_message (KafkaMessageBatch *self,
                                 guint              index)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (index < self->length, NULL);

  return g_object_ref (batch_materialize (self, index));
}

/**
 * kafka_message_batch_get_messages:
 * @self: a #KafkaMessageBatch
 *
 * Gets every message of the batch as a #KafkaMessage: what
 * kafka_consumer_consume() returns, for code that wants objects after all.
 *
 * Returns: (transfer container) (element-type KafkaMessage): the messages
 *
 * Since: 1.0
 */
GPtrArray *
kafka_message_batch_get_messages (KafkaMessageBatch *self)
{
  GPtrArray *messages;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);

  messages = g_ptr_array_new_full (self->length, g_object_unref);
  for (guint i = 0; i < self->length; i++)
    g_ptr_array_add (messages, g_object_ref (batch_materialize (self, i)));
  return messages;
}

/**
 * kafka_message_batch_get_topic:
 * @self: a #KafkaMessageBatch
 * @index: the index of a message, below kafka_message_batch_get_length()
 *
 * Gets the topic of one message. (A delivery report batch holds messages of
 * one topic; a consumed batch may mix the topics of a subscription.)
 *
 * Returns: (transfer none) (nullable): the topic name, or %NULL for a
 *   consumer error that concerns no topic
 *
 * Since: 1.0
 */
const char *
kafka_message_batch_get_topic (KafkaMessageBatch *self,
                               guint              index)
{
  const rd_kafka_message_t *rkm;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (index < self->length, NULL);

  rkm = batch_rkm (self, index);
  if (rkm == NULL && batch_row (self, index) != NULL)
    return batch_row (self, index)->topic;
  if (rkm == NULL)
    return kafka_message_get_topic (self->messages[index]);
  if (rkm->rkt == NULL)
    return NULL;
  if (self->delivered)
    return kafka_topic_get_name (rkm->rkt);
  return rd_kafka_topic_name (rkm->rkt);
}

/**
 * kafka_message_batch_get_partitions:
 * @self: a #KafkaMessageBatch
 * @n_partitions: (out): return location for the number of messages
 *
 * Gets the partition of every message, in order.
 *
 * Returns: (array length=n_partitions) (transfer full): the partitions (-1
 *   for a delivery that failed before partitioning)
 *
 * Since: 1.0
 */
gint32 *
kafka_message_batch_get_partitions (KafkaMessageBatch *self,
                                    guint             *n_partitions)
{
  gint32 *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_partitions != NULL, NULL);

  column = g_new (gint32, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      const KafkaDeliveryRow *row = batch_row (self, i);

      column[i] = rkm ? rkm->partition
                : row ? row->partition : kafka_message_get_partition (self->messages[i]);
    }
  *n_partitions = self->length;
  return column;
}

/**
 * kafka_message_batch_get_offsets:
 * @self: a #KafkaMessageBatch
 * @n_offsets: (out): return location for the number of messages
 *
 * Gets the offset of every message, in order.
 *
 * Returns: (array length=n_offsets) (transfer full): the offsets
 *   (%KAFKA_OFFSET_INVALID for a message that has none, such as a failed
 *   delivery)
 *
 * Since: 1.0
 */
gint64 *
kafka_message_batch_get_offsets (KafkaMessageBatch *self,
                                 guint             *n_offsets)
{
  gint64 *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_offsets != NULL, NULL);

  column = g_new (gint64, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      const KafkaDeliveryRow *row = batch_row (self, i);

      column[i] = rkm ? rkm->offset
                : row ? row->offset : kafka_message_get_offset (self->messages[i]);
    }
  *n_offsets = self->length;
  return column;
}

/**
 * kafka_message_batch_get_timestamps:
 * @self: a #KafkaMessageBatch
 * @n_timestamps: (out): return location for the number of messages
 *
 * Gets the timestamp of every message, in order, in milliseconds since the
 * Unix epoch (see kafka_message_get_timestamp_type() on a message for what
 * it means).
 *
 * Returns: (array length=n_timestamps) (transfer full): the timestamps (-1
 *   for a message without one)
 *
 * Since: 1.0
 */
gint64 *
kafka_message_batch_get_timestamps (KafkaMessageBatch *self,
                                    guint             *n_timestamps)
{
  gint64 *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_timestamps != NULL, NULL);

  column = g_new (gint64, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      const KafkaDeliveryRow *row = batch_row (self, i);
      rd_kafka_timestamp_type_t tstype;

      column[i] = rkm ? rd_kafka_message_timestamp (rkm, &tstype)
                : row ? row->timestamp : kafka_message_get_timestamp (self->messages[i]);
    }
  *n_timestamps = self->length;
  return column;
}

static int
batch_error_code (KafkaMessageBatch *self,
                  guint              i)
{
  const rd_kafka_message_t *rkm = batch_rkm (self, i);
  const KafkaDeliveryRow *row = batch_row (self, i);
  const GError *error;

  if (rkm != NULL)
    return rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR ? 0 : (int) kafka_error_from_rd (rkm->err);
  if (row != NULL)
    return row->err == RD_KAFKA_RESP_ERR_NO_ERROR ? 0 : (int) kafka_error_from_rd (row->err);
  error = kafka_message_get_error (self->messages[i]);
  return error != NULL ? error->code : 0;
}

/**
 * kafka_message_batch_get_error_codes:
 * @self: a #KafkaMessageBatch
 * @n_codes: (out): return location for the number of messages
 *
 * Gets, for every message in order, 0 if it succeeded (delivered, or
 * consumed) or the #KafkaError code of its failure. The whole #GError, with
 * its text, is on the message: kafka_message_batch_get_message() then
 * kafka_message_get_error().
 *
 * Returns: (array length=n_codes) (transfer full): the codes
 *
 * Since: 1.0
 */
gint *
kafka_message_batch_get_error_codes (KafkaMessageBatch *self,
                                     guint             *n_codes)
{
  gint *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_codes != NULL, NULL);

  column = g_new (gint, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    column[i] = batch_error_code (self, i);
  *n_codes = self->length;
  return column;
}

/**
 * kafka_message_batch_get_n_errors:
 * @self: a #KafkaMessageBatch
 *
 * Counts the messages that failed: deliveries that did not succeed, or
 * consumer errors (such as the end of a partition with
 * `enable.partition.eof`).
 *
 * Returns: the number of failed messages; 0 means all succeeded
 *
 * Since: 1.0
 */
guint
kafka_message_batch_get_n_errors (KafkaMessageBatch *self)
{
  guint n = 0;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), 0);

  for (guint i = 0; i < self->length; i++)
    if (batch_error_code (self, i) != 0)
      n++;
  return n;
}

/* One column of byte strings as a buffer and lengths (-1: NULL). */
static guint8 *
batch_get_column (KafkaMessageBatch  *self,
                  gboolean            keys,
                  gsize              *data_len,
                  gint32            **lengths,
                  guint              *n_lengths)
{
  g_autofree const guint8 **ptrs = g_new (const guint8 *, MAX (self->length, 1));
  gint32 *lens = g_new (gint32, MAX (self->length, 1));
  gsize total = 0;
  guint8 *data, *p;

  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      const KafkaDeliveryRow *row = batch_row (self, i);
      const guint8 *bytes;
      gsize len;

      if (rkm == NULL && row != NULL)
        {
          bytes = keys ? row->key : row->value;
          len = keys ? row->key_len : row->value_len;
        }
      else if (rkm != NULL)
        {
          gboolean consumer_error = !self->delivered && rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR;

          /* a consumer error's payload is its text, not a value */
          bytes = keys ? rkm->key : (consumer_error ? NULL : rkm->payload);
          len = keys ? rkm->key_len : rkm->len;
        }
      else if (keys)
        bytes = kafka_message_get_key (self->messages[i], &len);
      else
        bytes = kafka_message_get_value (self->messages[i], &len);

      ptrs[i] = bytes;
      lens[i] = bytes != NULL ? (gint32) len : -1;
      if (bytes != NULL)
        total += len;
    }

  /* one more byte: an all-empty column is still a non-NULL buffer */
  data = p = g_malloc (total + 1);
  for (guint i = 0; i < self->length; i++)
    if (lens[i] > 0)
      {
        memcpy (p, ptrs[i], (gsize) lens[i]);
        p += lens[i];
      }

  *data_len = total;
  if (lengths != NULL)
    *lengths = lens;
  else
    g_free (lens);
  if (n_lengths != NULL)
    *n_lengths = self->length;
  return data;
}

/**
 * kafka_message_batch_get_values:
 * @self: a #KafkaMessageBatch
 * @data_len: (out): return location for the length of the returned buffer
 * @lengths: (out) (array length=n_lengths) (transfer full) (optional): return
 *   location for the length of each value, in order: -1 for a %NULL value (a
 *   tombstone, or a consumer error)
 * @n_lengths: (out) (optional): return location for the number of lengths
 *   (the number of messages)
 *
 * Gets every value of the batch at once: one buffer holding them end to
 * end, and their lengths. Value i starts where the values before it end
 * (a %NULL value takes no room). This copies each value once.
 *
 * Returns: (array length=data_len) (transfer full): the values, end to end
 *
 * Since: 1.0
 */
guint8 *
kafka_message_batch_get_values (KafkaMessageBatch  *self,
                                gsize              *data_len,
                                gint32            **lengths,
                                guint              *n_lengths)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (data_len != NULL, NULL);

  return batch_get_column (self, FALSE, data_len, lengths, n_lengths);
}

/**
 * kafka_message_batch_get_keys:
 * @self: a #KafkaMessageBatch
 * @data_len: (out): return location for the length of the returned buffer
 * @lengths: (out) (array length=n_lengths) (transfer full) (optional): return
 *   location for the length of each key, in order: -1 for a message without
 *   a key
 * @n_lengths: (out) (optional): return location for the number of lengths
 *   (the number of messages)
 *
 * Gets every key of the batch at once, as kafka_message_batch_get_values()
 * does for values.
 *
 * Returns: (array length=data_len) (transfer full): the keys, end to end
 *
 * Since: 1.0
 */
guint8 *
kafka_message_batch_get_keys (KafkaMessageBatch  *self,
                              gsize              *data_len,
                              gint32            **lengths,
                              guint              *n_lengths)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (data_len != NULL, NULL);

  return batch_get_column (self, TRUE, data_len, lengths, n_lengths);
}

/**
 * kafka_message_batch_get_tags:
 * @self: a #KafkaMessageBatch
 * @n_tags: (out): return location for the number of messages
 *
 * Gets the tag of every message, in order: what each delivered message was
 * given by kafka_producer_produce_batch_full(), so that a binding finds,
 * for each report of a #KafkaProducer::delivery-batch, the callback or the
 * request it belongs to.
 *
 * Returns: (array length=n_tags) (transfer full): the tags (0 for a message
 *   produced without one, and for consumed messages)
 *
 * Since: 1.0
 */
guint32 *
kafka_message_batch_get_tags (KafkaMessageBatch *self,
                              guint             *n_tags)
{
  guint32 *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_tags != NULL, NULL);

  column = g_new (guint32, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);

      const KafkaDeliveryRow *row = batch_row (self, i);

      if (!self->delivered)
        column[i] = 0;
      else if (rkm != NULL)
        column[i] = kafka_message_opaque_get_tag (rkm->_private);
      else if (row != NULL)
        column[i] = row->tag;
      else
        column[i] = kafka_message_get_tag (self->messages[i]);
    }
  *n_tags = self->length;
  return column;
}

/**
 * kafka_message_batch_get_timestamp_types:
 * @self: a #KafkaMessageBatch
 * @n_types: (out): return location for the number of messages
 *
 * Gets what the timestamp of every message means, in order (see
 * kafka_message_batch_get_timestamps()).
 *
 * Returns: (array length=n_types) (transfer full): the #KafkaTimestampType
 *   of each message
 *
 * Since: 1.0
 */
gint *
kafka_message_batch_get_timestamp_types (KafkaMessageBatch *self,
                                         guint             *n_types)
{
  gint *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_types != NULL, NULL);

  column = g_new (gint, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      rd_kafka_timestamp_type_t tstype;

      if (rkm == NULL)
        {
          const KafkaDeliveryRow *row = batch_row (self, i);

          column[i] = row != NULL ? row->timestamp_type
                                  : kafka_message_get_timestamp_type (self->messages[i]);
          continue;
        }
      rd_kafka_message_timestamp (rkm, &tstype);
      switch (tstype)
        {
        case RD_KAFKA_TIMESTAMP_CREATE_TIME:
          column[i] = KAFKA_TIMESTAMP_CREATE_TIME;
          break;
        case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
          column[i] = KAFKA_TIMESTAMP_LOG_APPEND_TIME;
          break;
        case RD_KAFKA_TIMESTAMP_NOT_AVAILABLE:
        default:
          column[i] = KAFKA_TIMESTAMP_NOT_AVAILABLE;
          break;
        }
    }
  *n_types = self->length;
  return column;
}

/**
 * kafka_message_batch_get_latencies:
 * @self: a #KafkaMessageBatch
 * @n_latencies: (out): return location for the number of messages
 *
 * Gets, for every delivered message in order, the time from produce to
 * delivery report in microseconds, as kafka_message_get_latency() does.
 *
 * Returns: (array length=n_latencies) (transfer full): the latencies (-1
 *   where not known, such as consumed messages)
 *
 * Since: 1.0
 */
gint64 *
kafka_message_batch_get_latencies (KafkaMessageBatch *self,
                                   guint             *n_latencies)
{
  gint64 *column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_latencies != NULL, NULL);

  column = g_new (gint64, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);

      const KafkaDeliveryRow *row = batch_row (self, i);

      if (rkm != NULL)
        column[i] = self->delivered ? rd_kafka_message_latency (rkm) : -1;
      else if (row != NULL)
        column[i] = row->latency;
      else
        column[i] = kafka_message_get_latency (self->messages[i]);
    }
  *n_latencies = self->length;
  return column;
}

/**
 * kafka_message_batch_get_topics:
 * @self: a #KafkaMessageBatch
 * @n_topics: (out): return location for the number of topics
 * @indexes: (out) (array length=n_indexes) (transfer full): return location
 *   for the topic of each message, in order, as an index into the returned
 *   names (-1 for a consumer error that concerns no topic)
 * @n_indexes: (out): return location for the number of messages
 *
 * Gets the topic of every message as a column: each distinct name once, and
 * an index per message (a consumed batch may mix the topics of a
 * subscription), which costs a binding one string per topic rather than one
 * per message.
 *
 * |[<!-- language="Python" -->
 * names, indexes = batch.get_topics()
 * topics = [names[i] if i >= 0 else None for i in indexes]
 * ]|
 *
 * Returns: (array length=n_topics) (transfer full): the distinct topic names,
 *   in order of first appearance
 *
 * Since: 1.0
 */
char **
kafka_message_batch_get_topics (KafkaMessageBatch  *self,
                                guint              *n_topics,
                                gint32            **indexes,
                                guint              *n_indexes)
{
  GPtrArray *names;
  gint32 *column;
  const char *last = NULL;
  gint32 last_index = -1;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (n_topics != NULL, NULL);
  g_return_val_if_fail (indexes != NULL, NULL);
  g_return_val_if_fail (n_indexes != NULL, NULL);

  names = g_ptr_array_new ();
  column = g_new (gint32, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const char *topic = kafka_message_batch_get_topic (self, i);
      guint j;

      if (topic == NULL)
        {
          column[i] = -1;
          continue;
        }
      /* runs of one topic are the rule: compare with the last one first */
      if (last == NULL || strcmp (topic, last) != 0)
        {
          for (j = 0; j < names->len; j++)
            if (strcmp (g_ptr_array_index (names, j), topic) == 0)
              break;
          if (j == names->len)
            g_ptr_array_add (names, g_strdup (topic));
          last = g_ptr_array_index (names, j);
          last_index = (gint32) j;
        }
      column[i] = last_index;
    }

  *n_topics = names->len;
  g_ptr_array_add (names, NULL);
  *indexes = column;
  *n_indexes = self->length;
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * kafka_message_batch_get_headers:
 * @self: a #KafkaMessageBatch
 * @data_len: (out): return location for the length of the returned buffer
 * @counts: (out) (array length=n_counts) (transfer full): return location
 *   for the number of headers of each message, in order
 * @n_counts: (out): return location for the number of messages
 * @names: (out) (array length=n_names) (transfer full): return location
 *   for the names of all the headers, message after message, each message's
 *   in order
 * @n_names: (out): return location for the number of headers in all
 * @lengths: (out) (array length=n_lengths) (transfer full): return location
 *   for the length of each header value, as @names lists them (-1 for a
 *   %NULL value)
 * @n_lengths: (out): return location for the number of headers in all
 *
 * Gets the headers of every message at once: how many each message has,
 * then all their names, value lengths and values end to end, message after
 * message. Message i's headers are the @counts[i] that follow those of the
 * messages before it.
 *
 * |[<!-- language="Python" -->
 * data, counts, names, lengths = batch.get_headers()
 * ]|
 *
 * Returns: (array length=data_len) (transfer full): the header values, end
 *   to end
 *
 * Since: 1.0
 */
guint8 *
kafka_message_batch_get_headers (KafkaMessageBatch   *self,
                                 gsize               *data_len,
                                 gint32             **counts,
                                 guint               *n_counts,
                                 char              ***names,
                                 guint               *n_names,
                                 gint32             **lengths,
                                 guint               *n_lengths)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GPtrArray) name_array = g_ptr_array_new ();
  g_autoptr(GArray) length_array = g_array_new (FALSE, FALSE, sizeof (gint32));
  gint32 *count_column;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), NULL);
  g_return_val_if_fail (data_len != NULL, NULL);
  g_return_val_if_fail (counts != NULL && n_counts != NULL, NULL);
  g_return_val_if_fail (names != NULL && n_names != NULL, NULL);
  g_return_val_if_fail (lengths != NULL && n_lengths != NULL, NULL);

  count_column = g_new (gint32, MAX (self->length, 1));
  for (guint i = 0; i < self->length; i++)
    {
      const rd_kafka_message_t *rkm = batch_rkm (self, i);
      gint32 n = 0;

      if (rkm != NULL)
        {
          rd_kafka_headers_t *hdrs = NULL;
          const char *name;
          const void *value;
          size_t size;

          /* a consumer error has no headers; rd_kafka_message_headers()
           * takes a const message but parses it in place */
          if ((self->delivered || rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR) &&
              rd_kafka_message_headers (rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
            for (; rd_kafka_header_get_all (hdrs, (size_t) n, &name, &value, &size) ==
                   RD_KAFKA_RESP_ERR_NO_ERROR; n++)
              {
                gint32 len = value != NULL ? (gint32) size : -1;

                g_ptr_array_add (name_array, g_strdup (name));
                g_array_append_val (length_array, len);
                if (value != NULL)
                  g_byte_array_append (data, value, (guint) size);
              }
        }
      else
        {
          const KafkaDeliveryRow *row = batch_row (self, i);
          KafkaHeaders *headers = row != NULL ? row->headers
                                              : kafka_message_get_headers (self->messages[i]);

          for (; headers != NULL && (guint) n < kafka_headers_get_length (headers); n++)
            {
              gsize size = 0;
              const guint8 *value = kafka_headers_get_value (headers, (guint) n, &size);
              gint32 len = value != NULL ? (gint32) size : -1;

              g_ptr_array_add (name_array, g_strdup (kafka_headers_get_name (headers, (guint) n)));
              g_array_append_val (length_array, len);
              if (value != NULL)
                g_byte_array_append (data, value, (guint) size);
            }
        }
      count_column[i] = n;
    }

  *counts = count_column;
  *n_counts = self->length;
  *n_names = name_array->len;
  g_ptr_array_add (name_array, NULL);
  *names = (char **) g_ptr_array_free (g_steal_pointer (&name_array), FALSE);
  *n_lengths = length_array->len;
  *lengths = (gint32 *) (gpointer) g_array_free (g_steal_pointer (&length_array), FALSE);
  *data_len = data->len;
  /* one more byte: no headers at all is still a non-NULL buffer */
  g_byte_array_append (data, (const guint8 *) "", 1);
  return g_byte_array_free (g_steal_pointer (&data), FALSE);
}

/* The headers of a message the batch reads in place, or NULL. */
static const rd_kafka_headers_t *
batch_rd_headers (KafkaMessageBatch        *self,
                  const rd_kafka_message_t *rkm)
{
  rd_kafka_headers_t *hdrs = NULL;

  /* a consumer error has no headers; rd_kafka_message_headers() takes a
   * const message but parses its headers in place, once */
  if ((self->delivered || rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR) &&
      rd_kafka_message_headers (rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
    return hdrs;
  return NULL;
}

/**
 * kafka_message_batch_peek: (skip)
 * @self: a #KafkaMessageBatch
 * @index: the index of a message, below kafka_message_batch_get_length()
 * @view: (out caller-allocates): where to put what the message holds
 *
 * Reads one message of the batch in place, all its fields in one go,
 * without creating a #KafkaMessage or copying anything: the way for C code
 * (and a binding's C module) to go through a batch message by message as
 * fast as the columns go through it field by field. See #KafkaMessageView
 * for how long its pointers stay valid.
 *
 * |[<!-- language="C" -->
 * for (guint i = 0; i < kafka_message_batch_get_length (batch); i++)
 *   {
 *     KafkaMessageView v;
 *
 *     kafka_message_batch_peek (batch, i, &v);
 *     if (v.error_code == 0)
 *       handle (v.partition, v.offset, v.value, v.value_len);
 *   }
 * ]|
 *
 * Since: 1.0
 */
void
kafka_message_batch_peek (KafkaMessageBatch *self,
                          guint              index,
                          KafkaMessageView  *view)
{
  const rd_kafka_message_t *rkm;

  g_return_if_fail (KAFKA_IS_MESSAGE_BATCH (self));
  g_return_if_fail (index < self->length);
  g_return_if_fail (view != NULL);

  memset (view, 0, sizeof *view);
  rkm = batch_rkm (self, index);
  if (rkm != NULL)
    {
      const rd_kafka_headers_t *hdrs;
      rd_kafka_timestamp_type_t tstype;
      gboolean consumer_error = !self->delivered && rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR;

      if (rkm->rkt != NULL)
        view->topic = self->delivered ? kafka_topic_get_name (rkm->rkt)
                                      : rd_kafka_topic_name (rkm->rkt);
      view->partition = rkm->partition;
      view->offset = rkm->offset;
      view->timestamp = rd_kafka_message_timestamp (rkm, &tstype);
      view->timestamp_type = tstype == RD_KAFKA_TIMESTAMP_CREATE_TIME ? KAFKA_TIMESTAMP_CREATE_TIME
                           : tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? KAFKA_TIMESTAMP_LOG_APPEND_TIME
                           : KAFKA_TIMESTAMP_NOT_AVAILABLE;
      view->key = rkm->key;
      view->key_len = rkm->key ? rkm->key_len : 0;
      /* a consumer error's payload is its text, not a value */
      view->value = consumer_error ? NULL : rkm->payload;
      view->value_len = view->value ? rkm->len : 0;
      view->error_code = rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR ? 0 : (int) kafka_error_from_rd (rkm->err);
      view->tag = self->delivered ? kafka_message_opaque_get_tag (rkm->_private) : 0;
      hdrs = batch_rd_headers (self, rkm);
      view->n_headers = hdrs ? (guint) rd_kafka_header_cnt (hdrs) : 0;
    }
  else if (batch_row (self, index) != NULL)
    {
      const KafkaDeliveryRow *row = batch_row (self, index);

      view->topic = row->topic;
      view->partition = row->partition;
      view->offset = row->offset;
      view->timestamp = row->timestamp;
      view->timestamp_type = row->timestamp_type;
      view->key = row->key;
      view->key_len = row->key ? row->key_len : 0;
      view->value = row->value;
      view->value_len = row->value ? row->value_len : 0;
      view->error_code = row->err == RD_KAFKA_RESP_ERR_NO_ERROR ? 0 : (int) kafka_error_from_rd (row->err);
      view->tag = row->tag;
      view->n_headers = row->headers ? kafka_headers_get_length (row->headers) : 0;
    }
  else
    {
      KafkaMessage *m = self->messages[index];
      KafkaHeaders *headers = kafka_message_get_headers (m);
      const GError *error = kafka_message_get_error (m);

      view->topic = kafka_message_get_topic (m);
      view->partition = kafka_message_get_partition (m);
      view->offset = kafka_message_get_offset (m);
      view->timestamp = kafka_message_get_timestamp (m);
      view->timestamp_type = kafka_message_get_timestamp_type (m);
      view->key = kafka_message_get_key (m, &view->key_len);
      view->value = kafka_message_get_value (m, &view->value_len);
      view->error_code = error ? error->code : 0;
      view->tag = kafka_message_get_tag (m);
      view->n_headers = headers ? kafka_headers_get_length (headers) : 0;
    }
}

/**
 * kafka_message_batch_peek_header: (skip)
 * @self: a #KafkaMessageBatch
 * @index: the index of a message, below kafka_message_batch_get_length()
 * @header: the index of one of its headers, below the @n_headers that
 *   kafka_message_batch_peek() gives
 * @name: (out) (transfer none): return location for the header's name
 * @value: (out) (transfer none) (nullable): return location for its value,
 *   in the batch's storage (%NULL for a null value)
 * @value_len: (out): return location for the value's length, -1 for null
 *
 * Reads one header of a message of the batch in place, as
 * kafka_message_batch_peek() reads the message.
 *
 * Returns: %TRUE if the message has that header, %FALSE otherwise
 *
 * Since: 1.0
 */
gboolean
kafka_message_batch_peek_header (KafkaMessageBatch  *self,
                                 guint               index,
                                 guint               header,
                                 const char        **name,
                                 const guint8      **value,
                                 gssize             *value_len)
{
  const rd_kafka_message_t *rkm;

  g_return_val_if_fail (KAFKA_IS_MESSAGE_BATCH (self), FALSE);
  g_return_val_if_fail (index < self->length, FALSE);
  g_return_val_if_fail (name != NULL && value != NULL && value_len != NULL, FALSE);

  rkm = batch_rkm (self, index);
  if (rkm != NULL)
    {
      const rd_kafka_headers_t *hdrs = batch_rd_headers (self, rkm);
      const void *v;
      size_t size;

      if (hdrs == NULL ||
          rd_kafka_header_get_all (hdrs, header, name, &v, &size) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return FALSE;
      *value = v;
      *value_len = v ? (gssize) size : -1;
      return TRUE;
    }
  else
    {
      const KafkaDeliveryRow *row = batch_row (self, index);
      KafkaHeaders *headers = row != NULL ? row->headers
                                          : kafka_message_get_headers (self->messages[index]);
      gsize size = 0;

      if (headers == NULL || header >= kafka_headers_get_length (headers))
        return FALSE;
      *name = kafka_headers_get_name (headers, header);
      *value = kafka_headers_get_value (headers, header, &size);
      *value_len = *value ? (gssize) size : -1;
      return TRUE;
    }
}
