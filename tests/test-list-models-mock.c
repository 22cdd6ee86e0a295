/* The list models on librdkafka's mock cluster: KafkaMessageList (batching,
 * bounding, pausing, errors), KafkaMessage's properties, and cluster
 * metadata as list models of topics and partitions.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

#define WAIT_MS 60000

typedef struct {
  KafkaMockCluster *cluster;
  char             *topic;
  KafkaProducer    *producer;
  guint             produced;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(GError) error = NULL;

  fx->cluster = kt_mock_cluster_with_topic (1, "list", 1, &fx->topic);
  config = kt_config ("bootstrap.servers", kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                      "linger.ms", "5", NULL);
  fx->producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->producer);
  g_clear_object (&fx->cluster);
  g_free (fx->topic);
}

/* Produces @n messages to partition 0, key "k<i>" and value "v<i>" for the
 * i-th message of the fixture, and waits until all are delivered. */
static void
produce_n (Fixture *fx,
           guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", fx->produced + i);
      g_autofree char *value = g_strdup_printf ("v%u", fx->produced + i);

      g_assert_true (kafka_producer_produce (fx->producer, fx->topic, 0,
                                             (guint8 *) key, strlen (key),
                                             (guint8 *) value, strlen (value),
                                             NULL, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (fx->producer, WAIT_MS, &error));
  g_assert_no_error (error);
  fx->produced += n;
}

/* A consumer of the fixture's partition 0 from the beginning, with no
 * group coordination (assigned), and extra config pairs. */
static KafkaConsumer *
fixture_consumer (Fixture    *fx,
                  const char *first_key,
                  ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->topic,
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  KafkaConsumer *consumer;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  g_ptr_array_add (partitions, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));
  g_assert_no_error (error);
  return consumer;
}

/* What a list did, signal by signal. */
typedef struct {
  guint  position, removed, added;
  guint  n_items_after;
} Change;

typedef struct {
  KafkaMessageList *list;
  GArray           *changes;         /* of Change */
  guint             n_items_notifies;
  guint             max_seen;
  /* from the consumer's message-batch, connected after the list's handler:
   * how many changes each batch caused, and its length */
  GArray           *batch_lengths;   /* of guint */
  GArray           *changes_per_batch;
  guint             changes_seen;
  /* counters to wait on */
  guint             n_items;
  guint             n_received;
  guint             n_errors;
  guint             n_paused_notifies;
  GPtrArray        *errors;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *r)
{
  Change c = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (r->changes, c);
  r->max_seen = MAX (r->max_seen, c.n_items_after);
  r->n_items = c.n_items_after;
}

static void
on_n_items (GObject    *object,
            GParamSpec *pspec,
            Recorder   *r)
{
  r->n_items_notifies++;
}

static void
on_n_received (GObject    *object,
               GParamSpec *pspec,
               Recorder   *r)
{
  r->n_received = (guint) kafka_message_list_get_n_received (KAFKA_MESSAGE_LIST (object));
}

static void
on_paused (GObject    *object,
           GParamSpec *pspec,
           Recorder   *r)
{
  r->n_paused_notifies++;
}

static void
on_batch_after_list (KafkaConsumer     *consumer,
                     KafkaMessageBatch *batch,
                     Recorder          *r)
{
  guint n = kafka_message_batch_get_length (batch);
  guint changes = r->changes->len - r->changes_seen;

  g_array_append_val (r->batch_lengths, n);
  g_array_append_val (r->changes_per_batch, changes);
  r->changes_seen = r->changes->len;
}

static void
on_list_error (KafkaMessageList *list,
               GError           *error,
               Recorder         *r)
{
  g_ptr_array_add (r->errors, g_error_copy (error));
  r->n_errors++;
}

static void
recorder_init (Recorder         *r,
               KafkaMessageList *list)
{
  memset (r, 0, sizeof *r);
  r->list = list;
  r->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  r->batch_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  r->changes_per_batch = g_array_new (FALSE, FALSE, sizeof (guint));
  r->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), r);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_n_items), r);
  g_signal_connect (list, "notify::n-received", G_CALLBACK (on_n_received), r);
  g_signal_connect (list, "notify::paused", G_CALLBACK (on_paused), r);
  g_signal_connect (list, "error", G_CALLBACK (on_list_error), r);
  /* connected after the list's own handler, so it runs after it */
  g_signal_connect (kafka_message_list_get_consumer (list), "message-batch",
                    G_CALLBACK (on_batch_after_list), r);
}

