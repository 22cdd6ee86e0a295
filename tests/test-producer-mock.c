/* KafkaProducer against librdkafka's mock cluster: main-loop dispatch,
 * poll/flush/purge, errors and fault injection, lifecycle.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef struct {
  KafkaMockCluster *cluster;
  KafkaProducer    *producer;
  KtDeliveries      deliveries;
  GPtrArray        *errors;   /* of GError */
  guint             n_errors;
  guint             n_fatal;
  char             *topic;
} Fixture;

static void
on_error (KafkaClient  *client,
          const GError *error,
          Fixture      *fx)
{
  g_ptr_array_add (fx->errors, g_error_copy (error));
  fx->n_errors++;
  if (kafka_error_is_fatal (error))
    fx->n_fatal++;
}

static KafkaProducer *
fixture_producer (Fixture    *fx,
                  const char *first_key,
                  ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "linger.ms", "5",
                                            NULL);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  g_clear_object (&fx->producer);
  fx->producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_assert_true (KAFKA_IS_PRODUCER (fx->producer));
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (kt_on_delivery), &fx->deliveries);
  g_signal_connect (fx->producer, "error", G_CALLBACK (on_error), fx);
  return fx->producer;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->cluster = kt_mock_cluster_with_topic (GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 1,
                                            "mock", 4, &fx->topic);
  kt_deliveries_init (&fx->deliveries);
  fx->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->producer);
  g_clear_object (&fx->cluster);
  kt_deliveries_clear (&fx->deliveries);
  g_ptr_array_unref (fx->errors);
  g_free (fx->topic);
}

static gboolean
produce_str (KafkaProducer *producer,
             const char    *topic,
             gint32         partition,
             const char    *key,
             const char    *value,
             KafkaHeaders  *headers,
             GError       **error)
{
  return kafka_producer_produce (producer, topic, partition,
                                 (const guint8 *) key, key ? strlen (key) : 0,
                                 (const guint8 *) value, value ? strlen (value) : 0,
                                 headers, 0, error);
}

/* evaluates @expr (which may set @len) before reading @len */
#define ASSERT_BYTES(expr, len, expected) \
  G_STMT_START { const guint8 *_data = (expr); assert_bytes (_data, (len), (expected)); } G_STMT_END

static void
assert_bytes (const guint8 *data,
              gsize         len,
              const char   *expected)
{
  if (expected == NULL)
    {
      g_assert_null (data);
      return;
    }
  g_assert_nonnull (data);
  g_assert_cmpmem (data, len, expected, strlen (expected));
}

/* ------------------------------------------------------------------------ */

static void
test_config_unknown_key (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1",
                                            "no.such.property", "1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);

  g_assert_null (producer);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "no.such.property"));
}

static void
test_config_bad_value (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1",
                                            "linger.ms", "soon", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);

  g_assert_null (producer);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "linger.ms"));
}

static void
test_config_read_back (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1",
                                            "sasl.password", "hunter2",
                                            "linger.ms", "7", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
  g_autoptr(GHashTable) back = NULL;

  g_assert_no_error (error);
  back = kafka_client_get_config (KAFKA_CLIENT (producer));
  g_assert_cmpstr (g_hash_table_lookup (back, "linger.ms"), ==, "7");
  g_assert_cmpstr (g_hash_table_lookup (back, "sasl.password"), ==, "[redacted]");
  g_assert_nonnull (kafka_client_get_name (KAFKA_CLIENT (producer)));
  g_assert_true (kafka_client_get_context (KAFKA_CLIENT (producer)) == g_main_context_default ());
}

/* A topic name librdkafka refuses (above 512 bytes) fails produce cleanly;
 * it used to free the topic configuration twice. */
static void
test_topic_name_too_long (void)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = kafka_producer_new (config, &error);
  g_autofree char *topic = g_strnfill (600, 't');

  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_assert_false (kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA, NULL, 0,
                                              (const guint8 *) "v", 1, NULL, 0, &error));
      g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
      g_clear_error (&error);
    }
}

/* Delivery through the main loop, with no poll() anywhere: every field comes
 * back, each message exactly once. */
