/* Closing a consumer: from inside its own rebalance handlers (the revoke of
 * an unsubscribe, the revoke close() itself triggers), in both ways of
 * consuming (poll, message signals), and with the group coordinator gone
 * (close() and dispose are bounded, and say which offsets the final commit
 * did not commit).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

typedef KtMockFixture Fixture;

#define N_MESSAGES 20

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  kt_mock_fixture_setup (fx, "close", 2);
  kt_mock_fixture_fill (fx, N_MESSAGES, 2, "m");
}

static KafkaConsumer *
new_consumer_full (Fixture    *fx,
                   const char *auto_commit,
                   const char *session_timeout_ms)
{
  g_autoptr(GHashTable) config = kt_config ("bootstrap.servers",
                                            kafka_mock_cluster_get_bootstrap_servers (fx->cluster),
                                            "group.id", fx->group,
                                            "auto.offset.reset", "earliest",
                                            "enable.auto.commit", auto_commit,
                                            /* auto commits only at close */
                                            "auto.commit.interval.ms", "600000",
                                            "session.timeout.ms", session_timeout_ms,
                                            "heartbeat.interval.ms", "500",
                                            NULL);
  g_autoptr(GError) error = NULL;
  const char *topics[] = { fx->topic, NULL };
  KafkaConsumer *consumer = kafka_consumer_new (config, &error);

  g_assert_no_error (error);
  g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
  g_assert_no_error (error);
  return consumer;
}

static KafkaConsumer *
new_consumer (Fixture    *fx,
              const char *auto_commit)
{
  return new_consumer_full (fx, auto_commit, "6000");
}

/* Polls until @n messages came (consume() serves the rebalances). */
static void
consume_n (KafkaConsumer *consumer,
           guint          n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint got = 0;

  while (got < n && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) batch = kafka_consumer_consume (consumer, n - got, 200, &error);

      g_assert_no_error (error);
      got += batch->len;
    }
  g_assert_cmpuint (got, ==, n);
}

typedef struct {
  guint     revokes;
  guint     closes;        /* close() calls made from the handler */
  gboolean  close_result;
  GError   *close_error;
  gboolean  was_closed;    /* is_closed() right after the handler's close() */
} RevokeCloser;

static void
on_revoked_close (KafkaConsumer *consumer,
                  GPtrArray     *partitions,
                  RevokeCloser  *rc)
{
  rc->revokes++;
  if (rc->closes > 0)
    return;
  rc->closes++;
  rc->close_result = kafka_consumer_close (consumer, &rc->close_error);
  rc->was_closed = kafka_consumer_is_closed (consumer);
}

static void
assert_closed_calls_fail (KafkaConsumer *consumer)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (kafka_consumer_poll (consumer, 0, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_STATE);
}

/* An unsubscribe revokes the partitions; the handler closes the consumer
 * (it used to block 30 s in close() and fail: librdkafka waited for the
 * revoke being handled to be applied). Polling. */
static void
test_close_in_revoke_poll (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx, "false");
  g_autoptr(GError) error = NULL;
  RevokeCloser rc = { 0 };
  gint64 deadline;

  consume_n (consumer, N_MESSAGES);
  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (on_revoked_close), &rc);
  g_assert_true (kafka_consumer_unsubscribe (consumer, &error));
  g_assert_no_error (error);

  /* the revoke is served by the next poll */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (rc.closes == 0 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(KafkaMessage) message = kafka_consumer_poll (consumer, 100, &error);

      if (rc.closes == 0)
        g_assert_no_error (error);
      g_clear_error (&error);
    }
  g_assert_cmpuint (rc.closes, ==, 1);
  g_assert_no_error (rc.close_error);
  g_assert_true (rc.close_result);
  g_assert_true (rc.was_closed);
  g_assert_cmpuint (rc.revokes, >=, 1);
  assert_closed_calls_fail (consumer);
}