static void
recorder_clear (Recorder *r)
{
  g_signal_handlers_disconnect_by_data (r->list, r);
  g_signal_handlers_disconnect_by_data (kafka_message_list_get_consumer (r->list), r);
  g_array_unref (r->changes);
  g_array_unref (r->batch_lengths);
  g_array_unref (r->changes_per_batch);
  g_ptr_array_unref (r->errors);
}

/* Waits until the list has received @n messages in all. */
static void
wait_received (Recorder *r,
               guint     n)
{
  kt_wait_for_count (NULL, &r->n_received, n, WAIT_MS, "messages received by the list");
}

/* The offsets in the list, which must be @first, @first + 1… */
static void
assert_offsets (GListModel *model,
                gint64      first,
                guint       n)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KafkaMessage) m = g_list_model_get_item (model, i);
      g_autofree char *expected = g_strdup_printf ("v%" G_GINT64_FORMAT, first + i);
      gsize len;
      const guint8 *value = kafka_message_get_value (m, &len);

      g_assert_cmpint (kafka_message_get_offset (m), ==, first + i);
      g_assert_cmpmem (value, len, expected, strlen (expected));
    }
  g_assert_null (g_list_model_get_item (model, n));
}

/* ------------------------------------------------------------------------ */

/* With update-interval 0, messages that were waiting in the partition come
 * in a few batches: one items-changed per batch, each adding the whole
 * batch at the end. */
static void
test_per_batch (Fixture       *fx,
                gconstpointer  data)
{
  const guint n = 3000;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  Recorder r;
  guint expected_position = 0, total = 0;

  produce_n (fx, n);
  consumer = fixture_consumer (fx, NULL);
  g_assert_false (kafka_consumer_get_emit_messages (consumer));
  list = kafka_message_list_new (consumer, 100000);
  g_assert_cmpuint (kafka_message_list_get_update_interval (list), ==, 50);
  kafka_message_list_set_update_interval (list, 0);
  g_assert_true (kafka_consumer_get_emit_messages (consumer));
  g_assert_true (kafka_message_list_get_consumer (list) == consumer);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == KAFKA_TYPE_MESSAGE);
  recorder_init (&r, list);

  wait_received (&r, n);

  assert_offsets (G_LIST_MODEL (list), 0, n);
  g_assert_cmpuint (r.errors->len, ==, 0);

  /* one change per batch, adding the batch at the end; never a removal */
  g_assert_cmpuint (r.changes->len, ==, r.batch_lengths->len);
  for (guint i = 0; i < r.changes->len; i++)
    {
      Change *c = &g_array_index (r.changes, Change, i);

      g_assert_cmpuint (g_array_index (r.changes_per_batch, guint, i), ==, 1);
      g_assert_cmpuint (c->position, ==, expected_position);
      g_assert_cmpuint (c->removed, ==, 0);
      g_assert_cmpuint (c->added, ==, g_array_index (r.batch_lengths, guint, i));
      expected_position += c->added;
      total += c->added;
    }
  g_assert_cmpuint (total, ==, n);
  /* batches, not messages: 3000 waiting messages cannot take 3000 signals
   * (a batch is up to 512 messages) */
  g_assert_cmpuint (r.changes->len, <, n / 2);
  g_test_message ("%u messages in %u items-changed", n, r.changes->len);
  /* n-items notified once per change */
  g_assert_cmpuint (r.n_items_notifies, ==, r.changes->len);
  g_assert_cmpuint (kafka_message_list_get_n_received (list), ==, n);

  recorder_clear (&r);

  /* the list gives emit-messages back as it found it */
  g_clear_object (&list);
  g_assert_false (kafka_consumer_get_emit_messages (consumer));
}

/* With an update interval, what arrives meanwhile waits (n-pending) and is
 * added in one items-changed; the default interval coalesces batches. */
