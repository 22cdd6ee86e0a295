/* The batch paths on librdkafka's mock cluster: produce_batch(), the
 * delivery-batch signal, consume_batch() and the message-batch signal.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef KtMockFixture Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "batch", 2);
}

static KafkaProducer *
fixture_producer (Fixture *fx)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "linger.ms", "5", NULL);
  g_autoptr(GError) error = NULL;
  KafkaProducer *producer = kafka_producer_new (config, &error);

  g_assert_no_error (error);
  return producer;
}

static KafkaConsumer *
fixture_consumer (Fixture *fx)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->topic,
                                            "auto.offset.reset", "earliest",
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(GError) error = NULL;
  const char *topics[] = { fx->topic, NULL };
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  g_assert_no_error (error);
  return consumer;
}

/* N messages: value "v<i>" (message 3 a NULL value, message 4 an empty one),
 * key "k<i>" for even i, none for odd ones. */
typedef struct {
  GByteArray *values, *keys;
  GArray     *value_lengths, *key_lengths;
} Columns;

static void
columns_build (Columns *c,
               guint    n)
{
  c->values = g_byte_array_new ();
  c->keys = g_byte_array_new ();
  c->value_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  c->key_lengths = g_array_new (FALSE, FALSE, sizeof (gint32));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *v = g_strdup_printf ("v%u", i);
      g_autofree char *k = g_strdup_printf ("k%u", i);
      gint32 vlen = i == 3 ? -1 : i == 4 ? 0 : (gint32) strlen (v);
      gint32 klen = i % 2 == 0 ? (gint32) strlen (k) : -1;

      if (vlen > 0)
        g_byte_array_append (c->values, (guint8 *) v, vlen);
      if (klen > 0)
        g_byte_array_append (c->keys, (guint8 *) k, klen);
      g_array_append_val (c->value_lengths, vlen);
      g_array_append_val (c->key_lengths, klen);
    }
}

static void
columns_clear (Columns *c)
{
  g_byte_array_unref (c->values);
  g_byte_array_unref (c->keys);
  g_array_unref (c->value_lengths);
  g_array_unref (c->key_lengths);
}

/* Checks a batch's value and key columns against what columns_build() made
 * for the messages whose index each value names. */
static void
check_columns (KafkaMessageBatch *batch,
               GHashTable        *seen)
{
  gsize vdata_len, kdata_len, vpos = 0, kpos = 0;
  g_autofree gint32 *vlens = NULL, *klens = NULL;
  guint n_v, n_k;
  g_autofree guint8 *vdata = kafka_message_batch_get_values (batch, &vdata_len, &vlens, &n_v);
  g_autofree guint8 *kdata = kafka_message_batch_get_keys (batch, &kdata_len, &klens, &n_k);

  g_assert_cmpuint (n_v, ==, kafka_message_batch_get_length (batch));
  g_assert_cmpuint (n_k, ==, n_v);
  for (guint j = 0; j < n_v; j++)
    {
      guint i;

      /* the key tells the index for even messages; the value for the rest */
      if (klens[j] >= 0)
        {
          g_autofree char *k = g_strndup ((char *) kdata + kpos, klens[j]);

          g_assert_true (k[0] == 'k');
          i = (guint) atoi (k + 1);
          g_assert_cmpuint (i % 2, ==, 0);
          kpos += klens[j];
        }
      else
        i = G_MAXUINT;

      if (vlens[j] > 0)
        {
          g_autofree char *v = g_strndup ((char *) vdata + vpos, vlens[j]);

          g_assert_true (v[0] == 'v');
          if (i == G_MAXUINT)
            i = (guint) atoi (v + 1);
          g_assert_cmpuint ((guint) atoi (v + 1), ==, i);
          vpos += vlens[j];
        }
      else if (vlens[j] == -1)
        {
          g_assert_true (i == 3 || i == G_MAXUINT);
          i = 3;
        }
      else
        {
          g_assert_cmpint (vlens[j], ==, 0);
          g_assert_true (i == 4 || i == G_MAXUINT);
          i = 4;
        }
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (i + 1)));
      g_hash_table_add (seen, GUINT_TO_POINTER (i + 1));
    }
  g_assert_cmpuint (vpos, ==, vdata_len);
  g_assert_cmpuint (kpos, ==, kdata_len);
}

typedef struct {
  GHashTable        *seen;
  guint              n_messages;
  guint              n_batches;
  guint              n_single;
  KafkaMessageBatch *kept;
} BatchReports;