static void
test_mainloop_delivery (Fixture       *fx,
                        gconstpointer  data)
{
  const guint n = 200;
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 last_offset[4] = { -1, -1, -1, -1 };

  fixture_producer (fx, NULL);
  kafka_headers_add (headers, "trace", (const guint8 *) "abc", 3);
  kafka_headers_add (headers, "trace", (const guint8 *) "def", 3);
  kafka_headers_add (headers, "null", NULL, 0);
  kafka_headers_add (headers, "empty", (const guint8 *) "", 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);
      g_autofree char *value = g_strdup_printf ("value-%u", i);
      g_autoptr(GError) error = NULL;

      g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA,
                                  key, value, headers, &error));
      g_assert_no_error (error);
    }

  kt_wait_for_count (NULL, &fx->deliveries.messages->len, n, 20000, "delivery reports");
  g_assert_cmpuint (fx->deliveries.messages->len, ==, n);
  g_assert_true (fx->deliveries.thread == g_thread_self ());

  for (guint i = 0; i < n; i++)
    {
      KafkaMessage *m = g_ptr_array_index (fx->deliveries.messages, i);
      KafkaHeaders *h = kafka_message_get_headers (m);
      gsize key_len, value_len, len;
      const guint8 *key = kafka_message_get_key (m, &key_len);
      const guint8 *value = kafka_message_get_value (m, &value_len);
      g_autofree char *k = g_strndup ((const char *) key, key_len);
      g_autofree char *expected_value = NULL;
      gboolean found;
      gint32 partition = kafka_message_get_partition (m);

      g_assert_no_error ((GError *) kafka_message_get_error (m));
      g_assert_cmpstr (kafka_message_get_topic (m), ==, fx->topic);
      g_assert_cmpint (partition, >=, 0);
      g_assert_cmpint (partition, <, 4);
      /* per-partition order */
      g_assert_cmpint (kafka_message_get_offset (m), ==, last_offset[partition] + 1);
      last_offset[partition] = kafka_message_get_offset (m);
      g_assert_cmpint (kafka_message_get_status (m), ==, KAFKA_MESSAGE_STATUS_PERSISTED);
      g_assert_cmpint (kafka_message_get_latency (m), >=, 0);

      g_assert_true (g_str_has_prefix (k, "key-"));
      expected_value = g_strdup_printf ("value-%s", k + 4);
      assert_bytes (value, value_len, expected_value);
      g_assert_true (g_hash_table_add (seen, g_steal_pointer (&k)));

      g_assert_nonnull (h);
      g_assert_cmpuint (kafka_headers_get_length (h), ==, 4);
      g_assert_cmpstr (kafka_headers_get_name (h, 0), ==, "trace");
      ASSERT_BYTES (kafka_headers_get_value (h, 0, &len), len, "abc");
      ASSERT_BYTES (kafka_headers_get_last (h, "trace", &found, &len), len, "def");
      g_assert_true (found);
      g_assert_null (kafka_headers_get_last (h, "null", &found, &len));
      g_assert_true (found);
      ASSERT_BYTES (kafka_headers_get_last (h, "empty", &found, &len), len, "");
      g_assert_true (found);
      g_assert_null (kafka_headers_get_last (h, "absent", &found, NULL));
      g_assert_false (found);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 0);
}

/* Null key and null value come back as NULL, empty ones as empty. */
static void
test_null_and_empty (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KafkaMessage *m;
  gsize len;

  fixture_producer (fx, NULL);
  g_assert_true (produce_str (fx->producer, fx->topic, 0, NULL, NULL, NULL, &error));
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "", "", NULL, &error));
  g_assert_no_error (error);
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 2, 10000, "delivery reports");

  m = g_ptr_array_index (fx->deliveries.messages, 0);
  g_assert_null (kafka_message_get_key (m, &len));
  g_assert_null (kafka_message_get_value (m, &len));
  g_assert_null (kafka_message_get_value_bytes (m));
  g_assert_null (kafka_message_get_headers (m));
  m = g_ptr_array_index (fx->deliveries.messages, 1);
  g_assert_nonnull (kafka_message_get_key (m, &len));
  g_assert_cmpuint (len, ==, 0);
  g_assert_nonnull (kafka_message_get_value (m, &len));
  g_assert_cmpuint (len, ==, 0);
}

/* Without a main loop, poll() emits the reports on the calling thread. */
static void
test_poll_delivery (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  int served = 0;

  fixture_producer (fx, NULL);
  for (int i = 0; i < 10; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, 1, "k", "v", NULL, &error));

  while (fx->deliveries.messages->len < 10 && g_get_monotonic_time () < deadline)
    served += kafka_producer_poll (fx->producer, 100);

  g_assert_cmpuint (fx->deliveries.messages->len, ==, 10);
  g_assert_cmpint (served, >=, 10);
  g_assert_cmpint (kafka_producer_poll (fx->producer, 0), ==, 0);
}

static void
test_flush (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_producer (fx, "linger.ms", "1000", NULL);
  for (int i = 0; i < 1000; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), >, 0);

  g_assert_true (kafka_producer_flush (fx->producer, 30000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 1000);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 0);
}

static void
test_flush_timeout (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  fixture_producer (fx, NULL);
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));

  g_assert_false (kafka_producer_flush (fx->producer, 300, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "1 messages"));
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 1);
}

static void
on_delivery_flush (KafkaProducer *producer,
                   KafkaMessage  *message,
                   gboolean      *flushed)
{
  g_autoptr(GError) error = NULL;

  if (*flushed)
    return;
  /* from inside a handler: must neither deadlock nor wait for the report
   * being emitted (which cannot happen before this handler returns: such a
   * flush would run out of time and fail with KAFKA_ERROR_TIMED_OUT) */
  *flushed = kafka_producer_flush (producer, 30000, &error);
  g_assert_no_error (error);
}