static void
test_interval (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  Recorder r;
  guint changes_before, batches_before;

  produce_n (fx, 3000);
  consumer = fixture_consumer (fx, NULL);
  list = kafka_message_list_new (consumer, 100000);
  /* ten minutes: nothing is added while this test runs, unless asked */
  kafka_message_list_set_update_interval (list, 600000);
  recorder_init (&r, list);

  wait_received (&r, 3000);
  g_assert_cmpuint (r.changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 3000);
  g_assert_cmpuint (r.batch_lengths->len, >, 1);

  /* a new interval adds what waits, at once, in one change */
  kafka_message_list_set_update_interval (list, 0);
  g_assert_cmpuint (r.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (r.changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (r.changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (r.changes, Change, 0).added, ==, 3000);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 0);
  assert_offsets (G_LIST_MODEL (list), 0, 3000);

  /* with the default interval, batches are added by the timer, never more
   * changes than batches, each one at the end */
  kafka_message_list_set_update_interval (list, 50);
  changes_before = r.changes->len;
  batches_before = r.batch_lengths->len;
  produce_n (fx, 2000);
  kt_wait_for_count (NULL, &r.n_items, 5000, WAIT_MS, "the next 2000 messages");
  g_assert_cmpuint (r.changes->len - changes_before, <=, r.batch_lengths->len - batches_before);
  for (guint i = changes_before, position = 3000; i < r.changes->len; i++)
    {
      Change *c = &g_array_index (r.changes, Change, i);

      g_assert_cmpuint (c->position, ==, position);
      g_assert_cmpuint (c->removed, ==, 0);
      position += c->added;
    }
  assert_offsets (G_LIST_MODEL (list), 0, 5000);

  /* what waits for an update when the list is paused waits for the
   * resume, and comes at once then */
  kafka_message_list_set_update_interval (list, 600000);
  produce_n (fx, 10);
  wait_received (&r, 5010);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 10);
  kafka_message_list_set_paused (list, TRUE);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);
  changes_before = r.changes->len;
  kafka_message_list_set_paused (list, FALSE);
  g_assert_cmpuint (r.changes->len, ==, changes_before + 1);
  assert_offsets (G_LIST_MODEL (list), 0, 5010);

  /* a list that goes with an update due cancels it */
  produce_n (fx, 10);
  wait_received (&r, 5020);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 10);
  recorder_clear (&r);
  g_clear_object (&list);
}

/* What waits for an update is bounded too: the newest max-items. */
static void
test_pending_bounded (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  Recorder r;

  produce_n (fx, 1000);
  consumer = fixture_consumer (fx, NULL);
  list = kafka_message_list_new (consumer, 100);
  kafka_message_list_set_update_interval (list, 600000);
  recorder_init (&r, list);

  wait_received (&r, 1000);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 100);
  g_assert_cmpuint (r.changes->len, ==, 0);

  kafka_message_list_set_update_interval (list, 0);
  g_assert_cmpuint (r.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (r.changes, Change, 0).added, ==, 100);
  assert_offsets (G_LIST_MODEL (list), 900, 100);

  recorder_clear (&r);
}

/* A list of 100 keeps the newest 100, dropping the oldest with one
 * items-changed at position 0 before adding, and never holds more. */
