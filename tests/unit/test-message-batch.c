/* KafkaMessageBatch, offline: every column getter, peek() and
 * peek_header(), checked message by message against what was produced.
 *
 * No broker and no mock cluster: the batches are real delivery reports, of
 * messages that a producer pointed at a closed port queued and then purged
 * (kafka_producer_purge() with %KAFKA_PURGE_QUEUE). Every message comes back
 * with %KAFKA_ERROR_PURGE_QUEUE, an invalid offset, and what it was produced
 * with: topic, partition (the one asked for, or -1: nothing was partitioned
 * without metadata), key, value, headers and tag.
 *
 * What the purge route cannot show: the timestamps given at produce time.
 * librdkafka reports no timestamp for a failed message
 * (rd_kafka_message_timestamp() gives -1 and "not available" when the
 * message has an error), so the timestamp columns are checked for what the
 * docs promise for a message without one: -1, %KAFKA_TIMESTAMP_NOT_AVAILABLE.
 * Latencies are known (librdkafka times a message from the produce call), so
 * they are checked to lie between 0 and the time since the test produced.
 *
 * A batch is read three ways, each checked: in place, inside the
 * #KafkaProducer::delivery-batch handler (librdkafka's reports); kept by the
 * handler, after it returned (the copied rows); and as #KafkaMessage objects
 * (get_message(), get_messages()), which must outlive the batch. The
 * #KafkaProducer::delivery signal must agree with the batches.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

#define TOPIC_A "batch-unit-a"
#define TOPIC_B "batch-unit-b"
#define N_A 13
#define N_B 7
/* one more message, to TOPIC_B, through kafka_producer_produce(): no tag */
#define N_TOTAL (N_A + N_B + 1)
#define WAIT_MS 60000

typedef struct {
  guint         seq;          /* produce order, over both topics */
  const char   *topic;
  gint32        partition;
  GBytes       *key;          /* NULL: no key */
  GBytes       *value;        /* NULL: a null value */
  guint32       tag;
  KafkaHeaders *headers;      /* NULL: none */
  guint         seen;         /* reported this many times in a batch */
} Expected;

typedef struct {
  gboolean      keep_batches;
  GPtrArray    *expected;     /* of Expected, in produce order */
  GHashTable   *by_tag;       /* tag -> Expected */
  GHashTable   *last_seq;     /* "topic/partition" -> last seq reported + 1 */
  gint64        produced_at;  /* monotonic time before the first produce */
  KtDeliveries  deliveries;
  guint         reported;     /* messages in the batches so far */
  guint         n_batches;
  GPtrArray    *batches;      /* kept batches */
  GPtrArray    *messages;     /* KafkaMessages taken from the batches */
} Ctx;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_clear_pointer (&e->key, g_bytes_unref);
  g_clear_pointer (&e->value, g_bytes_unref);
  g_clear_object (&e->headers);
  g_free (e);
}

static guint
expected_n_headers (const Expected *e)
{
  return e->headers != NULL ? kafka_headers_get_length (e->headers) : 0;
}

/* Checks @data of @len (NULL or -1 meaning none) against @expected. */
static void
assert_bytes (const guint8 *data,
              gssize        len,
              GBytes       *expected)
{
  if (expected == NULL)
    {
      g_assert_null (data);
      g_assert_cmpint (len, ==, -1);
    }
  else
    {
      gsize elen = 0;
      gconstpointer edata = g_bytes_get_data (expected, &elen);

      /* an empty key or value is not a missing one */
      g_assert_nonnull (data);
      g_assert_cmpmem (data, (gsize) len, edata, elen);
    }
}

/* The latency of a message reported now: at least 0, and no more than the
 * time since the test began producing (librdkafka's clock and GLib's
 * monotonic clock are both CLOCK_MONOTONIC, in microseconds). */
static void
assert_latency (const Ctx *ctx,
                gint64     latency)
{
  g_assert_cmpint (latency, >=, 0);
  g_assert_cmpint (latency, <=, g_get_monotonic_time () - ctx->produced_at);
}

