/* KafkaProducer's transactions against librdkafka's mock cluster: the round
 * trip seen by read_committed and read_uncommitted consumers, offsets sent to
 * a transaction, the async forms, and the error codes that tell the
 * application what to do (abort, retry, give up).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef struct {
  KafkaMockCluster *cluster;
  KafkaProducer    *producer;
  KtDeliveries      deliveries;
  char             *topic;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->cluster = kt_mock_cluster_with_topic (1, "txn", 2, &fx->topic);
  kt_deliveries_init (&fx->deliveries);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->producer);
  g_clear_object (&fx->cluster);
  kt_deliveries_clear (&fx->deliveries);
  g_free (fx->topic);
}

static KafkaProducer *
fixture_producer_debug (Fixture    *fx,
                        const char *transactional_id,
                        const char *debug)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "linger.ms", "5",
                                            NULL);
  g_autoptr(GError) error = NULL;

  if (debug != NULL)
    g_hash_table_insert (config, g_strdup ("debug"), g_strdup (debug));
  if (transactional_id != NULL)
    g_hash_table_insert (config, g_strdup ("transactional.id"), g_strdup (transactional_id));
  g_clear_object (&fx->producer);
  fx->producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_signal_connect (fx->producer, "delivery", G_CALLBACK (kt_on_delivery), &fx->deliveries);
  return fx->producer;
}

static KafkaProducer *
fixture_producer (Fixture    *fx,
                  const char *transactional_id)
{
  return fixture_producer_debug (fx, transactional_id, NULL);
}

static void
produce_range (Fixture *fx,
               int      first,
               int      n)
{
  for (int i = first; i < first + n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("%d", i);

      g_assert_true (kafka_producer_produce (fx->producer, fx->topic, i % 2, NULL, 0,
                                             (const guint8 *) value, strlen (value),
                                             NULL, 0, &error));
      g_assert_no_error (error);
    }
}

/* Reads the topic from the start with a fresh assign-only consumer until
 * @expect values came and no more arrives for a while; returns a set of
 * them (value → count). */
static GHashTable *
read_values (Fixture    *fx,
             const char *isolation,
             guint       expect)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", "txn-reader",
                                            "isolation.level", isolation,
                                            "enable.auto.commit", "false",
                                            NULL);
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) partitions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gint64 quiet_until = 0;
  guint got = 0;

  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  for (int p = 0; p < 2; p++)
    g_ptr_array_add (partitions, kafka_topic_partition_new (fx->topic, p, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, partitions, &error));
  g_assert_no_error (error);

  /* once @expect came, wait a second more for anything that should not */
  while (g_get_monotonic_time () < deadline &&
         (got < expect || g_get_monotonic_time () < quiet_until))
    {
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, 100, 100, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < batch->len; i++)
        {
          KafkaMessage *m = g_ptr_array_index (batch, i);
          gsize len;
          const guint8 *v;
          char *key;

          if (kafka_message_get_error (m) != NULL)
            continue;  /* partition EOF */

          v = kafka_message_get_value (m, &len);
          key = g_strndup ((const char *) v, len);
          g_hash_table_replace (values, key,
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (values, key)) + 1));
          got++;
        }
      if (got >= expect && quiet_until == 0)
        quiet_until = g_get_monotonic_time () + G_USEC_PER_SEC;
    }
  g_assert_true (kafka_consumer_close (consumer, &error));
  return values;
}

static void
assert_range (GHashTable *values,
              int         first,
              int         n,
              gboolean    present)
{
  for (int i = first; i < first + n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%d", i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (values, key));

      if (present)
        g_assert_cmpuint (count, ==, 1);
      else
        g_assert_cmpuint (count, ==, 0);
    }
}

/* commit 0..9, abort 10..19, commit 20..29: every message gets one delivery
 * signal, emitted on this thread by the blocking commit and abort while they
 * wait (no main loop runs here), and the producer goes on after an abort.
 *
 * librdkafka 2.0.2's mock cluster does not tell consumers which
 * transactions were aborted (its Fetch answers list none), so a
 * read_committed consumer of the mock sees aborted messages too: that
 * read_committed hides them is checked against the real broker
 * (tests/python/test_transactions.py, tests/failover). */
