/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaConsumer: poll(), consume(), consume_batch() and consume_async().
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

void
consume_waiter_finish (ConsumeWaiter *waiter,
                       GPtrArray     *messages,
                       GError        *error)
{
  /* the callback may run right here and drop the caller's last reference:
   * the task holds the consumer until it goes */
  g_autoptr(GTask) task = kafka_wait_finish (&waiter->wait);
  KafkaConsumer *self = waiter->self;

  g_queue_remove (&self->consume_waiters, waiter);
  g_free (waiter);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, messages, (GDestroyNotify) g_ptr_array_unref);
  consumer_update_mode (self);
}

/* Gives the oldest consume_async() call what the queue holds, if anything. */
int
consumer_feed_waiter (KafkaConsumer *self)
{
  ConsumeWaiter *waiter = g_queue_peek_head (&self->consume_waiters);
  g_autofree rd_kafka_message_t **batch = NULL;
  GError *error = NULL;
  GPtrArray *messages;
  gsize n = 0;

  /* cancelled, and its cancellation not served yet (the source runs before
   * the idle that would): take nothing for it, or the messages would be
   * lost with the call */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (waiter->wait.task), &error))
    {
      consume_waiter_finish (waiter, NULL, error);
      return 1;
    }

  /* what is there, without waiting */
  batch = kafka_consumer_flow_take (self->flow, waiter->max_messages, 0, &n, NULL);
  if (batch == NULL || n == 0)
    return 0;
  kafka_consumer_flow_handed_all (self->flow, batch, n);
  kafka_consumer_flow_store (self->flow);
  messages = g_ptr_array_new_full ((guint) n, kafka_message_release);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (messages, consumer_wrap_message (self, batch[i]));
  consume_waiter_finish (waiter, messages, NULL);
  return (int) n;
}
/* ------------------------------------------------------------------------ */
/* Consuming */

/**
 * kafka_consumer_poll:
 * @self: a #KafkaConsumer
 * @timeout_ms: how long to wait for a message, in milliseconds (0: do not
 *   wait; -1: no limit)
 * @error: return location for a #GError
 *
 * Returns the next message, waiting up to @timeout_ms for one. Rebalance
 * signals are emitted from here, on the calling thread. A consumer error
 * (the end of a partition with `enable.partition.eof`, a fetch error) comes
 * as a message whose kafka_message_get_error() says what happened, as with
 * confluent-kafka-python.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL if none came in
 *   time (@error unset) or the consumer is closed (@error set to
 *   %KAFKA_ERROR_STATE)
 *
 * Since: 1.0
 */
KafkaMessage *
kafka_consumer_poll (KafkaConsumer  *self,
                     int             timeout_ms,
                     GError        **error)
{
  /* called per message: no checked casts */
  KafkaClient *client = (KafkaClient *) self;
  KafkaConsumerFlow *flow;
  rd_kafka_message_t *rkm = NULL;
  GRefString *topic;
  gssize n;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kafka_client_check_open (client, error))
    return NULL;
  flow = self->flow;

  /* logs, errors and commit results may be waiting on the main queue */
  kafka_client_serve (client, kafka_client_get_main_queue (client), 0);
  /* from a message handler: the rest of its batch comes first */
  consumer_emission_give_back (self);

  /* what is there first (which restarts a stopped fetcher), then wait */
  n = kafka_consumer_flow_take_now (flow, &rkm, 1, error);
  if (n == 0 && timeout_ms != 0)
    n = kafka_consumer_flow_wait (flow, &rkm, timeout_ms);
  if (n <= 0)
    {
      /* idle: what was handed out is stored now */
      kafka_consumer_flow_store (flow);
      if (n < 0 && error != NULL && *error == NULL)
        kafka_set_error (error, rd_kafka_last_error (), "Could not consume");
      return NULL;
    }

  topic = kafka_consumer_flow_topic_name (flow, rkm);
  kafka_consumer_flow_handed (flow, rkm, topic);
  return kafka_message_new_consumed (rkm, topic, kafka_client_ref_handle (client));
}

/* What consume() and consume_batch() share: up to @max_messages
 * messages in a new array, or NULL with @error set. */
static rd_kafka_message_t **
consumer_take (KafkaConsumer  *self,
               guint           max_messages,
               int             timeout_ms,
               gsize          *n_taken,
               GError        **error)
{
  rd_kafka_message_t **batch;

  if (!consumer_check_open (self, error))
    return NULL;

  /* logs, errors and commit results may be waiting on the main queue */
  kafka_client_serve (KAFKA_CLIENT (self), kafka_client_get_main_queue (KAFKA_CLIENT (self)), 0);
  /* from a message handler: the rest of its batch comes first */
  consumer_emission_give_back (self);

  batch = kafka_consumer_flow_take (self->flow, MIN (max_messages, 1000000), timeout_ms,
                                    n_taken, error);
  if (batch != NULL)
    {
      /* handed out as one */
      kafka_consumer_flow_handed_all (self->flow, batch, *n_taken);
      kafka_consumer_flow_store (self->flow);
    }
  return batch;
}