static void
on_delivery_batch (KafkaProducer     *producer,
                   KafkaMessageBatch *batch,
                   BatchReports      *r)
{
  guint n_off, n_codes, n_parts;
  g_autofree gint64 *offsets = kafka_message_batch_get_offsets (batch, &n_off);
  g_autofree gint *codes = kafka_message_batch_get_error_codes (batch, &n_codes);
  g_autofree gint32 *parts = kafka_message_batch_get_partitions (batch, &n_parts);

  g_assert_cmpuint (kafka_message_batch_get_n_errors (batch), ==, 0);
  for (guint i = 0; i < n_off; i++)
    {
      g_assert_cmpint (offsets[i], >=, 0);
      g_assert_cmpint (codes[i], ==, 0);
      g_assert_cmpint (parts[i], ==, 1);
      g_assert_cmpstr (kafka_message_batch_get_topic (batch, i), ==,
                       kafka_message_batch_get_topic (batch, 0));
    }
  check_columns (batch, r->seen);
  r->n_messages += kafka_message_batch_get_length (batch);
  r->n_batches++;
  /* keep the first one past the emission: it must stay readable */
  if (r->kept == NULL)
    r->kept = g_object_ref (batch);
}

static void
on_delivery_single (KafkaProducer *producer,
                    KafkaMessage  *message,
                    BatchReports  *r)
{
  g_assert_null (kafka_message_get_error (message));
  r->n_single++;
}

static void
test_produce_batch (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  BatchReports r = { g_hash_table_new (NULL, NULL), 0, 0, 0, NULL };
  g_autoptr(GHashTable) seen_again = g_hash_table_new (NULL, NULL);
  g_autoptr(KafkaMessage) first = NULL;
  const guint n = 5000;
  Columns c;
  guint queued;

  columns_build (&c, n);
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_delivery_batch), &r);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery_single), &r);

  queued = kafka_producer_produce_batch (producer, fx->topic, 1,
                                         c.values->data, c.values->len,
                                         (gint32 *) (void *) c.value_lengths->data, n,
                                         c.keys->data, c.keys->len,
                                         (gint32 *) (void *) c.key_lengths->data, n,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued, ==, n);

  kt_wait_for_count (NULL, &r.n_messages, n, 60000, "delivery batches");
  g_assert_cmpuint (r.n_messages, ==, n);
  g_assert_cmpuint (r.n_single, ==, n);
  g_assert_cmpuint (g_hash_table_size (r.seen), ==, n);
  g_assert_cmpuint (r.n_batches, <, n);
  g_test_message ("%u messages in %u delivery batches", n, r.n_batches);

  /* the batch kept by the handler outlived its event: read it again */
  g_assert_nonnull (r.kept);
  check_columns (r.kept, seen_again);
  first = kafka_message_batch_get_message (r.kept, 0);
  g_assert_cmpstr (kafka_message_get_topic (first), ==, fx->topic);
  g_assert_cmpint (kafka_message_get_partition (first), ==, 1);
  g_assert_cmpint (kafka_message_get_status (first), ==, KAFKA_MESSAGE_STATUS_PERSISTED);

  g_clear_object (&r.kept);
  g_hash_table_unref (r.seen);
  columns_clear (&c);
}

static void
test_produce_batch_errors (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  const gint32 lengths[] = { 2, 2 };
  const gint32 bad_lengths[] = { 2, -5 };
  const gint32 key_lengths[] = { 1 };

  /* lengths that do not add up to the buffer */
  g_assert_cmpuint (kafka_producer_produce_batch (producer, fx->topic, -1,
                                                  (const guint8 *) "abc", 3, lengths, 2,
                                                  NULL, 0, NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "add up to 4 bytes"));
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_produce_batch (producer, fx->topic, -1,
                                                  (const guint8 *) "ab", 2, bad_lengths, 2,
                                                  NULL, 0, NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "-1 for none"));
  g_clear_error (&error);

  /* one key for two messages */
  g_assert_cmpuint (kafka_producer_produce_batch (producer, fx->topic, -1,
                                                  (const guint8 *) "abcd", 4, lengths, 2,
                                                  (const guint8 *) "k", 1, key_lengths, 1,
                                                  &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_produce_batch (producer, "", -1,
                                                  (const guint8 *) "abcd", 4, lengths, 2,
                                                  NULL, 0, NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_clear_error (&error);

  /* nothing was queued by any of those */
  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 0);
}

/* A full local queue part way: the first messages are queued, the call says
 * how many, and that is no error. */
static void
test_produce_batch_queue_full (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "queue.buffering.max.messages", "10", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
  BatchReports r = { g_hash_table_new (NULL, NULL), 0, 0, 0, NULL };
  Columns c;
  guint queued;

  g_assert_no_error (error);
  columns_build (&c, 25);
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_delivery_batch), &r);
  queued = kafka_producer_produce_batch (producer, fx->topic, 1,
                                         c.values->data, c.values->len,
                                         (gint32 *) (void *) c.value_lengths->data, 25,
                                         NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued, ==, 10);
  kt_wait_for_count (NULL, &r.n_messages, 10, 60000, "delivery batches");
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_cmpuint (r.n_messages, ==, 10);

  g_clear_object (&r.kept);
  g_hash_table_unref (r.seen);
  columns_clear (&c);
}

