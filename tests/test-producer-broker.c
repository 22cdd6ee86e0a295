/* KafkaProducer against the real Apache Kafka broker that tests/run-tests.sh
 * starts (KAFKA_BOOTSTRAP_SERVERS).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

static KafkaProducer *
new_producer (KtDeliveries *deliveries,
              const char   *first_key,
              ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", kt_broker_bootstrap (),
                                            "linger.ms", "5", "acks", "all", NULL);
  g_autoptr(GError) error = NULL;
  KafkaProducer *producer;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);

  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (producer, "delivery", G_CALLBACK (kt_on_delivery), deliveries);
  return producer;
}

/* Every field of every message comes back in its report, offsets run in
 * order per partition, and the high watermark counts them. */
static void
test_round_trip_fields (void)
{
  g_autofree char *topic = kt_unique_topic ("fields");
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GError) error = NULL;
  KtDeliveries d;
  const guint n = 500;
  const gint64 ts_base = 1700000000000;
  gint64 next_offset[2] = { 0, 0 };
  guint per_partition[2] = { 0, 0 };
  guint8 binary[256];

  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (guint8) i;
  kafka_headers_add (headers, "binary", binary, sizeof binary);
  kafka_headers_add (headers, "dup", (const guint8 *) "1", 1);
  kafka_headers_add (headers, "dup", (const guint8 *) "2", 1);
  kafka_headers_add (headers, "null", NULL, 0);

  kt_deliveries_init (&d);
  producer = new_producer (&d, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);
      guint8 value[64];

      memset (value, i & 0xff, sizeof value);
      value[0] = 0; /* binary, with a nul */
      g_assert_true (kafka_producer_produce (producer, topic, (gint32) (i % 2),
                                             (const guint8 *) key, strlen (key),
                                             value, sizeof value,
                                             headers, ts_base + i, &error));
      g_assert_no_error (error);
    }
  g_assert_true (kafka_producer_flush (producer, 60000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (d.messages->len, ==, n);

  for (guint j = 0; j < n; j++)
    {
      KafkaMessage *m = g_ptr_array_index (d.messages, j);
      KafkaHeaders *h = kafka_message_get_headers (m);
      gsize key_len, value_len, len;
      const guint8 *key = kafka_message_get_key (m, &key_len);
      const guint8 *value = kafka_message_get_value (m, &value_len);
      g_autofree char *k = g_strndup ((const char *) key, key_len);
      guint i = (guint) g_ascii_strtoull (k + 4, NULL, 10);
      gint32 partition = kafka_message_get_partition (m);
      gboolean found;

      g_assert_no_error ((GError *) kafka_message_get_error (m));
      g_assert_cmpstr (kafka_message_get_topic (m), ==, topic);
      g_assert_cmpint (partition, ==, (gint32) (i % 2));
      g_assert_cmpint (kafka_message_get_offset (m), ==, next_offset[partition]);
      next_offset[partition]++;
      per_partition[partition]++;
      g_assert_cmpint (kafka_message_get_timestamp (m), ==, ts_base + i);
      g_assert_cmpint (kafka_message_get_timestamp_type (m), ==, KAFKA_TIMESTAMP_CREATE_TIME);
      g_assert_cmpint (kafka_message_get_status (m), ==, KAFKA_MESSAGE_STATUS_PERSISTED);
      g_assert_cmpuint (value_len, ==, 64);
      g_assert_cmpuint (value[0], ==, 0);
      g_assert_cmpuint (value[63], ==, i & 0xff);

      g_assert_cmpuint (kafka_headers_get_length (h), ==, 4);
      g_assert_cmpmem (kafka_headers_get_value (h, 0, &len), len, binary, sizeof binary);
      g_assert_cmpmem (kafka_headers_get_last (h, "dup", &found, &len), len, "2", 1);
      g_assert_cmpstr (kafka_headers_get_name (h, 1), ==, "dup");
      g_assert_cmpmem (kafka_headers_get_value (h, 1, &len), len, "1", 1);
      g_assert_null (kafka_headers_get_value (h, 3, &len));
    }

  for (gint32 p = 0; p < 2; p++)
    {
      gint64 low = -5, high = -5;

      g_assert_true (kafka_client_get_watermark_offsets (KAFKA_CLIENT (producer), topic, p,
                                                         FALSE, 10000, &low, &high, &error));
      g_assert_no_error (error);
      g_assert_cmpint (low, ==, 0);
      g_assert_cmpint (high, ==, per_partition[p]);
    }

  kt_deliveries_clear (&d);
}

/* With auto-creation off, a topic that does not exist fails in the report,
 * with the broker's answer: once librdkafka had the broker's metadata
 * saying so after topic.metadata.propagation.max.ms (1 s), which is long
 * before message.timeout.ms (a minute here, so that the other outcome, a
 * plain timeout, takes a minute of a broker too slow to answer a metadata
 * request). */
static void
test_unknown_topic (void)
{
  g_autofree char *topic = kt_unique_topic ("absent");
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  KtDeliveries d;
  const GError *e;

  kt_deliveries_init (&d);
  producer = new_producer (&d, "allow.auto.create.topics", "false",
                           "topic.metadata.propagation.max.ms", "1000",
                           "message.timeout.ms", "60000", NULL);
  g_assert_true (kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA, NULL, 0,
                                         (const guint8 *) "v", 1, NULL, 0, &error));
  kt_wait_for_count (NULL, &d.messages->len, 1, 90000, "the failed report");
  e = kafka_message_get_error (g_ptr_array_index (d.messages, 0));
  g_assert_nonnull (e);
  g_assert_true (e->code == KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART || e->code == KAFKA_ERROR_UNKNOWN_TOPIC);
  g_assert_nonnull (strstr (e->message, topic));

  {
    g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (KAFKA_CLIENT (producer), topic,
                                                                   30000, &error);
    KafkaTopicMetadata *t;

    g_assert_no_error (error);
    t = kafka_cluster_metadata_get_topic (md, topic);
    g_assert_nonnull (t);
    g_assert_error ((GError *) kafka_topic_metadata_get_error (t), KAFKA_ERROR,
                    KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART);
  }
  kt_deliveries_clear (&d);
}

