/* Bad input, on the mock cluster: each a clear error and no crash.
 * Programmer errors (NULL where the API says not-nullable, a call from the
 * wrong thread) warn through g_return_val_if_fail(); runtime errors come
 * back as GErrors whose message says what to fix.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef KtMockFixture Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "bad", 1);
}

static KafkaProducer *
new_producer (Fixture    *fx,
              const char *first_key,
              ...)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "linger.ms", "1", NULL);
  g_autoptr(GError) error = NULL;
  KafkaProducer *producer;
  va_list args;

  va_start (args, first_key);
  kt_config_add_valist (config, first_key, args);
  va_end (args);
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  return producer;
}

static KafkaConsumer *
new_consumer (Fixture *fx)
{
  g_autofree char *group = kt_unique_topic ("g");
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", group,
                                            "auto.offset.reset", "earliest",
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(GError) error = NULL;
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  return consumer;
}

/* asserts @error is KAFKA_ERROR/@code and its message holds @words */
static void
assert_error_says (GError     *error,
                   KafkaError  code,
                   const char *words)
{
  g_assert_error (error, KAFKA_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static gboolean
produce_value (KafkaProducer *producer,
               const char    *topic,
               gint32         partition,
               GError       **error)
{
  return kafka_producer_produce (producer, topic, partition, NULL, 0,
                                 (const guint8 *) "v", 1, NULL, 0, error);
}

static void
count (guint *counter)
{
  (*counter)++;
}

/* ------------------------------------------------------------------------ */

static void
test_topic_names (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = new_producer (fx, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *t249 = g_strnfill (249, 'a');
  g_autofree char *t250 = g_strnfill (250, 'a');
  const char *bad[] = { "a b", "x/y", "caf\xc3\xa9", "tab\tbed", "semi;colon", ".", "..", "a:b" };
  guint delivered = 0;

  /* NULL: a programmer error */
  g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*topic != NULL*");
  g_assert_false (produce_value (producer, NULL, 0, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_false (produce_value (producer, "", 0, &error));
  assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "empty");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (produce_value (producer, bad[i], KAFKA_PARTITION_UA, &error));
      assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "letters, digits");
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
      /* twice: the bad name is not cached as a topic */
      g_assert_false (produce_value (producer, bad[i], KAFKA_PARTITION_UA, &error));
      g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
      g_clear_error (&error);
    }

  g_assert_false (produce_value (producer, t250, KAFKA_PARTITION_UA, &error));
  assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "249");
  g_clear_error (&error);

  /* the limits themselves are fine: 249 characters, every allowed one */
  g_signal_connect_swapped (producer, "delivery", G_CALLBACK (count), &delivered);
  g_assert_true (produce_value (producer, t249, KAFKA_PARTITION_UA, &error));
  g_assert_no_error (error);
  g_assert_true (produce_value (producer, "Az09._-x", KAFKA_PARTITION_UA, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (delivered, ==, 2);
}

static void
test_partition (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = new_producer (fx, NULL);
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx);
  g_autoptr(GError) error = NULL;

  g_assert_false (produce_value (producer, fx->topic, -2, &error));
  assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "KAFKA_PARTITION_UA");
  g_clear_error (&error);
  g_assert_false (produce_value (producer, fx->topic, G_MININT32, &error));
  assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "-1");
  g_clear_error (&error);

  /* an assignment needs real partitions: -1 or an empty topic name used to
   * be taken without a word, and nothing fetched */
  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (parts, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_BEGINNING));
    g_ptr_array_add (parts, kafka_topic_partition_new (fx->topic, KAFKA_PARTITION_UA, 0));
    g_assert_false (kafka_consumer_assign (consumer, parts, &error));
    assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "partition number");
    g_clear_error (&error);
    g_assert_false (kafka_consumer_incremental_assign (consumer, parts, &error));
    assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "partition number");
    g_clear_error (&error);
    g_ptr_array_remove_index (parts, 1);
    g_ptr_array_add (parts, kafka_topic_partition_new ("", 0, 0));
    g_assert_false (kafka_consumer_assign (consumer, parts, &error));
    assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "topic name");
    g_clear_error (&error);
    /* nothing was assigned */
    {
      g_autoptr(GPtrArray) assigned = kafka_consumer_get_assignment (consumer, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (assigned->len, ==, 0);
    }
  }
}

