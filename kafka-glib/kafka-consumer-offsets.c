/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaConsumer: commits, committed offsets, stored offsets, positions,
 * seeking, pausing, and the async forms of the blocking queries.
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

/* Set on the worker threads of the async calls that run a blocking call
 * (commit_async…): what belongs to the consumer's own thread is left alone
 * there. */
static GPrivate on_query_worker;

static gboolean
consumer_on_worker (void)
{
  return g_private_get (&on_query_worker) != NULL;
}
/* Commit results */

char *
committed_key (const char *topic,
               gint32      partition)
{
  return g_strdup_printf ("%d:%s", (int) partition, topic);
}

/* Remembers the offsets a commit result says were committed. */
void
consumer_note_committed (KafkaConsumer                         *self,
                         const rd_kafka_topic_partition_list_t *list)
{
  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];
      gint64 *offset;

      if (p->err != RD_KAFKA_RESP_ERR_NO_ERROR || p->offset < 0)
        continue;
      offset = g_new (gint64, 1);
      *offset = p->offset;
      g_hash_table_replace (self->committed, committed_key (p->topic, p->partition), offset);
    }
}

/* Of the consumer's positions, those past what it knows to be committed:
 * what a final commit would commit. */
GPtrArray *
consumer_uncommitted_positions (KafkaConsumer *self)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  if (rd_kafka_assignment (consumer_rk (self), &list) != RD_KAFKA_RESP_ERR_NO_ERROR)
    return result;
  if (rd_kafka_position (consumer_rk (self), list) == RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      consumer_fix_positions (self, list);
      for (int i = 0; i < list->cnt; i++)
        {
          const rd_kafka_topic_partition_t *p = &list->elems[i];
          g_autofree char *key = committed_key (p->topic, p->partition);
          const gint64 *committed = g_hash_table_lookup (self->committed, key);

          if (p->offset >= 0 && (committed == NULL || *committed < p->offset))
            g_ptr_array_add (result, kafka_topic_partition_new (p->topic, p->partition, p->offset));
        }
    }
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/* ------------------------------------------------------------------------ */
/* Offsets */

static GPtrArray *
consumer_commit_sync (KafkaConsumer                   *self,
                      rd_kafka_topic_partition_list_t *offsets,
                      GError                         **error)
{
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_queue_t *queue = rd_kafka_queue_new (rk);
  rd_kafka_event_t *event;
  rd_kafka_resp_err_t err;
  GPtrArray *result = NULL;

  err = rd_kafka_commit_queue (rk, offsets, queue, NULL, NULL);
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      /* librdkafka bounds the commit itself (socket and coordinator timeouts) */
      do
        event = rd_kafka_queue_poll (queue, 1000);
      while (event == NULL);

      err = rd_kafka_event_error (event);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        {
          const rd_kafka_topic_partition_list_t *list = rd_kafka_event_topic_partition_list (event);

          result = kafka_topic_partition_list_from_rd (list);
          consumer_note_committed (self, list);
          for (int i = 0; list != NULL && i < list->cnt; i++)
            if (list->elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR)
              {
                kafka_set_error (error, list->elems[i].err,
                                 "Could not commit the offset of “%s” [%d]",
                                 list->elems[i].topic, (int) list->elems[i].partition);
                g_clear_pointer (&result, g_ptr_array_unref);
                break;
              }
        }
      rd_kafka_event_destroy (event);
    }
  rd_kafka_queue_destroy (queue);

  if (err == RD_KAFKA_RESP_ERR__NO_OFFSET)
    g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_NO_OFFSET,
                         "Nothing to commit: the consumer has consumed nothing "
                         "since the last commit, or is not assigned any partition");
  else if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    kafka_set_error (error, err, "Commit failed");
  return result;
}

/**
 * kafka_consumer_commit:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit (the offset of the next message to read, for each partition), or
 *   %NULL (or an empty array) for the consumer's current positions
 * @error: return location for a #GError
 *
 * Commits offsets for the group and waits for the broker's answer, blocking
 * the calling thread.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the offsets
 *   committed, or %NULL with @error set (%KAFKA_ERROR_NO_OFFSET when there is
 *   nothing to commit; the first partition's error when a partition failed)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit (KafkaConsumer  *self,
                       GPtrArray      *offsets,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  /* GJS passes an empty array for null */
  if (offsets != NULL && offsets->len > 0)
    {
      list = kafka_topic_partition_list_to_rd (offsets, error);
      if (list == NULL)
        return NULL;
    }
  else if (!consumer_on_worker ())
    /* the current positions: what was handed out */
    kafka_consumer_flow_store (self->flow);
  result = consumer_commit_sync (self, list, error);
  if (list != NULL)
    rd_kafka_topic_partition_list_destroy (list);
  return result;
}

