/* The batch paths on librdkafka's mock cluster: produce_batch(), the
 * delivery-batch signal, consume_batch() and the message-batch signal.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef struct {
  KafkaMockCluster *cluster;
  char             *topic;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->cluster = kt_mock_cluster_with_topic (1, "batch", 2, &fx->topic);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->cluster);
  g_free (fx->topic);
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
              fixture_setup, test_produce_batch, fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-errors", Fixture, NULL,
              fixture_setup, test_produce_batch_errors, fixture_teardown);
  g_test_add ("/batch/mock/produce-batch-queue-full", Fixture, NULL,
              fixture_setup, test_produce_batch_queue_full, fixture_teardown);
  g_test_add ("/batch/mock/consume-batch", Fixture, NULL,
              fixture_setup, test_consume_batch, fixture_teardown);
  g_test_add ("/batch/mock/message-batch-signal", Fixture, NULL,
              fixture_setup, test_message_batch_signal, fixture_teardown);
  g_test_add ("/batch/mock/dispose", Fixture, NULL,
              fixture_setup, test_dispose, fixture_teardown);

  return g_test_run ();
}