/* Above message.max.bytes, whichever part is large: MSG_SIZE_TOO_LARGE at
 * once, naming the setting; nothing queued. */
static void
test_oversized (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = new_producer (fx, "message.max.bytes", "10000", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (20000);
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(KafkaHeaders) many = kafka_headers_new ();

  /* value */
  g_assert_false (kafka_producer_produce (producer, fx->topic, 0, NULL, 0, big, 20000,
                                          NULL, 0, &error));
  assert_error_says (error, KAFKA_ERROR_MSG_SIZE_TOO_LARGE, "message.max.bytes");
  g_clear_error (&error);
  /* key */
  g_assert_false (kafka_producer_produce (producer, fx->topic, 0, big, 20000, NULL, 0,
                                          NULL, 0, &error));
  assert_error_says (error, KAFKA_ERROR_MSG_SIZE_TOO_LARGE, "message.max.bytes");
  g_clear_error (&error);
  /* one large header */
  kafka_headers_add (headers, "big", big, 20000);
  g_assert_false (kafka_producer_produce (producer, fx->topic, 0, NULL, 0,
                                          (const guint8 *) "v", 1, headers, 0, &error));
  assert_error_says (error, KAFKA_ERROR_MSG_SIZE_TOO_LARGE, "message.max.bytes");
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "20004 bytes"));
  g_clear_error (&error);
  /* many small ones */
  for (int i = 0; i < 2000; i++)
    kafka_headers_add (many, "h", (const guint8 *) "0123456789", 10);
  g_assert_false (kafka_producer_produce (producer, fx->topic, 0, NULL, 0,
                                          (const guint8 *) "v", 1, many, 0, &error));
  assert_error_says (error, KAFKA_ERROR_MSG_SIZE_TOO_LARGE, "message.max.bytes");
  g_clear_error (&error);

  g_assert_cmpuint (kafka_producer_get_out_queue_length (producer), ==, 0);
  /* the producer is fine afterwards */
  g_assert_true (produce_value (producer, fx->topic, 0, &error));
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
}

/* Kafka allows a header without a value (null), distinct from an empty one:
 * both round-trip through the broker as they were. */