static void
assert_headers (KafkaHeaders   *got,
                const Expected *e)
{
  guint n = got != NULL ? kafka_headers_get_length (got) : 0;

  g_assert_cmpuint (n, ==, expected_n_headers (e));
  for (guint j = 0; j < n; j++)
    {
      gsize len = 0, elen = 0;
      const guint8 *value = kafka_headers_get_value (got, j, &len);
      const guint8 *evalue = kafka_headers_get_value (e->headers, j, &elen);

      g_assert_cmpstr (kafka_headers_get_name (got, j), ==,
                       kafka_headers_get_name (e->headers, j));
      if (evalue == NULL)
        g_assert_null (value);
      else
        {
          g_assert_nonnull (value);
          g_assert_cmpmem (value, len, evalue, elen);
        }
    }
}

/* A purged message as a KafkaMessage: from the delivery signal, or from a
 * batch. */
static void
check_message (const Ctx    *ctx,
               KafkaMessage *message)
{
  const Expected *e = g_hash_table_lookup (ctx->by_tag,
                                           GUINT_TO_POINTER (kafka_message_get_tag (message)));
  const guint8 *data;
  gsize len = 99;

  g_assert_nonnull (e);
  g_assert_cmpstr (kafka_message_get_topic (message), ==, e->topic);
  g_assert_cmpint (kafka_message_get_partition (message), ==, e->partition);
  g_assert_cmpint (kafka_message_get_offset (message), ==, KAFKA_OFFSET_INVALID);
  g_assert_error ((GError *) kafka_message_get_error (message), KAFKA_ERROR,
                  KAFKA_ERROR_PURGE_QUEUE);
  g_assert_cmpint (kafka_message_get_status (message), ==,
                   KAFKA_MESSAGE_STATUS_NOT_PERSISTED);
  g_assert_cmpint (kafka_message_get_timestamp (message), ==, -1);
  g_assert_cmpint (kafka_message_get_timestamp_type (message), ==,
                   KAFKA_TIMESTAMP_NOT_AVAILABLE);
  assert_latency (ctx, kafka_message_get_latency (message));

  data = kafka_message_get_key (message, &len);
  assert_bytes (data, data != NULL ? (gssize) len : -1, e->key);
  data = kafka_message_get_value (message, &len);
  assert_bytes (data, data != NULL ? (gssize) len : -1, e->value);
  assert_headers (kafka_message_get_headers (message), e);
}

/* Every column of @batch, and peek() and peek_header() on every message,
 * against what was produced. @first is TRUE for the read in the handler:
 * it also counts the messages and checks their order. */
