/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-client.h"
#include "kafka-admin-private.h"
#include "kafka-client-private.h"
#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"
#include "kafka-admin-client-private.h"

/**
 * SECTION:kafka-admin-client
 * @Title: KafkaAdminClient
 * @Short_description: administers a Kafka cluster
 *
 * A #KafkaAdminClient creates and deletes topics, adds partitions,
 * describes and alters the configuration of topics and brokers, deletes
 * records, lists, describes and deletes consumer groups, lists, alters and
 * deletes their committed offsets (and tells their lag), and creates,
 * describes and deletes ACLs: every operation of librdkafka's Admin API, as
 * confluent-kafka-python's `AdminClient` has them.
 *
 * |[<!-- language="C" -->
 * g_autoptr(KafkaAdminClient) admin = kafka_admin_client_new (config, &error);
 * g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
 * g_ptr_array_add (topics, kafka_new_topic_new ("events", 6, 3));
 * g_autoptr(GPtrArray) results = kafka_admin_client_create_topics (admin, topics, NULL, 30000, &error);
 * for (guint i = 0; results != NULL && i < results->len; i++)
 *   {
 *     const GError *e = kafka_admin_result_get_error (g_ptr_array_index (results, i));
 *     if (e != NULL)
 *       g_printerr ("%s\n", e->message);
 *   }
 * ]|
 *
 * # Calls, results and errors
 *
 * Every operation comes in three functions: a blocking one, which waits up
 * to its @timeout_ms on the calling thread (any thread), and an `_async` /
 * `_finish` pair, which completes on the thread-default main context of the
 * caller. Both take optional #KafkaAdminOptions and a timeout: the time
 * librdkafka has to find the broker, send the request and get the answer
 * (-1 lets it take up to an hour, the most librdkafka takes; the call then
 * has no limit of its own). If librdkafka gives no answer a second past the
 * timeout, the call fails with %KAFKA_ERROR_TIMED_OUT by itself.
 *
 * A call fails as a whole (a %NULL return with a #GError of the
 * %KAFKA_ERROR domain) when the request could not be made or answered: an
 * invalid argument (%KAFKA_ERROR_INVALID_ARG, naming it), no broker in time
 * (%KAFKA_ERROR_TIMED_OUT), a client already disposed of. Otherwise it
 * answers for each item it was given (topic, group, resource, partition,
 * ACL), in the order given, with the item's own error, if any: one topic
 * that already exists does not hide that the others were created. The
 * per-item errors are #GError values of the %KAFKA_ERROR domain too, whose
 * codes are Kafka's (%KAFKA_ERROR_TOPIC_ALREADY_EXISTS,
 * %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART, %KAFKA_ERROR_INVALID_REPLICATION_FACTOR,
 * %KAFKA_ERROR_GROUP_ID_NOT_FOUND…) and whose messages carry the broker's
 * explanation. The calls about one consumer group's offsets fail as a whole
 * when the group does, and carry per-partition errors on the
 * #KafkaTopicPartitions they return.
 *
 * # Main context and threads
 *
 * Like the producer and the consumer, an admin client emits its
 * #KafkaClient::error, #KafkaClient::stats and #KafkaClient::log signals on
 * the thread-default main context of the thread that created it. The
 * answers to `_async` calls arrive there too (they are librdkafka events on
 * the client's main queue) and are handed to each call's own context: that
 * context must be running for async calls to complete, or, with no main
 * loop, kafka_admin_client_poll() serves them. A pending async call keeps
 * the client alive until it completes. Cancelling one completes it at once
 * with %G_IO_ERROR_CANCELLED; the request itself cannot be called back
 * (a topic may still be created).
 *
 * The blocking calls may be made from any thread, several at a time; they
 * wait on a queue of their own and emit nothing.
 *
 * # The mock cluster
 *
 * librdkafka 2.0.2's mock cluster (#KafkaMockCluster) answers only the
 * calls about consumer group offsets:
 * kafka_admin_client_alter_consumer_group_offsets(),
 * kafka_admin_client_list_consumer_group_offsets() (given partitions: it
 * lists none when asked for all) and
 * kafka_admin_client_list_consumer_group_lag(). Listing consumer groups
 * and deleting records fail there with %KAFKA_ERROR_UNSUPPORTED_FEATURE
 * (for the broker, for each partition); the topic, partition,
 * configuration and ACL calls time out (it has no controller).
 *
 * Do not call kafka_admin_client_describe_consumer_groups(),
 * kafka_admin_client_delete_groups() or
 * kafka_admin_client_delete_consumer_group_offsets() there: when the group
 * coordinator does not support the request, librdkafka 2.0.2 aborts the
 * process (delete: librdkafka issue 3663, which Kafka brokers before 2.4
 * trigger as well) or, after describing, never finishes destroying the
 * client (issue 4605). Test those calls on a real broker.
 */

static void kafka_admin_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KafkaAdminClient, kafka_admin_client, KAFKA_TYPE_CLIENT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      kafka_admin_client_initable_iface_init))

/* ------------------------------------------------------------------------ */
/* The client */

