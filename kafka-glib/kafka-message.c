/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-error-private.h"
#include "kafka-headers-private.h"
#include "kafka-message-private.h"

/**
 * SECTION:kafka-message
 * @Title: KafkaMessage
 * @Short_description: a message, as delivered or consumed
 *
 * A #KafkaMessage is a Kafka record as the client saw it: a produced message
 * in its delivery report (the #KafkaProducer::delivery signal), or a consumed
 * one. It is immutable.
 *
 * Key and value are returned as byte arrays, which bindings turn into
 * `bytes` (Python) and `Uint8Array` (GJS); a %NULL key or value (a tombstone)
 * is told apart from an empty one. C callers who want to keep them without a
 * copy use kafka_message_get_key_bytes() and kafka_message_get_value_bytes().
 *
 * A message that failed (a delivery that did not succeed, a consumer error
 * such as reaching the end of a partition) carries a #GError, as
 * confluent-kafka-python's `Message.error()` does.
 */

struct _KafkaMessage
{
  GObject parent_instance;

  GRefString         *topic;
  gint32              partition;
  gint32              leader_epoch;
  gint64              offset;
  gint64              timestamp;
  gint64              latency;
  KafkaTimestampType  timestamp_type;
  KafkaMessageStatus  status;
  guint32             tag;

  /* key and value point into storage: a block of our own or a consumed
   * librdkafka message, kept alive as long as the KafkaMessage */
  const guint8       *key;
  gsize               key_len;
  const guint8       *value;
  gsize               value_len;
  gpointer            storage;
  rd_kafka_message_t *rkm;
  KafkaHandle        *handle;

  KafkaHeaders       *headers;
  GError             *error;
};

G_DEFINE_FINAL_TYPE (KafkaMessage, kafka_message, G_TYPE_OBJECT)

static void
kafka_message_finalize (GObject *object)
{
  KafkaMessage *self = KAFKA_MESSAGE (object);

  g_clear_pointer (&self->topic, g_ref_string_release);
  g_clear_pointer (&self->storage, g_free);
  g_clear_pointer (&self->rkm, rd_kafka_message_destroy);
  g_clear_pointer (&self->handle, kafka_handle_unref);
  g_clear_object (&self->headers);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_message_parent_class)->finalize (object);
}

static void
kafka_message_class_init (KafkaMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kafka_message_finalize;
}

static void
kafka_message_init (KafkaMessage *self)
{
  self->partition = -1;
  self->leader_epoch = -1;
  self->offset = -1001; /* KAFKA_OFFSET_INVALID */
  self->latency = -1;
}

static void
read_common (KafkaMessage             *self,
             const rd_kafka_message_t *rkm,
             GRefString               *topic)
{
  rd_kafka_timestamp_type_t tstype;

  if (topic != NULL)
    self->topic = g_ref_string_acquire (topic);
  else if (rkm->rkt != NULL)
    self->topic = g_ref_string_new (rd_kafka_topic_name (rkm->rkt));

  self->partition = rkm->partition;
  self->offset = rkm->offset;
  self->timestamp = rd_kafka_message_timestamp (rkm, &tstype);
  switch (tstype)
    {
    case RD_KAFKA_TIMESTAMP_CREATE_TIME:
      self->timestamp_type = KAFKA_TIMESTAMP_CREATE_TIME;
      break;
    case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
      self->timestamp_type = KAFKA_TIMESTAMP_LOG_APPEND_TIME;
      break;
    case RD_KAFKA_TIMESTAMP_NOT_AVAILABLE:
    default:
      self->timestamp_type = KAFKA_TIMESTAMP_NOT_AVAILABLE;
      break;
    }
}