static void
produce_numbered (Fixture *fx,
                  guint    n)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  Columns c;

  columns_build (&c, n);
  g_assert_cmpuint (kafka_producer_produce_batch (producer, fx->topic, -1,
                                                  c.values->data, c.values->len,
                                                  (gint32 *) (void *) c.value_lengths->data, n,
                                                  c.keys->data, c.keys->len,
                                                  (gint32 *) (void *) c.key_lengths->data, n,
                                                  &error), ==, n);
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
  columns_clear (&c);
}

static void
test_consume_batch (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 deadline;
  const guint n = 3000;
  guint got = 0;

  produce_numbered (fx, n);
  consumer = fixture_consumer (fx);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (got < n && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KafkaMessageBatch) batch = kafka_consumer_consume_batch (consumer, 1000, 500, &error);
      guint n_off;
      g_autofree gint64 *offsets = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (batch);
      g_assert_cmpuint (kafka_message_batch_get_n_errors (batch), ==, 0);
      offsets = kafka_message_batch_get_offsets (batch, &n_off);
      for (guint i = 0; i < n_off; i++)
        g_assert_cmpint (offsets[i], >=, 0);
      check_columns (batch, seen);
      got += kafka_message_batch_get_length (batch);
      if (kafka_message_batch_get_length (batch) > 0)
        {
          /* a message asked for shares the batch's storage and outlives it */
          g_ptr_array_add (kept, kafka_message_batch_get_message (batch, 0));
        }
    }
  g_assert_cmpuint (got, ==, n);
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);

  for (guint i = 0; i < kept->len; i++)
    {
      KafkaMessage *m = g_ptr_array_index (kept, i);

      g_assert_cmpstr (kafka_message_get_topic (m), ==, fx->topic);
      g_assert_cmpint (kafka_message_get_offset (m), >=, 0);
    }

  /* closed: a clear error */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (kafka_consumer_close (consumer, &error));
    g_assert_null (kafka_consumer_consume_batch (consumer, 10, 0, &error));
    g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  }
}

typedef struct {
  GHashTable *seen;
  guint       got;
  guint       batches;
  guint       singles;
} EmitState;

static void
on_message_batch (KafkaConsumer     *consumer,
                  KafkaMessageBatch *batch,
                  EmitState         *st)
{
  g_autoptr(GPtrArray) messages = kafka_message_batch_get_messages (batch);

  g_assert_cmpuint (messages->len, ==, kafka_message_batch_get_length (batch));
  check_columns (batch, st->seen);
  st->got += messages->len;
  st->batches++;
}

static void
on_message (KafkaConsumer *consumer,
            KafkaMessage  *message,
            EmitState     *st)
{
  st->singles++;
}

static void
test_message_batch_signal (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  EmitState st = { g_hash_table_new (NULL, NULL), 0, 0, 0 };
  const guint n = 2000;

  produce_numbered (fx, n);
  consumer = fixture_consumer (fx);
  g_signal_connect (consumer, "message-batch", G_CALLBACK (on_message_batch), &st);
  g_signal_connect (consumer, "message", G_CALLBACK (on_message), &st);
  g_object_set (consumer, "emit-messages", TRUE, NULL);

  kt_wait_for_count (NULL, &st.got, n, 60000, "message batches");
  g_assert_cmpuint (st.got, ==, n);
  g_assert_cmpuint (g_hash_table_size (st.seen), ==, n);
  /* with a batch handler, no per-message signal */
  g_assert_cmpuint (st.singles, ==, 0);
  g_assert_cmpuint (st.batches, <, n);
  g_test_message ("%u messages in %u batches", n, st.batches);

  g_object_set (consumer, "emit-messages", FALSE, NULL);
  g_hash_table_unref (st.seen);
}

/* produce_batch_full(): per-message partitions, timestamps, headers and
 * tags; each report carries its message's tag, in the batch column and on
 * the KafkaMessage, also for a batch kept past its emission. */
static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

typedef struct {
  guint              n_messages;
  guint              n_single;
  GHashTable        *tags_seen;
  KafkaMessageBatch *kept;
} TagReports;

#define FULL_N 3000
#define FULL_TS G_GINT64_CONSTANT (1700000000000)

/* What message i (tag i * 7 + 1) was produced with. */
static gint32
full_partition (guint i)
{
  return i % 3 == 0 ? -1 : (gint32) (i % 2);
}

static guint
full_index_of_tag (guint32 tag)
{
  g_assert_cmpuint (tag % 7, ==, 1);
  return (tag - 1) / 7;
}