static void
check_batch (Ctx               *ctx,
             KafkaMessageBatch *batch,
             gboolean           first)
{
  guint n = kafka_message_batch_get_length (batch);
  guint n_partitions = 0, n_offsets = 0, n_timestamps = 0, n_codes = 0, n_tags = 0;
  guint n_types = 0, n_latencies = 0, n_values = 0, n_keys = 0, n_topics = 0;
  guint n_indexes = 0, n_counts = 0, n_names = 0, n_lengths = 0;
  gsize values_len = 0, keys_len = 0, headers_len = 0;
  g_autofree gint32 *value_lengths = NULL, *key_lengths = NULL, *indexes = NULL;
  g_autofree gint32 *counts = NULL, *header_lengths = NULL;
  g_auto(GStrv) topics = NULL, names = NULL;
  g_autofree gint32 *partitions = kafka_message_batch_get_partitions (batch, &n_partitions);
  g_autofree gint64 *offsets = kafka_message_batch_get_offsets (batch, &n_offsets);
  g_autofree gint64 *timestamps = kafka_message_batch_get_timestamps (batch, &n_timestamps);
  g_autofree gint *codes = kafka_message_batch_get_error_codes (batch, &n_codes);
  g_autofree guint32 *tags = kafka_message_batch_get_tags (batch, &n_tags);
  g_autofree gint *types = kafka_message_batch_get_timestamp_types (batch, &n_types);
  g_autofree gint64 *latencies = kafka_message_batch_get_latencies (batch, &n_latencies);
  g_autofree guint8 *values = kafka_message_batch_get_values (batch, &values_len,
                                                              &value_lengths, &n_values);
  g_autofree guint8 *keys = kafka_message_batch_get_keys (batch, &keys_len,
                                                          &key_lengths, &n_keys);
  g_autofree guint8 *header_data = NULL;
  gsize value_pos = 0, key_pos = 0, header_pos = 0;
  guint header_index = 0, n_failed = 0;
  gsize optional_len = 0;
  g_autofree guint8 *optional = NULL;

  topics = kafka_message_batch_get_topics (batch, &n_topics, &indexes, &n_indexes);
  header_data = kafka_message_batch_get_headers (batch, &headers_len, &counts, &n_counts,
                                                 &names, &n_names,
                                                 &header_lengths, &n_lengths);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n_partitions, ==, n);
  g_assert_cmpuint (n_offsets, ==, n);
  g_assert_cmpuint (n_timestamps, ==, n);
  g_assert_cmpuint (n_codes, ==, n);
  g_assert_cmpuint (n_tags, ==, n);
  g_assert_cmpuint (n_types, ==, n);
  g_assert_cmpuint (n_latencies, ==, n);
  g_assert_cmpuint (n_values, ==, n);
  g_assert_cmpuint (n_keys, ==, n);
  g_assert_cmpuint (n_indexes, ==, n);
  g_assert_cmpuint (n_counts, ==, n);
  g_assert_cmpuint (n_names, ==, n_lengths);
  /* "a delivery report batch holds messages of one topic" */
  g_assert_cmpuint (n_topics, ==, 1);

  for (guint i = 0; i < n; i++)
    {
      Expected *e = g_hash_table_lookup (ctx->by_tag, GUINT_TO_POINTER (tags[i]));
      KafkaMessageView v;

      g_assert_nonnull (e);
      if (first)
        {
          g_autofree char *key = g_strdup_printf ("%s/%d", e->topic, (int) e->partition);
          guint last = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->last_seq, key));

          /* once each, and in produce order within a partition */
          g_assert_cmpuint (e->seen, ==, 0);
          e->seen++;
          g_assert_cmpuint (e->seq + 1, >, last);
          g_hash_table_insert (ctx->last_seq, g_steal_pointer (&key),
                               GUINT_TO_POINTER (e->seq + 1));
        }

      g_assert_cmpstr (kafka_message_batch_get_topic (batch, i), ==, e->topic);
      g_assert_cmpint (indexes[i], ==, 0);
      g_assert_cmpstr (topics[indexes[i]], ==, e->topic);
      g_assert_cmpint (partitions[i], ==, e->partition);
      g_assert_cmpint (offsets[i], ==, KAFKA_OFFSET_INVALID);
      g_assert_cmpint (codes[i], ==, KAFKA_ERROR_PURGE_QUEUE);
      if (codes[i] != 0)
        n_failed++;
      g_assert_cmpint (timestamps[i], ==, -1);
      g_assert_cmpint (types[i], ==, KAFKA_TIMESTAMP_NOT_AVAILABLE);
      assert_latency (ctx, latencies[i]);

      /* values and keys: end to end, -1 taking no room */
      assert_bytes (value_lengths[i] >= 0 ? values + value_pos : NULL, value_lengths[i],
                    e->value);
      value_pos += MAX (value_lengths[i], 0);
      assert_bytes (key_lengths[i] >= 0 ? keys + key_pos : NULL, key_lengths[i], e->key);
      key_pos += MAX (key_lengths[i], 0);

      /* headers: counts[i] of them, after those of the messages before */
      g_assert_cmpint (counts[i], ==, (gint32) expected_n_headers (e));
      for (guint j = 0; j < (guint) counts[i]; j++, header_index++)
        {
          gsize elen = 0;
          const guint8 *evalue = kafka_headers_get_value (e->headers, j, &elen);
          GBytes *ebytes = evalue != NULL ? g_bytes_new_static (evalue, elen) : NULL;

          g_assert_cmpuint (header_index, <, n_names);
          g_assert_cmpstr (names[header_index], ==, kafka_headers_get_name (e->headers, j));
          assert_bytes (header_lengths[header_index] >= 0 ? header_data + header_pos : NULL,
                        header_lengths[header_index], ebytes);
          header_pos += MAX (header_lengths[header_index], 0);
          g_clear_pointer (&ebytes, g_bytes_unref);
        }

      /* peek(): the same message, in one go */
      memset (&v, 0xAA, sizeof v);
      kafka_message_batch_peek (batch, i, &v);
      g_assert_cmpstr (v.topic, ==, e->topic);
      g_assert_cmpint (v.partition, ==, e->partition);
      g_assert_cmpint (v.offset, ==, KAFKA_OFFSET_INVALID);
      g_assert_cmpint (v.timestamp, ==, -1);
      g_assert_cmpint (v.timestamp_type, ==, KAFKA_TIMESTAMP_NOT_AVAILABLE);
      g_assert_cmpint (v.error_code, ==, KAFKA_ERROR_PURGE_QUEUE);
      g_assert_cmpuint (v.tag, ==, e->tag);
      assert_bytes (v.key, v.key != NULL ? (gssize) v.key_len : -1, e->key);
      if (v.key == NULL)
        g_assert_cmpuint (v.key_len, ==, 0);
      assert_bytes (v.value, v.value != NULL ? (gssize) v.value_len : -1, e->value);
      if (v.value == NULL)
        g_assert_cmpuint (v.value_len, ==, 0);
      g_assert_cmpuint (v.n_headers, ==, expected_n_headers (e));

      /* peek_header(): each header in place, and FALSE past the last */
      for (guint j = 0; j < v.n_headers; j++)
        {
          const char *name = NULL;
          const guint8 *value = NULL;
          gssize len = 99;
          gsize elen = 0;
          const guint8 *evalue = kafka_headers_get_value (e->headers, j, &elen);
          GBytes *ebytes = evalue != NULL ? g_bytes_new_static (evalue, elen) : NULL;

          g_assert_true (kafka_message_batch_peek_header (batch, i, j, &name, &value, &len));
          g_assert_cmpstr (name, ==, kafka_headers_get_name (e->headers, j));
          assert_bytes (value, len, ebytes);
          g_clear_pointer (&ebytes, g_bytes_unref);
        }
      {
        const char *name = NULL;
        const guint8 *value = NULL;
        gssize len = 0;

        g_assert_false (kafka_message_batch_peek_header (batch, i, v.n_headers,
                                                         &name, &value, &len));
      }
    }

  /* the buffers hold exactly what the lengths say */
  g_assert_cmpuint (value_pos, ==, values_len);
  g_assert_cmpuint (key_pos, ==, keys_len);
  g_assert_cmpuint (header_pos, ==, headers_len);
  g_assert_cmpuint (header_index, ==, n_names);

  g_assert_cmpuint (n_failed, ==, n);
  g_assert_cmpuint (kafka_message_batch_get_n_errors (batch), ==, n_failed);

  /* the lengths of values and keys are (optional): the same buffers */
  optional = kafka_message_batch_get_values (batch, &optional_len, NULL, NULL);
  g_assert_cmpmem (optional, optional_len, values, values_len);
  g_clear_pointer (&optional, g_free);
  optional = kafka_message_batch_get_keys (batch, &optional_len, NULL, NULL);
  g_assert_cmpmem (optional, optional_len, keys, keys_len);
}