static void
test_bounded (Fixture       *fx,
              gconstpointer  data)
{
  const guint max = 100;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  Recorder r;
  guint change = 0, n_items = 0;

  produce_n (fx, 1000);
  consumer = fixture_consumer (fx, NULL);
  list = kafka_message_list_new (consumer, max);
  kafka_message_list_set_update_interval (list, 0);
  recorder_init (&r, list);

  wait_received (&r, 1000);

  g_assert_cmpuint (r.max_seen, <=, max);
  assert_offsets (G_LIST_MODEL (list), 900, max);

  /* batch by batch: [a drop at 0 when the list would overflow] then the
   * newest of the batch added at the end */
  for (guint b = 0; b < r.batch_lengths->len; b++)
    {
      guint len = g_array_index (r.batch_lengths, guint, b);
      guint n_changes = g_array_index (r.changes_per_batch, guint, b);
      guint added = MIN (len, max);
      guint overflow = n_items + added > max ? n_items + added - max : 0;
      Change *c;

      g_assert_cmpuint (n_changes, ==, overflow > 0 ? 2 : 1);
      if (overflow > 0)
        {
          c = &g_array_index (r.changes, Change, change++);
          g_assert_cmpuint (c->position, ==, 0);
          g_assert_cmpuint (c->removed, ==, overflow);
          g_assert_cmpuint (c->added, ==, 0);
          n_items -= overflow;
        }
      c = &g_array_index (r.changes, Change, change++);
      g_assert_cmpuint (c->position, ==, n_items);
      g_assert_cmpuint (c->removed, ==, 0);
      g_assert_cmpuint (c->added, ==, added);
      n_items += added;
      g_assert_cmpuint (c->n_items_after, ==, n_items);
    }
  g_assert_cmpuint (change, ==, r.changes->len);
  g_assert_cmpuint (n_items, ==, max);

  /* lowering the bound drops at once, in one change */
  kafka_message_list_set_max_items (list, 10);
  g_assert_cmpuint (kafka_message_list_get_max_items (list), ==, 10);
  g_assert_cmpuint (r.changes->len, ==, change + 1);
  {
    Change *c = &g_array_index (r.changes, Change, change++);

    g_assert_cmpuint (c->position, ==, 0);
    g_assert_cmpuint (c->removed, ==, 90);
    g_assert_cmpuint (c->added, ==, 0);
  }
  assert_offsets (G_LIST_MODEL (list), 990, 10);

  /* the list holds one reference per message, and drops it with the
   * message: what makes the bound a bound on memory */
  {
    KafkaMessage *oldest = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_object_add_weak_pointer (G_OBJECT (oldest), (gpointer *) &oldest);
    g_object_unref (oldest);
    g_assert_nonnull (oldest);
    kafka_message_list_set_max_items (list, 9);
    g_assert_null (oldest);
    change++;
  }

  /* clear empties it in one change, and the list goes on */
  kafka_message_list_clear (list);
  g_assert_cmpuint (r.changes->len, ==, change + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  produce_n (fx, 5);
  wait_received (&r, 1005);
  assert_offsets (G_LIST_MODEL (list), 1000, 5);

  recorder_clear (&r);
}

/* Paused, the list does not change and the partition stops fetching;
 * resumed, it gets every message produced meanwhile, once, in order. */
static void
test_paused (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaConsumer) witness_consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  g_autoptr(KafkaMessageList) witness = NULL;
  Recorder r, w;
  guint changes_before;

  consumer = fixture_consumer (fx, NULL);
  list = kafka_message_list_new (consumer, 1000);
  kafka_message_list_set_update_interval (list, 0);
  recorder_init (&r, list);

  produce_n (fx, 10);
  wait_received (&r, 10);
  assert_offsets (G_LIST_MODEL (list), 0, 10);

  kafka_message_list_set_paused (list, TRUE);
  g_assert_true (kafka_message_list_get_paused (list));
  g_assert_cmpuint (r.n_paused_notifies, ==, 1);
  changes_before = r.changes->len;

  /* an unpaused list on a consumer of its own sees the next 20 arrive */
  witness_consumer = fixture_consumer (fx, NULL);
  witness = kafka_message_list_new (witness_consumer, 1000);
  kafka_message_list_set_update_interval (witness, 0);
  recorder_init (&w, witness);
  produce_n (fx, 20);
  wait_received (&w, 30);
  assert_offsets (G_LIST_MODEL (witness), 0, 30);

  /* meanwhile the paused list did not change, and its consumer fetched
   * nothing: the messages wait in Kafka, not in the list */
  g_assert_cmpuint (r.changes->len, ==, changes_before);
  assert_offsets (G_LIST_MODEL (list), 0, 10);
  g_assert_cmpuint (r.n_received, ==, 10);
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 0);

  kafka_message_list_set_paused (list, FALSE);
  g_assert_false (kafka_message_list_get_paused (list));
  g_assert_cmpuint (r.n_paused_notifies, ==, 2);
  /* whatever arrived before the pause took effect is there now; the rest
   * is fetched from where the list stopped */
  g_assert_cmpuint (kafka_message_list_get_n_pending (list), ==, 0);
  kt_wait_for_count (NULL, &r.n_items, 30, WAIT_MS, "the messages produced while paused");
  assert_offsets (G_LIST_MODEL (list), 0, 30);
  g_assert_cmpuint (r.errors->len, ==, 0);

  recorder_clear (&w);
  recorder_clear (&r);
}