/* kafka_message_batch_peek() and _peek_header() read what the message
 * objects of the same batch hold, in place or from the objects. */
static void
check_peek (KafkaMessageBatch *batch)
{
  for (guint i = 0; i < kafka_message_batch_get_length (batch); i++)
    {
      g_autoptr(KafkaMessage) m = kafka_message_batch_get_message (batch, i);
      KafkaHeaders *h = kafka_message_get_headers (m);
      const GError *e = kafka_message_get_error (m);
      KafkaMessageView v;
      gsize klen, vlen;
      const guint8 *key = kafka_message_get_key (m, &klen);
      const guint8 *value = kafka_message_get_value (m, &vlen);
      const char *name;
      const guint8 *hvalue;
      gssize hlen;

      kafka_message_batch_peek (batch, i, &v);
      g_assert_cmpstr (v.topic, ==, kafka_message_get_topic (m));
      g_assert_cmpint (v.partition, ==, kafka_message_get_partition (m));
      g_assert_cmpint (v.offset, ==, kafka_message_get_offset (m));
      g_assert_cmpint (v.timestamp, ==, kafka_message_get_timestamp (m));
      g_assert_cmpint (v.timestamp_type, ==, kafka_message_get_timestamp_type (m));
      g_assert_cmpint (v.error_code, ==, e ? e->code : 0);
      g_assert_cmpuint (v.tag, ==, kafka_message_get_tag (m));
      g_assert_true ((v.key == NULL) == (key == NULL));
      if (key != NULL)
        g_assert_cmpmem (v.key, v.key_len, key, klen);
      g_assert_true ((v.value == NULL) == (value == NULL));
      if (value != NULL)
        g_assert_cmpmem (v.value, v.value_len, value, vlen);
      g_assert_cmpuint (v.n_headers, ==, h ? kafka_headers_get_length (h) : 0);
      for (guint j = 0; j < v.n_headers; j++)
        {
          gsize len = 0;
          const guint8 *want = kafka_headers_get_value (h, j, &len);

          g_assert_true (kafka_message_batch_peek_header (batch, i, j, &name, &hvalue, &hlen));
          g_assert_cmpstr (name, ==, kafka_headers_get_name (h, j));
          g_assert_cmpint (hlen, ==, want ? (gssize) len : -1);
          if (want != NULL)
            g_assert_cmpmem (hvalue, hlen, want, len);
        }
      g_assert_false (kafka_message_batch_peek_header (batch, i, v.n_headers, &name, &hvalue, &hlen));
    }
}

/* Checks every column of a delivered batch against the message objects of
 * the same batch and against what was produced. */