static rd_kafka_topic_partition_list_t *
message_offset_list (KafkaMessage *message)
{
  rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new (1);

  rd_kafka_topic_partition_list_add (list, kafka_message_get_topic (message),
                                     kafka_message_get_partition (message))->offset =
    kafka_message_get_offset (message) + 1;
  return list;
}

static gboolean
check_message_for_offset (KafkaMessage  *message,
                          GError       **error)
{
  const GError *message_error = kafka_message_get_error (message);

  /* a consumer error (the end of a partition, a fetch error) comes as a
   * message whose offset is where it happened, not one to read past */
  if (message_error != NULL)
    {
      g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                   "The message carries an error (%s), not data: it has no offset "
                   "to commit or store; commit or store the last message that had data",
                   message_error->message);
      return FALSE;
    }
  if (kafka_message_get_topic (message) == NULL || kafka_message_get_offset (message) < 0)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "The message has no offset to commit or store (it was not consumed)");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_commit_message:
 * @self: a #KafkaConsumer
 * @message: a consumed message
 * @error: return location for a #GError
 *
 * Commits the offset after @message (its offset + 1) for its partition and
 * waits for the broker's answer, blocking the calling thread.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the offset
 *   committed, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit_message (KafkaConsumer  *self,
                               KafkaMessage   *message,
                               GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (KAFKA_IS_MESSAGE (message), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!consumer_check_open (self, error) || !check_message_for_offset (message, error))
    return NULL;

  list = message_offset_list (message);
  result = consumer_commit_sync (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_commit_in_background:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit, or %NULL (or an empty array) for the current positions
 * @error: return location for a #GError
 *
 * Starts a commit and returns at once (confluent-kafka-python's
 * `commit(asynchronous=True)`); the result comes with the
 * #KafkaConsumer::commit signal.
 *
 * Returns: %TRUE if the commit was started, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_commit_in_background (KafkaConsumer  *self,
                                     GPtrArray      *offsets,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  /* GJS passes an empty array for null */
  if (offsets != NULL && offsets->len > 0)
    {
      list = kafka_topic_partition_list_to_rd (offsets, error);
      if (list == NULL)
        return FALSE;
    }
  else
    kafka_consumer_flow_store (self->flow);
  err = rd_kafka_commit_queue (consumer_rk (self), list,
                               kafka_client_get_main_queue (KAFKA_CLIENT (self)), NULL, NULL);
  if (list != NULL)
    rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not start a commit");
      return FALSE;
    }
  return TRUE;
}

/* The calls that fill in a list of partitions (committed offsets, positions,
 * offsets for times): a new list of the answers, each partition with its own
 * error if it failed, or %NULL with @error set if the call failed. */
typedef rd_kafka_resp_err_t (*PartitionQuery) (rd_kafka_t                      *rk,
                                               rd_kafka_topic_partition_list_t *list,
                                               int                              timeout_ms);

static rd_kafka_resp_err_t
consumer_position_query (rd_kafka_t                      *rk,
                         rd_kafka_topic_partition_list_t *list,
                         int                              timeout_ms)
{
  rd_kafka_resp_err_t err = rd_kafka_position (rk, list);

  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    consumer_fix_positions (rd_kafka_opaque (rk), list);
  return err;
}

static GPtrArray *
consumer_query (KafkaConsumer   *self,
                GPtrArray       *partitions,
                PartitionQuery   query,
                int              timeout_ms,
                const char      *what,
                GError         **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;
  GPtrArray *result = NULL;

  if (!consumer_check_open (self, error))
    return NULL;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return NULL;
  err = query (consumer_rk (self), list, timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    kafka_set_error (error, err, "%s", what);
  else
    result = kafka_topic_partition_list_from_rd (list);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_committed:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask
 *   about
 * @timeout_ms: how long to wait for the group coordinator, in milliseconds
 * @error: return location for a #GError
 *
 * Asks the group coordinator for the offsets the group committed, blocking
 * the calling thread up to @timeout_ms.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their committed offsets (%KAFKA_OFFSET_INVALID where
 *   nothing was committed), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_committed (KafkaConsumer  *self,
                          GPtrArray      *partitions,
                          int             timeout_ms,
                          GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, rd_kafka_committed, timeout_ms,
                         "Could not get the committed offsets", error);
}

static gboolean
consumer_store (KafkaConsumer                   *self,
                rd_kafka_topic_partition_list_t *list,
                GError                         **error)
{
  /* librdkafka's own setting is always off: the consumer stores what it
   * hands out (kafka-consumer-flow.c) when the application's is on */
  rd_kafka_resp_err_t err = kafka_consumer_flow_get_auto_store (self->flow)
                            ? RD_KAFKA_RESP_ERR__INVALID_ARG
                            : rd_kafka_offsets_store (consumer_rk (self), list);

  if (err == RD_KAFKA_RESP_ERR__INVALID_ARG)
    {
      kafka_set_error (error, err, "Could not store offsets: set "
                       "enable.auto.offset.store to false to store offsets yourself");
      return FALSE;
    }
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__STATE)
    {
      kafka_set_error (error, err, "Could not store offsets");
      return FALSE;
    }
  return check_partition_errors (list, error, "Could not store the offset of");
}

/**
 * kafka_consumer_store_offsets:
 * @self: a #KafkaConsumer
 * @offsets: (element-type KafkaTopicPartition): the offsets to store (the
 *   offset of the next message to read, for each partition)
 * @error: return location for a #GError
 *
 * Stores offsets for the next commit, automatic or explicit. Needs
 * `enable.auto.offset.store=false`. Only assigned partitions can be stored.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_store_offsets (KafkaConsumer  *self,
                              GPtrArray      *offsets,
                              GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (offsets != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (offsets, error);
  if (list == NULL)
    return FALSE;
  ok = consumer_store (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return ok;
}

/**
 * kafka_consumer_store_message_offset:
 * @self: a #KafkaConsumer
 * @message: a consumed message
 * @error: return location for a #GError
 *
 * Stores the offset after @message for the next commit, as
 * confluent-kafka-python's `store_offsets(message=…)`. Needs
 * `enable.auto.offset.store=false`.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_store_message_offset (KafkaConsumer  *self,
                                     KafkaMessage   *message,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (KAFKA_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error) || !check_message_for_offset (message, error))
    return FALSE;

  list = message_offset_list (message);
  ok = consumer_store (self, list, error);
  rd_kafka_topic_partition_list_destroy (list);
  return ok;
}

/**
 * kafka_consumer_position:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask about
 * @error: return location for a #GError
 *
 * Gets the consumer's position in each partition: the offset of the next
 * message it will return. Does not block.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their positions (%KAFKA_OFFSET_INVALID if not known), or
 *   %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_position (KafkaConsumer  *self,
                         GPtrArray      *partitions,
                         GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, consumer_position_query, 0,
                         "Could not get the positions", error);
}

/**
 * kafka_consumer_seek:
 * @self: a #KafkaConsumer
 * @partition: an assigned partition, with the offset to read from next
 * @timeout_ms: how long to wait for the seek to take effect, in milliseconds
 *   (0: do not wait)
 * @error: return location for a #GError
 *
 * Moves the consumer's position in an assigned partition: the next message
 * it returns from @partition is the one at its offset.
 *
 * Returns: %TRUE on success, %FALSE with @error set (%KAFKA_ERROR_STATE for
 *   a partition that is not assigned)
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_seek (KafkaConsumer        *self,
                     KafkaTopicPartition  *partition,
                     int                   timeout_ms,
                     GError              **error)
{
  g_autoptr(GPtrArray) array = NULL;
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_error_t *rderror;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (KAFKA_IS_TOPIC_PARTITION (partition), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  array = g_ptr_array_new ();
  g_ptr_array_add (array, partition);
  list = kafka_topic_partition_list_to_rd (array, NULL);
  rderror = rd_kafka_seek_partitions (consumer_rk (self), list, timeout_ms);
  /* with no wait, librdkafka marks a seek it queued "in progress" */
  if (timeout_ms == 0 && list->elems[0].err == RD_KAFKA_RESP_ERR__IN_PROGRESS)
    list->elems[0].err = RD_KAFKA_RESP_ERR_NO_ERROR;
  ok = finish_error (rderror, error, "Could not seek") &&
       check_partition_errors (list, error, "Could not seek in");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      /* the application's seek wins over the consumer's own */
      kafka_consumer_flow_forget (self->flow, kafka_topic_partition_get_topic (partition),
                                  kafka_topic_partition_get_partition (partition));
      consumer_emission_stale (self, kafka_topic_partition_get_topic (partition),
                               kafka_topic_partition_get_partition (partition), STALE_DROP);
    }
  return ok;
}