static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) uncommitted = NULL;
  guint ok = 0, purged = 0;

  fixture_producer (fx, "txn-round-trip");
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_no_error (error);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 10);
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
  /* every message of a committed transaction was reported, by the commit */
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 10);
  g_assert_cmpuint (kafka_producer_get_out_queue_length (fx->producer), ==, 0);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 10, 10);
  /* let them reach the broker, so the abort has something to abort there */
  g_assert_true (kafka_producer_flush (fx->producer, 30000, &error));
  g_assert_true (kafka_producer_abort_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 20, 10);
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);

  /* exactly one report per message, none left over */
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 30);
  for (guint i = 0; i < fx->deliveries.messages->len; i++)
    {
      const GError *e = kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, i));

      if (e == NULL)
        ok++;
      else
        purged++;
    }
  g_test_message ("delivered %u, failed %u", ok, purged);
  g_assert_cmpuint (ok + purged, ==, 30);
  g_assert_cmpuint (ok, >=, 20);

  uncommitted = read_values (fx, "read_uncommitted", 30);
  g_assert_cmpuint (g_hash_table_size (uncommitted), ==, 30);
  assert_range (uncommitted, 0, 30, TRUE);
}

/* An abort with messages still queued purges them: each gets its one
 * delivery signal, with a purge error, emitted while the abort waits. */
static void
test_abort_purges_queued (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) committed = NULL;
  guint failed = 0;

  fixture_producer (fx, "txn-abort-purge");
  /* a slow broker keeps the messages queued or in flight */
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 500, &error));
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 50);
  g_assert_true (kafka_producer_abort_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 0, &error));

  g_assert_cmpuint (fx->deliveries.messages->len, ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      const GError *e = kafka_message_get_error (g_ptr_array_index (fx->deliveries.messages, i));

      if (e != NULL)
        {
          failed++;
          g_assert_true (g_error_matches (e, KAFKA_ERROR, KAFKA_ERROR_PURGE_QUEUE) ||
                         g_error_matches (e, KAFKA_ERROR, KAFKA_ERROR_PURGE_INFLIGHT));
        }
    }
  g_test_message ("%u of 50 purged by the abort", failed);
  g_assert_cmpuint (failed, >, 0);

  /* and the producer goes on */
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 100, 5);
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 55);
  committed = read_values (fx, "read_uncommitted", 5);
  assert_range (committed, 100, 5, TRUE);
}

/* Misuse comes back as errors that say what is wrong. */
static void
test_state_errors (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* no transactional.id */
  fixture_producer (fx, NULL);
  g_assert_false (kafka_producer_init_transactions (fx->producer, 5000, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_NOT_CONFIGURED);
  g_assert_nonnull (strstr (error->message, "Could not initialize transactions"));
  g_clear_error (&error);
  g_assert_false (kafka_producer_begin_transaction (fx->producer, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_NOT_CONFIGURED);
  g_clear_error (&error);

  /* begin before init */
  fixture_producer (fx, "txn-state");
  g_assert_false (kafka_producer_begin_transaction (fx->producer, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_assert_false (kafka_error_is_retriable (error));
  g_assert_false (kafka_error_txn_requires_abort (error));
  g_clear_error (&error);

  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_no_error (error);

  /* produce outside a transaction */
  g_assert_false (kafka_producer_produce (fx->producer, fx->topic, 0, NULL, 0,
                                          (const guint8 *) "x", 1, NULL, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "kafka_producer_begin_transaction"));
  g_test_message ("produce outside a transaction: %s", error->message);
  g_clear_error (&error);

  /* commit with no transaction */
  g_assert_false (kafka_producer_commit_transaction (fx->producer, 5000, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);

  /* two at once */
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  g_assert_false (kafka_producer_begin_transaction (fx->producer, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (kafka_producer_abort_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
}

/* A write the broker refuses for good makes the transaction abortable: the
 * commit says so with KAFKA_ERROR_TXN_REQUIRES_ABORT, an abort recovers, and
 * the next transaction commits. */
static void
test_requires_abort (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) committed = NULL;
  KafkaError errs[] = { KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED };

  fixture_producer (fx, "txn-requires-abort");
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_no_error (error);

  kafka_mock_cluster_push_request_errors (fx->cluster, KAFKA_API_KEY_ADD_PARTITIONS_TO_TXN, errs, 1);
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 1);
  g_assert_false (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_test_message ("commit: %s", error->message);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_TXN_REQUIRES_ABORT);
  g_assert_true (kafka_error_txn_requires_abort (error));
  g_assert_false (kafka_error_is_fatal (error));
  g_assert_nonnull (strstr (error->message, "Could not commit the transaction"));
  g_assert_nonnull (strstr (error->message, "TOPIC_AUTHORIZATION_FAILED"));
  g_clear_error (&error);

  g_assert_true (kafka_producer_abort_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 1, 3);
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);

  /* the refused message was never written */
  committed = read_values (fx, "read_uncommitted", 3);
  g_assert_cmpuint (g_hash_table_size (committed), ==, 3);
  assert_range (committed, 0, 1, FALSE);
  assert_range (committed, 1, 3, TRUE);
}

/* A commit that does not finish in time is retriable, and calling it again
 * resumes it. */
static void
test_retriable_timeout (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) committed = NULL;

  fixture_producer (fx, "txn-retriable");
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 5);

  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 3000, &error));
  g_assert_false (kafka_producer_commit_transaction (fx->producer, 200, &error));
  g_test_message ("commit: %s", error->message);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT);
  g_assert_true (kafka_error_is_retriable (error));
  g_assert_false (kafka_error_txn_requires_abort (error));
  g_clear_error (&error);

  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 0, &error));
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 5);

  committed = read_values (fx, "read_uncommitted", 5);
  g_assert_cmpuint (g_hash_table_size (committed), ==, 5);
}