static void
check_full_batch (KafkaMessageBatch *batch,
                  GHashTable        *tags_seen)
{
  guint n = kafka_message_batch_get_length (batch);
  guint n_tags, n_parts, n_ts, n_types, n_lat, n_topics, n_idx, n_counts, n_names, n_lens;
  g_autofree guint32 *tags = kafka_message_batch_get_tags (batch, &n_tags);
  g_autofree gint32 *parts = kafka_message_batch_get_partitions (batch, &n_parts);
  g_autofree gint64 *ts = kafka_message_batch_get_timestamps (batch, &n_ts);
  g_autofree gint *types = kafka_message_batch_get_timestamp_types (batch, &n_types);
  g_autofree gint64 *lat = kafka_message_batch_get_latencies (batch, &n_lat);
  g_autofree gint32 *idx = NULL;
  g_auto(GStrv) topics = kafka_message_batch_get_topics (batch, &n_topics, &idx, &n_idx);
  g_autofree gint32 *counts = NULL, *hlens = NULL;
  g_auto(GStrv) hnames = NULL;
  gsize hdata_len, hpos = 0;
  guint hname = 0;
  g_autofree guint8 *hdata = kafka_message_batch_get_headers (batch, &hdata_len, &counts, &n_counts,
                                                              &hnames, &n_names, &hlens, &n_lens);

  g_assert_cmpuint (n_tags, ==, n);
  g_assert_cmpuint (n_parts, ==, n);
  g_assert_cmpuint (n_ts, ==, n);
  g_assert_cmpuint (n_types, ==, n);
  g_assert_cmpuint (n_lat, ==, n);
  g_assert_cmpuint (n_idx, ==, n);
  g_assert_cmpuint (n_counts, ==, n);
  g_assert_cmpuint (n_names, ==, n_lens);
  g_assert_cmpuint (n_topics, ==, 1);
  g_assert_cmpuint (g_strv_length (topics), ==, 1);

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(KafkaMessage) m = kafka_message_batch_get_message (batch, j);
      KafkaHeaders *h = kafka_message_get_headers (m);
      guint i;

      g_assert_cmpuint (kafka_message_get_tag (m), ==, tags[j]);
      if (tags[j] == 0)
        {
          /* the produce_async() message: no tag, no headers */
          g_assert_cmpmem (kafka_message_get_value (m, NULL), 5, "async", 5);
          g_assert_cmpint (counts[j], ==, 0);
          g_assert_cmpint (parts[j], ==, 0);
          continue;
        }
      i = full_index_of_tag (tags[j]);
      g_assert_false (g_hash_table_contains (tags_seen, GUINT_TO_POINTER (tags[j])));
      g_hash_table_add (tags_seen, GUINT_TO_POINTER (tags[j]));

      if (full_partition (i) >= 0)
        g_assert_cmpint (parts[j], ==, full_partition (i));
      g_assert_cmpint (parts[j], ==, kafka_message_get_partition (m));
      g_assert_cmpint (ts[j], ==, kafka_message_get_timestamp (m));
      g_assert_cmpint (types[j], ==, kafka_message_get_timestamp_type (m));
      /* librdkafka computes a latency when asked (the message object may
       * have been made before or after the column was read): known, for
       * both */
      g_assert_cmpint (lat[j], >=, 0);
      g_assert_cmpint (kafka_message_get_latency (m), >=, 0);
      g_assert_cmpint (idx[j], ==, 0);
      g_assert_cmpstr (topics[0], ==, kafka_message_get_topic (m));

      /* headers on every fifth message: "n" = i, then a null "z" */
      g_assert_cmpint (counts[j], ==, i % 5 == 0 ? 2 : 0);
      g_assert_cmpint (counts[j], ==, h ? (gint) kafka_headers_get_length (h) : 0);
      if (counts[j] > 0)
        {
          g_autofree char *want = g_strdup_printf ("%u", i);

          g_assert_cmpstr (hnames[hname], ==, "n");
          g_assert_cmpint (hlens[hname], ==, (gint32) strlen (want));
          g_assert_cmpmem (hdata + hpos, hlens[hname], want, strlen (want));
          hpos += hlens[hname];
          g_assert_cmpstr (hnames[hname + 1], ==, "z");
          g_assert_cmpint (hlens[hname + 1], ==, -1);
          hname += 2;
        }
    }
  g_assert_cmpuint (hname, ==, n_names);
  g_assert_cmpuint (hpos, ==, hdata_len);
  check_peek (batch);
}

static void
on_full_batch (KafkaProducer     *producer,
               KafkaMessageBatch *batch,
               TagReports        *r)
{
  g_assert_cmpuint (kafka_message_batch_get_n_errors (batch), ==, 0);
  check_full_batch (batch, r->tags_seen);
  r->n_messages += kafka_message_batch_get_length (batch);
  if (r->kept == NULL)
    r->kept = g_object_ref (batch);
}

static void
on_full_single (KafkaProducer *producer,
                KafkaMessage  *message,
                TagReports    *r)
{
  guint32 tag = kafka_message_get_tag (message);

  g_assert_true (tag == 0 || tag % 7 == 1);
  r->n_single++;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaMessage) m = kafka_producer_produce_finish (KAFKA_PRODUCER (source), result, &error);

  g_assert_no_error (error);
  /* produce_async()'s messages carry their task, not a tag */
  g_assert_cmpuint (kafka_message_get_tag (m), ==, 0);
  *(gboolean *) data = TRUE;
}

static void
test_produce_batch_full (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GHashTable) seen_again = g_hash_table_new (NULL, NULL);
  TagReports r = { 0, 0, g_hash_table_new (NULL, NULL), NULL };
  gint32 partitions[FULL_N];
  gint64 timestamps[FULL_N];
  guint32 tags[FULL_N];
  gboolean async_done = FALSE;
  Columns c;

  columns_build (&c, FULL_N);
  for (guint i = 0; i < FULL_N; i++)
    {
      partitions[i] = full_partition (i);
      timestamps[i] = FULL_TS + i;
      tags[i] = i * 7 + 1;
      if (i % 5 == 0)
        {
          KafkaHeaders *h = kafka_headers_new ();
          g_autofree char *v = g_strdup_printf ("%u", i);

          kafka_headers_add (h, "n", (const guint8 *) v, strlen (v));
          kafka_headers_add (h, "z", NULL, -1);
          g_ptr_array_add (headers, h);
        }
      else
        g_ptr_array_add (headers, NULL);
    }
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_full_batch), &r);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_full_single), &r);

  /* a produce_async() among the tagged messages: both uses of the opaque */
  kafka_producer_produce_async (producer, fx->topic, 0, NULL, 0, (const guint8 *) "async", 5,
                                NULL, 0, NULL, on_async_done, &async_done);
  /* the highest tag there is: encoded in the pointer, no allocation */
  tags[FULL_N - 1] = 7 * ((G_MAXINT32 - 1) / 7) + 1;
  g_assert_cmpuint (tags[FULL_N - 1], <=, G_MAXINT32);
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic,
                                                       partitions, FULL_N,
                                                       c.values->data, c.values->len,
                                                       (gint32 *) (void *) c.value_lengths->data, FULL_N,
                                                       c.keys->data, c.keys->len,
                                                       (gint32 *) (void *) c.key_lengths->data, FULL_N,
                                                       timestamps, FULL_N,
                                                       headers,
                                                       tags, FULL_N,
                                                       &error), ==, FULL_N);
  g_assert_no_error (error);

  kt_wait_for_count (NULL, &r.n_messages, FULL_N + 1, 20000, "delivery batches");
  kt_wait_for_flag (NULL, &async_done, 20000, "the async produce");
  /* every tag came back once; the async message reported tag 0 (checked in
   * its callback) and is in no tag's place */
  g_assert_cmpuint (g_hash_table_size (r.tags_seen), ==, FULL_N);
  g_assert_cmpuint (r.n_single, ==, FULL_N + 1);

  /* kept past its emission: the columns come from the copied messages */
  g_assert_nonnull (r.kept);
  check_full_batch (r.kept, seen_again);
  g_clear_object (&r.kept);
  g_hash_table_unref (r.tags_seen);
  columns_clear (&c);
}