KafkaMessage *
kafka_message_new_delivered (const rd_kafka_message_t *rkm,
                             GRefString               *topic)
{
  KafkaMessage *self = g_object_new (KAFKA_TYPE_MESSAGE, NULL);
  rd_kafka_headers_t *hdrs = NULL;
  guint8 *block;

  read_common (self, rkm, topic);
  self->latency = rd_kafka_message_latency (rkm);
  self->tag = kafka_message_opaque_get_tag (rkm->_private);

  switch (rd_kafka_message_status (rkm))
    {
    case RD_KAFKA_MSG_STATUS_PERSISTED:
      self->status = KAFKA_MESSAGE_STATUS_PERSISTED;
      break;
    case RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED:
      self->status = KAFKA_MESSAGE_STATUS_POSSIBLY_PERSISTED;
      break;
    case RD_KAFKA_MSG_STATUS_NOT_PERSISTED:
    default:
      self->status = KAFKA_MESSAGE_STATUS_NOT_PERSISTED;
      break;
    }

  /* The report's payload belongs to the event, which is destroyed after
   * dispatch (and holding it would keep the message counted in the producer's
   * queue), so copy key and value out, in one block. The extra byte keeps an
   * empty, non-null value a non-NULL pointer. */
  block = g_malloc (rkm->key_len + rkm->len + 1);
  self->storage = block;
  if (rkm->key != NULL)
    {
      memcpy (block, rkm->key, rkm->key_len);
      self->key = block;
      self->key_len = rkm->key_len;
    }
  if (rkm->payload != NULL)
    {
      memcpy (block + rkm->key_len, rkm->payload, rkm->len);
      self->value = block + rkm->key_len;
      self->value_len = rkm->len;
    }

  if (rd_kafka_message_headers (rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
    self->headers = kafka_headers_new_from_rd (hdrs);

  if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      g_set_error (&self->error, KAFKA_ERROR, kafka_error_from_rd (rkm->err),
                   "Delivery to topic “%s” failed: %s",
                   self->topic ? self->topic : "", rd_kafka_err2str (rkm->err));
    }

  return self;
}

KafkaMessage *
kafka_message_new_consumed (rd_kafka_message_t *rkm,
                            GRefString         *topic,
                            KafkaHandle        *handle)
{
  KafkaMessage *self = g_object_new (KAFKA_TYPE_MESSAGE, NULL);
  rd_kafka_headers_t *hdrs = NULL;

  read_common (self, rkm, topic);

  /* no copy: the message keeps librdkafka's buffer, and so its handle, alive */
  self->rkm = rkm;
  self->handle = handle;
  self->key = rkm->key;
  self->key_len = rkm->key_len;
  self->value = rkm->payload;
  self->value_len = rkm->len;

  if (rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR &&
      rd_kafka_message_headers (rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
    self->headers = kafka_headers_new_from_rd (hdrs);

  if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      /* a consumer error carries its text in the payload */
      self->error = g_error_new (KAFKA_ERROR, kafka_error_from_rd (rkm->err),
                                 "%s", rd_kafka_message_errstr (rkm));
      self->value = NULL;
      self->value_len = 0;
    }

  return self;
}

/**
 * kafka_message_get_topic:
 * @self: a #KafkaMessage
 *
 * Gets the topic of the message.
 *
 * Returns: (transfer none) (nullable): the topic name, or %NULL for a consumer
 *   error that concerns no topic
 *
 * Since: 1.0
 */
const char *
kafka_message_get_topic (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  return self->topic;
}

/**
 * kafka_message_get_partition:
 * @self: a #KafkaMessage
 *
 * Gets the partition of the message.
 *
 * Returns: the partition, or -1 if none was assigned (a delivery that failed
 *   before partitioning)
 *
 * Since: 1.0
 */
gint32
kafka_message_get_partition (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), -1);

  return self->partition;
}

/**
 * kafka_message_get_offset:
 * @self: a #KafkaMessage
 *
 * Gets the offset of the message in its partition.
 *
 * Returns: the offset, or %KAFKA_OFFSET_INVALID if it has none (a failed
 *   delivery, or a producer with `acks=0`)
 *
 * Since: 1.0
 */
gint64
kafka_message_get_offset (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), -1001);

  return self->offset;
}

/**
 * kafka_message_get_timestamp:
 * @self: a #KafkaMessage
 *
 * Gets the timestamp of the message, in milliseconds since the Unix epoch;
 * kafka_message_get_timestamp_type() tells what it means.
 *
 * Returns: the timestamp, or -1 if there is none
 *
 * Since: 1.0
 */
gint64
kafka_message_get_timestamp (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), -1);

  return self->timestamp;
}

/**
 * kafka_message_get_timestamp_type:
 * @self: a #KafkaMessage
 *
 * Gets the kind of timestamp the message carries.
 *
 * Returns: the #KafkaTimestampType
 *
 * Since: 1.0
 */
KafkaTimestampType
kafka_message_get_timestamp_type (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), KAFKA_TIMESTAMP_NOT_AVAILABLE);

  return self->timestamp_type;
}

/**
 * kafka_message_get_key:
 * @self: a #KafkaMessage
 * @key_len: (out) (optional): the length of the key in bytes
 *
 * Gets the key of the message.
 *
 * Returns: (transfer none) (array length=key_len) (element-type guint8) (nullable):
 *   the key, or %NULL if the message has none
 *
 * Since: 1.0
 */