static gboolean
consumer_pause_resume (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       gboolean        pause,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;
  gboolean ok;

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  err = pause ? rd_kafka_pause_partitions (consumer_rk (self), list)
              : rd_kafka_resume_partitions (consumer_rk (self), list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, pause ? "Could not pause" : "Could not resume");
      ok = FALSE;
    }
  else
    ok = check_partition_errors (list, error, pause ? "Could not pause" : "Could not resume");
  rd_kafka_topic_partition_list_destroy (list);
  /* librdkafka drops what it queued for a paused partition, and resumes
   * after the last message it handed out: from a message handler, the
   * partition's part of the batch is given back */
  if (ok && pause)
    consumer_emission_stale_list (self, partitions, STALE_REWIND);
  return ok;
}

/**
 * kafka_consumer_pause:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to stop
 *   fetching from
 * @error: return location for a #GError
 *
 * Stops fetching from @partitions, keeping them assigned, until
 * kafka_consumer_resume().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_pause (KafkaConsumer  *self,
                      GPtrArray      *partitions,
                      GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  return consumer_pause_resume (self, partitions, TRUE, error);
}

/**
 * kafka_consumer_resume:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): paused partitions to
 *   fetch from again
 * @error: return location for a #GError
 *
 * Resumes fetching from paused partitions.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_resume (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  return consumer_pause_resume (self, partitions, FALSE, error);
}

/**
 * kafka_consumer_offsets_for_times:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions whose offset
 *   is a timestamp, in milliseconds since the Unix epoch
 * @timeout_ms: how long to wait for the brokers, in milliseconds
 * @error: return location for a #GError
 *
 * Looks up, for each partition, the earliest offset whose timestamp is at
 * or after the given one. Blocks the calling thread up to @timeout_ms.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with those offsets (%KAFKA_OFFSET_END, -1, where every
 *   message is older), or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_offsets_for_times (KafkaConsumer  *self,
                                  GPtrArray      *partitions,
                                  int             timeout_ms,
                                  GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (partitions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return consumer_query (self, partitions, rd_kafka_offsets_for_times, timeout_ms,
                         "Could not look up offsets for times", error);
}

/* ------------------------------------------------------------------------ */
/* Async: the blocking calls that emit no signal run on a worker thread */