/* Takes the call an answer is for out of the pending ones; NULL if gone. */
static AdminCall *
admin_client_take_call (KafkaAdminClient *self,
                        rd_kafka_event_t *event)
{
  AdminCall *call = rd_kafka_event_opaque (event);
  gboolean found;

  g_mutex_lock (&self->calls_lock);
  found = call != NULL && g_hash_table_steal (self->calls, call);
  g_mutex_unlock (&self->calls_lock);
  return found ? call : NULL;
}

static int
admin_client_handle_event (KafkaClient      *client,
                           rd_kafka_event_t *event)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (client);
  AdminCall *call;

  if (!is_admin_result (event))
    return 0;

  call = admin_client_take_call (self, event);
  if (call != NULL)
    {
      admin_call_answered (call, event);
      admin_call_unref (call);
    }
  return 1;
}

static void
admin_client_shutdown (KafkaClient *client)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (client);
  rd_kafka_queue_t *queue = kafka_client_get_main_queue (client);
  rd_kafka_event_t *event;
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  /* Only g_object_run_dispose() comes here with a task waiting (a task
   * holds the client); what is left is the calls that returned already
   * (cancelled, timed out), whose requests librdkafka still has: they go
   * now, and their late answers (librdkafka destroys them) are not read. */
  while ((event = rd_kafka_queue_poll (queue, 0)) != NULL)
    {
      AdminCall *call = is_admin_result (event) ? admin_client_take_call (self, event) : NULL;

      if (call != NULL)
        {
          admin_call_return (call, NULL,
                             g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_DESTROY,
                                                  "The admin client was disposed of before "
                                                  "the call completed"));
          admin_call_unref (call);
        }
      rd_kafka_event_destroy (event);
    }

  g_mutex_lock (&self->calls_lock);
  g_hash_table_iter_init (&iter, self->calls);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (left, key);
  g_hash_table_steal_all (self->calls);
  g_mutex_unlock (&self->calls_lock);
  for (guint i = 0; i < left->len; i++)
    {
      AdminCall *call = g_ptr_array_index (left, i);

      admin_call_return (call, NULL,
                         g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_DESTROY,
                                              "The admin client was disposed of before "
                                              "the call completed"));
      admin_call_unref (call);
    }
}

static const KafkaClientHooks admin_client_hooks = {
  .handle_event = admin_client_handle_event,
  .shutdown = admin_client_shutdown,
};

static gboolean
kafka_admin_client_initable_init (GInitable     *initable,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  /* librdkafka's admin API works on a producer handle, as
   * confluent-kafka-python's AdminClient does */
  return kafka_client_start (KAFKA_CLIENT (initable), RD_KAFKA_PRODUCER,
                             &admin_client_hooks, error);
}

static void
kafka_admin_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = kafka_admin_client_initable_init;
}

static void
kafka_admin_client_finalize (GObject *object)
{
  KafkaAdminClient *self = KAFKA_ADMIN_CLIENT (object);

  g_hash_table_unref (self->calls);
  g_mutex_clear (&self->calls_lock);

  G_OBJECT_CLASS (kafka_admin_client_parent_class)->finalize (object);
}

static void
kafka_admin_client_class_init (KafkaAdminClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kafka_admin_client_finalize;
}

static void
kafka_admin_client_init (KafkaAdminClient *self)
{
  g_mutex_init (&self->calls_lock);
  self->calls = g_hash_table_new (NULL, NULL);
}

/**
 * kafka_admin_client_new:
 * @config: (element-type utf8 utf8): librdkafka configuration properties,
 *   such as `bootstrap.servers`
 * @error: return location for a #GError
 *
 * Creates an admin client. Its signals, and the answers to its async calls,
 * come on the thread-default main context of the calling thread.
 *
 * Returns: (transfer full): a new #KafkaAdminClient, or %NULL with @error
 *   set (%KAFKA_ERROR_INVALID_ARG naming the property, for an unknown
 *   property or a bad value)
 *
 * Since: 1.0
 */
KafkaAdminClient *
kafka_admin_client_new (GHashTable  *config,
                        GError     **error)
{
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (KAFKA_TYPE_ADMIN_CLIENT, NULL, error, "config", config, NULL);
}

/**
 * kafka_admin_client_poll:
 * @self: a #KafkaAdminClient
 * @timeout_ms: how long to wait for something to serve, in milliseconds (0:
 *   do not wait; -1: no limit)
 *
 * Serves what the client's main context would: the #KafkaClient::error,
 * #KafkaClient::log and #KafkaClient::stats signals, and the answers to
 * async calls, on the calling thread, for programs that do not run that
 * context. Call it from the thread that created the client (or while
 * nobody runs its context).
 *
 * Returns: the number of events served
 *
 * Since: 1.0
 */
int
kafka_admin_client_poll (KafkaAdminClient *self,
                         int               timeout_ms)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_CLIENT (self), 0);

  if (kafka_client_is_disposed (KAFKA_CLIENT (self)))
    return 0;
  return kafka_client_serve (KAFKA_CLIENT (self), kafka_client_get_main_queue (KAFKA_CLIENT (self)),
                             timeout_ms);
}

