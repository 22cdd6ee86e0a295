/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What every client can ask the cluster: its metadata
 * (kafka_client_list_topics()) and a partition's watermarks, blocking and
 * async. The async forms run the blocking request on a worker thread; only
 * the calling thread may serve the client's error events (see
 * kafka_client_set_request_error()).
 */
#include "config.h"

#include "kafka-client-private.h"
#include "kafka-client.h"
#include "kafka-topic-partition.h"
#include "kafka-error-private.h"
#include "kafka-metadata-private.h"

static KafkaClusterMetadata *client_list_topics (KafkaClient *self, const char *topic,
                                                int timeout_ms, gboolean may_serve,
                                                GError **error);

/**
 * kafka_client_list_topics:
 * @self: a #KafkaClient
 * @topic: (nullable): a topic to describe, or %NULL for every topic
 * @timeout_ms: how long to wait for the cluster, in milliseconds (-1: no limit)
 * @error: return location for a #GError
 *
 * Asks the cluster for its metadata: brokers, and topics with their
 * partitions, leaders, replicas and in-sync replicas. Blocks the calling
 * thread up to @timeout_ms.
 *
 * A topic that does not exist is described with the error
 * %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART on its #KafkaTopicMetadata (unless
 * asking for it created it: brokers with `auto.create.topics.enable` do so
 * for producers).
 *
 * Returns: (transfer full): the #KafkaClusterMetadata, or %NULL with @error
 *   set: %KAFKA_ERROR_AUTHENTICATION or %KAFKA_ERROR_SSL, with librdkafka's
 *   explanation, if no broker could be reached because the client failed
 *   to authenticate or to verify the broker's certificate (see the chapter
 *   “TLS and SASL”); otherwise %KAFKA_ERROR_TRANSPORT or
 *   %KAFKA_ERROR_TIMED_OUT if no broker answered in time
 *
 * Since: 1.0
 */
KafkaClusterMetadata *
kafka_client_list_topics (KafkaClient  *self,
                          const char   *topic,
                          int           timeout_ms,
                          GError      **error)
{
  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return client_list_topics (self, topic, timeout_ms, TRUE, error);
}

static KafkaClusterMetadata *
client_list_topics (KafkaClient  *self,
                    const char   *topic,
                    int           timeout_ms,
                    gboolean      may_serve,
                    GError      **error)
{
  rd_kafka_t *rk;
  const struct rd_kafka_metadata *md = NULL;
  rd_kafka_topic_t *rkt = NULL;
  rd_kafka_resp_err_t err;
  KafkaClusterMetadata *result;
  char *cluster_id;

  if (!kafka_client_check_open (self, error))
    return NULL;
  rk = kafka_client_get_handle (self);

  if (topic != NULL)
    {
      rkt = rd_kafka_topic_new (rk, topic, NULL);
      if (rkt == NULL)
        {
          kafka_set_error (error, rd_kafka_last_error (),
                           "Invalid topic name “%s”", topic);
          return NULL;
        }
    }

  err = rd_kafka_metadata (rk, topic == NULL, rkt, &md, timeout_ms);
  if (rkt != NULL)
    rd_kafka_topic_destroy (rkt);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_client_set_request_error (self, error, err, may_serve,
                                "Could not get the cluster's metadata");
      return NULL;
    }
  kafka_client_clear_auth_error (self);

  /* known once metadata arrived: no wait */
  cluster_id = rd_kafka_clusterid (rk, 0);
  result = kafka_cluster_metadata_new_from_rd (md, cluster_id,
                                               rd_kafka_controllerid (rk, 0));
  if (cluster_id != NULL)
    rd_kafka_mem_free (rk, cluster_id);
  rd_kafka_metadata_destroy (md);

  return result;
}

static gboolean client_get_watermark_offsets (KafkaClient *self, const char *topic,
                                              gint32 partition, gboolean cached,
                                              int timeout_ms, gboolean may_serve,
                                              gint64 *low, gint64 *high,
                                              GError **error);

/**
 * kafka_client_get_watermark_offsets:
 * @self: a #KafkaClient
 * @topic: a topic name
 * @partition: a partition number
 * @cached: %TRUE to answer from what a consumer last fetched, without asking
 *   the broker; %FALSE to ask the partition's leader
 * @timeout_ms: how long to wait for the broker when asking it, in milliseconds
 * @low: (out) (optional): the low watermark: the offset of the first message
 * @high: (out) (optional): the high watermark: the offset after the last message
 * @error: return location for a #GError
 *
 * Gets the low and high watermark offsets of a partition. Asking the broker
 * blocks the calling thread up to @timeout_ms. A cached answer is only known
 * to a consumer fetching from the partition (-1001, %KAFKA_OFFSET_INVALID,
 * otherwise).
 *
 * Returns: %TRUE on success, %FALSE with @error set (authentication and TLS
 *   failures as kafka_client_list_topics() reports them)
 *
 * Since: 1.0
 */