/* An InitProducerId refused for good is fatal. */
static void
test_fatal (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KafkaError errs[] = { KAFKA_ERROR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED };

  fixture_producer (fx, "txn-fatal");
  kafka_mock_cluster_push_request_errors (fx->cluster, KAFKA_API_KEY_INIT_PRODUCER_ID, errs, 1);
  g_assert_false (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_test_message ("init: %s", error->message);
  g_assert_true (kafka_error_is_fatal (error));
  g_assert_nonnull (strstr (error->message, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED"));
  g_clear_error (&error);

  /* and it stays so */
  g_assert_false (kafka_producer_begin_transaction (fx->producer, &error));
  g_assert_nonnull (error);
  g_test_message ("begin after fatal: %s", error->message);
}

/* Offsets sent to a transaction: accepted by the coordinators, and a
 * refusal makes the transaction abortable. (The mock cluster acknowledges
 * TxnOffsetCommit without storing the offsets: that the group's committed
 * offsets are those of committed transactions only is checked against the
 * real broker, in tests/python/test_transactions.py.) */
static void
test_send_offsets (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(GPtrArray) positions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *group = kt_unique_topic ("txn-g");
  KafkaError errs[] = { KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED };

  config = kt_config ("bootstrap.servers", kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                      "group.id", group,
                      "enable.auto.commit", "false",
                      NULL);
  consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);

  fixture_producer (fx, "txn-offsets");
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_no_error (error);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 4);
  g_ptr_array_add (positions, kafka_topic_partition_new (fx->topic, 0, 7));
  g_ptr_array_add (positions, kafka_topic_partition_new (fx->topic, 1, 3));
  g_assert_true (kafka_producer_send_offsets_to_transaction (fx->producer, positions, consumer,
                                                             30000, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_commit_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);

  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  kafka_mock_cluster_push_request_errors (fx->cluster, KAFKA_API_KEY_ADD_OFFSETS_TO_TXN, errs, 1);
  g_assert_false (kafka_producer_send_offsets_to_transaction (fx->producer, positions, consumer,
                                                              30000, &error));
  g_test_message ("send offsets: %s", error->message);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_TXN_REQUIRES_ABORT);
  g_assert_nonnull (strstr (error->message, "GROUP_AUTHORIZATION_FAILED"));
  g_clear_error (&error);
  g_assert_true (kafka_producer_abort_transaction (fx->producer, -1, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_consumer_close (consumer, &error));
}

typedef struct {
  Fixture      *fx;
  GMainLoop    *loop;
  GError       *error;
  guint         step;
  guint         reports_at_commit;
  KafkaConsumer *consumer;
  GPtrArray    *positions;
} AsyncRound;

static void async_next (GObject *source, GAsyncResult *result, gpointer data);

/* init, begin, produce, send offsets, commit; begin, produce, abort: each
 * step awaited, with the main loop emitting the delivery signals the commit
 * waits for. */
static void
async_next (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncRound *r = data;
  KafkaProducer *producer = r->fx->producer;
  gboolean ok = TRUE;

  switch (r->step++)
    {
    case 0:
      kafka_producer_init_transactions_async (producer, 30000, NULL, async_next, r);
      return;
    case 1:
      ok = kafka_producer_init_transactions_finish (producer, result, &r->error);
      if (ok)
        kafka_producer_begin_transaction_async (producer, NULL, async_next, r);
      break;
    case 2:
      ok = kafka_producer_begin_transaction_finish (producer, result, &r->error);
      if (ok)
        {
          produce_range (r->fx, 0, 10);
          kafka_producer_send_offsets_to_transaction_async (producer, r->positions, r->consumer,
                                                            30000, NULL, async_next, r);
        }
      break;
    case 3:
      ok = kafka_producer_send_offsets_to_transaction_finish (producer, result, &r->error);
      if (ok)
        kafka_producer_commit_transaction_async (producer, -1, NULL, async_next, r);
      break;
    case 4:
      ok = kafka_producer_commit_transaction_finish (producer, result, &r->error);
      r->reports_at_commit = r->fx->deliveries.messages->len;
      if (ok && kafka_producer_begin_transaction (producer, &r->error))
        {
          produce_range (r->fx, 10, 10);
          kafka_producer_abort_transaction_async (producer, -1, NULL, async_next, r);
        }
      else
        ok = FALSE;
      break;
    case 5:
      ok = kafka_producer_abort_transaction_finish (producer, result, &r->error);
      g_main_loop_quit (r->loop);
      return;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_main_loop_quit (r->loop);
}

static void
test_async (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GHashTable) config = NULL;
  g_autoptr(GHashTable) committed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *group = kt_unique_topic ("txn-ga");
  AsyncRound r = { fx, loop, NULL, 0, 0, NULL, NULL };

  config = kt_config ("bootstrap.servers", kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                      "group.id", group, "enable.auto.commit", "false", NULL);
  r.consumer = kafka_consumer_new (config, &error);
  g_assert_no_error (error);
  r.positions = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (r.positions, kafka_topic_partition_new (fx->topic, 1, 42));

  fixture_producer (fx, "txn-async");
  async_next (NULL, NULL, &r);
  g_main_loop_run (loop);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.step, ==, 6);
  /* the commit completed after every report of its messages */
  g_assert_cmpuint (r.reports_at_commit, ==, 10);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 20);
  /* the reports came on this thread, from the main loop */
  g_assert_true (fx->deliveries.thread == g_thread_self ());

  committed = read_values (fx, "read_uncommitted", 10);
  assert_range (committed, 0, 10, TRUE);

  g_assert_true (kafka_consumer_close (r.consumer, &error));
  g_object_unref (r.consumer);
  g_ptr_array_unref (r.positions);
}

