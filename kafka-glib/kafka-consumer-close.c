/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaConsumer: closing, one step function for close(), close_async() and
 * dispose.
 */
#include "config.h"

#include <string.h>

#include "kafka-client-private.h"
#include "kafka-consumer-flow-private.h"
#include "kafka-consumer-private.h"
#include "kafka-consumer.h"
#include "kafka-error-private.h"
#include "kafka-message-batch-private.h"
#include "kafka-message-private.h"
#include "kafka-topic-partition-private.h"

/* ------------------------------------------------------------------------ */
/* Closing: one step function, driven by close() (blocking), by a timer for
 * close_async(), and by dispose (without signals). */

/* How long closing may take, handlers' time aside. An auto-committing
 * consumer commits its final offsets as it closes, and librdkafka would wait
 * for an unreachable coordinator up to session.timeout.ms (45 s by default);
 * an application that quits while Kafka is unreachable must quit promptly,
 * and is told what was not committed. */
#define CLOSE_TIMEOUT_MS 10000

typedef struct _ConsumerClose {
  rd_kafka_queue_t *queue;     /* librdkafka's events for the close */
  gint64            deadline;  /* monotonic, µs; handlers' time is added */
  gboolean          signals;   /* FALSE when closing on dispose */
  gboolean          stepping;  /* a step is running (its handlers may call close()) */
  GPtrArray        *positions; /* auto-commit: what the final commit is to commit */
  GError           *commit_error; /* the first commit result that failed meanwhile */
  GSList           *tasks;     /* close_async() calls waiting */
  GSource          *tick;      /* close_async()'s steps */
} ConsumerClose;

/* Starts closing: librdkafka revokes, commits (auto-commit) and leaves the
 * group, reporting on a queue of ours that the steps serve. */
static gboolean
consumer_close_start (KafkaConsumer  *self,
                      gboolean        with_signals,
                      GError        **error)
{
  rd_kafka_t *rk = consumer_rk (self);
  ConsumerClose *close = g_new0 (ConsumerClose, 1);
  rd_kafka_error_t *rderror;

  /* what was handed out is what the final commit commits; the rest of a
   * message-signal batch is dropped */
  consumer_emission_stop (self);
  kafka_consumer_flow_store (self->flow);

  close->queue = rd_kafka_queue_new (rk);
  close->signals = with_signals;
  close->deadline = g_get_monotonic_time () + CLOSE_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  if (self->auto_commit)
    close->positions = consumer_uncommitted_positions (self);

  rderror = rd_kafka_consumer_close_queue (rk, close->queue);
  if (rderror != NULL)
    {
      g_propagate_error (error, kafka_error_new_from_rd_error (rderror,
                                                               "Could not close the consumer"));
      rd_kafka_queue_destroy (close->queue);
      g_clear_pointer (&close->positions, g_ptr_array_unref);
      g_free (close);
      return FALSE;
    }
  self->closing = close;
  return TRUE;
}

/* Serves the close's events, waiting up to @timeout_ms for the first one,
 * and the client's own (commit results, errors) when signals are on.
 * Returns TRUE once closing is over: closed, or out of time. */
static gboolean
consumer_close_step (KafkaConsumer *self,
                     int            timeout_ms)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  ConsumerClose *close = self->closing;
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_event_t *event;
  gint64 start;

  close->stepping = TRUE;
  event = rd_kafka_queue_poll (close->queue, timeout_ms);
  for (; event != NULL; event = rd_kafka_queue_poll (close->queue, 0))
    {
      /* polled as events, rebalances come as events, not callbacks */
      if (rd_kafka_event_type (event) == RD_KAFKA_EVENT_REBALANCE)
        {
          start = g_get_monotonic_time ();
          consumer_rebalance_cb (rk, rd_kafka_event_error (event),
                                 (rd_kafka_topic_partition_list_t *) rd_kafka_event_topic_partition_list (event),
                                 self);
          close->deadline += g_get_monotonic_time () - start;
        }
      rd_kafka_event_destroy (event);
    }
  if (close->signals && !kafka_client_is_disposed (client))
    {
      start = g_get_monotonic_time ();
      kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
      close->deadline += g_get_monotonic_time () - start;
    }
  close->stepping = FALSE;

  return rd_kafka_consumer_closed (rk) || g_get_monotonic_time () >= close->deadline;
}

static char *
describe_offsets (GPtrArray *partitions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < partitions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);

      g_string_append_printf (text, "%s“%s” [%d] at offset %" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", kafka_topic_partition_get_topic (tp),
                              (int) kafka_topic_partition_get_partition (tp),
                              kafka_topic_partition_get_offset (tp));
    }
  return g_string_free (text, FALSE);
}

/* A commit result came while closing (the final commit's, most likely). */
void
consumer_note_close_commit (KafkaConsumer *self,
                            const GError  *error)
{
  if (self->closing != NULL && error != NULL && self->closing->commit_error == NULL)
    self->closing->commit_error = g_error_copy (error);
}