/* A batch with no message: a disposed one, or one a binding creates. */
static void
check_empty (KafkaMessageBatch *batch)
{
  guint n = 99, n2 = 99, n3 = 99, n4 = 99;
  gsize len = 99;
  g_autoptr(GPtrArray) messages = kafka_message_batch_get_messages (batch);
  g_autofree gint32 *lengths = NULL, *indexes = NULL, *counts = NULL;
  g_auto(GStrv) topics = NULL, names = NULL;

  g_assert_cmpuint (kafka_message_batch_get_length (batch), ==, 0);
  g_assert_cmpuint (kafka_message_batch_get_n_errors (batch), ==, 0);
  g_assert_cmpuint (messages->len, ==, 0);

#define CHECK_COLUMN(getter) \
  G_STMT_START { \
    n = 99; \
    g_free (getter (batch, &n)); \
    g_assert_cmpuint (n, ==, 0); \
  } G_STMT_END
  CHECK_COLUMN (kafka_message_batch_get_partitions);
  CHECK_COLUMN (kafka_message_batch_get_offsets);
  CHECK_COLUMN (kafka_message_batch_get_timestamps);
  CHECK_COLUMN (kafka_message_batch_get_error_codes);
  CHECK_COLUMN (kafka_message_batch_get_tags);
  CHECK_COLUMN (kafka_message_batch_get_timestamp_types);
  CHECK_COLUMN (kafka_message_batch_get_latencies);
#undef CHECK_COLUMN

  n = 99;
  g_free (kafka_message_batch_get_values (batch, &len, &lengths, &n));
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&lengths, g_free);
  n = 99;
  len = 99;
  g_free (kafka_message_batch_get_keys (batch, &len, &lengths, &n));
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&lengths, g_free);

  n = n2 = 99;
  topics = kafka_message_batch_get_topics (batch, &n, &indexes, &n2);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n2, ==, 0);

  n = n2 = n3 = n4 = 99;
  len = 99;
  g_free (kafka_message_batch_get_headers (batch, &len, &counts, &n, &names, &n2,
                                           &lengths, &n3));
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n2, ==, 0);
  g_assert_cmpuint (n3, ==, 0);
}