const guint8 *
kafka_message_get_key (KafkaMessage *self,
                       gsize        *key_len)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  if (key_len != NULL)
    *key_len = self->key_len;
  return self->key;
}

static GBytes *
bytes_into_self (KafkaMessage *self,
                 const guint8 *data,
                 gsize         len)
{
  if (data == NULL)
    return NULL;
  return g_bytes_new_with_free_func (data, len, g_object_unref, g_object_ref (self));
}

/**
 * kafka_message_get_key_bytes:
 * @self: a #KafkaMessage
 *
 * Gets the key of the message as #GBytes, without a copy: the bytes keep the
 * message alive.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if the message has none
 *
 * Since: 1.0
 */
GBytes *
kafka_message_get_key_bytes (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  return bytes_into_self (self, self->key, self->key_len);
}

/**
 * kafka_message_get_value:
 * @self: a #KafkaMessage
 * @value_len: (out) (optional): the length of the value in bytes
 *
 * Gets the value (payload) of the message.
 *
 * Returns: (transfer none) (array length=value_len) (element-type guint8) (nullable):
 *   the value, or %NULL if it is null (a tombstone) or the message is an error
 *
 * Since: 1.0
 */
const guint8 *
kafka_message_get_value (KafkaMessage *self,
                         gsize        *value_len)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  if (value_len != NULL)
    *value_len = self->value_len;
  return self->value;
}

/**
 * kafka_message_get_value_bytes:
 * @self: a #KafkaMessage
 *
 * Gets the value of the message as #GBytes, without a copy: the bytes keep the
 * message alive.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if it is null
 *
 * Since: 1.0
 */
GBytes *
kafka_message_get_value_bytes (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  return bytes_into_self (self, self->value, self->value_len);
}

/**
 * kafka_message_get_headers:
 * @self: a #KafkaMessage
 *
 * Gets the headers of the message. Unlike confluent-kafka-python's delivery
 * reports, kafka-glib's carry them too.
 *
 * Returns: (transfer none) (nullable): the headers, or %NULL if the message
 *   has none
 *
 * Since: 1.0
 */
KafkaHeaders *
kafka_message_get_headers (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  return self->headers;
}

/**
 * kafka_message_get_error:
 * @self: a #KafkaMessage
 *
 * Gets the error of the message: why its delivery failed, or the consumer
 * error it reports (%KAFKA_ERROR_PARTITION_EOF at the end of a partition, for
 * example).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL if there is none
 *
 * Since: 1.0
 */
const GError *
kafka_message_get_error (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  return self->error;
}

/**
 * kafka_message_get_status:
 * @self: a #KafkaMessage
 *
 * Tells whether a produced message is stored by the broker. Meaningful in
 * delivery reports; a consumed message is always
 * %KAFKA_MESSAGE_STATUS_PERSISTED.
 *
 * Returns: the #KafkaMessageStatus
 *
 * Since: 1.0
 */
KafkaMessageStatus
kafka_message_get_status (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), KAFKA_MESSAGE_STATUS_NOT_PERSISTED);

  if (self->rkm != NULL)
    return KAFKA_MESSAGE_STATUS_PERSISTED;
  return self->status;
}

/**
 * kafka_message_get_latency:
 * @self: a #KafkaMessage
 *
 * Gets the time from produce to delivery report, in microseconds.
 *
 * Returns: the latency, or -1 if not known (a consumed message)
 *
 * Since: 1.0
 */
gint64
kafka_message_get_latency (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), -1);

  return self->latency;
}

/**
 * kafka_message_get_leader_epoch:
 * @self: a #KafkaMessage
 *
 * Gets the leader epoch of the message, where librdkafka reports one. The
 * librdkafka this was built with (before 2.1) has none, and returns -1.
 *
 * Returns: the leader epoch, or -1
 *
 * Since: 1.0
 */
gint32
kafka_message_get_leader_epoch (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), -1);

  return self->leader_epoch;
}

/**
 * kafka_message_get_tag:
 * @self: a #KafkaMessage
 *
 * Gets the tag the message was produced with by
 * kafka_producer_produce_batch_full(), as its delivery report carries it.
 *
 * Returns: the tag, or 0 for a message produced without one or consumed
 *
 * Since: 1.0
 */
guint32
kafka_message_get_tag (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), 0);

  return self->tag;
}