static void
test_flush_in_handler (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean flushed = FALSE;

  fixture_producer (fx, NULL);
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (on_delivery_flush), &flushed);
  for (int i = 0; i < 50; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, i % 4, "k", "v", NULL, &error));

  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 50, 60000, "delivery reports");
  /* the flush in the first handler returned TRUE, without an error */
  g_assert_true (flushed);
}

static void
test_purge (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  fixture_producer (fx, NULL);
  for (int i = 0; i < 5; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));

  g_assert_true (kafka_producer_purge (fx->producer, KAFKA_PURGE_QUEUE | KAFKA_PURGE_INFLIGHT, &error));
  g_assert_no_error (error);
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 5, 30000, "purged reports");
  for (guint i = 0; i < 5; i++)
    {
      KafkaMessage *m = g_ptr_array_index (fx->deliveries.messages, i);

      g_assert_error ((GError *) kafka_message_get_error (m), KAFKA_ERROR, KAFKA_ERROR_PURGE_QUEUE);
      g_assert_cmpint (kafka_message_get_status (m), ==, KAFKA_MESSAGE_STATUS_NOT_PERSISTED);
    }
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 0);
}

static void
test_list_topics (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaClusterMetadata) md = NULL;
  KafkaTopicMetadata *topic;
  GPtrArray *partitions;

  fixture_producer (fx, NULL);
  md = kafka_client_list_topics (KAFKA_CLIENT (fx->producer), NULL, 30000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kafka_cluster_metadata_get_brokers (md)->len, ==, 3);
  g_assert_nonnull (kafka_cluster_metadata_get_broker (md, 2));
  g_assert_cmpstr (kafka_broker_metadata_get_host (kafka_cluster_metadata_get_broker (md, 2)), ==, "127.0.0.1");
  g_assert_null (kafka_cluster_metadata_get_broker (md, 9));

  topic = kafka_cluster_metadata_get_topic (md, fx->topic);
  g_assert_nonnull (topic);
  g_assert_null (kafka_topic_metadata_get_error (topic));
  partitions = kafka_topic_metadata_get_partitions (topic);
  g_assert_cmpuint (partitions->len, ==, 4);
  for (guint i = 0; i < partitions->len; i++)
    {
      KafkaPartitionMetadata *p = g_ptr_array_index (partitions, i);
      guint n_replicas, n_isrs;

      g_assert_cmpint (kafka_partition_metadata_get_leader (p), >=, 1);
      g_assert_cmpint (kafka_partition_metadata_get_leader (p), <=, 3);
      kafka_partition_metadata_get_replicas (p, &n_replicas);
      kafka_partition_metadata_get_isrs (p, &n_isrs);
      /* librdkafka 2.0.2's mock places a replica on every broker */
      g_assert_cmpuint (n_replicas, >=, 1);
      g_assert_cmpuint (n_isrs, >=, 1);
      g_assert_cmpuint (n_isrs, <=, n_replicas);
    }

  /* leadership moves show up */
  g_assert_true (kafka_mock_cluster_set_partition_leader (fx->cluster, fx->topic, 0, 3, &error));
  g_clear_object (&md);
  md = kafka_client_list_topics (KAFKA_CLIENT (fx->producer), fx->topic, 30000, &error);
  g_assert_no_error (error);
  topic = kafka_cluster_metadata_get_topic (md, fx->topic);
  g_assert_cmpint (kafka_partition_metadata_get_leader (kafka_topic_metadata_get_partition (topic, 0)), ==, 3);
  g_assert_cmpuint (kafka_cluster_metadata_get_topics (md)->len, ==, 1);
}

static void
test_queue_full (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_producer (fx, "queue.buffering.max.messages", "10", "linger.ms", "200", NULL);
  for (int i = 0; i < 10; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL);
  g_assert_nonnull (strstr (error->message, "queue.buffering.max.messages"));
  g_assert_true (kafka_error_is_retriable (error));
  g_clear_error (&error);

  /* nothing lost: the ten queued ones are delivered, and there is room again */
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 10, 30000, "delivery reports");
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_assert_no_error (error);
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 11, 30000, "delivery reports");
}

static void
test_too_large (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (20000);

  fixture_producer (fx, "message.max.bytes", "10000", NULL);
  g_assert_false (kafka_producer_produce (fx->producer, fx->topic, 0, NULL, 0, big, 20000,
                                          NULL, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_MSG_SIZE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "message.max.bytes"));
}

static void
test_bad_arguments (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_producer (fx, NULL);
  g_assert_false (produce_str (fx->producer, "", 0, "k", "v", NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_clear_error (&error);
  g_assert_false (produce_str (fx->producer, fx->topic, -7, "k", "v", NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "-7"));
  g_clear_error (&error);
  /* a partition the topic does not have: refused at once when the producer
   * already has the topic's metadata, else failed in the delivery report
   * (which of the two depends on how far the producer got meanwhile) */
  if (produce_str (fx->producer, fx->topic, 99, "k", "v", NULL, &error))
    {
      kt_wait_for_count (NULL, &fx->deliveries.messages->len, 1, 30000, "delivery report");
      g_assert_error ((GError *) kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, 0)),
                      KAFKA_ERROR, KAFKA_ERROR_UNKNOWN_PARTITION);
    }
  else
    {
      g_test_message ("partition 99 refused at once: %s", error->message);
      g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_UNKNOWN_PARTITION);
      g_assert_cmpuint (fx->deliveries.messages->len, ==, 0);
    }
}