static void
on_delivery_batch (KafkaProducer     *producer,
                   KafkaMessageBatch *batch,
                   Ctx               *ctx)
{
  guint n = kafka_message_batch_get_length (batch);
  guint n_tags = 0;
  g_autofree guint32 *tags = kafka_message_batch_get_tags (batch, &n_tags);
  g_autoptr(GPtrArray) messages = NULL;
  GPtrArray *delivered = ctx->deliveries.messages;

  ctx->n_batches++;
  /* "delivery comes first for each message of the batch": the last n
   * delivery signals were this batch's messages, in its order */
  g_assert_cmpuint (delivered->len, ==, ctx->reported + n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (kafka_message_get_tag (g_ptr_array_index (delivered, ctx->reported + i)),
                      ==, tags[i]);

  /* in place: librdkafka's reports */
  check_batch (ctx, batch, TRUE);

  /* as objects, created from the reports; they must outlive the batch */
  g_ptr_array_add (ctx->messages, kafka_message_batch_get_message (batch, n - 1));
  messages = kafka_message_batch_get_messages (batch);
  g_assert_cmpuint (messages->len, ==, n);
  /* get_message() and get_messages() give the one object per index */
  g_assert_true (g_ptr_array_index (messages, n - 1) ==
                 g_ptr_array_index (ctx->messages, ctx->messages->len - 1));
  for (guint i = 0; i < n; i++)
    {
      KafkaMessage *m = g_ptr_array_index (messages, i);

      g_assert_cmpuint (kafka_message_get_tag (m), ==, tags[i]);
      check_message (ctx, m);
      if (i < n - 1)
        g_ptr_array_add (ctx->messages, g_object_ref (m));
    }
  /* the columns read the same with the messages created */
  check_batch (ctx, batch, FALSE);

  if (ctx->keep_batches)
    g_ptr_array_add (ctx->batches, g_object_ref (batch));
  ctx->reported += n;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Adds a message to the expectations and to the columns of a
 * produce_batch_full() call. */
static void
add_message (Ctx        *ctx,
             const char *topic,
             guint       i,
             guint32     tag,
             GArray     *partitions,
             GByteArray *values,
             GArray     *value_lengths,
             GByteArray *keys,
             GArray     *key_lengths,
             GArray     *timestamps,
             GPtrArray  *headers,
             GArray     *tags)
{
  Expected *e = g_new0 (Expected, 1);
  gint32 partition = (gint32) (i % 4) - 1;     /* -1, 0, 1, 2 */
  gint64 timestamp = i % 2 ? G_GINT64_CONSTANT (1600000000000) + i : 0;
  gint32 len;

  e->seq = ctx->expected->len;
  e->topic = topic;
  e->partition = partition;
  e->tag = tag;

  switch (i % 3)
    {
    case 0:
      e->key = NULL;
      break;
    case 1:
      e->key = g_bytes_new_static ("", 0);
      break;
    default:
      {
        char *key = g_strdup_printf ("key-%s-%u", topic, i);

        e->key = g_bytes_new_take (key, strlen (key));
      }
      break;
    }
  switch (i % 5)
    {
    case 0:
      e->value = NULL;
      break;
    case 1:
      e->value = g_bytes_new_static ("", 0);
      break;
    case 2:
      /* binary, with a NUL inside */
      e->value = g_bytes_new_static ("\0bin\xff\0", 6);
      break;
    default:
      {
        GString *s = g_string_new (NULL);

        for (guint k = 0; k <= i; k++)
          g_string_append_printf (s, "value %u of %s;", i, topic);
        e->value = g_string_free_to_bytes (s);
      }
      break;
    }
  switch (i % 4)
    {
    case 0:
      e->headers = NULL;
      break;
    case 1:
      /* a name several times, a null value and an empty one */
      e->headers = kafka_headers_new ();
      kafka_headers_add (e->headers, "dup", (const guint8 *) "first", -1);
      kafka_headers_add (e->headers, "null", NULL, 0);
      kafka_headers_add (e->headers, "dup", (const guint8 *) "second", -1);
      kafka_headers_add (e->headers, "empty", (const guint8 *) "", 0);
      kafka_headers_add (e->headers, "dup", (const guint8 *) "\0\1", 2);
      break;
    case 2:
      /* an empty list is no headers at all */
      e->headers = kafka_headers_new ();
      break;
    default:
      {
        g_autofree char *id = g_strdup_printf ("%s #%u", topic, i);

        e->headers = kafka_headers_new ();
        kafka_headers_add (e->headers, "id", (const guint8 *) id, -1);
      }
      break;
    }

  g_array_append_val (partitions, partition);
  len = e->value != NULL ? (gint32) g_bytes_get_size (e->value) : -1;
  g_array_append_val (value_lengths, len);
  if (e->value != NULL)
    g_byte_array_append (values, g_bytes_get_data (e->value, NULL), (guint) len);
  len = e->key != NULL ? (gint32) g_bytes_get_size (e->key) : -1;
  g_array_append_val (key_lengths, len);
  if (e->key != NULL)
    g_byte_array_append (keys, g_bytes_get_data (e->key, NULL), (guint) len);
  g_array_append_val (timestamps, timestamp);
  g_ptr_array_add (headers, e->headers != NULL ? g_object_ref (e->headers) : NULL);
  g_array_append_val (tags, tag);

  /* an empty list of headers comes back as none */
  if (e->headers != NULL && kafka_headers_get_length (e->headers) == 0)
    g_clear_object (&e->headers);

  g_ptr_array_add (ctx->expected, e);
  g_assert_null (g_hash_table_lookup (ctx->by_tag, GUINT_TO_POINTER (tag)));
  g_hash_table_insert (ctx->by_tag, GUINT_TO_POINTER (tag), e);
}

/* Produces @n messages to @topic in one produce_batch_full() call. */
static void
produce_topic (Ctx           *ctx,
               KafkaProducer *producer,
               const char    *topic,
               guint          n,
               guint32        first_tag,
               guint32        last_tag)
{
  g_autoptr(GArray) partitions = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GByteArray) values = g_byte_array_new ();
  g_autoptr(GArray) value_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GByteArray) keys = g_byte_array_new ();
  g_autoptr(GArray) key_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) timestamps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  guint queued;

  for (guint i = 0; i < n; i++)
    {
      /* the last tags are the largest there are */
      guint32 tag = i == n - 1 ? last_tag : first_tag + i;

      add_message (ctx, topic, i, tag, partitions, values, value_lengths, keys,
                   key_lengths, timestamps, headers, tags);
    }
  /* both buffers hold non-empty bytes here; buffers of empties only (NULL,
   * length 0) are /message-batch/purged/empty-buffers' */
  g_assert_cmpuint (values->len, >, 0);
  g_assert_cmpuint (keys->len, >, 0);
  queued = kafka_producer_produce_batch_full (producer, topic,
                                              (const gint32 *) (gpointer) partitions->data, n,
                                              values->data, values->len,
                                              (const gint32 *) (gpointer) value_lengths->data, n,
                                              keys->data, keys->len,
                                              (const gint32 *) (gpointer) key_lengths->data, n,
                                              (const gint64 *) (gpointer) timestamps->data, n,
                                              headers,
                                              (const guint32 *) (gpointer) tags->data, n,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued, ==, n);
}