/* Above the broker's message.max.bytes (1 MB by default) but below the
 * client's: the broker refuses it, and the report says so. */
static void
test_too_large_for_broker (void)
{
  g_autofree char *topic = kt_unique_topic ("large");
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (1500000);
  KtDeliveries d;

  kt_deliveries_init (&d);
  producer = new_producer (&d, "message.max.bytes", "3000000", NULL);
  /* the topic exists: the broker's answer is about the size */
  kt_create_topic (topic, 1, 1, NULL);

  g_assert_true (kafka_producer_produce (producer, topic, 0, NULL, 0, big, 1500000, NULL, 0, &error));
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_cmpuint (d.messages->len, ==, 1);
  g_assert_error ((GError *) kafka_message_get_error (g_ptr_array_index (d.messages, 0)),
                  KAFKA_ERROR, KAFKA_ERROR_MSG_SIZE_TOO_LARGE);
  kt_deliveries_clear (&d);
}

static void
test_list_topics (void)
{
  g_autofree char *topic = kt_unique_topic ("meta");
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(KafkaClusterMetadata) md = NULL;
  g_autoptr(GError) error = NULL;
  KafkaTopicMetadata *t;
  KafkaPartitionMetadata *p;
  KtDeliveries d;
  guint n;

  kt_deliveries_init (&d);
  producer = new_producer (&d, NULL);
  g_assert_true (kafka_producer_produce (producer, topic, KAFKA_PARTITION_UA, NULL, 0,
                                         (const guint8 *) "v", 1, NULL, 0, &error));
  g_assert_true (kafka_producer_flush (producer, 30000, &error));

  md = kafka_client_list_topics (KAFKA_CLIENT (producer), NULL, 10000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kafka_cluster_metadata_get_cluster_id (md));
  g_assert_cmpuint (kafka_cluster_metadata_get_brokers (md)->len, >=, 1);
  g_assert_cmpint (kafka_cluster_metadata_get_controller_id (md), >=, 0);
  t = kafka_cluster_metadata_get_topic (md, topic);
  g_assert_nonnull (t);
  g_assert_null (kafka_topic_metadata_get_error (t));
  g_assert_cmpuint (kafka_topic_metadata_get_partitions (t)->len, >=, 1);
  p = kafka_topic_metadata_get_partition (t, 0);
  g_assert_nonnull (kafka_cluster_metadata_get_broker (md, kafka_partition_metadata_get_leader (p)));
  kafka_partition_metadata_get_replicas (p, &n);
  g_assert_cmpuint (n, >=, 1);
  kt_deliveries_clear (&d);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  kt_broker_bootstrap ();

  g_test_add_func ("/producer/broker/round-trip-fields", test_round_trip_fields);
  g_test_add_func ("/producer/broker/unknown-topic", test_unknown_topic);
  g_test_add_func ("/producer/broker/too-large-for-broker", test_too_large_for_broker);
  g_test_add_func ("/producer/broker/list-topics", test_list_topics);

  return g_test_run ();
}