/* A broker nobody listens on: the message times out after message.timeout.ms
 * with a failed delivery report, and the error signal says why. The two come
 * in either order (a loaded machine may try to connect only after the
 * message timed out): each is waited for. */
static void
test_unreachable (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1",
                                            "message.timeout.ms", "1500",
                                            "reconnect.backoff.ms", "50", NULL);
  g_autoptr(GError) error = NULL;
  KafkaMessage *m;

  fx->producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (kt_on_delivery), &fx->deliveries);
  g_signal_connect (fx->producer, "error", G_CALLBACK (on_error), fx);

  g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 1, 30000, "the timed-out report");

  m = g_ptr_array_index (fx->deliveries.messages, 0);
  g_assert_error ((GError *) kafka_message_get_error (m), KAFKA_ERROR, KAFKA_ERROR_MSG_TIMED_OUT);
  g_assert_true (kafka_error_is_retriable (kafka_message_get_error (m)));
  g_assert_cmpint (kafka_message_get_status (m), ==, KAFKA_MESSAGE_STATUS_NOT_PERSISTED);
  ASSERT_BYTES (kafka_message_get_value (m, NULL), 1, "v");

  kt_wait_for_count (NULL, &fx->n_errors, 1, 30000, "an error signal for the unreachable broker");
  for (guint i = 0; i < fx->errors->len; i++)
    {
      GError *e = g_ptr_array_index (fx->errors, i);

      g_assert_true (e->domain == KAFKA_ERROR);
      g_assert_true (e->code == KAFKA_ERROR_TRANSPORT || e->code == KAFKA_ERROR_ALL_BROKERS_DOWN);
      g_assert_false (kafka_error_is_fatal (e));
    }
}

/* A fatal idempotence error injected by the mock cluster: the error signal
 * says it is fatal, the client reports it, and produce refuses. */
static void
test_fatal (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fatal = NULL;
  KafkaError errs[] = { KAFKA_ERROR_OUT_OF_ORDER_SEQUENCE_NUMBER };

  fixture_producer (fx, "enable.idempotence", "true", NULL);
  /* let the producer get its id first */
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 1, 30000, "the first report");
  g_assert_null (kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, 0)));

  kafka_mock_cluster_push_request_errors (fx->cluster, KAFKA_API_KEY_PRODUCE, errs, 1);
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  /* the fatal one, whatever other error signals come before it */
  kt_wait_for_count (NULL, &fx->n_fatal, 1, 30000, "the fatal error");
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 2, 30000, "the failed report");

  g_assert_nonnull (kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, 1)));

  fatal = kafka_client_get_fatal_error (KAFKA_CLIENT (fx->producer));
  g_assert_error (fatal, KAFKA_ERROR, KAFKA_ERROR_FATAL);
  g_assert_nonnull (strstr (fatal->message, "OUT_OF_ORDER_SEQUENCE_NUMBER"));

  g_assert_false (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_FATAL);
  g_assert_true (kafka_error_is_fatal (error));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_stats_and_log (Fixture       *fx,
                    gconstpointer  data)
{
  guint n_stats = 0, n_logs = 0;

  fixture_producer (fx, "statistics.interval.ms", "100", "debug", "metadata", NULL);
  g_signal_connect_swapped (fx->producer, "stats", G_CALLBACK (count_signal), &n_stats);
  g_signal_connect_swapped (fx->producer, "log", G_CALLBACK (count_signal), &n_logs);
  kt_wait_for_count (NULL, &n_stats, 2, 30000, "stats");
  kt_wait_for_count (NULL, &n_logs, 1, 30000, "log lines");
}

/* Lines of the client named in *data that reached GLib's log writer */
static guint glib_log_lines;
static const char *glib_log_client;

static GLogWriterOutput
count_kafka_lines (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "KAFKA_CLIENT") == 0 && glib_log_client != NULL &&
        fields[i].length < 0 && strcmp (fields[i].value, glib_log_client) == 0)
      glib_log_lines++;
  return g_log_writer_default (level, fields, n_fields, data);
}

/* A connected log handler takes the lines over; without one they go to
 * GLib's log. */
