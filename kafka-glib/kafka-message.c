/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-enum-types.h"
#include "kafka-error-private.h"
#include "kafka-headers-private.h"
#include "kafka-message-private.h"
#include "kafka-message.h"

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
 *
 * What a list view shows is also there as read-only properties
 * (#KafkaMessage:topic, #KafkaMessage:partition, #KafkaMessage:offset,
 * #KafkaMessage:timestamp, #KafkaMessage:timestamp-type,
 * #KafkaMessage:key, #KafkaMessage:value, #KafkaMessage:headers), for
 * `GtkExpression`s, list item factories and g_object_bind_property(). A
 * message never changes, so they are never notified. Key and value are
 * #GBytes there, %NULL for a null key or value; reading them copies nothing.
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
   * librdkafka message (rkm), kept alive as long as the KafkaMessage. A
   * delivery report borrows librdkafka's message (borrowed) while its
   * signal is emitted, and copies key and value out of it only when asked
   * for them (data_ready), or when a handler kept the message (detach). */
  const guint8       *key;
  gsize               key_len;
  const guint8       *value;
  gsize               value_len;
  gpointer            storage;
  rd_kafka_message_t *rkm;
  const rd_kafka_message_t *borrowed;
  KafkaHandle        *handle;
  gsize               data_ready;     /* g_once: key and value are ours */
  gsize               headers_ready;  /* g_once: headers were read */

  KafkaHeaders       *headers;
  GError             *error;

  KafkaMessage       *next_free;      /* in the pool */
};

G_DEFINE_FINAL_TYPE (KafkaMessage, kafka_message, G_TYPE_OBJECT)

/* Messages nobody holds any more, kept for the next ones: a GObject costs
 * more to create and finalize than everything else a consumed message
 * needs. Only messages that nothing but the library held (one reference,
 * no qdata: no binding wrapper, weak reference or toggle reference) come
 * here, emptied. */
#define POOL_MAX 2048

static GMutex        pool_lock;
static KafkaMessage *pool_head;
static guint         pool_size;

/* Back to a new message's state; the handle and the topic stay (the next
 * message mostly has the same: read_common() replaces it if not). */