/**
 * kafka_consumer_consume:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for @max_messages, in milliseconds (-1: no
 *   limit)
 * @error: return location for a #GError
 *
 * Returns up to @max_messages messages in one call, waiting until there are
 * that many or @timeout_ms passed: the way for bindings to pay per batch,
 * not per message. Rebalance signals are emitted from here, on the calling
 * thread.
 *
 * Returns: (transfer container) (element-type KafkaMessage): the messages (maybe
 *   none), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_consume (KafkaConsumer  *self,
                        guint           max_messages,
                        int             timeout_ms,
                        GError        **error)
{
  g_autofree rd_kafka_message_t **batch = NULL;
  GPtrArray *messages;
  gsize n = 0;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  batch = consumer_take (self, max_messages, timeout_ms, &n, error);
  if (batch == NULL)
    return NULL;

  /* a message nothing else holds when the array goes is kept for the
   * next ones */
  messages = g_ptr_array_new_full ((guint) n, kafka_message_release);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (messages, consumer_wrap_message (self, batch[i]));
  return messages;
}

/**
 * kafka_consumer_consume_batch:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for @max_messages, in milliseconds (-1: no
 *   limit)
 * @error: return location for a #GError
 *
 * Does what kafka_consumer_consume() does, but returns the messages as one
 * #KafkaMessageBatch, read column by column, and creates no object per
 * message: the fastest way to consume from Python or JavaScript.
 *
 * |[<!-- language="Python" -->
 * batch = consumer.consume_batch(10000, 1000)
 * data, lengths = batch.get_values()
 * offsets = batch.get_offsets()
 * ]|
 *
 * Returns: (transfer full): the messages (maybe none), or %NULL with @error
 *   set
 *
 * Since: 1.0
 */
KafkaMessageBatch *
kafka_consumer_consume_batch (KafkaConsumer  *self,
                              guint           max_messages,
                              int             timeout_ms,
                              GError        **error)
{
  g_autofree rd_kafka_message_t **batch = NULL;
  gsize n = 0;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  batch = consumer_take (self, max_messages, timeout_ms, &n, error);
  if (batch == NULL)
    return NULL;
  return consumer_wrap_batch (self, batch, (guint) n);
}

/**
 * kafka_consumer_wakeup:
 * @self: a #KafkaConsumer
 *
 * Makes a kafka_consumer_poll() or kafka_consumer_consume() blocked in
 * another thread return at once, with what it has (confluent-kafka-python
 * has no such call; its users asked for one, to stop a poll loop). Thread-safe.
 *
 * Since: 1.0
 */
void
kafka_consumer_wakeup (KafkaConsumer *self)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));

  if (self->consumer_queue != NULL)
    rd_kafka_queue_yield (self->consumer_queue);
}

static gboolean
consume_waiter_timed_out (gpointer data)
{
  ConsumeWaiter *waiter = data;
  GError *error = NULL;

  /* a cancellation whose idle has not run yet comes first */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (waiter->wait.task), &error))
    consume_waiter_finish (waiter, NULL, error);
  else
    consume_waiter_finish (waiter, g_ptr_array_new_with_free_func (g_object_unref), NULL);
  return G_SOURCE_REMOVE;
}

static void
consume_waiter_cancelled (KafkaWait *wait,
                          GError    *error)
{
  consume_waiter_finish ((ConsumeWaiter *) wait, NULL, error);
}

/**
 * kafka_consumer_consume_async:
 * @self: a #KafkaConsumer
 * @max_messages: the most messages to return
 * @timeout_ms: how long to wait for a first message, in milliseconds (-1: no
 *   limit)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the messages
 * @user_data: data for @callback
 *
 * Waits, without blocking, for messages: completes as soon as there is at
 * least one (up to @max_messages, what librdkafka has fetched), or with none
 * when @timeout_ms passed. The wait is served by the consumer's main
 * context, which must be running; rebalance signals are emitted from it
 * meanwhile. Cancelling completes the call with %G_IO_ERROR_CANCELLED at
 * once, and no message is lost: a message is only taken from librdkafka to
 * be returned.
 *
 * Must be called on the thread that runs the consumer's main context.
 *
 * Since: 1.0
 */
void
kafka_consumer_consume_async (KafkaConsumer       *self,
                              guint                max_messages,
                              int                  timeout_ms,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  KafkaClient *client = KAFKA_CLIENT (self);
  ConsumeWaiter *waiter;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  /* its state lives on the consumer's context: start it there */
  g_return_if_fail (kafka_client_is_context_thread (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_consumer_consume_async);
  /* messages taken are returned even if the cancellable fires afterwards:
   * a cancellation that came first is answered before taking any */
  g_task_set_check_cancellable (task, FALSE);
  if (g_task_return_error_if_cancelled (task) || !consumer_check_open (self, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  waiter = g_new0 (ConsumeWaiter, 1);
  waiter->self = self;
  waiter->max_messages = CLAMP (max_messages, 1, 100000);
  g_queue_push_tail (&self->consume_waiters, waiter);
  kafka_wait_start (&waiter->wait, client, task, timeout_ms,
                    consume_waiter_timed_out, consume_waiter_cancelled);
  consumer_update_mode (self);
}

/**
 * kafka_consumer_consume_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_consume_async().
 *
 * Returns: (transfer container) (element-type KafkaMessage): the messages
 *   (none if the time ran out), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_consume_finish (KafkaConsumer  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return query_finish (self, result, kafka_consumer_consume_async, error);
}

