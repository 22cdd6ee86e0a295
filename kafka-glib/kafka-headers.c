/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-headers-private.h"
#include "kafka-headers.h"

/**
 * SECTION:kafka-headers
 * @Title: KafkaHeaders
 * @Short_description: the headers of a message
 *
 * An ordered list of message headers: each a name and a binary value, which
 * may be %NULL. The same name may appear more than once, as Kafka allows.
 *
 * Headers given to kafka_producer_produce() are copied; headers read from a
 * #KafkaMessage belong to that message and must not be changed.
 */

typedef struct {
  char   *name;
  GBytes *value;     /* nullable: Kafka has null header values */
} Header;

struct _KafkaHeaders
{
  GObject parent_instance;

  GArray *headers;   /* of Header */
};

G_DEFINE_FINAL_TYPE (KafkaHeaders, kafka_headers, G_TYPE_OBJECT)

static void
header_clear (gpointer data)
{
  Header *h = data;

  g_free (h->name);
  g_clear_pointer (&h->value, g_bytes_unref);
}

static void
kafka_headers_finalize (GObject *object)
{
  KafkaHeaders *self = KAFKA_HEADERS (object);

  g_array_unref (self->headers);

  G_OBJECT_CLASS (kafka_headers_parent_class)->finalize (object);
}

static void
kafka_headers_class_init (KafkaHeadersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kafka_headers_finalize;
}

static void
kafka_headers_init (KafkaHeaders *self)
{
  self->headers = g_array_new (FALSE, FALSE, sizeof (Header));
  g_array_set_clear_func (self->headers, header_clear);
}

/**
 * kafka_headers_new:
 *
 * Creates an empty list of headers.
 *
 * Returns: (transfer full): a new #KafkaHeaders
 *
 * Since: 1.0
 */
KafkaHeaders *
kafka_headers_new (void)
{
  return g_object_new (KAFKA_TYPE_HEADERS, NULL);
}

/**
 * kafka_headers_add:
 * @self: a #KafkaHeaders
 * @name: the header's name
 * @value: (array length=value_len) (element-type guint8) (nullable): the
 *   header's value, or %NULL for a null value
 * @value_len: the length of @value in bytes, or -1 if @value is a
 *   nul-terminated string
 *
 * Appends a header, copying @value. Earlier headers of the same name stay.
 *
 * Since: 1.0
 */
void
kafka_headers_add (KafkaHeaders *self,
                   const char   *name,
                   const guint8 *value,
                   gssize        value_len)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (KAFKA_IS_HEADERS (self));
  g_return_if_fail (name != NULL);

  if (value != NULL)
    {
      if (value_len < 0)
        value_len = strlen ((const char *) value);
      bytes = g_bytes_new (value, value_len);
    }

  kafka_headers_add_bytes (self, name, bytes);
}

/**
 * kafka_headers_add_bytes:
 * @self: a #KafkaHeaders
 * @name: the header's name
 * @value: (nullable): the header's value, or %NULL for a null value
 *
 * Appends a header holding a reference to @value (no copy).
 *
 * Since: 1.0
 */
void
kafka_headers_add_bytes (KafkaHeaders *self,
                         const char   *name,
                         GBytes       *value)
{
  Header h;

  g_return_if_fail (KAFKA_IS_HEADERS (self));
  g_return_if_fail (name != NULL);

  h.name = g_strdup (name);
  h.value = value ? g_bytes_ref (value) : NULL;
  g_array_append_val (self->headers, h);
}

/**
 * kafka_headers_remove:
 * @self: a #KafkaHeaders
 * @name: a header name
 *
 * Removes every header called @name.
 *
 * Returns: how many headers were removed
 *
 * Since: 1.0
 */
guint
kafka_headers_remove (KafkaHeaders *self,
                      const char   *name)
{
  guint removed = 0;

  g_return_val_if_fail (KAFKA_IS_HEADERS (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  for (guint i = self->headers->len; i > 0; i--)
    {
      if (strcmp (g_array_index (self->headers, Header, i - 1).name, name) == 0)
        {
          g_array_remove_index (self->headers, i - 1);
          removed++;
        }
    }

  return removed;
}

/**
 * kafka_headers_get_length:
 * @self: a #KafkaHeaders
 *
 * Gets the number of headers.
 *
 * Returns: the number of headers
 *
 * Since: 1.0
 */
guint
kafka_headers_get_length (KafkaHeaders *self)
{
  g_return_val_if_fail (KAFKA_IS_HEADERS (self), 0);

  return self->headers->len;
}

/**
 * kafka_headers_get_name:
 * @self: a #KafkaHeaders
 * @index: the index of a header, below kafka_headers_get_length()
 *
 * Gets the name of the header at @index.
 *
 * Returns: (transfer none): the header's name
 *
 * Since: 1.0
 */
const char *
kafka_headers_get_name (KafkaHeaders *self,
                        guint         index)
{
  g_return_val_if_fail (KAFKA_IS_HEADERS (self), NULL);
  g_return_val_if_fail (index < self->headers->len, NULL);

  return g_array_index (self->headers, Header, index).name;
}

static const guint8 *
bytes_data (GBytes *bytes,
            gsize  *len)
{
  gsize n = 0;
  const guint8 *data = NULL;

  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &n);
      /* an empty value is not a null one: keep a non-NULL pointer */
      if (data == NULL)
        data = (const guint8 *) "";
    }
  if (len != NULL)
    *len = n;
  return data;
}