/* What produce_batch_full() refuses queues nothing. */
static void
test_produce_batch_full_errors (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) one_headers = g_ptr_array_new ();
  const gint32 lengths[] = { 1, 1 };
  const gint32 bad_partitions[] = { 0, -2 };
  const guint32 bad_tags[] = { 0, (guint32) G_MAXINT32 + 1 };
  const gint64 timestamps[] = { 0 };

  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, bad_partitions, 2,
                                                       (const guint8 *) "ab", 2, lengths, 2,
                                                       NULL, 0, NULL, 0, NULL, 0, NULL,
                                                       NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "partition -2 at index 1"));
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0,
                                                       (const guint8 *) "ab", 2, lengths, 2,
                                                       NULL, 0, NULL, 0, NULL, 0, NULL,
                                                       bad_tags, 2, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "tag 2147483648 at index 1"));
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0,
                                                       (const guint8 *) "ab", 2, lengths, 2,
                                                       NULL, 0, NULL, 0, timestamps, 1, NULL,
                                                       NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "1 timestamps for 2 messages"));
  g_clear_error (&error);

  g_ptr_array_add (one_headers, NULL);
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0,
                                                       (const guint8 *) "ab", 2, lengths, 2,
                                                       NULL, 0, NULL, 0, NULL, 0, one_headers,
                                                       NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "1 headers for 2 messages"));
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 0);
}

/* An empty column is no column: an empty headers array (what a binding
 * makes of an empty list) queues every message without headers (it read
 * past the array's end before). */
static void
test_produce_batch_full_empty_headers (Fixture       *fx,
                                       gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) no_headers = g_ptr_array_new ();
  const gint32 lengths[] = { 1, 1, 1 };

  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0,
                                                       (const guint8 *) "abc", 3, lengths, 3,
                                                       NULL, 0, NULL, 0, NULL, 0, no_headers,
                                                       NULL, 0, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 3);
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 0);
}

/* A message that cannot be queued stops the call, which says how many went
 * before it; a call that starts with it fails with its error. */
static void
test_produce_batch_full_stops (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "queue.buffering.max.messages", "10", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
  const gint32 lengths[] = { 1, 1, 1 };
  const gint32 partitions[] = { 0, 5, 0 };
  gint32 many_lengths[25];
  guint8 many[25] = { 0 };
  guint queued;

  g_assert_no_error (error);
  for (guint i = 0; i < 25; i++)
    many_lengths[i] = 1;

  /* the local queue holds 10: ten go, no error; the rest fail at once */
  queued = kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0, many, 25,
                                              many_lengths, 25, NULL, 0, NULL, 0,
                                              NULL, 0, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued, ==, 10);
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, NULL, 0,
                                                       many + queued, 25 - queued,
                                                       many_lengths + queued, 25 - queued,
                                                       NULL, 0, NULL, 0, NULL, 0, NULL,
                                                       NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL);
  g_clear_error (&error);
  g_assert_true (kafka_producer_flush (producer, 10000, &error));
  g_assert_no_error (error);

  /* the topic's partitions are known now: partition 5 of 2 stops the call */
  queued = kafka_producer_produce_batch_full (producer, fx->topic, partitions, 3,
                                              (const guint8 *) "abc", 3, lengths, 3,
                                              NULL, 0, NULL, 0, NULL, 0, NULL, NULL, 0,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued, ==, 1);
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic, partitions + 1, 2,
                                                       (const guint8 *) "bc", 2, lengths, 2,
                                                       NULL, 0, NULL, 0, NULL, 0, NULL,
                                                       NULL, 0, &error), ==, 0);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_UNKNOWN_PARTITION);
  g_assert_true (kafka_producer_flush (producer, 10000, NULL));
}