typedef struct {
  GPtrArray *partitions;  /* nullable */
  int        timeout_ms;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_clear_pointer (&data->partitions, g_ptr_array_unref);
  g_free (data);
}

typedef GPtrArray *(*QueryFunc) (KafkaConsumer *self, QueryData *data, GError **error);

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryFunc func = (QueryFunc) g_object_get_data (G_OBJECT (task), "kafka-query");
  GError *error = NULL;
  GPtrArray *result;

  g_private_set (&on_query_worker, GINT_TO_POINTER (1));
  result = func (source_object, task_data, &error);
  g_private_set (&on_query_worker, NULL);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

static void
consumer_query_async (KafkaConsumer       *self,
                      QueryFunc            func,
                      gpointer             source_tag,
                      GPtrArray           *partitions,
                      int                  timeout_ms,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  QueryData *data;

  g_task_set_source_tag (task, source_tag);
  if (!kafka_topic_partition_list_check (partitions, &error))
    {
      /* the same error the blocking call gives, at once */
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (QueryData, 1);
  if (partitions != NULL)
    {
      /* a copy: the caller may change its array meanwhile */
      data->partitions = g_ptr_array_new_full (partitions->len, g_object_unref);
      for (guint i = 0; i < partitions->len; i++)
        {
          KafkaTopicPartition *tp = g_ptr_array_index (partitions, i);
          KafkaTopicPartition *copy = kafka_topic_partition_new (kafka_topic_partition_get_topic (tp),
                                                                 kafka_topic_partition_get_partition (tp),
                                                                 kafka_topic_partition_get_offset (tp));

          kafka_topic_partition_set_metadata (copy, kafka_topic_partition_get_metadata (tp));
          g_ptr_array_add (data->partitions, copy);
        }
    }
  data->timeout_ms = timeout_ms;
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_object_set_data (G_OBJECT (task), "kafka-query", func);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, query_thread);
}