/* A consumer error among the messages is an error signal, not an item. */
static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  Recorder r;

  produce_n (fx, 3);
  consumer = fixture_consumer (fx, "enable.partition.eof", "true", NULL);
  list = kafka_message_list_new (consumer, 1000);
  recorder_init (&r, list);

  kt_wait_for_count (NULL, &r.n_errors, 1, WAIT_MS, "the end-of-partition error");
  kt_wait_for_count (NULL, &r.n_items, 3, WAIT_MS, "the three messages");

  g_assert_error ((GError *) g_ptr_array_index (r.errors, 0), KAFKA_ERROR, KAFKA_ERROR_PARTITION_EOF);
  assert_offsets (G_LIST_MODEL (list), 0, 3);
  g_assert_cmpuint (kafka_message_list_get_n_received (list), ==, 3);

  recorder_clear (&r);
}

/* KafkaMessage's read-only properties carry what the getters return. */
static void
test_message_properties (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaMessageList) list = NULL;
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GError) error = NULL;
  Recorder r;

  kafka_headers_add (headers, "trace", (guint8 *) "abc", 3);
  g_assert_true (kafka_producer_produce (fx->producer, fx->topic, 0,
                                         (guint8 *) "key", 3, (guint8 *) "value", 5,
                                         headers, 1700000000123, &error));
  g_assert_no_error (error);
  /* a tombstone: neither key nor value */
  g_assert_true (kafka_producer_produce (fx->producer, fx->topic, 0, NULL, 0, NULL, 0,
                                         NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (fx->producer, WAIT_MS, &error));
  g_assert_no_error (error);

  consumer = fixture_consumer (fx, NULL);
  list = kafka_message_list_new (consumer, 10);
  recorder_init (&r, list);
  kt_wait_for_count (NULL, &r.n_items, 2, WAIT_MS, "two messages");

  {
    g_autoptr(KafkaMessage) m = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *topic = NULL;
    g_autoptr(GBytes) key = NULL, value = NULL;
    g_autoptr(KafkaHeaders) h = NULL;
    int partition;
    gint64 offset, timestamp;
    KafkaTimestampType tstype;
    gboolean found;
    gsize len;
    const guint8 *trace;

    g_object_get (m, "topic", &topic, "partition", &partition, "offset", &offset,
                  "timestamp", &timestamp, "timestamp-type", &tstype,
                  "key", &key, "value", &value, "headers", &h, NULL);
    g_assert_cmpstr (topic, ==, fx->topic);
    g_assert_cmpint (partition, ==, 0);
    g_assert_cmpint (offset, ==, 0);
    g_assert_cmpint (timestamp, ==, 1700000000123);
    g_assert_cmpint (tstype, ==, KAFKA_TIMESTAMP_CREATE_TIME);
    g_assert_cmpmem (g_bytes_get_data (key, NULL), g_bytes_get_size (key), "key", 3);
    g_assert_cmpmem (g_bytes_get_data (value, NULL), g_bytes_get_size (value), "value", 5);
    g_assert_nonnull (h);
    trace = kafka_headers_get_last (h, "trace", &found, &len);
    g_assert_true (found);
    g_assert_cmpmem (trace, len, "abc", 3);
    /* the bytes point into the message: no copy */
    g_assert_true (g_bytes_get_data (value, NULL) == kafka_message_get_value (m, NULL));
  }
  {
    g_autoptr(KafkaMessage) m = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_autoptr(GBytes) key = NULL, value = NULL;
    g_autoptr(KafkaHeaders) h = NULL;
    gint64 offset;

    g_object_get (m, "key", &key, "value", &value, "headers", &h, "offset", &offset, NULL);
    g_assert_null (key);
    g_assert_null (value);
    g_assert_null (h);
    g_assert_cmpint (offset, ==, 1);
  }
  /* read-only, and never notified */
  {
    GParamSpec *pspec = g_object_class_find_property (g_type_class_peek (KAFKA_TYPE_MESSAGE), "value");

    g_assert_nonnull (pspec);
    g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  }
  recorder_clear (&r);
}