static void
test_null_header_round_trip (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(KafkaProducer) producer = new_producer (fx, NULL);
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx);
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaMessage) m = NULL;
  KafkaHeaders *got;
  gboolean found = FALSE;
  gsize len = 99;
  gint64 deadline;

  kafka_headers_add (headers, "null", NULL, 0);
  kafka_headers_add (headers, "empty", (const guint8 *) "", 0);
  kafka_headers_add (headers, "value", (const guint8 *) "x", 1);
  g_assert_true (kafka_producer_produce (producer, fx->topic, 0, NULL, 0,
                                         (const guint8 *) "v", 1, headers, 0, &error));
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);

  /* a NULL name is a programmer error */
  g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*name != NULL*");
  kafka_headers_add (headers, NULL, (const guint8 *) "x", 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (kafka_headers_get_length (headers), ==, 3);

  g_ptr_array_add (partitions, kafka_topic_partition_new (fx->topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (m == NULL && g_get_monotonic_time () < deadline)
    {
      m = kafka_consumer_poll (consumer, 200, &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (m);
  got = kafka_message_get_headers (m);
  g_assert_nonnull (got);
  g_assert_cmpuint (kafka_headers_get_length (got), ==, 3);

  g_assert_null (kafka_headers_get_last (got, "null", &found, &len));
  g_assert_true (found);
  g_assert_cmpuint (len, ==, 0);
  g_assert_nonnull (kafka_headers_get_last (got, "empty", &found, &len));
  g_assert_true (found);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpmem (kafka_headers_get_last (got, "value", &found, &len), len, "x", 1);
  g_assert_null (kafka_headers_get_last (got, "absent", &found, &len));
  g_assert_false (found);
}

static void
assert_config_refused (const char *key,
                       const char *value,
                       gboolean    consumer)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers", "127.0.0.1:1",
                                            "group.id", "g", NULL);
  g_autoptr(GError) error = NULL;
  GObject *client;

  g_hash_table_insert (config, g_strdup (key), g_strdup (value));
  if (consumer)
    client = G_OBJECT (kafka_consumer_new (config, &error));
  else
    {
      g_hash_table_remove (config, "group.id");
      client = G_OBJECT (kafka_producer_new (config, &error));
    }
  g_assert_null (client);
  g_assert_nonnull (error);
  g_test_message ("%s=%s: %s", key, value ? value : "(null)", error->message);
  assert_error_says (error, KAFKA_ERROR_INVALID_ARG, key);
  /* one line, nothing trailing */
  g_assert_false (g_str_has_suffix (error->message, "\n"));
}

static void
test_config (void)
{
  /* unknown keys, misspelt ones, values of the wrong type or out of range */
  assert_config_refused ("no.such.property", "1", FALSE);
  assert_config_refused ("linger.msec", "5", FALSE);
  assert_config_refused ("linger.ms", "five", FALSE);
  assert_config_refused ("linger.ms", "-5", FALSE);
  assert_config_refused ("acks", "most", FALSE);
  assert_config_refused ("enable.idempotence", "maybe", FALSE);
  assert_config_refused ("compression.type", "zip", FALSE);
  assert_config_refused ("message.max.bytes", "1e99", FALSE);
  assert_config_refused ("linger.ms", NULL, FALSE);
  assert_config_refused ("enable.auto.commit", "yes please", TRUE);
  assert_config_refused ("session.timeout.ms", "0", TRUE);
  assert_config_refused ("auto.offset.reset", "start", TRUE);

  /* NULL config: a programmer error */
  {
    GError *error = NULL;

    g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*config != NULL*");
    g_assert_null (kafka_producer_new (NULL, &error));
    g_test_assert_expected_messages ();
    g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*config != NULL*");
    g_assert_null (kafka_consumer_new (NULL, &error));
    g_test_assert_expected_messages ();
    g_assert_no_error (error);
  }
}

/* After close (consumer) or dispose (producer), every call fails with
 * KAFKA_ERROR_STATE and says so; nothing crashes. */
static void
on_async_error (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **out = data;

  g_assert_null (kafka_consumer_consume_finish (KAFKA_CONSUMER (source), result, out));
  g_assert_nonnull (*out);
}

/* Every _finish of the async calls below, by source tag: the error it gave. */
static void
on_any_async (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GError **out = data;
  GTask *task = G_TASK (result);
  gpointer tag = g_task_get_source_tag (task);

  if (tag == kafka_consumer_commit_async)
    g_assert_null (kafka_consumer_commit_finish (KAFKA_CONSUMER (source), result, out));
  else if (tag == kafka_consumer_committed_async)
    g_assert_null (kafka_consumer_committed_finish (KAFKA_CONSUMER (source), result, out));
  else if (tag == kafka_consumer_offsets_for_times_async)
    g_assert_null (kafka_consumer_offsets_for_times_finish (KAFKA_CONSUMER (source), result, out));
  else if (tag == kafka_consumer_close_async)
    g_assert_false (kafka_consumer_close_finish (KAFKA_CONSUMER (source), result, out));
  else if (tag == kafka_client_list_topics_async)
    g_assert_null (kafka_client_list_topics_finish (KAFKA_CLIENT (source), result, out));
  else if (tag == kafka_client_get_watermark_offsets_async)
    g_assert_false (kafka_client_get_watermark_offsets_finish (KAFKA_CLIENT (source), result,
                                                               NULL, NULL, out));
  else if (tag == kafka_producer_send_offsets_to_transaction_async)
    g_assert_false (kafka_producer_send_offsets_to_transaction_finish (KAFKA_PRODUCER (source),
                                                                      result, out));
  else
    g_assert_not_reached ();
  g_assert_nonnull (*out);
}

static void
wait_async_error (GError **error)
{
  /* the error comes at once: no broker is asked (it is down, below) */
  while (*error == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_calls_after_close (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx);
  g_autoptr(KafkaProducer) producer = new_producer (fx, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new (fx->topic, 0, 0);
  const char *topics[] = { fx->topic, NULL };
  GError *async_error = NULL;

  g_ptr_array_add (parts, kafka_topic_partition_new (fx->topic, 0, 0));
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);

#define ASSERT_CLOSED(call) \
  G_STMT_START { \
    g_assert_false ((call) ? TRUE : FALSE); \
    assert_error_says (error, KAFKA_ERROR_STATE, "closed"); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_CLOSED (kafka_consumer_poll (consumer, 0, &error));
  ASSERT_CLOSED (kafka_consumer_consume (consumer, 10, 0, &error));
  ASSERT_CLOSED (kafka_consumer_subscribe (consumer, topics, &error));
  ASSERT_CLOSED (kafka_consumer_unsubscribe (consumer, &error));
  ASSERT_CLOSED (kafka_consumer_assign (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_commit (consumer, NULL, &error));
  ASSERT_CLOSED (kafka_consumer_commit (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_commit_in_background (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_committed (consumer, parts, 100, &error));
  ASSERT_CLOSED (kafka_consumer_store_offsets (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_position (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_seek (consumer, tp, 100, &error));
  ASSERT_CLOSED (kafka_consumer_pause (consumer, parts, &error));
  ASSERT_CLOSED (kafka_consumer_get_assignment (consumer, &error));
  ASSERT_CLOSED (kafka_consumer_close (consumer, &error));
  /* the calls the first version of this table missed: every call that goes
   * to librdkafka answers at once, the base class's included */
  {
    g_autoptr(KafkaTopicPartition) at_time = kafka_topic_partition_new (fx->topic, 0, 1000);
    g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 low = 0, high = 0;

    g_ptr_array_add (times, g_object_ref (at_time));
    /* the broker is gone: a call that still went to the network would time
     * out rather than fail at once with the right error */
    g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
    g_assert_no_error (error);

    ASSERT_CLOSED (kafka_consumer_consume_batch (consumer, 10, 0, &error));
    ASSERT_CLOSED (kafka_consumer_unassign (consumer, &error));
    ASSERT_CLOSED (kafka_consumer_incremental_assign (consumer, parts, &error));
    ASSERT_CLOSED (kafka_consumer_incremental_unassign (consumer, parts, &error));
    ASSERT_CLOSED (kafka_consumer_resume (consumer, parts, &error));
    ASSERT_CLOSED (kafka_consumer_offsets_for_times (consumer, times, 5000, &error));
    ASSERT_CLOSED (kafka_consumer_get_subscription (consumer, &error));
    ASSERT_CLOSED (kafka_client_get_watermark_offsets (KAFKA_CLIENT (consumer), fx->topic, 0,
                                                       FALSE, 5000, &low, &high, &error));
    ASSERT_CLOSED (kafka_client_get_watermark_offsets (KAFKA_CLIENT (consumer), fx->topic, 0,
                                                       TRUE, 5000, &low, &high, &error));
    ASSERT_CLOSED (kafka_client_list_topics (KAFKA_CLIENT (consumer), NULL, 5000, &error));
    g_assert_null (kafka_consumer_get_member_id (consumer));
    g_assert_null (kafka_consumer_get_rebalance_protocol (consumer));
    g_assert_null (kafka_client_get_fatal_error (KAFKA_CLIENT (consumer)));
    /* offsets of a closed consumer's group cannot join a transaction */
    {
      g_autoptr(KafkaProducer) txn = new_producer (fx, "transactional.id", "closed-consumer", NULL);

      ASSERT_CLOSED (kafka_producer_send_offsets_to_transaction (txn, parts, consumer, 5000, &error));
      kafka_producer_send_offsets_to_transaction_async (txn, parts, consumer, 5000, NULL,
                                                        on_any_async, &async_error);
      wait_async_error (&async_error);
      assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
      g_clear_error (&async_error);
    }

    kafka_consumer_commit_async (consumer, parts, NULL, on_any_async, &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
    kafka_consumer_committed_async (consumer, parts, 5000, NULL, on_any_async, &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
    kafka_consumer_offsets_for_times_async (consumer, times, 5000, NULL, on_any_async, &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
    kafka_consumer_close_async (consumer, NULL, on_any_async, &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
    kafka_client_list_topics_async (KAFKA_CLIENT (consumer), NULL, 5000, NULL, on_any_async,
                                    &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
    kafka_client_get_watermark_offsets_async (KAFKA_CLIENT (consumer), fx->topic, 0, 5000, NULL,
                                              on_any_async, &async_error);
    wait_async_error (&async_error);
    assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
    g_clear_error (&async_error);
  }

  kafka_consumer_consume_async (consumer, 10, 100, NULL, on_async_error, &async_error);
  while (async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_error_says (async_error, KAFKA_ERROR_STATE, "closed");
  g_clear_error (&async_error);

  /* a disposed producer */
  g_object_run_dispose (G_OBJECT (producer));
  g_assert_false (produce_value (producer, fx->topic, 0, &error));
  assert_error_says (error, KAFKA_ERROR_STATE, "create a new one");
  g_clear_error (&error);
  g_assert_false (kafka_producer_flush (producer, 100, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
  g_assert_null (kafka_client_list_topics (KAFKA_CLIENT (producer), NULL, 100, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (kafka_producer_poll (producer, 0), ==, 0);
}

static void
unref_unless_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* A NULL element in a partition list (None from Python, null from GJS):
 * every call that takes a list refuses it with KAFKA_ERROR_INVALID_ARG
 * saying which element (it used to crash, reading the element's topic). */
static void
test_null_in_partition_list (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx);
  g_autoptr(KafkaProducer) txn = new_producer (fx, "transactional.id", "null-list", NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (unref_unless_null);
  g_autoptr(GError) error = NULL;
  GError *async_error = NULL;

  g_ptr_array_add (list, kafka_topic_partition_new (fx->topic, 0, 0));
  g_ptr_array_add (list, NULL);

#define ASSERT_REFUSED(call) \
  G_STMT_START { \
    g_assert_false ((call) ? TRUE : FALSE); \
    assert_error_says (error, KAFKA_ERROR_INVALID_ARG, "Element 1 of the partition list is NULL"); \
    g_clear_error (&error); \
  } G_STMT_END

  ASSERT_REFUSED (kafka_consumer_assign (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_incremental_assign (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_incremental_unassign (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_commit (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_commit_in_background (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_committed (consumer, list, 1000, &error));
  ASSERT_REFUSED (kafka_consumer_position (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_pause (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_resume (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_store_offsets (consumer, list, &error));
  ASSERT_REFUSED (kafka_consumer_offsets_for_times (consumer, list, 1000, &error));
  ASSERT_REFUSED (kafka_producer_send_offsets_to_transaction (txn, list, consumer, 1000, &error));
#undef ASSERT_REFUSED

  kafka_consumer_commit_async (consumer, list, NULL, on_any_async, &async_error);
  wait_async_error (&async_error);
  assert_error_says (async_error, KAFKA_ERROR_INVALID_ARG, "Element 1");
  g_clear_error (&async_error);
  kafka_consumer_committed_async (consumer, list, 1000, NULL, on_any_async, &async_error);
  wait_async_error (&async_error);
  assert_error_says (async_error, KAFKA_ERROR_INVALID_ARG, "Element 1");
  g_clear_error (&async_error);
  kafka_consumer_offsets_for_times_async (consumer, list, 1000, NULL, on_any_async, &async_error);
  wait_async_error (&async_error);
  assert_error_says (async_error, KAFKA_ERROR_INVALID_ARG, "Element 1");
  g_clear_error (&async_error);
  kafka_producer_send_offsets_to_transaction_async (txn, list, consumer, 1000, NULL,
                                                    on_any_async, &async_error);
  wait_async_error (&async_error);
  assert_error_says (async_error, KAFKA_ERROR_INVALID_ARG, "Element 1");
  g_clear_error (&async_error);

  /* nothing was applied: the consumer is intact */
  {
    g_autoptr(GPtrArray) assignment = kafka_consumer_get_assignment (consumer, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (assignment->len, ==, 0);
  }
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);
}

/* The _async calls that keep their state on the client's context must be
 * started there: from another thread, while the owner runs that context,
 * they warn and do nothing. poll() from another thread is allowed and
 * leaves the reports to the owner. */
typedef struct {
  KafkaProducer *producer;
  KafkaConsumer *consumer;
  int            polled;
  gboolean       done;
} ThreadCall;

static gpointer
wrong_thread (gpointer data)
{
  ThreadCall *tc = data;

  g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*kafka_client_is_context_thread*");
  kafka_producer_flush_async (tc->producer, 1000, NULL, NULL, NULL);
  g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*kafka_client_is_context_thread*");
  kafka_consumer_consume_async (tc->consumer, 1, 1000, NULL, NULL, NULL);
  g_test_expect_message ("Kafka", G_LOG_LEVEL_CRITICAL, "*kafka_client_is_context_thread*");
  kafka_consumer_close_async (tc->consumer, NULL, NULL, NULL);
  g_test_assert_expected_messages ();

  tc->polled = kafka_producer_poll (tc->producer, 100);
  g_atomic_int_set (&tc->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
on_delivery_here (KafkaProducer *producer,
                  KafkaMessage  *message,
                  GThread      **thread)
{
  *thread = g_thread_self ();
}

static void
test_wrong_thread (Fixture       *fx,
                   gconstpointer  data)
{
  ThreadCall tc = { 0, };
  g_autoptr(GError) error = NULL;
  GThread *delivered_on = NULL;
  GThread *thread;

  tc.producer = new_producer (fx, NULL);
  tc.consumer = new_consumer (fx);
  g_signal_connect (tc.producer, "delivery", G_CALLBACK (on_delivery_here), &delivered_on);
  g_assert_true (produce_value (tc.producer, fx->topic, 0, &error));

  /* this thread owns the default context while the other one calls */
  g_assert_true (g_main_context_acquire (NULL));
  thread = g_thread_new ("wrong-thread", wrong_thread, &tc);
  while (!g_atomic_int_get (&tc.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_main_context_release (NULL);
  g_assert_cmpint (tc.polled, ==, 0);

  /* the report still comes, here */
  while (delivered_on == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (delivered_on == g_thread_self ());

  /* the consumer is untouched: it closes normally */
  g_assert_true (kafka_consumer_close (tc.consumer, &error));
  g_assert_no_error (error);
  g_object_unref (tc.consumer);
  g_object_unref (tc.producer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/bad-input/" path, Fixture, NULL, fixture_setup, func, kt_mock_fixture_teardown)

  ADD ("topic-names", test_topic_names);
  ADD ("partition", test_partition);
  ADD ("oversized", test_oversized);
  ADD ("null-header-round-trip", test_null_header_round_trip);
  g_test_add_func ("/bad-input/config", test_config);
  ADD ("calls-after-close", test_calls_after_close);
  ADD ("null-in-partition-list", test_null_in_partition_list);
  ADD ("wrong-thread", test_wrong_thread);

  return g_test_run ();
}