static void
test_log_handler_takes_lines (Fixture       *fx,
                              gconstpointer  data)
{
  guint n_logs = 0;
  gulong id;

  g_log_set_writer_func (count_kafka_lines, NULL, NULL);
  /* debug lines about metadata, again every 100 ms */
  fixture_producer (fx, "debug", "metadata", "topic.metadata.refresh.interval.ms", "100",
                    "log_level", "7", NULL);
  id = g_signal_connect_swapped (fx->producer, "log", G_CALLBACK (count_signal), &n_logs);
  glib_log_client = kafka_client_get_name (KAFKA_CLIENT (fx->producer));
  kt_wait_for_count (NULL, &n_logs, 3, 20000, "log lines");
  g_assert_cmpuint (g_atomic_int_get (&glib_log_lines), ==, 0);

  g_signal_handler_disconnect (fx->producer, id);
  n_logs = 0;
  kt_wait_for_count (NULL, &glib_log_lines, 1, 20000, "lines in GLib's log");
  g_assert_cmpuint (n_logs, ==, 0);
  glib_log_client = NULL;
}

typedef struct {
  char     *json;
  gboolean  got;
} StatsCopy;

static void
on_stats_copy (KafkaClient *client,
               const char  *stats,
               StatsCopy   *copy)
{
  g_free (copy->json);
  copy->json = g_strdup (stats);
  copy->got = TRUE;
}

static void
test_stats_json (Fixture       *fx,
                 gconstpointer  data)
{
  StatsCopy copy = { NULL, FALSE };
  g_autofree char *json = NULL;

  fixture_producer (fx, "statistics.interval.ms", "100", NULL);
  g_signal_connect (fx->producer, "stats", G_CALLBACK (on_stats_copy), &copy);
  kt_wait_for_flag (NULL, &copy.got, 30000, "a stats signal");
  g_signal_handlers_disconnect_by_data (fx->producer, &copy);
  json = g_steal_pointer (&copy.json);
  g_assert_true (g_str_has_prefix (json, "{"));
  g_assert_nonnull (strstr (json, kafka_client_get_name (KAFKA_CLIENT (fx->producer))));
}

/* The producer's signals come on the context that was thread-default where
 * it was created, even when another thread runs the default one. */
typedef struct {
  Fixture   *fx;
  GThread   *thread;
  guint      delivered;
} ThreadData;

static void
on_delivery_count (KafkaProducer *producer,
                   KafkaMessage  *message,
                   ThreadData    *td)
{
  g_assert_true (g_thread_self () == td->thread);
  td->delivered++;
}