/* Cluster metadata is a list model of topics, each a list model of its
 * partitions. */
static void
test_metadata_models (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = kt_unique_topic ("list-other");
  g_autoptr(KafkaClusterMetadata) md = NULL;
  GListModel *model;
  GPtrArray *topics;
  gboolean seen_fixture = FALSE, seen_other = FALSE;

  g_assert_true (kafka_mock_cluster_create_topic (fx->cluster, other, 3, 1, &error));
  g_assert_no_error (error);

  md = kafka_client_list_topics (KAFKA_CLIENT (fx->producer), NULL, WAIT_MS, &error);
  g_assert_no_error (error);
  model = G_LIST_MODEL (md);
  topics = kafka_cluster_metadata_get_topics (md);

  g_assert_true (g_list_model_get_item_type (model) == KAFKA_TYPE_TOPIC_METADATA);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, topics->len);
  g_assert_null (g_list_model_get_item (model, topics->len));
  for (guint i = 0; i < topics->len; i++)
    {
      g_autoptr(KafkaTopicMetadata) topic = g_list_model_get_item (model, i);
      GListModel *partitions = G_LIST_MODEL (topic);
      g_autofree char *name = NULL;
      guint n_items;

      g_assert_true (topic == g_ptr_array_index (topics, i));
      g_object_get (topic, "name", &name, "n-items", &n_items, NULL);
      g_assert_cmpstr (name, ==, kafka_topic_metadata_get_name (topic));
      g_assert_true (g_list_model_get_item_type (partitions) == KAFKA_TYPE_PARTITION_METADATA);
      g_assert_cmpuint (g_list_model_get_n_items (partitions), ==, n_items);
      g_assert_cmpuint (n_items, ==, kafka_topic_metadata_get_partitions (topic)->len);

      if (g_strcmp0 (name, fx->topic) == 0)
        {
          seen_fixture = TRUE;
          g_assert_cmpuint (n_items, ==, 1);
        }
      else if (g_strcmp0 (name, other) == 0)
        {
          guint ids = 0;

          seen_other = TRUE;
          g_assert_cmpuint (n_items, ==, 3);
          for (guint p = 0; p < n_items; p++)
            {
              g_autoptr(KafkaPartitionMetadata) pm = g_list_model_get_item (partitions, p);
              int id, leader;

              g_object_get (pm, "id", &id, "leader", &leader, NULL);
              g_assert_cmpint (id, ==, kafka_partition_metadata_get_id (pm));
              g_assert_cmpint (leader, ==, kafka_partition_metadata_get_leader (pm));
              g_assert_cmpint (leader, ==, 1);
              g_assert_cmpint (id, >=, 0);
              g_assert_cmpint (id, <, 3);
              ids |= 1u << id;
            }
          g_assert_cmpuint (ids, ==, 7);
          g_assert_null (g_list_model_get_item (partitions, 3));
        }
    }
  g_assert_true (seen_fixture);
  g_assert_true (seen_other);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/message-list/mock/per-batch", Fixture, NULL,
              fixture_setup, test_per_batch, fixture_teardown);
  g_test_add ("/message-list/mock/interval", Fixture, NULL,
              fixture_setup, test_interval, fixture_teardown);
  g_test_add ("/message-list/mock/pending-bounded", Fixture, NULL,
              fixture_setup, test_pending_bounded, fixture_teardown);
  g_test_add ("/message-list/mock/bounded", Fixture, NULL,
              fixture_setup, test_bounded, fixture_teardown);
  g_test_add ("/message-list/mock/paused", Fixture, NULL,
              fixture_setup, test_paused, fixture_teardown);
  g_test_add ("/message-list/mock/errors", Fixture, NULL,
              fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/message-list/mock/message-properties", Fixture, NULL,
              fixture_setup, test_message_properties, fixture_teardown);
  g_test_add ("/metadata/mock/list-models", Fixture, NULL,
              fixture_setup, test_metadata_models, fixture_teardown);

  return g_test_run ();
}