/* The same from the main loop, with message signals. */
static void
on_message_count (KafkaConsumer *consumer,
                  KafkaMessage  *message,
                  guint         *count)
{
  (*count)++;
}

static void
test_close_in_revoke_signals (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx, "false");
  g_autoptr(GError) error = NULL;
  RevokeCloser rc = { 0 };
  guint count = 0;

  g_signal_connect (consumer, "message", G_CALLBACK (on_message_count), &count);
  kafka_consumer_set_emit_messages (consumer, TRUE);
  kt_wait_for_count (NULL, &count, N_MESSAGES, 60000, "the messages");

  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (on_revoked_close), &rc);
  g_assert_true (kafka_consumer_unsubscribe (consumer, &error));
  g_assert_no_error (error);
  kt_wait_for_count (NULL, &rc.closes, 1, 30000, "close() from the revoke handler");
  g_assert_no_error (rc.close_error);
  g_assert_true (rc.close_result);
  g_assert_true (rc.was_closed);
  assert_closed_calls_fail (consumer);
}

/* close() revokes; the handler of that revoke calls close() again: it
 * returns TRUE at once, and the outer close() finishes. */
static void
test_close_in_own_revoke (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx, "false");
  g_autoptr(GError) error = NULL;
  RevokeCloser rc = { 0 };

  consume_n (consumer, N_MESSAGES);
  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (on_revoked_close), &rc);
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rc.revokes, ==, 1);
  g_assert_cmpuint (rc.closes, ==, 1);
  g_assert_no_error (rc.close_error);
  g_assert_true (rc.close_result);
  /* it was not closed yet: the handler ran inside the close */
  g_assert_false (rc.was_closed);
  g_assert_true (kafka_consumer_is_closed (consumer));
  assert_closed_calls_fail (consumer);
}

/* The same with close_async(): the handler's close() returns at once, the
 * async close completes. */
static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GError **out = data;
  gboolean ok = kafka_consumer_close_finish (KAFKA_CONSUMER (source), result, out);

  if (ok)
    *out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");  /* done marker */
}

static void
test_close_async_in_own_revoke (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer (fx, "false");
  g_autoptr(GError) outcome = NULL;
  RevokeCloser rc = { 0 };

  consume_n (consumer, N_MESSAGES);
  g_signal_connect (consumer, "partitions-revoked", G_CALLBACK (on_revoked_close), &rc);
  kafka_consumer_close_async (consumer, NULL, on_closed, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (rc.closes, ==, 1);
  g_assert_true (rc.close_result);
  g_assert_true (kafka_consumer_is_closed (consumer));
}

/* The group coordinator is gone and the consumer auto-commits. With
 * librdkafka's default session.timeout.ms (45 s), it would wait that long
 * for the coordinator before failing the final commit (and an explicit
 * close() used to wait 30 s, then the dispose 15 s more): close() gives up
 * after its bound, fails with KAFKA_ERROR_TIMED_OUT naming the offsets not
 * committed, and emits them with a commit signal carrying that error. With
 * a session timeout shorter than the bound, librdkafka fails the commit
 * itself: close() fails with that error, and the commit signal is
 * librdkafka's. Either way the consumer is closed. */
typedef struct {
  guint      commits;
  GError    *error;
  GPtrArray *partitions;
} CommitSeen;

static void
on_commit (KafkaConsumer *consumer,
           const GError  *error,
           GPtrArray     *partitions,
           CommitSeen    *seen)
{
  seen->commits++;
  g_clear_error (&seen->error);
  g_clear_pointer (&seen->partitions, g_ptr_array_unref);
  if (error != NULL)
    seen->error = g_error_copy (error);
  seen->partitions = g_ptr_array_ref (partitions);
}

static void
run_close_coordinator_gone (Fixture    *fx,
                            const char *session_timeout_ms,
                            KafkaError  expected)
{
  g_autoptr(KafkaConsumer) consumer = new_consumer_full (fx, "true", session_timeout_ms);
  g_autoptr(GError) error = NULL;
  CommitSeen seen = { 0 };
  gint64 total = 0;

  consume_n (consumer, N_MESSAGES);
  g_signal_connect (consumer, "commit", G_CALLBACK (on_commit), &seen);
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  g_assert_no_error (error);

  g_assert_false (kafka_consumer_close (consumer, &error));
  g_test_message ("%s", error->message);
  /* librdkafka gives up session.timeout.ms after the close began; on a
   * loaded machine that may come after the bound all the same */
  if (expected != KAFKA_ERROR_TIMED_OUT && g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT))
    expected = KAFKA_ERROR_TIMED_OUT;
  g_assert_error (error, KAFKA_ERROR, expected);
  g_assert_nonnull (strstr (error->message, "not committed"));
  g_assert_nonnull (strstr (error->message, fx->topic));
  g_assert_true (kafka_consumer_is_closed (consumer));

  g_assert_cmpuint (seen.commits, ==, 1);
  g_assert_error (seen.error, KAFKA_ERROR, expected);
  g_assert_cmpuint (seen.partitions->len, ==, 2);
  for (guint i = 0; i < seen.partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (seen.partitions, i);

      g_assert_cmpstr (kafka_topic_partition_get_topic (tp), ==, fx->topic);
      g_assert_nonnull (kafka_topic_partition_get_error (tp));
      total += kafka_topic_partition_get_offset (tp);
    }
  /* the positions after every message read: what the final commit was for */
  g_assert_cmpint (total, ==, N_MESSAGES);
  g_clear_error (&seen.error);
  g_clear_pointer (&seen.partitions, g_ptr_array_unref);
  assert_closed_calls_fail (consumer);
}