/* Without signals (dispose), the commit results still count. */
static void
consumer_drain_commit_results (KafkaConsumer *self)
{
  rd_kafka_queue_t *queue = kafka_client_get_main_queue (KAFKA_CLIENT (self));
  rd_kafka_event_t *event;

  while ((event = rd_kafka_queue_poll (queue, 0)) != NULL)
    {
      if (rd_kafka_event_type (event) == RD_KAFKA_EVENT_OFFSET_COMMIT)
        {
          rd_kafka_resp_err_t err = rd_kafka_event_error (event);

          if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
            consumer_note_committed (self, rd_kafka_event_topic_partition_list (event));
          else
            {
              g_autoptr(GError) error = NULL;

              kafka_set_error (&error, err, "Commit failed");
              consumer_note_close_commit (self, error);
            }
        }
      rd_kafka_event_destroy (event);
    }
}

/* Ends closing: the consumer is closed for good, whether librdkafka
 * finished or not. If it did not, or the final commit failed, the offsets
 * that commit was to commit and no commit result confirmed are reported:
 * in the error, and as a #KafkaConsumer::commit signal (librdkafka's own
 * result, or ours when it gave none in time) or, without signals, in the
 * log. Completes the close_async() calls and the waiting consume_async()
 * ones. */
static gboolean
consumer_close_finish (KafkaConsumer  *self,
                       GError        **error)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  g_autoptr(KafkaConsumer) hold = g_object_ref (self);
  ConsumerClose *close = self->closing;
  gboolean closed = rd_kafka_consumer_closed (consumer_rk (self));
  gboolean with_signals = close->signals && !kafka_client_is_disposed (client);
  g_autoptr(GPtrArray) uncommitted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local = NULL;

  /* the final commit's result is on the main queue by now, if it came */
  if (with_signals)
    kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
  else
    consumer_drain_commit_results (self);
  self->closing = NULL;
  self->closed = TRUE;
  kafka_client_mark_closed (client, CLOSED_MESSAGE);
  /* librdkafka goes on waiting for the coordinator (up to
   * session.timeout.ms), and rd_kafka_destroy() with it */
  if (!closed)
    kafka_client_destroy_in_background (client);

  /* what no commit result confirmed */
  for (guint i = 0; close->positions != NULL && i < close->positions->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (close->positions, i);
      g_autofree char *key = committed_key (kafka_topic_partition_get_topic (tp),
                                            kafka_topic_partition_get_partition (tp));
      const gint64 *committed = g_hash_table_lookup (self->committed, key);

      if (committed == NULL || *committed < kafka_topic_partition_get_offset (tp))
        g_ptr_array_add (uncommitted, g_object_ref (tp));
    }

  if (!closed || (close->commit_error != NULL && uncommitted->len > 0))
    {
      g_autofree char *offsets = describe_offsets (uncommitted);

      if (!closed && uncommitted->len == 0)
        local = g_error_new (KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
                             "The consumer did not finish leaving its group in %d s "
                             "(is the group coordinator reachable?); it is closed all the same",
                             CLOSE_TIMEOUT_MS / 1000);
      else if (!closed)
        local = g_error_new (KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT,
                             "The final commit did not complete in %d s (is the group "
                             "coordinator reachable?); the consumer is closed, and these "
                             "offsets were not committed: %s",
                             CLOSE_TIMEOUT_MS / 1000, offsets);
      else
        local = g_error_new (KAFKA_ERROR, close->commit_error->code,
                             "The final commit failed (%s); the consumer is closed, and "
                             "these offsets were not committed: %s",
                             close->commit_error->message, offsets);

      if (uncommitted->len > 0 && !with_signals)
        g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                          "KAFKA_CLIENT", kafka_client_get_name (client),
                          "MESSAGE", "%s: %s", kafka_client_get_name (client), local->message);
      else if (uncommitted->len > 0 && !closed)
        {
          /* librdkafka gave no result in time: the commit signal is ours */
          for (guint i = 0; i < uncommitted->len; i++)
            kafka_topic_partition_set_error (g_ptr_array_index (uncommitted, i), local);
          g_signal_emit (self, kafka_consumer_signals[SIGNAL_COMMIT], 0, local, uncommitted);
        }
    }

  while (!g_queue_is_empty (&self->consume_waiters))
    consume_waiter_finish (g_queue_peek_head (&self->consume_waiters), NULL,
                           g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_STATE,
                                                "The consumer was closed"));

  for (GSList *l = close->tasks; l != NULL; l = l->next)
    {
      if (local != NULL)
        g_task_return_error (l->data, g_error_copy (local));
      else
        g_task_return_boolean (l->data, TRUE);
    }
  g_slist_free_full (close->tasks, g_object_unref);
  if (close->tick != NULL)
    {
      g_source_destroy (close->tick);
      g_source_unref (close->tick);
    }
  rd_kafka_queue_destroy (close->queue);
  g_clear_pointer (&close->positions, g_ptr_array_unref);
  g_clear_error (&close->commit_error);
  g_free (close);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

