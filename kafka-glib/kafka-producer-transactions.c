/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-client-private.h"
#include "kafka-consumer.h"
#include "kafka-error-private.h"
#include "kafka-producer.h"
#include "kafka-topic-partition-private.h"

/* The transactions of a KafkaProducer: librdkafka's transactional API, run
 * on whichever thread, through the KafkaClient base alone (no producer
 * field is touched). */

typedef enum {
  TXN_INIT,
  TXN_BEGIN,
  TXN_SEND_OFFSETS,
  TXN_COMMIT,
  TXN_ABORT,
} TxnOp;

/* One call of librdkafka's transactional API, made on whichever thread. */
typedef struct {
  TxnOp                               op;
  int                                 timeout_ms;
  rd_kafka_topic_partition_list_t    *offsets;  /* TXN_SEND_OFFSETS */
  rd_kafka_consumer_group_metadata_t *group;    /* TXN_SEND_OFFSETS */
  /* held for the call: librdkafka is not destroyed under it, even if the
   * producer is disposed of meanwhile */
  KafkaHandle                        *handle;
  rd_kafka_t                         *rk;
  /* for a call run on a helper thread while the caller serves the queue */
  rd_kafka_queue_t                   *queue;
  rd_kafka_error_t                   *result;
  gint                                done;     /* atomic */
} TxnCall;

static const char * const txn_what[] = {
  [TXN_INIT] = "Could not initialize transactions",
  [TXN_BEGIN] = "Could not begin a transaction",
  [TXN_SEND_OFFSETS] = "Could not send the offsets to the transaction",
  [TXN_COMMIT] = "Could not commit the transaction",
  [TXN_ABORT] = "Could not abort the transaction",
};

static void
txn_call_free (TxnCall *call)
{
  g_clear_pointer (&call->offsets, rd_kafka_topic_partition_list_destroy);
  g_clear_pointer (&call->group, rd_kafka_consumer_group_metadata_destroy);
  g_clear_pointer (&call->queue, rd_kafka_queue_destroy);
  g_clear_pointer (&call->handle, kafka_handle_unref);
  g_free (call);
}

/* Prepares a call; NULL with @error set if it cannot be made. */
static TxnCall *
txn_call_new (KafkaProducer  *self,
              TxnOp           op,
              int             timeout_ms,
              GPtrArray      *positions,
              KafkaConsumer  *consumer,
              GError        **error)
{
  TxnCall *call;

  if (!kafka_client_check_open (KAFKA_CLIENT (self), error))
    return NULL;

  call = g_new0 (TxnCall, 1);
  call->op = op;
  call->timeout_ms = timeout_ms;
  call->handle = kafka_client_ref_handle (KAFKA_CLIENT (self));
  call->rk = kafka_client_get_handle (KAFKA_CLIENT (self));
  /* a reference of our own: the client's may go with it */
  call->queue = rd_kafka_queue_get_main (call->rk);

  if (op == TXN_SEND_OFFSETS)
    {
      /* the group's metadata as it is now (member id, generation): taken on
       * the caller's thread, so that the consumer is not touched later */
      if (!kafka_client_check_open (KAFKA_CLIENT (consumer), error))
        {
          txn_call_free (call);
          return NULL;
        }
      call->group = rd_kafka_consumer_group_metadata (kafka_client_get_handle (KAFKA_CLIENT (consumer)));
      if (call->group == NULL)
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "%s: the consumer has no group metadata; configure it "
                       "with a “group.id”", txn_what[op]);
          txn_call_free (call);
          return NULL;
        }
      call->offsets = kafka_topic_partition_list_to_rd (positions, error);
      if (call->offsets == NULL)
        {
          txn_call_free (call);
          return NULL;
        }
    }
  return call;
}