static void
test_purged (gconstpointer data)
{
  Ctx ctx = { .keep_batches = GPOINTER_TO_INT (data) };
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1", NULL);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  Expected *plain;

  ctx.expected = g_ptr_array_new_with_free_func (expected_free);
  ctx.by_tag = g_hash_table_new (NULL, NULL);
  ctx.last_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.batches = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.messages = g_ptr_array_new_with_free_func (g_object_unref);
  kt_deliveries_init (&ctx.deliveries);

  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (kt_on_delivery), &ctx.deliveries);
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_delivery_batch), &ctx);

  ctx.produced_at = g_get_monotonic_time ();
  produce_topic (&ctx, producer, TOPIC_A, N_A, 1000, G_MAXINT32);
  produce_topic (&ctx, producer, TOPIC_B, N_B, 2000, G_MAXINT32 - 1);

  /* one through produce(): no tag (0), an explicit timestamp, an empty
   * value and a key */
  plain = g_new0 (Expected, 1);
  plain->seq = ctx.expected->len;
  plain->topic = TOPIC_B;
  plain->partition = 5;
  plain->key = g_bytes_new_static ("plain", 5);
  plain->value = g_bytes_new_static ("", 0);
  plain->tag = 0;
  plain->headers = kafka_headers_new ();
  kafka_headers_add (plain->headers, "p", NULL, 0);
  kafka_headers_add (plain->headers, "p", (const guint8 *) "x", 1);
  g_ptr_array_add (ctx.expected, plain);
  g_hash_table_insert (ctx.by_tag, GUINT_TO_POINTER (0), plain);
  g_assert_true (kafka_producer_produce (producer, TOPIC_B, plain->partition,
                                         g_bytes_get_data (plain->key, NULL), 5,
                                         (const guint8 *) "", 0, plain->headers,
                                         G_GINT64_CONSTANT (1700000000000), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ctx.expected->len, ==, N_TOTAL);

  /* nothing can be sent: the reports come only from the purge */
  g_assert_cmpuint (ctx.reported, ==, 0);
  g_assert_true (kafka_producer_purge (producer, KAFKA_PURGE_QUEUE, &error));
  g_assert_no_error (error);
  kt_wait_for_count (NULL, &ctx.reported, N_TOTAL, WAIT_MS, "the purged messages' reports");
  g_assert_cmpuint (ctx.reported, ==, N_TOTAL);
  g_assert_cmpuint (ctx.deliveries.messages->len, ==, N_TOTAL);
  g_assert_cmpuint (ctx.n_batches, >=, 2);   /* one topic per batch */
  g_test_message ("%u messages reported in %u batches", ctx.reported, ctx.n_batches);

  /* every message reported once */
  for (guint i = 0; i < ctx.expected->len; i++)
    g_assert_cmpuint (((Expected *) g_ptr_array_index (ctx.expected, i))->seen, ==, 1);

  /* the delivery signal's messages, kept past their emission */
  for (guint i = 0; i < ctx.deliveries.messages->len; i++)
    check_message (&ctx, g_ptr_array_index (ctx.deliveries.messages, i));

  if (ctx.keep_batches)
    {
      guint total = 0;

      g_assert_cmpuint (ctx.batches->len, ==, ctx.n_batches);
      for (guint b = 0; b < ctx.batches->len; b++)
        {
          KafkaMessageBatch *batch = g_ptr_array_index (ctx.batches, b);
          g_autoptr(KafkaMessage) first = NULL;

          /* kept by the handler: the same, read from the copies */
          check_batch (&ctx, batch, FALSE);
          total += kafka_message_batch_get_length (batch);

          /* disposing of a batch empties it; a message taken stays valid */
          first = kafka_message_batch_get_message (batch, 0);
          check_message (&ctx, first);
          g_object_run_dispose (G_OBJECT (batch));
          check_empty (batch);
          check_message (&ctx, first);
        }
      g_assert_cmpuint (total, ==, N_TOTAL);
      g_ptr_array_set_size (ctx.batches, 0);
    }

  /* the messages taken from the batches outlive them */
  g_assert_cmpuint (ctx.messages->len, ==, N_TOTAL);
  for (guint i = 0; i < ctx.messages->len; i++)
    check_message (&ctx, g_ptr_array_index (ctx.messages, i));

  kt_deliveries_clear (&ctx.deliveries);
  g_ptr_array_unref (ctx.messages);
  g_ptr_array_unref (ctx.batches);
  g_hash_table_unref (ctx.last_seq);
  g_hash_table_unref (ctx.by_tag);
  g_ptr_array_unref (ctx.expected);
}