static gpointer
producer_thread (gpointer data)
{
  ThreadData *td = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (td->fx->cluster),
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = NULL;

  g_main_context_push_thread_default (context);
  td->thread = g_thread_self ();
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_assert_true (kafka_client_get_context (KAFKA_CLIENT (producer)) == context);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery_count), td);
  for (int i = 0; i < 20; i++)
    g_assert_true (produce_str (producer, td->fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  kt_wait_for_count (context, &td->delivered, 20, 30000, "reports on the thread's context");
  g_clear_object (&producer);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_thread_context (Fixture       *fx,
                     gconstpointer  data)
{
  ThreadData td = { fx, NULL, 0 };
  GThread *thread = g_thread_new ("producer", producer_thread, &td);

  /* the default context must not see a thing */
  g_thread_join (thread);
  g_assert_cmpuint (td.delivered, ==, 20);
  g_assert_false (g_main_context_pending (NULL));
}

/* A worker thread creates a producer on the main thread's context (the
 * default one, which the main thread runs), produces, and flushes: flush()
 * returns only once every delivery signal was emitted, on the main thread,
 * even with a handler that takes a while (it used to return once librdkafka
 * had reported, with 71 to 487 of 500 signals emitted). */
typedef struct {
  Fixture   *fx;
  guint      emitted;        /* atomic */
  guint      emitted_at_flush;
  gboolean   flushed;        /* atomic */
  gboolean   flush_ok;
  GThread   *main_thread;
  gboolean   wrong_thread;
} FlushWorker;

#define FLUSH_WORKER_MESSAGES 500

static void
on_delivery_slow (KafkaProducer *producer,
                  KafkaMessage  *message,
                  FlushWorker   *fw)
{
  if (g_thread_self () != fw->main_thread)
    fw->wrong_thread = TRUE;
  g_usleep (200);
  g_atomic_int_inc (&fw->emitted);
}

static gboolean
unref_idle (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}

static gpointer
flush_worker_thread (gpointer data)
{
  FlushWorker *fw = data;
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fw->fx->cluster),
                                            "linger.ms", "1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = NULL;

  /* no thread-default context here: the producer takes the global default
   * one, which the main thread runs */
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_delivery_slow), fw);
  for (int i = 0; i < FLUSH_WORKER_MESSAGES; i++)
    g_assert_true (produce_str (producer, fw->fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  fw->flush_ok = kafka_producer_flush (producer, 60000, &error);
  g_assert_no_error (error);
  fw->emitted_at_flush = g_atomic_int_get (&fw->emitted);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 0);
  g_signal_handlers_disconnect_by_data (producer, fw);
  /* the last reference goes on the thread that runs the context */
  g_main_context_invoke (NULL, unref_idle, g_steal_pointer (&producer));
  g_atomic_int_set (&fw->flushed, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
test_flush_other_thread (Fixture       *fx,
                         gconstpointer  data)
{
  FlushWorker fw = { fx, 0 };
  GThread *thread;

  fw.main_thread = g_thread_self ();
  g_assert_true (g_main_context_acquire (NULL));
  thread = g_thread_new ("flush-worker", flush_worker_thread, &fw);
  while (!g_atomic_int_get (&fw.flushed))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  /* the unref the worker handed over */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_main_context_release (NULL);

  g_assert_true (fw.flush_ok);
  g_assert_cmpuint (fw.emitted_at_flush, ==, FLUSH_WORKER_MESSAGES);
  g_assert_false (fw.wrong_thread);
}

/* Dropping the last reference inside a delivery handler: no crash, no more
 * signals, librdkafka torn down after the dispatch. */
static void
on_delivery_unref (KafkaProducer *producer,
                   KafkaMessage  *message,
                   Fixture       *fx)
{
  g_assert_true (fx->producer == producer);
  fx->deliveries.thread = g_thread_self ();
  g_clear_object (&fx->producer);
}

static void
test_unref_in_handler (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            NULL);
  GWeakRef weak;

  fx->producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_weak_ref_init (&weak, fx->producer);
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (on_delivery_unref), fx);
  for (int i = 0; i < 100; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));

  while (fx->producer != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  /* a few more iterations: nothing left behind fires */
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_delivery_dispose (KafkaProducer *producer,
                     KafkaMessage  *message,
                     guint         *count)
{
  (*count)++;
  g_object_run_dispose (G_OBJECT (producer));
}

/* g_object_run_dispose() from a handler while the dispatch holds a reference:
 * teardown waits for the dispatch to end, and no further signal comes. */
static void
test_dispose_in_handler (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint count = 0;

  fixture_producer (fx, NULL);
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (on_delivery_dispose), &count);
  for (int i = 0; i < 100; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  kt_wait_for_count (NULL, &count, 1, 30000, "the first report");
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count, ==, 1);

  g_assert_false (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
}

/* Unref with thousands of messages in flight, to a broker that is down:
 * purged, no signal, no crash, and without waiting for them. Waiting would
 * take message.timeout.ms (an hour here), so the bound below, far above what
 * a loaded machine needs to tear a producer down (well under a second
 * here), tells the two apart without depending on the machine's speed. */
static void
test_unref_in_flight (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  fixture_producer (fx, "message.timeout.ms", "3600000", NULL);
  for (int i = 0; i < 5000; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  for (int i = 0; i < 5000; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));

  start = g_get_monotonic_time ();
  g_clear_object (&fx->producer);
  g_test_message ("unref took %.2f s", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_USEC_PER_SEC);
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Async */

typedef struct {
  GPtrArray *results;   /* of KafkaMessage or NULL */
  GPtrArray *errors;    /* of GError, for NULL results */
  guint      done;
} AsyncResults;

static void
async_results_init (AsyncResults *r)
{
  r->results = g_ptr_array_new_with_free_func (g_object_unref);
  r->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  r->done = 0;
}

static void
async_results_clear (AsyncResults *r)
{
  g_ptr_array_unref (r->results);
  g_ptr_array_unref (r->errors);
}

static void
on_produced (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncResults *r = data;
  GError *error = NULL;
  KafkaMessage *m = kafka_producer_produce_finish (KAFKA_PRODUCER (source), result, &error);

  if (m != NULL)
    g_ptr_array_add (r->results, m);
  else
    g_ptr_array_add (r->errors, error);
  r->done++;
}

static void
test_produce_async (Fixture       *fx,
                    gconstpointer  data)
{
  AsyncResults r;

  async_results_init (&r);
  fixture_producer (fx, NULL);
  for (int i = 0; i < 10; i++)
    kafka_producer_produce_async (fx->producer, fx->topic, i % 4, (const guint8 *) "k", 1,
                                  (const guint8 *) "v", 1, NULL, 0, NULL, on_produced, &r);
  /* a bad call fails through its callback */
  kafka_producer_produce_async (fx->producer, fx->topic, -7, NULL, 0, NULL, 0, NULL, 0,
                                NULL, on_produced, &r);
  kt_wait_for_count (NULL, &r.done, 11, 30000, "async produce results");

  g_assert_cmpuint (r.results->len, ==, 10);
  for (guint i = 0; i < r.results->len; i++)
    {
      KafkaMessage *m = g_ptr_array_index (r.results, i);

      g_assert_null (kafka_message_get_error (m));
      g_assert_cmpint (kafka_message_get_offset (m), >=, 0);
      g_assert_cmpstr (kafka_message_get_topic (m), ==, fx->topic);
    }
  g_assert_cmpuint (r.errors->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (r.errors, 0), KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  /* the delivery signal came for each as well */
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 10, 30000, "delivery signals");
  async_results_clear (&r);
}

/* Cancelling stops the wait, not the send. The broker stays down until the
 * cancelled result came: nothing but the cancellation can complete the call
 * meanwhile (no timing involved). */
static void
test_produce_async_cancel (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncResults r;

  async_results_init (&r);
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  fixture_producer (fx, NULL);
  kafka_producer_produce_async (fx->producer, fx->topic, 0, NULL, 0, (const guint8 *) "v", 1,
                                NULL, 0, cancellable, on_produced, &r);
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (r.done, ==, 0);

  g_cancellable_cancel (cancellable);
  kt_wait_for_count (NULL, &r.done, 1, 30000, "the cancelled result");
  g_assert_error ((GError *) g_ptr_array_index (r.errors, 0), G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* the message was still sent */
  g_assert_true (kafka_mock_cluster_set_broker_up (fx->cluster, 1, &error));
  kt_wait_for_count (NULL, &fx->deliveries.messages->len, 1, 60000, "the delivery after cancel");
  g_assert_null (kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, 0)));
  g_assert_cmpuint (r.done, ==, 1);
  async_results_clear (&r);
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  GError **error = data;

  if (!kafka_producer_flush_finish (KAFKA_PRODUCER (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "flushed");
}

static void
test_flush_async (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) outcome = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  fixture_producer (fx, "linger.ms", "500", NULL);
  for (int i = 0; i < 300; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  kafka_producer_flush_async (fx->producer, 30000, NULL, on_flushed, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_NONE);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 300);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 0);

  /* nothing to wait for */
  g_clear_error (&outcome);
  kafka_producer_flush_async (fx->producer, 10000, NULL, on_flushed, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_NONE);

  /* a broker that is down: time runs out, or the wait is cancelled */
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  g_clear_error (&outcome);
  kafka_producer_flush_async (fx->producer, 300, NULL, on_flushed, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT);

  g_clear_error (&outcome);
  kafka_producer_flush_async (fx->producer, -1, cancellable, on_flushed, &outcome);
  g_cancellable_cancel (cancellable);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Stats and log events queued behind the last report must not keep a flush
 * waiting (rd_kafka_outq_len() counts them), and flush (0) still emits the
 * reports that are waiting. */
static void
test_flush_with_stats (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) outcome = NULL;
  gint64 deadline;

  fixture_producer (fx, "statistics.interval.ms", "20", "debug", "msg", NULL);
  for (int i = 0; i < 50; i++)
    g_assert_true (produce_str (fx->producer, fx->topic, KAFKA_PARTITION_UA, "k", "v", NULL, &error));
  kafka_producer_flush_async (fx->producer, -1, NULL, on_flushed, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_NONE);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 50);

  /* reports waiting in the queue, nobody serving: flush (0) emits them */
  g_assert_true (produce_str (fx->producer, fx->topic, 0, "k", "v", NULL, &error));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!kafka_producer_flush (fx->producer, 0, NULL) && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 51);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  KafkaClusterMetadata **md = data;
  g_autoptr(GError) error = NULL;

  *md = kafka_client_list_topics_finish (KAFKA_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_list_topics_async (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(KafkaClusterMetadata) md = NULL;

  fixture_producer (fx, NULL);
  kafka_client_list_topics_async (KAFKA_CLIENT (fx->producer), fx->topic, 30000, NULL, on_listed, &md);
  while (md == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (kafka_cluster_metadata_get_topic (md, fx->topic));
  g_assert_cmpuint (kafka_topic_metadata_get_partitions (kafka_cluster_metadata_get_topic (md, fx->topic))->len, ==, 4);
}

/* One message object serves the delivery reports nobody keeps; it borrows
 * librdkafka's message during the emission and copies key, value and
 * headers only when asked or kept. What a handler reads or keeps must
 * stay right after the report's event is gone. */
typedef struct {
  GPtrArray *kept;        /* of KafkaMessage */
  GPtrArray *values;      /* of GBytes, with the index in the key */
  GPtrArray *headers;     /* of KafkaHeaders */
  GHashTable *objects;
  guint      count;
} ReportKeeper;

static void
on_keep_report (KafkaProducer *producer,
                KafkaMessage  *message,
                ReportKeeper  *k)
{
  gsize key_len, value_len;
  const guint8 *key = kafka_message_get_key (message, &key_len);
  g_autofree char *text = g_strndup ((const char *) key, key_len);
  guint i = (guint) atoi (text + strlen ("k"));
  g_autofree char *value = g_strdup_printf ("value-%u", i);

  g_assert_no_error (kafka_message_get_error (message));
  g_hash_table_add (k->objects, message);
  /* read during the emission, in place */
  g_assert_cmpmem (kafka_message_get_value (message, &value_len), value_len, value, strlen (value));
  if (i % 3 == 0)
    g_ptr_array_add (k->kept, g_object_ref (message));
  if (i % 5 == 0)
    g_ptr_array_add (k->values, kafka_message_get_value_bytes (message));
  if (i % 7 == 0)
    g_ptr_array_add (k->headers, g_object_ref (kafka_message_get_headers (message)));
  k->count++;
}

static void
test_delivery_reuse (Fixture       *fx,
                     gconstpointer  data)
{
  KafkaProducer *producer = fixture_producer (fx, NULL);
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GError) error = NULL;
  ReportKeeper k = {
    g_ptr_array_new_with_free_func (g_object_unref),
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref),
    g_ptr_array_new_with_free_func (g_object_unref),
    g_hash_table_new (NULL, NULL), 0
  };
  const guint n = 300;

  g_signal_handlers_disconnect_by_func (producer, kt_on_delivery, &fx->deliveries);
  g_signal_connect (producer, "delivery", G_CALLBACK (on_keep_report), &k);
  kafka_headers_add (headers, "h", (const guint8 *) "hv", 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", i);
      g_autofree char *value = g_strdup_printf ("value-%u", i);

      g_assert_true (produce_str (producer, fx->topic, 0, key, value, headers, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (producer, 10000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (k.count, ==, n);

  for (guint j = 0; j < k.kept->len; j++)
    {
      KafkaMessage *message = g_ptr_array_index (k.kept, j);
      g_autofree char *key = g_strdup_printf ("k%u", 3 * j);
      g_autofree char *value = g_strdup_printf ("value-%u", 3 * j);
      KafkaHeaders *kept_headers = kafka_message_get_headers (message);
      gsize len;

      g_assert_cmpstr (kafka_message_get_topic (message), ==, fx->topic);
      g_assert_cmpint (kafka_message_get_offset (message), ==, 3 * j);
      ASSERT_BYTES (kafka_message_get_key (message, &len), len, key);
      ASSERT_BYTES (kafka_message_get_value (message, &len), len, value);
      g_assert_nonnull (kept_headers);
      g_assert_cmpuint (kafka_headers_get_length (kept_headers), ==, 1);
      g_assert_cmpstr (kafka_headers_get_name (kept_headers, 0), ==, "h");
    }
  for (guint j = 0; j < k.values->len; j++)
    {
      g_autofree char *value = g_strdup_printf ("value-%u", 5 * j);
      gsize len;
      const guint8 *bytes = g_bytes_get_data (g_ptr_array_index (k.values, j), &len);

      ASSERT_BYTES (bytes, len, value);
    }
  for (guint j = 0; j < k.headers->len; j++)
    {
      KafkaHeaders *kept_headers = g_ptr_array_index (k.headers, j);
      gsize len;

      g_assert_cmpuint (kafka_headers_get_length (kept_headers), ==, 1);
      ASSERT_BYTES (kafka_headers_get_value (kept_headers, 0, &len), len, "hv");
    }
  /* the reports nobody kept shared objects */
  g_assert_cmpuint (g_hash_table_size (k.objects), <, n / 2);

  g_ptr_array_unref (k.kept);
  g_ptr_array_unref (k.values);
  g_ptr_array_unref (k.headers);
  g_hash_table_unref (k.objects);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/producer/config/unknown-key", test_config_unknown_key);
  g_test_add_func ("/producer/config/bad-value", test_config_bad_value);
  g_test_add_func ("/producer/config/read-back", test_config_read_back);
  g_test_add_func ("/producer/topic-name-too-long", test_topic_name_too_long);

#define ADD(path, func, brokers) \
  g_test_add ("/producer/mock/" path, Fixture, GUINT_TO_POINTER (brokers), \
              fixture_setup, func, fixture_teardown)

  ADD ("mainloop-delivery", test_mainloop_delivery, 1);
  ADD ("null-and-empty", test_null_and_empty, 1);
  ADD ("poll-delivery", test_poll_delivery, 1);
  ADD ("flush", test_flush, 1);
  ADD ("flush-timeout", test_flush_timeout, 1);
  ADD ("flush-in-handler", test_flush_in_handler, 1);
  ADD ("purge", test_purge, 1);
  ADD ("list-topics", test_list_topics, 3);
  ADD ("queue-full", test_queue_full, 1);
  ADD ("too-large", test_too_large, 1);
  ADD ("bad-arguments", test_bad_arguments, 1);
  ADD ("unreachable", test_unreachable, 1);
  ADD ("fatal", test_fatal, 1);
  ADD ("stats-and-log", test_stats_and_log, 1);
  ADD ("stats-json", test_stats_json, 1);
  ADD ("log-handler-takes-lines", test_log_handler_takes_lines, 1);
  ADD ("thread-context", test_thread_context, 1);
  ADD ("flush-other-thread", test_flush_other_thread, 1);
  ADD ("unref-in-handler", test_unref_in_handler, 1);
  ADD ("dispose-in-handler", test_dispose_in_handler, 1);
  ADD ("unref-in-flight", test_unref_in_flight, 1);
  ADD ("produce-async", test_produce_async, 1);
  ADD ("produce-async-cancel", test_produce_async_cancel, 1);
  ADD ("flush-async", test_flush_async, 1);
  ADD ("flush-with-stats", test_flush_with_stats, 1);
  ADD ("list-topics-async", test_list_topics_async, 1);
  ADD ("delivery-reuse", test_delivery_reuse, 1);

  return g_test_run ();
}