static rd_kafka_error_t *
txn_call_run (TxnCall *call)
{
  switch (call->op)
    {
    case TXN_INIT:
      return rd_kafka_init_transactions (call->rk, call->timeout_ms);
    case TXN_BEGIN:
      return rd_kafka_begin_transaction (call->rk);
    case TXN_SEND_OFFSETS:
      return rd_kafka_send_offsets_to_transaction (call->rk, call->offsets, call->group,
                                                   call->timeout_ms);
    case TXN_COMMIT:
      return rd_kafka_commit_transaction (call->rk, call->timeout_ms);
    case TXN_ABORT:
      return rd_kafka_abort_transaction (call->rk, call->timeout_ms);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
txn_call_finish (TxnCall  *call,
                 GError  **error)
{
  rd_kafka_error_t *rderror = g_steal_pointer (&call->result);

  if (rderror == NULL)
    return TRUE;
  g_propagate_error (error, kafka_error_new_from_rd_error (rderror, txn_what[call->op]));
  return FALSE;
}

static gpointer
txn_helper_thread (gpointer data)
{
  TxnCall *call = data;

  call->result = txn_call_run (call);
  g_atomic_int_set (&call->done, TRUE);
  /* wakes the caller's poll at once */
  rd_kafka_queue_yield (call->queue);
  return NULL;
}

/* The blocking form. Committing and aborting wait until every message of
 * the transaction has its delivery report served, which librdkafka leaves
 * to us: the call runs on a helper thread while the calling thread serves
 * the producer's queue, as kafka_producer_flush() does (and if another
 * thread runs the producer's context, that thread serves it). */
static gboolean
txn_call_sync (KafkaProducer  *self,
               TxnOp           op,
               int             timeout_ms,
               GPtrArray      *positions,
               KafkaConsumer  *consumer,
               GError        **error)
{
  TxnCall *call = txn_call_new (self, op, timeout_ms, positions, consumer, error);
  gboolean ok;

  if (call == NULL)
    return FALSE;

  if (op == TXN_COMMIT || op == TXN_ABORT)
    {
      GThread *thread = g_thread_new ("kafka-txn", txn_helper_thread, call);

      while (!g_atomic_int_get (&call->done))
        {
          /* a handler may dispose of the producer: then nothing serves */
          if (kafka_client_is_disposed (KAFKA_CLIENT (self)))
            g_usleep (10 * 1000);
          else
            kafka_client_serve (KAFKA_CLIENT (self), call->queue, 100);
        }
      g_thread_join (thread);
    }
  else
    call->result = txn_call_run (call);

  ok = txn_call_finish (call, error);
  txn_call_free (call);
  return ok;
}

static void
txn_task_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TxnCall *call = task_data;
  GError *error = NULL;

  /* the delivery reports that commit and abort wait for are served by the
   * producer's context meanwhile */
  call->result = txn_call_run (call);
  if (txn_call_finish (call, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
txn_call_async (KafkaProducer       *self,
                TxnOp                op,
                gpointer             source_tag,
                int                  timeout_ms,
                GPtrArray           *positions,
                KafkaConsumer       *consumer,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  TxnCall *call;

  g_task_set_source_tag (task, source_tag);
  if (g_task_return_error_if_cancelled (task))
    return;
  call = txn_call_new (self, op, timeout_ms, positions, consumer, &error);
  if (call == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, call, (GDestroyNotify) txn_call_free);
  /* the call itself runs to its end: a transaction's state cannot be left
   * half-changed, so cancelling only checks before it starts */
  g_task_run_in_thread (task, txn_task_thread);
}

static gboolean
txn_finish (KafkaProducer  *self,
            GAsyncResult   *result,
            gpointer        source_tag,
            GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kafka_producer_init_transactions:
 * @self: a #KafkaProducer configured with a `transactional.id`
 * @timeout_ms: how long to wait, in milliseconds (-1: twice
 *   `transaction.timeout.ms`)
 * @error: return location for a #GError
 *
 * Makes the producer ready for transactions, as confluent-kafka-python's
 * `Producer.init_transactions()` does: gets a producer id from the
 * transaction coordinator, completes or aborts what a previous producer with
 * the same `transactional.id` left unfinished, and fences that producer off.
 * Call it once, before any other transactional call or any produce. Blocks
 * the calling thread up to @timeout_ms.
 *
 * See “Transactions” in the description of #KafkaProducer for the whole
 * round, and what the error codes tell.
 *
 * Returns: %TRUE on success, %FALSE with @error set: %KAFKA_ERROR_TIMED_OUT
 *   (retriable: call again to resume), %KAFKA_ERROR_NOT_CONFIGURED without a
 *   `transactional.id`, %KAFKA_ERROR_FATAL…
 *
 * Since: 1.0
 */
gboolean
kafka_producer_init_transactions (KafkaProducer  *self,
                                  int             timeout_ms,
                                  GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return txn_call_sync (self, TXN_INIT, timeout_ms, NULL, NULL, error);
}

/**
 * kafka_producer_begin_transaction:
 * @self: a #KafkaProducer
 * @error: return location for a #GError
 *
 * Begins a transaction (confluent-kafka-python's
 * `Producer.begin_transaction()`): the messages produced from now on, and
 * the offsets sent with kafka_producer_send_offsets_to_transaction(), are
 * committed or aborted together. kafka_producer_init_transactions() must have
 * succeeded first, and only one transaction may be under way at a time. This
 * does not wait for the broker.
 *
 * Returns: %TRUE on success, %FALSE with @error set (%KAFKA_ERROR_STATE if a
 *   transaction is already under way or transactions were not initialized)
 *
 * Since: 1.0
 */
gboolean
kafka_producer_begin_transaction (KafkaProducer  *self,
                                  GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return txn_call_sync (self, TXN_BEGIN, -1, NULL, NULL, error);
}

/**
 * kafka_producer_send_offsets_to_transaction:
 * @self: a #KafkaProducer
 * @positions: (element-type KafkaTopicPartition): the consumer's positions to
 *   commit: for each partition, the offset of the next message to consume
 *   (the last one processed + 1), as kafka_consumer_position() gives them
 * @consumer: the #KafkaConsumer the messages were consumed with (it needs a
 *   `group.id` and `enable.auto.commit=false`)
 * @timeout_ms: how long to wait, in milliseconds (-1: no limit)
 * @error: return location for a #GError
 *
 * Adds a consumer group's offsets to the current transaction: they are
 * committed if, and when, the transaction is (the consume–transform–produce
 * loop of exactly-once processing). Blocks the calling thread up to
 * @timeout_ms.
 *
 * confluent-kafka-python takes `consumer.consumer_group_metadata()` here;
 * kafka-glib takes the consumer itself and reads its group metadata (group,
 * member id and generation) when called.
 *
 * If this fails with a retriable error, call it again with the same
 * @positions. Invalid and logical offsets in @positions are ignored.
 *
 * Returns: %TRUE on success, %FALSE with @error set (see
 *   kafka_producer_init_transactions() for what the codes tell; and
 *   %KAFKA_ERROR_INVALID_ARG if @consumer has no `group.id`)
 *
 * Since: 1.0
 */
gboolean
kafka_producer_send_offsets_to_transaction (KafkaProducer  *self,
                                            GPtrArray      *positions,
                                            KafkaConsumer  *consumer,
                                            int             timeout_ms,
                                            GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (positions != NULL, FALSE);
  g_return_val_if_fail (KAFKA_IS_CONSUMER (consumer), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return txn_call_sync (self, TXN_SEND_OFFSETS, timeout_ms, positions, consumer, error);
}

/**
 * kafka_producer_commit_transaction:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1, recommended: the time
 *   left before the transaction times out)
 * @error: return location for a #GError
 *
 * Commits the current transaction (confluent-kafka-python's
 * `Producer.commit_transaction()`): sends what is still queued, waits until
 * every message is delivered, emitting #KafkaProducer::delivery on the
 * calling thread as kafka_producer_flush() does, then commits. Blocks the
 * calling thread up to @timeout_ms.
 *
 * If a message of the transaction could not be delivered, this fails with
 * %KAFKA_ERROR_TXN_REQUIRES_ABORT: call kafka_producer_abort_transaction().
 * On %KAFKA_ERROR_TIMED_OUT (retriable) the commit goes on in the
 * background: call this again to wait for it.
 *
 * Returns: %TRUE once the transaction is committed, %FALSE with @error set
 *   (see kafka_producer_init_transactions() for what the codes tell)
 *
 * Since: 1.0
 */
gboolean
kafka_producer_commit_transaction (KafkaProducer  *self,
                                   int             timeout_ms,
                                   GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return txn_call_sync (self, TXN_COMMIT, timeout_ms, NULL, NULL, error);
}

/**
 * kafka_producer_abort_transaction:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1, recommended: the time
 *   left before the transaction times out)
 * @error: return location for a #GError
 *
 * Aborts the current transaction (confluent-kafka-python's
 * `Producer.abort_transaction()`), also the way to recover from an error
 * that requires it (kafka_error_txn_requires_abort()). Messages not yet
 * delivered are purged: their #KafkaProducer::delivery signal carries
 * %KAFKA_ERROR_PURGE_QUEUE or %KAFKA_ERROR_PURGE_INFLIGHT and is emitted on
 * the calling thread while this waits. A `read_committed` consumer never
 * sees the messages of an aborted transaction. Blocks the calling thread up
 * to @timeout_ms.
 *
 * With librdkafka 2.0.2 (and later, as of its issue `#4849`), aborting right
 * after the transaction's first kafka_producer_produce(), before the broker
 * registered the partition, may fail with a fatal error (%KAFKA_ERROR_FATAL,
 * naming `INVALID_TXN_STATE`). Once one message of the transaction was
 * delivered this cannot happen: kafka_producer_flush() first if the abort
 * may come that early.
 *
 * Returns: %TRUE once the transaction is aborted, %FALSE with @error set
 *   (see kafka_producer_init_transactions() for what the codes tell)
 *
 * Since: 1.0
 */
gboolean
kafka_producer_abort_transaction (KafkaProducer  *self,
                                  int             timeout_ms,
                                  GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_PRODUCER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return txn_call_sync (self, TXN_ABORT, timeout_ms, NULL, NULL, error);
}

/**
 * kafka_producer_init_transactions_async:
 * @self: a #KafkaProducer configured with a `transactional.id`
 * @timeout_ms: how long to wait, in milliseconds (-1: twice
 *   `transaction.timeout.ms`)
 * @cancellable: (nullable): a #GCancellable (the call, once started, runs to
 *   its end: cancelling only checks before it starts)
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * Does what kafka_producer_init_transactions() does, on a worker thread.
 *
 * Since: 1.0
 */
void
kafka_producer_init_transactions_async (KafkaProducer       *self,
                                        int                  timeout_ms,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  txn_call_async (self, TXN_INIT, kafka_producer_init_transactions_async, timeout_ms,
                  NULL, NULL, cancellable, callback, user_data);
}

/**
 * kafka_producer_init_transactions_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_init_transactions_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set, as
 *   kafka_producer_init_transactions() says
 *
 * Since: 1.0
 */
gboolean
kafka_producer_init_transactions_finish (KafkaProducer  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return txn_finish (self, result, kafka_producer_init_transactions_async, error);
}

/**
 * kafka_producer_begin_transaction_async:
 * @self: a #KafkaProducer
 * @cancellable: (nullable): a #GCancellable (cancelling only checks before
 *   the call starts)
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * Does what kafka_producer_begin_transaction() does, on a worker thread
 * (it does not wait for the broker: this is for symmetry, and for code that
 * awaits every step of a transaction).
 *
 * Since: 1.0
 */
void
kafka_producer_begin_transaction_async (KafkaProducer       *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  txn_call_async (self, TXN_BEGIN, kafka_producer_begin_transaction_async, -1,
                  NULL, NULL, cancellable, callback, user_data);
}

/**
 * kafka_producer_begin_transaction_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_begin_transaction_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set, as
 *   kafka_producer_begin_transaction() says
 *
 * Since: 1.0
 */
gboolean
kafka_producer_begin_transaction_finish (KafkaProducer  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return txn_finish (self, result, kafka_producer_begin_transaction_async, error);
}

/**
 * kafka_producer_send_offsets_to_transaction_async:
 * @self: a #KafkaProducer
 * @positions: (element-type KafkaTopicPartition): the consumer's positions to
 *   commit (the offset of the next message to consume, per partition)
 * @consumer: the #KafkaConsumer the messages were consumed with; its group
 *   metadata is read when this is called
 * @timeout_ms: how long to wait, in milliseconds (-1: no limit)
 * @cancellable: (nullable): a #GCancellable (cancelling only checks before
 *   the call starts)
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * Does what kafka_producer_send_offsets_to_transaction() does, on a worker
 * thread. @positions is copied: the caller keeps it.
 *
 * Since: 1.0
 */
void
kafka_producer_send_offsets_to_transaction_async (KafkaProducer       *self,
                                                  GPtrArray           *positions,
                                                  KafkaConsumer       *consumer,
                                                  int                  timeout_ms,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (positions != NULL);
  g_return_if_fail (KAFKA_IS_CONSUMER (consumer));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  txn_call_async (self, TXN_SEND_OFFSETS, kafka_producer_send_offsets_to_transaction_async,
                  timeout_ms, positions, consumer, cancellable, callback, user_data);
}

/**
 * kafka_producer_send_offsets_to_transaction_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_send_offsets_to_transaction_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set, as
 *   kafka_producer_send_offsets_to_transaction() says
 *
 * Since: 1.0
 */
gboolean
kafka_producer_send_offsets_to_transaction_finish (KafkaProducer  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error)
{
  return txn_finish (self, result, kafka_producer_send_offsets_to_transaction_async, error);
}

/**
 * kafka_producer_commit_transaction_async:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1, recommended: the time
 *   left before the transaction times out)
 * @cancellable: (nullable): a #GCancellable (cancelling only checks before
 *   the call starts)
 * @callback: (scope async): called when the transaction is committed, or
 *   the commit failed
 * @user_data: data for @callback
 *
 * Commits the current transaction as kafka_producer_commit_transaction()
 * does, without blocking: the commit runs on a worker thread, and the
 * delivery reports it waits for are emitted from the producer's main
 * context, which must be running.
 *
 * Since: 1.0
 */
void
kafka_producer_commit_transaction_async (KafkaProducer       *self,
                                         int                  timeout_ms,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  txn_call_async (self, TXN_COMMIT, kafka_producer_commit_transaction_async, timeout_ms,
                  NULL, NULL, cancellable, callback, user_data);
}

/**
 * kafka_producer_commit_transaction_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_commit_transaction_async().
 *
 * Returns: %TRUE once the transaction is committed, %FALSE with @error set,
 *   as kafka_producer_commit_transaction() says
 *
 * Since: 1.0
 */
gboolean
kafka_producer_commit_transaction_finish (KafkaProducer  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return txn_finish (self, result, kafka_producer_commit_transaction_async, error);
}

/**
 * kafka_producer_abort_transaction_async:
 * @self: a #KafkaProducer
 * @timeout_ms: how long to wait, in milliseconds (-1, recommended: the time
 *   left before the transaction times out)
 * @cancellable: (nullable): a #GCancellable (cancelling only checks before
 *   the call starts)
 * @callback: (scope async): called when the transaction is aborted, or
 *   aborting failed
 * @user_data: data for @callback
 *
 * Aborts the current transaction as kafka_producer_abort_transaction() does,
 * without blocking: the abort runs on a worker thread, and the delivery
 * reports of the purged messages are emitted from the producer's main
 * context, which must be running.
 *
 * Since: 1.0
 */
void
kafka_producer_abort_transaction_async (KafkaProducer       *self,
                                        int                  timeout_ms,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_PRODUCER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  txn_call_async (self, TXN_ABORT, kafka_producer_abort_transaction_async, timeout_ms,
                  NULL, NULL, cancellable, callback, user_data);
}

/**
 * kafka_producer_abort_transaction_finish:
 * @self: a #KafkaProducer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_producer_abort_transaction_async().
 *
 * Returns: %TRUE once the transaction is aborted, %FALSE with @error set,
 *   as kafka_producer_abort_transaction() says
 *
 * Since: 1.0
 */
gboolean
kafka_producer_abort_transaction_finish (KafkaProducer  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return txn_finish (self, result, kafka_producer_abort_transaction_async, error);
}