/* Consumed batches: no tags, topics as indexes, headers as columns. */
static void
test_consume_batch_columns (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GHashTable) tags_seen = g_hash_table_new (NULL, NULL);
  gint32 partitions[FULL_N];
  gint64 timestamps[FULL_N];
  guint32 tags[FULL_N];
  gint64 deadline;
  guint got = 0;
  Columns c;

  columns_build (&c, FULL_N);
  for (guint i = 0; i < FULL_N; i++)
    {
      partitions[i] = full_partition (i);
      timestamps[i] = FULL_TS + i;
      tags[i] = i * 7 + 1;
      if (i % 5 == 0)
        {
          KafkaHeaders *h = kafka_headers_new ();
          g_autofree char *v = g_strdup_printf ("%u", i);

          kafka_headers_add (h, "n", (const guint8 *) v, strlen (v));
          kafka_headers_add (h, "z", NULL, -1);
          g_ptr_array_add (headers, h);
        }
      else
        g_ptr_array_add (headers, NULL);
    }
  g_assert_cmpuint (kafka_producer_produce_batch_full (producer, fx->topic,
                                                       partitions, FULL_N,
                                                       c.values->data, c.values->len,
                                                       (gint32 *) (void *) c.value_lengths->data, FULL_N,
                                                       c.keys->data, c.keys->len,
                                                       (gint32 *) (void *) c.key_lengths->data, FULL_N,
                                                       timestamps, FULL_N, headers, tags, FULL_N,
                                                       &error), ==, FULL_N);
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (producer, 20000, &error));
  g_assert_no_error (error);

  consumer = fixture_consumer (fx);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (got < FULL_N && g_get_monotonic_time () < deadline)
    {
      g_autoptr(KafkaMessageBatch) batch = kafka_consumer_consume_batch (consumer, 1000, 500, &error);
      guint n, n_tags, n_ts, n_types, n_lat, n_topics, n_idx, n_counts, n_names, n_lens, n_v;
      g_autofree guint32 *btags = NULL;
      g_autofree gint64 *ts = NULL, *lat = NULL;
      g_autofree gint *types = NULL;
      g_autofree gint32 *idx = NULL, *counts = NULL, *hlens = NULL, *vlens = NULL;
      g_auto(GStrv) topics = NULL;
      g_auto(GStrv) hnames = NULL;
      g_autofree guint8 *hdata = NULL, *vdata = NULL;
      gsize hdata_len, vdata_len, hpos = 0, vpos = 0;
      guint hname = 0;

      g_assert_no_error (error);
      n = kafka_message_batch_get_length (batch);
      btags = kafka_message_batch_get_tags (batch, &n_tags);
      ts = kafka_message_batch_get_timestamps (batch, &n_ts);
      types = kafka_message_batch_get_timestamp_types (batch, &n_types);
      lat = kafka_message_batch_get_latencies (batch, &n_lat);
      topics = kafka_message_batch_get_topics (batch, &n_topics, &idx, &n_idx);
      hdata = kafka_message_batch_get_headers (batch, &hdata_len, &counts, &n_counts,
                                               &hnames, &n_names, &hlens, &n_lens);
      vdata = kafka_message_batch_get_values (batch, &vdata_len, &vlens, &n_v);
      g_assert_cmpuint (n_tags, ==, n);
      g_assert_cmpuint (n_counts, ==, n);
      g_assert_cmpuint (n_topics, ==, n > 0 ? 1 : 0);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *v = vlens[j] > 0 ? g_strndup ((char *) vdata + vpos, vlens[j]) : NULL;
          guint i;

          /* the value names the message, but for 3 (NULL) and 4 (empty) */
          i = v != NULL ? (guint) atoi (v + 1) : vlens[j] < 0 ? 3 : 4;
          vpos += MAX (vlens[j], 0);
          g_assert_false (g_hash_table_contains (tags_seen, GUINT_TO_POINTER (i + 1)));
          g_hash_table_add (tags_seen, GUINT_TO_POINTER (i + 1));

          g_assert_cmpuint (btags[j], ==, 0);
          g_assert_cmpint (lat[j], ==, -1);
          g_assert_cmpint (idx[j], ==, 0);
          g_assert_cmpstr (topics[0], ==, fx->topic);
          g_assert_cmpint (types[j], !=, KAFKA_TIMESTAMP_NOT_AVAILABLE);
          if (types[j] == KAFKA_TIMESTAMP_CREATE_TIME)
            g_assert_cmpint (ts[j], ==, FULL_TS + i);
          g_assert_cmpint (counts[j], ==, i % 5 == 0 ? 2 : 0);
          if (counts[j] > 0)
            {
              g_autofree char *want = g_strdup_printf ("%u", i);

              g_assert_cmpstr (hnames[hname], ==, "n");
              g_assert_cmpmem (hdata + hpos, hlens[hname], want, strlen (want));
              hpos += hlens[hname];
              g_assert_cmpstr (hnames[hname + 1], ==, "z");
              g_assert_cmpint (hlens[hname + 1], ==, -1);
              hname += 2;
            }
        }
      g_assert_cmpuint (hname, ==, n_names);
      g_assert_cmpuint (hpos, ==, hdata_len);
      check_peek (batch);
      got += n;
    }
  g_assert_cmpuint (got, ==, FULL_N);
  columns_clear (&c);
}