/* Buffers of empties only: the call allows a NULL buffer when its length
 * is 0, and a length of 0 is still an empty value or key, not a missing
 * one (-1), through produce_batch() and produce_batch_full() alike (an
 * empty value became a tombstone before). */
static void
keep_batch (KafkaProducer     *producer,
            KafkaMessageBatch *batch,
            GPtrArray         *batches)
{
  g_ptr_array_add (batches, g_object_ref (batch));
}

static void
test_empty_buffers (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1", NULL);
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const gint32 lengths[] = { 0, -1, 0 };
  const gint32 partitions[] = { 0, 0, 0 };   /* one queue: one order */
  g_autoptr(GArray) value_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) key_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  guint reported = 0;

  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (keep_batch), batches);

  g_assert_cmpuint (kafka_producer_produce_batch (producer, TOPIC_A, 0, NULL, 0, lengths, 3,
                                                  NULL, 0, lengths, 3, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, TOPIC_A, partitions, 3,
                                                       NULL, 0, lengths, 3, NULL, 0, lengths, 3,
                                                       NULL, 0, NULL, NULL, 0, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_true (kafka_producer_purge (producer, KAFKA_PURGE_QUEUE, &error));
  g_assert_no_error (error);

  for (gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
       reported < 6; )
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      reported = 0;
      for (guint b = 0; b < batches->len; b++)
        reported += kafka_message_batch_get_length (g_ptr_array_index (batches, b));
    }
  g_assert_cmpuint (reported, ==, 6);

  /* the reports of one partition come in produce order */
  for (guint b = 0; b < batches->len; b++)
    {
      KafkaMessageBatch *batch = g_ptr_array_index (batches, b);
      g_autofree gint32 *vlens = NULL, *klens = NULL;
      guint n_vlens = 0, n_klens = 0;
      gsize vlen = 99, klen = 99;
      g_autofree guint8 *values = kafka_message_batch_get_values (batch, &vlen, &vlens, &n_vlens);
      g_autofree guint8 *keys = kafka_message_batch_get_keys (batch, &klen, &klens, &n_klens);

      g_assert_cmpuint (vlen, ==, 0);
      g_assert_cmpuint (klen, ==, 0);
      g_array_append_vals (value_lengths, vlens, n_vlens);
      g_array_append_vals (key_lengths, klens, n_klens);
    }
  g_assert_cmpuint (value_lengths->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpint (g_array_index (value_lengths, gint32, i), ==, lengths[i % 3]);
      g_assert_cmpint (g_array_index (key_lengths, gint32, i), ==, lengths[i % 3]);
    }
}

/* What a binding's constructor (Kafka.MessageBatch() in Python) makes: no
 * message, every column empty. */
static void
test_empty (void)
{
  g_autoptr(KafkaMessageBatch) batch = g_object_new (KAFKA_TYPE_MESSAGE_BATCH, NULL);

  check_empty (batch);
  /* disposing of it again changes nothing */
  g_object_run_dispose (G_OBJECT (batch));
  check_empty (batch);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/message-batch/purged/in-handler", GINT_TO_POINTER (FALSE),
                        test_purged);
  g_test_add_data_func ("/message-batch/purged/kept", GINT_TO_POINTER (TRUE),
                        test_purged);
  g_test_add_func ("/message-batch/purged/empty-buffers", test_empty_buffers);
  g_test_add_func ("/message-batch/empty", test_empty);

  return g_test_run ();
}