static void
test_close_coordinator_gone (Fixture       *fx,
                             gconstpointer  data)
{
  run_close_coordinator_gone (fx, "45000", KAFKA_ERROR_TIMED_OUT);
}

static void
test_close_coordinator_gone_short_session (Fixture       *fx,
                                           gconstpointer  data)
{
  run_close_coordinator_gone (fx, "6000", KAFKA_ERROR_WAIT_COORD);
}

/* The same when the consumer is dropped without close(): no signal (the
 * object is going away), but the offsets are in the log. */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  GPtrArray *lines = data;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      g_ptr_array_add (lines, fields[i].length < 0 ? g_strdup (fields[i].value)
                                                   : g_strndup (fields[i].value, fields[i].length));
  return g_log_writer_default (level, fields, n_fields, NULL);
}

static GPtrArray *log_lines;

static void
test_dispose_coordinator_gone (Fixture       *fx,
                               gconstpointer  data)
{
  KafkaConsumer *consumer = new_consumer_full (fx, "true", "45000");
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  consume_n (consumer, N_MESSAGES);
  g_assert_true (kafka_mock_cluster_set_broker_down (fx->cluster, 1, &error));
  g_ptr_array_set_size (log_lines, 0);
  g_object_unref (consumer);

  for (guint i = 0; i < log_lines->len; i++)
    {
      const char *line = g_ptr_array_index (log_lines, i);

      if (strstr (line, "not committed") != NULL && strstr (line, fx->topic) != NULL)
        {
          g_test_message ("logged: %s", line);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  log_lines = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (capture_writer, log_lines, NULL);

#define ADD(path, func) \
  g_test_add ("/close/" path, Fixture, NULL, fixture_setup, func, kt_mock_fixture_teardown)

  ADD ("in-revoke/poll", test_close_in_revoke_poll);
  ADD ("in-revoke/signals", test_close_in_revoke_signals);
  ADD ("in-own-revoke", test_close_in_own_revoke);
  ADD ("async-in-own-revoke", test_close_async_in_own_revoke);
  ADD ("coordinator-gone/close", test_close_coordinator_gone);
  ADD ("coordinator-gone/close-short-session", test_close_coordinator_gone_short_session);
  ADD ("coordinator-gone/dispose", test_dispose_coordinator_gone);

  return g_test_run ();
}