static void
on_async_error (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;

  g_assert_false (kafka_producer_begin_transaction_finish (KAFKA_PRODUCER (source), result, error));
}

/* An async call reports errors through its finish. */
static void
test_async_error (Fixture       *fx,
                  gconstpointer  data)
{
  GError *error = NULL;

  fixture_producer (fx, "txn-async-error");
  kafka_producer_begin_transaction_async (fx->producer, NULL, on_async_error, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_clear_error (&error);
}

typedef struct {
  gboolean  started;
  gboolean  done;
  gboolean  ok;
  GError   *error;
} CommitOutcome;

static void
on_txn_log (KafkaClient   *client,
            int            level,
            const char    *facility,
            const char    *message,
            CommitOutcome *outcome)
{
  /* Not librdkafka's "Transactional API called: commit_transaction" line:
   * it is logged before the call takes the transactional API's slot, so a
   * begin made right after it (a loaded machine can hold the committing
   * thread there) may still find the transaction idle and fail with
   * _STATE, not _CONFLICT. The move to BeginCommit comes after the slot is
   * taken, and the slot stays taken until the commit returns. */
  if (strcmp (facility, "TXNSTATE") == 0 && strstr (message, "-> BeginCommit") != NULL)
    outcome->started = TRUE;
}

static void
on_commit_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  CommitOutcome *outcome = data;

  outcome->ok = kafka_producer_commit_transaction_finish (KAFKA_PRODUCER (source), result,
                                                          &outcome->error);
  outcome->done = TRUE;
}