static void
message_clear (KafkaMessage *self)
{
  g_clear_pointer (&self->storage, g_free);
  g_clear_pointer (&self->rkm, rd_kafka_message_destroy);
  g_clear_object (&self->headers);
  g_clear_error (&self->error);
  self->borrowed = NULL;
  self->key = self->value = NULL;
  self->key_len = self->value_len = 0;
  self->partition = -1;
  self->leader_epoch = -1;
  self->offset = -1001; /* KAFKA_OFFSET_INVALID */
  self->timestamp = 0;
  self->latency = -1;
  self->tag = 0;
  self->timestamp_type = KAFKA_TIMESTAMP_NOT_AVAILABLE;
  self->status = KAFKA_MESSAGE_STATUS_NOT_PERSISTED;
  self->data_ready = 0;
  self->headers_ready = 0;
}

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_PARTITION,
  PROP_OFFSET,
  PROP_TIMESTAMP,
  PROP_TIMESTAMP_TYPE,
  PROP_KEY,
  PROP_VALUE,
  PROP_HEADERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kafka_message_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KafkaMessage *self = KAFKA_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;
    case PROP_PARTITION:
      g_value_set_int (value, self->partition);
      break;
    case PROP_OFFSET:
      g_value_set_int64 (value, self->offset);
      break;
    case PROP_TIMESTAMP:
      g_value_set_int64 (value, self->timestamp);
      break;
    case PROP_TIMESTAMP_TYPE:
      g_value_set_enum (value, self->timestamp_type);
      break;
    case PROP_KEY:
      g_value_take_boxed (value, kafka_message_get_key_bytes (self));
      break;
    case PROP_VALUE:
      g_value_take_boxed (value, kafka_message_get_value_bytes (self));
      break;
    case PROP_HEADERS:
      g_value_set_object (value, kafka_message_get_headers (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_message_finalize (GObject *object)
{
  KafkaMessage *self = KAFKA_MESSAGE (object);

  message_clear (self);
  g_clear_pointer (&self->topic, g_ref_string_release);
  /* last: the consumed message above needed it */
  g_clear_pointer (&self->handle, kafka_handle_unref);

  G_OBJECT_CLASS (kafka_message_parent_class)->finalize (object);
}

static void
kafka_message_class_init (KafkaMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = kafka_message_finalize;
  object_class->get_property = kafka_message_get_property;

  /**
   * KafkaMessage:topic:
   *
   * The topic of the message, %NULL for a consumer error that concerns no
   * topic.
   *
   * Since: 1.0
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL, flags);

  /**
   * KafkaMessage:partition:
   *
   * The partition of the message, -1 if none was assigned (a delivery that
   * failed before partitioning).
   *
   * Since: 1.0
   */
  properties[PROP_PARTITION] =
    g_param_spec_int ("partition", NULL, NULL, -1, G_MAXINT32, -1, flags);

  /**
   * KafkaMessage:offset:
   *
   * The offset of the message in its partition, %KAFKA_OFFSET_INVALID if it
   * has none (a failed delivery, or a producer with `acks=0`).
   *
   * Since: 1.0
   */
  properties[PROP_OFFSET] =
    g_param_spec_int64 ("offset", NULL, NULL, G_MININT64, G_MAXINT64, -1001, flags);

  /**
   * KafkaMessage:timestamp:
   *
   * The timestamp of the message in milliseconds since the Unix epoch, -1 if
   * there is none; #KafkaMessage:timestamp-type tells what it means.
   *
   * Since: 1.0
   */
  properties[PROP_TIMESTAMP] =
    g_param_spec_int64 ("timestamp", NULL, NULL, G_MININT64, G_MAXINT64, -1, flags);

  /**
   * KafkaMessage:timestamp-type:
   *
   * What #KafkaMessage:timestamp means.
   *
   * Since: 1.0
   */
  properties[PROP_TIMESTAMP_TYPE] =
    g_param_spec_enum ("timestamp-type", NULL, NULL, KAFKA_TYPE_TIMESTAMP_TYPE,
                       KAFKA_TIMESTAMP_NOT_AVAILABLE, flags);

  /* (getter) on key and value: the scanner would otherwise pair them with
   * get_key() and get_value(), which return arrays, not GBytes. gtk-doc 1.33
   * does not know the annotation and warns "unknown annotation"; the
   * gobject-introspection 1.74 scanner reads it nowhere else (a
   * (get-property) on the method does not stop the pairing by name) */
  /**
   * KafkaMessage:key: (getter get_key_bytes)
   *
   * The key of the message, %NULL if it has none. Reading it copies
   * nothing: the #GBytes keeps the message alive.
   *
   * Since: 1.0
   */
  properties[PROP_KEY] =
    g_param_spec_boxed ("key", NULL, NULL, G_TYPE_BYTES, flags);

  /**
   * KafkaMessage:value: (getter get_value_bytes)
   *
   * The value of the message, %NULL if it is null (a tombstone) or the
   * message reports a consumer error; a failed delivery keeps the value it
   * was produced with. Reading it copies nothing: the #GBytes keeps the
   * message alive.
   *
   * Since: 1.0
   */
  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL, G_TYPE_BYTES, flags);

  /**
   * KafkaMessage:headers:
   *
   * The headers of the message, %NULL if it has none.
   *
   * Since: 1.0
   */
  properties[PROP_HEADERS] =
    g_param_spec_object ("headers", NULL, NULL, KAFKA_TYPE_HEADERS, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
count_datum (GQuark   key,
             gpointer data,
             gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* TRUE if the caller's reference is the only hold on @self: no other
 * reference, and no qdata (a binding's wrapper, a weak or toggle
 * reference, user data) that expects the object to stay what it is. */
static gboolean
message_is_exclusive (KafkaMessage *self)
{
  GObject *object = (GObject *) self;  /* per message: no checked cast */
  guint n = 0;

  if (g_atomic_int_get (&object->ref_count) != 1)
    return FALSE;
  g_datalist_foreach (&object->qdata, count_datum, &n);
  return n == 0;
}

static KafkaMessage *
message_alloc (void)
{
  KafkaMessage *self = NULL;

  g_mutex_lock (&pool_lock);
  if (pool_head != NULL)
    {
      self = pool_head;
      pool_head = self->next_free;
      self->next_free = NULL;
      pool_size--;
    }
  g_mutex_unlock (&pool_lock);

  return self != NULL ? self : g_object_new (KAFKA_TYPE_MESSAGE, NULL);
}

void
kafka_message_release (gpointer message)
{
  KafkaMessage *self = message;

  if (self == NULL)
    return;
  if (!message_is_exclusive (self))
    {
      /* whoever holds it keeps what a delivery report's message lent */
      kafka_message_detach (self);
      g_object_unref (self);
      return;
    }

  message_clear (self);
  g_clear_pointer (&self->topic, g_ref_string_release);
  g_clear_pointer (&self->handle, kafka_handle_unref);
  g_mutex_lock (&pool_lock);
  if (pool_size < POOL_MAX)
    {
      self->next_free = pool_head;
      pool_head = self;
      pool_size++;
      self = NULL;
    }
  g_mutex_unlock (&pool_lock);
  if (self != NULL)
    g_object_unref (self);
}

static void
read_common (KafkaMessage             *self,
             const rd_kafka_message_t *rkm,
             GRefString               *topic)
{
  rd_kafka_timestamp_type_t tstype;

  /* a reused message mostly keeps its topic */
  if (topic == NULL || self->topic != topic)
    {
      g_clear_pointer (&self->topic, g_ref_string_release);
      if (topic != NULL)
        self->topic = g_ref_string_acquire (topic);
      else if (rkm->rkt != NULL)
        self->topic = g_ref_string_new (rd_kafka_topic_name (rkm->rkt));
    }

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

/* Key and value of a delivery report, copied out of the report's message
 * on first use (its payload belongs to the event, destroyed after
 * dispatch). */
static void
message_ensure_data (KafkaMessage *self)
{
  if (g_once_init_enter (&self->data_ready))
    {
      const rd_kafka_message_t *rkm = self->borrowed;
      guint8 *block;

      /* (a message made with g_object_new() borrows nothing) */
      if (rkm == NULL)
        {
          g_once_init_leave (&self->data_ready, 1);
          return;
        }
      /* one block; the extra byte keeps an empty, non-null value a
       * non-NULL pointer */
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
      g_once_init_leave (&self->data_ready, 1);
    }
}

/* Headers are read on first use: librdkafka parses a consumed message's
 * headers only when asked, and that costs more than the rest of it. */
static void
message_ensure_headers (KafkaMessage *self)
{
  if (g_once_init_enter (&self->headers_ready))
    {
      const rd_kafka_message_t *rkm = self->rkm != NULL ? self->rkm : self->borrowed;
      rd_kafka_headers_t *hdrs = NULL;

      /* a consumed message's error has no headers; a failed delivery's
       * message has the ones it was produced with */
      if (rkm != NULL && (self->rkm == NULL || rkm->err == RD_KAFKA_RESP_ERR_NO_ERROR) &&
          rd_kafka_message_headers ((rd_kafka_message_t *) rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
        self->headers = kafka_headers_new_from_rd (hdrs);
      g_once_init_leave (&self->headers_ready, 1);
    }
}

static KafkaMessageStatus
delivered_status (const rd_kafka_message_t *rkm)
{
  switch (rd_kafka_message_status (rkm))
    {
    case RD_KAFKA_MSG_STATUS_PERSISTED:
      return KAFKA_MESSAGE_STATUS_PERSISTED;
    case RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED:
      return KAFKA_MESSAGE_STATUS_POSSIBLY_PERSISTED;
    case RD_KAFKA_MSG_STATUS_NOT_PERSISTED:
    default:
      return KAFKA_MESSAGE_STATUS_NOT_PERSISTED;
    }
}

static void
set_delivery_error (KafkaMessage        *self,
                    rd_kafka_resp_err_t  err)
{
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    g_propagate_error (&self->error,
                       kafka_error_new_rd (err, NULL, "Delivery to topic “%s” failed",
                                           self->topic ? self->topic : ""));
}

static void
fill_delivered (KafkaMessage             *self,
                const rd_kafka_message_t *rkm,
                GRefString               *topic)
{
  read_common (self, rkm, topic);
  self->latency = rd_kafka_message_latency (rkm);
  self->tag = kafka_message_opaque_get_tag (rkm->_private);
  self->status = delivered_status (rkm);
  self->borrowed = rkm;
  set_delivery_error (self, rkm->err);
}

void
kafka_delivery_row_read (KafkaDeliveryRow         *row,
                         const rd_kafka_message_t *rkm,
                         GRefString               *topic)
{
  rd_kafka_headers_t *hdrs = NULL;
  rd_kafka_timestamp_type_t tstype;

  if (topic != NULL)
    row->topic = g_ref_string_acquire (topic);
  else if (rkm->rkt != NULL)
    row->topic = g_ref_string_new (rd_kafka_topic_name (rkm->rkt));
  else
    row->topic = NULL;
  row->partition = rkm->partition;
  row->offset = rkm->offset;
  row->timestamp = rd_kafka_message_timestamp (rkm, &tstype);
  row->timestamp_type = tstype == RD_KAFKA_TIMESTAMP_CREATE_TIME ? KAFKA_TIMESTAMP_CREATE_TIME
                      : tstype == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? KAFKA_TIMESTAMP_LOG_APPEND_TIME
                      : KAFKA_TIMESTAMP_NOT_AVAILABLE;
  row->latency = rd_kafka_message_latency (rkm);
  row->tag = kafka_message_opaque_get_tag (rkm->_private);
  row->status = delivered_status (rkm);
  row->err = rkm->err;
  row->headers = NULL;
  if (rd_kafka_message_headers (rkm, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR)
    row->headers = kafka_headers_new_from_rd (hdrs);
}

void
kafka_delivery_row_clear (KafkaDeliveryRow *row)
{
  g_clear_pointer (&row->topic, g_ref_string_release);
  g_clear_object (&row->headers);
}

KafkaMessage *
kafka_message_new_from_row (const KafkaDeliveryRow *row)
{
  KafkaMessage *self = message_alloc ();
  guint8 *block;

  if (row->topic != NULL)
    self->topic = g_ref_string_acquire (row->topic);
  self->partition = row->partition;
  self->offset = row->offset;
  self->timestamp = row->timestamp;
  self->timestamp_type = row->timestamp_type;
  self->latency = row->latency;
  self->tag = row->tag;
  self->status = row->status;
  set_delivery_error (self, row->err);

  /* one block, as message_ensure_data() makes */
  block = g_malloc (row->key_len + row->value_len + 1);
  self->storage = block;
  if (row->key != NULL)
    {
      memcpy (block, row->key, row->key_len);
      self->key = block;
      self->key_len = row->key_len;
    }
  if (row->value != NULL)
    {
      memcpy (block + row->key_len, row->value, row->value_len);
      self->value = block + row->key_len;
      self->value_len = row->value_len;
    }
  self->data_ready = 1;
  if (row->headers != NULL)
    self->headers = g_object_ref (row->headers);
  self->headers_ready = 1;
  return self;
}

KafkaMessage *
kafka_message_new_delivery (const rd_kafka_message_t *rkm,
                            GRefString               *topic)
{
  KafkaMessage *self = message_alloc ();

  fill_delivered (self, rkm, topic);
  return self;
}

gboolean
kafka_message_reuse_delivery (KafkaMessage             *self,
                              const rd_kafka_message_t *rkm,
                              GRefString               *topic)
{
  if (!message_is_exclusive (self))
    return FALSE;
  message_clear (self);
  fill_delivered (self, rkm, topic);
  return TRUE;
}

void
kafka_message_detach (KafkaMessage *self)
{
  if (self->borrowed == NULL)
    return;
  message_ensure_data (self);
  message_ensure_headers (self);
  self->borrowed = NULL;
}

KafkaMessage *
kafka_message_new_delivered (const rd_kafka_message_t *rkm,
                             GRefString               *topic)
{
  KafkaMessage *self = kafka_message_new_delivery (rkm, topic);

  kafka_message_detach (self);
  return self;
}

static void
fill_consumed (KafkaMessage       *self,
               rd_kafka_message_t *rkm,
               GRefString         *topic)
{
  read_common (self, rkm, topic);

  /* no copy: the message keeps librdkafka's buffer, and so its handle, alive */
  self->rkm = rkm;
  self->key = rkm->key;
  self->key_len = rkm->key_len;
  self->value = rkm->payload;
  self->value_len = rkm->len;
  self->data_ready = 1;

  if (rkm->err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      /* a consumer error carries its text in the payload */
      self->error = kafka_error_new_rd_text (rkm->err, rd_kafka_message_errstr (rkm));
      self->value = NULL;
      self->value_len = 0;
    }
}

KafkaMessage *
kafka_message_new_consumed (rd_kafka_message_t *rkm,
                            GRefString         *topic,
                            KafkaHandle        *handle)
{
  KafkaMessage *self = message_alloc ();

  fill_consumed (self, rkm, topic);
  self->handle = handle;
  return self;
}

gboolean
kafka_message_reuse_consumed (KafkaMessage       *self,
                              rd_kafka_message_t *rkm,
                              GRefString         *topic,
                              KafkaHandle        *handle)
{
  if (!message_is_exclusive (self))
    return FALSE;
  message_clear (self);
  fill_consumed (self, rkm, topic);
  if (self->handle != handle)
    {
      g_clear_pointer (&self->handle, kafka_handle_unref);
      self->handle = kafka_handle_ref (handle);
    }
  return TRUE;
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

  message_ensure_data (self);
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

  message_ensure_data (self);
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
 *   the value, or %NULL if it is null (a tombstone) or the message reports a
 *   consumer error
 *
 * Since: 1.0
 */
const guint8 *
kafka_message_get_value (KafkaMessage *self,
                         gsize        *value_len)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  message_ensure_data (self);
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
 * Returns: (transfer full) (nullable): the value, or %NULL if it is null (a
 *   tombstone) or the message reports a consumer error
 *
 * Since: 1.0
 */
GBytes *
kafka_message_get_value_bytes (KafkaMessage *self)
{
  g_return_val_if_fail (KAFKA_IS_MESSAGE (self), NULL);

  message_ensure_data (self);
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

  message_ensure_headers (self);
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