GPtrArray *
query_finish (KafkaConsumer  *self,
              GAsyncResult   *result,
              gpointer        source_tag,
              GError        **error)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GPtrArray *
commit_query (KafkaConsumer  *self,
              QueryData      *data,
              GError        **error)
{
  return kafka_consumer_commit (self, data->partitions, error);
}

static GPtrArray *
committed_query (KafkaConsumer  *self,
                 QueryData      *data,
                 GError        **error)
{
  return kafka_consumer_committed (self, data->partitions, data->timeout_ms, error);
}

static GPtrArray *
offsets_for_times_query (KafkaConsumer  *self,
                         QueryData      *data,
                         GError        **error)
{
  return kafka_consumer_offsets_for_times (self, data->partitions, data->timeout_ms, error);
}

/**
 * kafka_consumer_commit_async:
 * @self: a #KafkaConsumer
 * @offsets: (nullable) (element-type KafkaTopicPartition): the offsets to
 *   commit, or %NULL (or an empty array) for the current positions
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Commits as kafka_consumer_commit() does, without blocking: the commit
 * waits for the broker on a worker thread. Cancelling returns
 * %G_IO_ERROR_CANCELLED at once; the commit itself may still happen.
 *
 * Since: 1.0
 */
void
kafka_consumer_commit_async (KafkaConsumer       *self,
                             GPtrArray           *offsets,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));

  /* the current positions are what was handed out: stored here, on the
   * consumer's thread */
  if ((offsets == NULL || offsets->len == 0) && consumer_check_open (self, NULL))
    kafka_consumer_flow_store (self->flow);
  consumer_query_async (self, commit_query, kafka_consumer_commit_async,
                        offsets, 0, cancellable, callback, user_data);
}

/**
 * kafka_consumer_commit_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_commit_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   offsets committed, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_commit_finish (KafkaConsumer  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  return query_finish (self, result, kafka_consumer_commit_async, error);
}

/**
 * kafka_consumer_committed_async:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to ask about
 * @timeout_ms: how long to wait for the group coordinator, in milliseconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Asks for the committed offsets as kafka_consumer_committed() does,
 * without blocking.
 *
 * Since: 1.0
 */
void
kafka_consumer_committed_async (KafkaConsumer       *self,
                                GPtrArray           *partitions,
                                int                  timeout_ms,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (partitions != NULL);

  consumer_query_async (self, committed_query, kafka_consumer_committed_async,
                        partitions, timeout_ms, cancellable, callback, user_data);
}

/**
 * kafka_consumer_committed_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_committed_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with their committed offsets, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_committed_finish (KafkaConsumer  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return query_finish (self, result, kafka_consumer_committed_async, error);
}

/**
 * kafka_consumer_offsets_for_times_async:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions whose offset
 *   is a timestamp, in milliseconds since the Unix epoch
 * @timeout_ms: how long to wait for the brokers, in milliseconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Looks up offsets for times as kafka_consumer_offsets_for_times() does,
 * without blocking.
 *
 * Since: 1.0
 */
void
kafka_consumer_offsets_for_times_async (KafkaConsumer       *self,
                                        GPtrArray           *partitions,
                                        int                  timeout_ms,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (KAFKA_IS_CONSUMER (self));
  g_return_if_fail (partitions != NULL);

  consumer_query_async (self, offsets_for_times_query, kafka_consumer_offsets_for_times_async,
                        partitions, timeout_ms, cancellable, callback, user_data);
}

/**
 * kafka_consumer_offsets_for_times_finish:
 * @self: a #KafkaConsumer
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_consumer_offsets_for_times_async().
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   partitions with the offsets found, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_offsets_for_times_finish (KafkaConsumer  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return query_finish (self, result, kafka_consumer_offsets_for_times_async, error);
}