/* A program done with a batch disposes of it (g_object_run_dispose(),
 * run_dispose() in GJS, whose wrappers live until its next collection):
 * librdkafka's buffers go at once, the batch is empty, a message taken from
 * it stays valid; disposing of a delivery report batch from its own handler
 * is fine too. */
static void
on_delivery_batch_dispose (KafkaProducer     *producer,
                           KafkaMessageBatch *batch,
                           guint             *reported)
{
  guint n = 0;
  g_autofree gint64 *offsets = NULL;

  *reported += kafka_message_batch_get_length (batch);
  g_object_run_dispose (G_OBJECT (batch));
  g_assert_cmpuint (kafka_message_batch_get_length (batch), ==, 0);
  offsets = kafka_message_batch_get_offsets (batch, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_dispose (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = fixture_producer (fx);
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  gint32 lengths[100];
  guint8 values[100 * 2];
  guint reported = 0, got = 0;
  gint64 deadline;

  for (guint i = 0; i < 100; i++)
    {
      lengths[i] = 2;
      values[2 * i] = 'v';
      values[2 * i + 1] = (guint8) ('0' + i % 10);
    }
  g_signal_connect (producer, "delivery-batch", G_CALLBACK (on_delivery_batch_dispose), &reported);
  g_assert_cmpuint (kafka_producer_produce_batch (producer, fx->topic, 0, values, sizeof values,
                                                  lengths, 100, NULL, 0, NULL, 0, &error), ==, 100);
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (producer, 20000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reported, ==, 100);

  consumer = fixture_consumer (fx);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (got < 100 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(KafkaMessageBatch) batch = kafka_consumer_consume_batch (consumer, 100, 500, &error);
      guint n = 0;
      gsize data_len = 0;
      g_autofree gint64 *offsets = NULL;
      g_autofree guint8 *column = NULL;

      g_assert_no_error (error);
      if (kafka_message_batch_get_length (batch) == 0)
        continue;
      got += kafka_message_batch_get_length (batch);
      g_ptr_array_add (kept, kafka_message_batch_get_message (batch, 0));
      g_object_run_dispose (G_OBJECT (batch));
      g_assert_cmpuint (kafka_message_batch_get_length (batch), ==, 0);
      offsets = kafka_message_batch_get_offsets (batch, &n);
      g_assert_cmpuint (n, ==, 0);
      column = kafka_message_batch_get_values (batch, &data_len, NULL, NULL);
      g_assert_cmpuint (data_len, ==, 0);
    }
  g_assert_cmpuint (got, ==, 100);
  for (guint i = 0; i < kept->len; i++)
    {
      gsize len;
      const guint8 *value = kafka_message_get_value (g_ptr_array_index (kept, i), &len);

      g_assert_cmpuint (len, ==, 2);
      g_assert_cmpint (value[0], ==, 'v');
    }
  g_assert_true (kafka_consumer_close (consumer, &error));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/batch/mock/produce-batch", Fixture, NULL,
              fixture_setup, test_produce_batch, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-errors", Fixture, NULL,
              fixture_setup, test_produce_batch_errors, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-queue-full", Fixture, NULL,
              fixture_setup, test_produce_batch_queue_full, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/consume-batch", Fixture, NULL,
              fixture_setup, test_consume_batch, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/message-batch-signal", Fixture, NULL,
              fixture_setup, test_message_batch_signal, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-full", Fixture, NULL,
              fixture_setup, test_produce_batch_full, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-full-errors", Fixture, NULL,
              fixture_setup, test_produce_batch_full_errors, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-full-stops", Fixture, NULL,
              fixture_setup, test_produce_batch_full_stops, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-full-empty-headers", Fixture, NULL,
              fixture_setup, test_produce_batch_full_empty_headers, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/consume-batch-columns", Fixture, NULL,
              fixture_setup, test_consume_batch_columns, kt_mock_fixture_teardown);
  g_test_add ("/batch/mock/dispose", Fixture, NULL,
              fixture_setup, test_dispose, kt_mock_fixture_teardown);

  return g_test_run ();
}