/**
 * kafka_headers_get_value:
 * @self: a #KafkaHeaders
 * @index: the index of a header, below kafka_headers_get_length()
 * @value_len: (out) (optional): the length of the value in bytes
 *
 * Gets the value of the header at @index.
 *
 * Returns: (transfer none) (array length=value_len) (element-type guint8) (nullable):
 *   the header's value, or %NULL if it is a null value
 *
 * Since: 1.0
 */
const guint8 *
kafka_headers_get_value (KafkaHeaders *self,
                         guint         index,
                         gsize        *value_len)
{
  g_return_val_if_fail (KAFKA_IS_HEADERS (self), NULL);
  g_return_val_if_fail (index < self->headers->len, NULL);

  return bytes_data (g_array_index (self->headers, Header, index).value,
                     value_len);
}

/**
 * kafka_headers_get_value_bytes:
 * @self: a #KafkaHeaders
 * @index: the index of a header, below kafka_headers_get_length()
 *
 * Gets the value of the header at @index as #GBytes, without a copy.
 *
 * Returns: (transfer none) (nullable): the header's value, or %NULL if it is
 *   a null value
 *
 * Since: 1.0
 */
GBytes *
kafka_headers_get_value_bytes (KafkaHeaders *self,
                               guint         index)
{
  g_return_val_if_fail (KAFKA_IS_HEADERS (self), NULL);
  g_return_val_if_fail (index < self->headers->len, NULL);

  return g_array_index (self->headers, Header, index).value;
}

/**
 * kafka_headers_get_last:
 * @self: a #KafkaHeaders
 * @name: a header name
 * @found: (out) (optional): set to %TRUE if a header called @name exists
 * @value_len: (out) (optional): the length of the value in bytes
 *
 * Gets the value of the last header called @name. Since a value may be null,
 * @found tells an absent header from a null value.
 *
 * Returns: (transfer none) (array length=value_len) (element-type guint8) (nullable):
 *   the value, or %NULL if there is no such header or its value is null
 *
 * Since: 1.0
 */
const guint8 *
kafka_headers_get_last (KafkaHeaders *self,
                        const char   *name,
                        gboolean     *found,
                        gsize        *value_len)
{
  g_return_val_if_fail (KAFKA_IS_HEADERS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = self->headers->len; i > 0; i--)
    {
      Header *h = &g_array_index (self->headers, Header, i - 1);

      if (strcmp (h->name, name) == 0)
        {
          if (found != NULL)
            *found = TRUE;
          return bytes_data (h->value, value_len);
        }
    }

  if (found != NULL)
    *found = FALSE;
  if (value_len != NULL)
    *value_len = 0;
  return NULL;
}

rd_kafka_headers_t *
kafka_headers_to_rd (KafkaHeaders *self)
{
  rd_kafka_headers_t *hdrs = rd_kafka_headers_new (self->headers->len);

  for (guint i = 0; i < self->headers->len; i++)
    {
      Header *h = &g_array_index (self->headers, Header, i);
      gsize len = 0;
      const void *data = h->value ? g_bytes_get_data (h->value, &len) : NULL;

      /* librdkafka tells a null value (NULL) from an empty one by the pointer */
      if (h->value != NULL && data == NULL)
        data = "";
      rd_kafka_header_add (hdrs, h->name, -1, data, h->value ? (ssize_t) len : 0);
    }

  return hdrs;
}

KafkaHeaders *
kafka_headers_new_from_rd (const rd_kafka_headers_t *hdrs)
{
  KafkaHeaders *self = kafka_headers_new ();
  const char *name;
  const void *value;
  size_t size;

  for (size_t i = 0; rd_kafka_header_get_all (hdrs, i, &name, &value, &size) ==
                     RD_KAFKA_RESP_ERR_NO_ERROR; i++)
    {
      Header h;

      h.name = g_strdup (name);
      h.value = value ? g_bytes_new (value, size) : NULL;
      g_array_append_val (self->headers, h);
    }

  return self;
}

gsize
kafka_headers_get_wire_size (KafkaHeaders *self)
{
  gsize size = 0;

  for (guint i = 0; self != NULL && i < self->headers->len; i++)
    {
      const Header *h = &g_array_index (self->headers, Header, i);

      size += strlen (h->name) + (h->value != NULL ? g_bytes_get_size (h->value) : 0);
    }
  return size;
}