/* Closes, blocking, from start to finish. */
gboolean
consumer_close_blocking (KafkaConsumer  *self,
                         gboolean        with_signals,
                         GError        **error)
{
  if (self->closing == NULL && !consumer_close_start (self, with_signals, error))
    return FALSE;
  self->closing->signals = with_signals;
  while (!consumer_close_step (self, 100))
    ;
  return consumer_close_finish (self, error);
}

/**
 * kafka_consumer_close:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Leaves the group: emits #KafkaConsumer::partitions-revoked, commits the
 * final offsets if `enable.auto.commit` is on (with a #KafkaConsumer::commit
 * signal for the result), and stops fetching. Blocks the calling thread
 * until done, ten seconds at most (time spent in signal handlers aside).
 * Afterwards every call fails with %KAFKA_ERROR_STATE. Disposing of an open
 * consumer closes it too, without signals.
 *
 * A #KafkaConsumer::partitions-revoked (or any other) handler may call it:
 * the rebalance being handled is applied first. Called from a handler of
 * the close in progress (its own revoke), it returns %TRUE at once: the
 * close finishes when the handler returns.
 *
 * Returns: %TRUE on success, %FALSE with @error set: %KAFKA_ERROR_TIMED_OUT
 *   when librdkafka did not finish in time (the coordinator is unreachable,
 *   say); the consumer is closed all the same, and the message names the
 *   offsets the final commit did not commit, which also come with a
 *   #KafkaConsumer::commit signal carrying the error
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_close (KafkaConsumer  *self,
                      GError        **error)
{
  g_autoptr(KafkaConsumer) hold = NULL;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* from a handler that the close in progress runs: it goes on after */
  if (self->closing != NULL && self->closing->stepping)
    {
      consumer_apply_rebalance_now (self);
      return TRUE;
    }
  /* a close_async() in progress: finish it here */
  if (self->closing == NULL && !consumer_check_open (self, error))
    return FALSE;

  hold = g_object_ref (self);
  /* from a message handler: the rest of its batch is dropped, not given
   * back */
  consumer_emission_stop (self);
  kafka_consumer_set_emit_messages (self, FALSE);
  /* from a rebalance handler: librdkafka waits for that rebalance first */
  consumer_apply_rebalance_now (self);

  /* the revoke and the final commit are served here, signals included */
  return consumer_close_blocking (self, TRUE, error);
}

/**
 * kafka_consumer_is_closed:
 * @self: a #KafkaConsumer
 *
 * Tells whether kafka_consumer_close() was called.
 *
 * Returns: %TRUE if the consumer is closed
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_is_closed (KafkaConsumer *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), TRUE);

  return self->closed;
}
static gboolean
close_tick (gpointer data)
{
  KafkaConsumer *self = data;

  if (self->closing == NULL)
    return G_SOURCE_REMOVE;
  if (!consumer_close_step (self, 0))
    return G_SOURCE_CONTINUE;
  consumer_close_finish (self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * kafka_consumer_close_async:
 * @self: a #KafkaConsumer
 * @cancellable: (nullable): a #GCancellable (closing, once started, is not
 *   undone: cancelling only checks before it starts)
 * @callback: (scope async): called when the consumer is closed
 * @user_data: data for @callback
 *
 * Leaves the group as kafka_consumer_close() does, without blocking: the
 * revoke signals and the final commit are served from the consumer's main
 * context, which must be running.
 *
 * Must be called on the thread that runs the consumer's main context.
 *
 * Since: 1.0
 */
void
kafka_consumer_close_async (KafkaConsumer       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  /* its state lives on the consumer's context: start it there */
  g_return_if_fail (kafka_client_is_context_thread (KAFKA_CLIENT (self)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_consumer_close_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->closing == NULL)
    {
      if (!consumer_check_open (self, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      consumer_emission_stop (self);
      kafka_consumer_set_emit_messages (self, FALSE);
      /* from a rebalance handler: librdkafka waits for that rebalance first */
      consumer_apply_rebalance_now (self);
      if (!consumer_close_start (self, TRUE, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      /* closing brings no wake-up when there is nothing to revoke: step on
       * a short timer, while (and only while) closing; the timer keeps the
       * consumer alive until it is closed */
      self->closing->tick = g_timeout_source_new (20);
      g_source_set_static_name (self->closing->tick, "KafkaConsumer close");
      g_source_set_callback (self->closing->tick, close_tick, g_object_ref (self), g_object_unref);
      g_source_attach (self->closing->tick, kafka_client_get_context (KAFKA_CLIENT (self)));
    }
  /* a close in progress: completes with it */
  self->closing->tasks = g_slist_append (self->closing->tasks, g_steal_pointer (&task));
}

/**
 * kafka_consumer_close_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_close_async().
 *
 * Returns: %TRUE when the consumer is closed, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_close_finish (KafkaConsumer  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_consumer_close_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