/* A call made while another transactional call is under way: librdkafka
 * flags it retriable though its code (_CONFLICT) is not retriable in
 * general, so it comes as KAFKA_ERROR_RETRY, which kafka_error_is_retriable()
 * answers. */
static void
test_conflict_is_retriable (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CommitOutcome commit = { FALSE, FALSE, FALSE, NULL };

  fixture_producer_debug (fx, "txn-conflict", "eos");
  g_signal_connect (fx->producer, "log", G_CALLBACK (on_txn_log), &commit);
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 5);
  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 2000, &error));
  kafka_producer_commit_transaction_async (fx->producer, -1, NULL, on_commit_done, &commit);

  /* librdkafka's eos debug log says when the commit is under way (polling
   * with begin meanwhile would make the commit itself fail with _CONFLICT,
   * should the two calls overlap) */
  kt_wait_for_flag (NULL, &commit.started, 30000, "the commit to start");
  g_assert_false (kafka_producer_begin_transaction (fx->producer, &error));
  g_test_message ("begin during the commit: %s", error->message);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_RETRY);
  g_assert_true (kafka_error_is_retriable (error));
  g_assert_nonnull (strstr (error->message, "_CONFLICT"));

  g_assert_true (kafka_mock_cluster_set_broker_rtt (fx->cluster, 1, 0, &error));
  while (!commit.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (commit.error);
  g_assert_true (commit.ok);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 5);
}

typedef struct {
  KafkaProducer *producer;
  GMainLoop     *loop;
  gboolean       ok;
  GError        *error;
} ThreadCommit;

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
commit_thread (gpointer data)
{
  ThreadCommit *tc = data;

  tc->ok = kafka_producer_commit_transaction (tc->producer, -1, &tc->error);
  g_idle_add (quit_loop, tc->loop);
  return NULL;
}

/* A blocking commit on another thread while this one runs the producer's
 * context: the reports it waits for are emitted here, by the main loop. */
static void
test_commit_from_other_thread (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ThreadCommit tc = { NULL, loop, FALSE, NULL };
  GThread *thread;

  fixture_producer (fx, "txn-thread");
  g_assert_true (kafka_producer_init_transactions (fx->producer, 30000, &error));
  g_assert_true (kafka_producer_begin_transaction (fx->producer, &error));
  produce_range (fx, 0, 20);
  tc.producer = fx->producer;
  /* Own the context before the committer starts: otherwise, until
   * g_main_loop_run() acquires it, nobody does, and the committer may serve
   * (and emit) the reports itself, as documented for a context nobody runs. */
  g_assert_true (g_main_context_acquire (NULL));
  thread = g_thread_new ("committer", commit_thread, &tc);
  g_main_loop_run (loop);
  g_main_context_release (NULL);
  g_thread_join (thread);
  g_assert_no_error (tc.error);
  g_assert_true (tc.ok);
  g_assert_cmpuint (fx->deliveries.messages->len, ==, 20);
  g_assert_true (fx->deliveries.thread == g_thread_self ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/transactions/mock/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("abort-purges-queued", test_abort_purges_queued);
  ADD ("state-errors", test_state_errors);
  ADD ("requires-abort", test_requires_abort);
  ADD ("retriable-timeout", test_retriable_timeout);
  ADD ("fatal", test_fatal);
  ADD ("send-offsets", test_send_offsets);
  ADD ("async", test_async);
  ADD ("async-error", test_async_error);
  ADD ("conflict-is-retriable", test_conflict_is_retriable);
  ADD ("commit-from-other-thread", test_commit_from_other_thread);
#undef ADD

  return g_test_run ();
}