gboolean
kafka_client_get_watermark_offsets (KafkaClient  *self,
                                    const char   *topic,
                                    gint32        partition,
                                    gboolean      cached,
                                    int           timeout_ms,
                                    gint64       *low,
                                    gint64       *high,
                                    GError      **error)
{
  g_return_val_if_fail (KAFKA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return client_get_watermark_offsets (self, topic, partition, cached, timeout_ms,
                                       TRUE, low, high, error);
}

static gboolean
client_get_watermark_offsets (KafkaClient  *self,
                              const char   *topic,
                              gint32        partition,
                              gboolean      cached,
                              int           timeout_ms,
                              gboolean      may_serve,
                              gint64       *low,
                              gint64       *high,
                              GError      **error)
{
  rd_kafka_t *rk;
  int64_t lo = KAFKA_OFFSET_INVALID, hi = KAFKA_OFFSET_INVALID;
  rd_kafka_resp_err_t err;

  if (!kafka_client_check_open (self, error))
    return FALSE;
  rk = kafka_client_get_handle (self);

  if (cached)
    err = rd_kafka_get_watermark_offsets (rk, topic, partition, &lo, &hi);
  else
    err = rd_kafka_query_watermark_offsets (rk, topic, partition, &lo, &hi,
                                            timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      g_autofree char *context =
        g_strdup_printf ("Could not get the watermark offsets of “%s” [%d]",
                         topic, (int) partition);

      kafka_client_set_request_error (self, error, err, may_serve && !cached, context);
      return FALSE;
    }

  if (low != NULL)
    *low = lo;
  if (high != NULL)
    *high = hi;
  return TRUE;
}

typedef struct {
  char *topic;
  int   timeout_ms;
} ListTopicsData;

static void
list_topics_data_free (ListTopicsData *data)
{
  g_free (data->topic);
  g_free (data);
}

static void
list_topics_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ListTopicsData *data = task_data;
  GError *error = NULL;
  KafkaClusterMetadata *md;

  md = client_list_topics (source_object, data->topic, data->timeout_ms, FALSE, &error);
  if (md == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, md, g_object_unref);
}

/**
 * kafka_client_list_topics_async:
 * @self: a #KafkaClient
 * @topic: (nullable): a topic to describe, or %NULL for every topic
 * @timeout_ms: how long to wait for the cluster, in milliseconds (-1: no limit)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Asks the cluster for its metadata without blocking, as
 * kafka_client_list_topics() does. The request runs on a worker thread;
 * cancelling returns %G_IO_ERROR_CANCELLED at once (the request itself runs
 * to its end, unseen).
 *
 * Since: 1.0
 */
void
kafka_client_list_topics_async (KafkaClient         *self,
                                const char          *topic,
                                int                  timeout_ms,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ListTopicsData *data;

  g_return_if_fail (KAFKA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_client_list_topics_async);
  if (!kafka_client_check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (ListTopicsData, 1);
  data->topic = g_strdup (topic);
  data->timeout_ms = timeout_ms;
  g_task_set_task_data (task, data, (GDestroyNotify) list_topics_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, list_topics_thread);
}

/**
 * kafka_client_list_topics_finish:
 * @self: a #KafkaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes kafka_client_list_topics_async().
 *
 * Returns: (transfer full): the #KafkaClusterMetadata, or %NULL with @error
 *   set
 *
 * Since: 1.0
 */
KafkaClusterMetadata *
kafka_client_list_topics_finish (KafkaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (KAFKA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_client_list_topics_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char     *topic;
  gint32    partition;
  gboolean  cached;
  int       timeout_ms;
  gint64    low, high;
} WatermarkData;

static void
watermark_data_free (WatermarkData *data)
{
  g_free (data->topic);
  g_free (data);
}

static void
watermark_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WatermarkData *data = task_data;
  GError *error = NULL;

  if (client_get_watermark_offsets (source_object, data->topic, data->partition,
                                    data->cached, data->timeout_ms, FALSE,
                                    &data->low, &data->high, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * kafka_client_get_watermark_offsets_async:
 * @self: a #KafkaClient
 * @topic: a topic name
 * @partition: a partition number
 * @timeout_ms: how long to wait for the partition's leader, in milliseconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * Asks the partition's leader for its watermark offsets, as
 * kafka_client_get_watermark_offsets() does with @cached %FALSE, without
 * blocking: the request runs on a worker thread.
 *
 * Since: 1.0
 */
void
kafka_client_get_watermark_offsets_async (KafkaClient         *self,
                                          const char          *topic,
                                          gint32               partition,
                                          int                  timeout_ms,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  WatermarkData *data;

  g_return_if_fail (KAFKA_IS_CLIENT (self));
  g_return_if_fail (topic != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kafka_client_get_watermark_offsets_async);
  if (!kafka_client_check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (WatermarkData, 1);
  data->topic = g_strdup (topic);
  data->partition = partition;
  data->timeout_ms = timeout_ms;
  g_task_set_task_data (task, data, (GDestroyNotify) watermark_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, watermark_thread);
}

/**
 * kafka_client_get_watermark_offsets_finish:
 * @self: a #KafkaClient
 * @result: the #GAsyncResult given to the callback
 * @low: (out) (optional): the low watermark
 * @high: (out) (optional): the high watermark
 * @error: return location for a #GError
 *
 * Finishes kafka_client_get_watermark_offsets_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_client_get_watermark_offsets_finish (KafkaClient   *self,
                                           GAsyncResult  *result,
                                           gint64        *low,
                                           gint64        *high,
                                           GError       **error)
{
  WatermarkData *data;

  g_return_val_if_fail (KAFKA_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kafka_client_get_watermark_offsets_async), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (low != NULL)
    *low = data->low;
  if (high != NULL)
    *high = data->high;
  return TRUE;
}
