/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * KafkaConsumer: rebalances, subscription and assignment.
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
/* Rebalance */

/* A rebalance whose signals are being emitted; applied once after them,
 * unless a handler assigned itself or closed the consumer (which applies it
 * first). */
typedef struct _Rebalance {
  rd_kafka_resp_err_t              err;
  rd_kafka_topic_partition_list_t *partitions;  /* librdkafka's */
  GPtrArray                       *list;        /* the handlers' */
  gboolean                         cooperative;
  gboolean                         handled;
} Rebalance;

static void
consumer_apply_rebalance (KafkaConsumer                   *self,
                          rd_kafka_resp_err_t              err,
                          rd_kafka_topic_partition_list_t *partitions,
                          gboolean                         cooperative)
{
  rd_kafka_t *rk = consumer_rk (self);
  rd_kafka_error_t *error = NULL;
  rd_kafka_resp_err_t rerr = RD_KAFKA_RESP_ERR_NO_ERROR;

  kafka_consumer_flow_forget (self->flow, NULL, 0);
  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
    {
      if (cooperative)
        error = rd_kafka_incremental_assign (rk, partitions);
      else
        rerr = rd_kafka_assign (rk, partitions);
    }
  else
    {
      if (cooperative)
        error = rd_kafka_incremental_unassign (rk, partitions);
      else
        rerr = rd_kafka_assign (rk, NULL);
    }

  if (error != NULL)
    {
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Could not apply a rebalance: %s",
                        rd_kafka_error_string (error));
      rd_kafka_error_destroy (error);
    }
  else if (rerr != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "Could not apply a rebalance: %s",
                        rd_kafka_err2str (rerr));
    }
}

/* Applies @rebalance now, as the handlers left it, unless one of them did. */
static void
consumer_apply_pending_rebalance (KafkaConsumer *self,
                                  Rebalance     *rebalance)
{
  g_autoptr(GError) error = NULL;
  rd_kafka_topic_partition_list_t *chosen;

  if (rebalance->handled)
    return;
  rebalance->handled = TRUE;

  /* a handler may have changed the offsets to start from */
  chosen = kafka_topic_partition_list_to_rd (rebalance->list, &error);
  if (chosen == NULL)
    {
      /* a C handler broke the list: follow the group as it said */
      g_log_structured ("Kafka", G_LOG_LEVEL_MESSAGE,
                        "MESSAGE", "A rebalance handler left a bad partition list (%s): "
                        "applying the group's own", error->message);
      consumer_apply_rebalance (self, rebalance->err, rebalance->partitions,
                                rebalance->cooperative);
      return;
    }
  consumer_apply_rebalance (self, rebalance->err, chosen, rebalance->cooperative);
  rd_kafka_topic_partition_list_destroy (chosen);
}

/* librdkafka calls this from whatever serves the consumer queue: our source,
 * poll(), consume() or close(), always on a thread of ours. */
void
consumer_rebalance_cb (rd_kafka_t                      *rk,
                       rd_kafka_resp_err_t              err,
                       rd_kafka_topic_partition_list_t *partitions,
                       void                            *opaque)
{
  KafkaConsumer *self = opaque;
  KafkaClient *client = KAFKA_CLIENT (self);
  const char *protocol = rd_kafka_rebalance_protocol (rk);
  g_autoptr(GPtrArray) list = NULL;
  Rebalance rebalance = { err, partitions, NULL, FALSE, FALSE };
  Rebalance *outer;
  guint signal_id;

  rebalance.cooperative = protocol != NULL && strcmp (protocol, "COOPERATIVE") == 0;
  /* what was handed out before the partitions go is theirs to commit */
  kafka_consumer_flow_store (self->flow);
  if (kafka_client_is_disposed (client))
    {
      /* closing on the way out: no signals, just follow the group */
      consumer_apply_rebalance (self, err, partitions, rebalance.cooperative);
      return;
    }

  if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
    signal_id = kafka_consumer_signals[SIGNAL_PARTITIONS_ASSIGNED];
  else if (rd_kafka_assignment_lost (rk))
    signal_id = kafka_consumer_signals[SIGNAL_PARTITIONS_LOST];
  else
    signal_id = kafka_consumer_signals[SIGNAL_PARTITIONS_REVOKED];

  list = kafka_topic_partition_list_from_rd (partitions);
  rebalance.list = list;

  g_object_ref (self);
  outer = self->rebalance;
  self->rebalance = &rebalance;
  g_signal_emit (self, signal_id, 0, list);
  self->rebalance = outer;

  if (!kafka_client_is_disposed (client))
    consumer_apply_pending_rebalance (self, &rebalance);
  g_object_unref (self);
}

static void
consumer_mark_rebalance_handled (KafkaConsumer *self)
{
  if (self->rebalance != NULL)
    self->rebalance->handled = TRUE;
}

/* Called from a rebalance handler, close() must apply the rebalance first:
 * librdkafka waits for it before it can close. */
void
consumer_apply_rebalance_now (KafkaConsumer *self)
{
  if (self->rebalance != NULL)
    consumer_apply_pending_rebalance (self, self->rebalance);
}

/* ------------------------------------------------------------------------ */
/* ------------------------------------------------------------------------ */
/* Subscription and assignment */

/**
 * kafka_consumer_subscribe:
 * @self: a #KafkaConsumer
 * @topics: (array zero-terminated=1): the topics, or regular expressions
 *   starting with `^` (`"^events\\..*"`)
 * @error: return location for a #GError
 *
 * Joins the consumer group (`group.id`) for @topics, replacing any earlier
 * subscription. Partitions come later, through
 * #KafkaConsumer::partitions-assigned.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *   (%KAFKA_ERROR_INVALID_ARG for an empty list or an invalid topic name)
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_subscribe (KafkaConsumer       *self,
                          const char * const  *topics,
                          GError             **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (topics != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  if (topics[0] == NULL)
    {
      g_set_error_literal (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                           "Subscribing to no topic: use kafka_consumer_unsubscribe()");
      return FALSE;
    }

  list = rd_kafka_topic_partition_list_new (g_strv_length ((char **) topics));
  for (gsize i = 0; topics[i] != NULL; i++)
    {
      g_autoptr(GError) invalid = NULL;

      if (topics[i][0] != '^' && !kafka_topic_name_check (topics[i], &invalid))
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "%s (a regular expression must start with “^”)", invalid->message);
          rd_kafka_topic_partition_list_destroy (list);
          return FALSE;
        }
      rd_kafka_topic_partition_list_add (list, topics[i], RD_KAFKA_PARTITION_UA);
    }

  err = rd_kafka_subscribe (consumer_rk (self), list);
  rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not subscribe");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_unsubscribe:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Leaves the subscription: the partitions are revoked.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_unsubscribe (KafkaConsumer  *self,
                            GError        **error)
{
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  err = rd_kafka_unsubscribe (consumer_rk (self));
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not unsubscribe");
      return FALSE;
    }
  return TRUE;
}

/**
 * kafka_consumer_get_subscription:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Gets the topics (and patterns) the consumer is subscribed to.
 *
 * Returns: (transfer full) (array zero-terminated=1): the topics, or %NULL
 *   with @error set
 *
 * Since: 1.0
 */
char **
kafka_consumer_get_subscription (KafkaConsumer  *self,
                                 GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;
  GStrvBuilder *builder;
  char **topics;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  err = rd_kafka_subscription (consumer_rk (self), &list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not get the subscription");
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (int i = 0; i < list->cnt; i++)
    g_strv_builder_add (builder, list->elems[i].topic);
  rd_kafka_topic_partition_list_destroy (list);
  topics = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return topics;
}

gboolean
check_partition_errors (const rd_kafka_topic_partition_list_t  *list,
                        GError                                **error,
                        const char                             *what)
{
  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];

      if (p->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        {
          kafka_set_error (error, p->err, "%s “%s” [%d]", what, p->topic, (int) p->partition);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
finish_error (rd_kafka_error_t  *rderror,
              GError           **error,
              const char        *what)
{
  if (rderror == NULL)
    return TRUE;
  g_propagate_error (error, kafka_error_new_from_rd_error (rderror, what));
  return FALSE;
}

/* librdkafka takes partition -1 or an empty topic name in an assignment
 * without a word, and then fetches nothing: a new librdkafka list of
 * @partitions, or NULL with @error set */
static rd_kafka_topic_partition_list_t *
assignment_to_rd (GPtrArray  *partitions,
                  GError    **error)
{
  rd_kafka_topic_partition_list_t *list = kafka_topic_partition_list_to_rd (partitions, error);

  for (int i = 0; list != NULL && i < list->cnt; i++)
    {
      const rd_kafka_topic_partition_t *p = &list->elems[i];

      if (*p->topic == '\0' || p->partition < 0)
        {
          g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
                       "Cannot assign “%s” [%d]: an assignment needs a topic name and "
                       "a partition number (0 or more) for each partition",
                       p->topic, (int) p->partition);
          g_clear_pointer (&list, rd_kafka_topic_partition_list_destroy);
        }
    }
  return list;
}

/**
 * kafka_consumer_assign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): the partitions to
 *   consume, each with the offset to start from (%KAFKA_OFFSET_STORED for
 *   the committed one, %KAFKA_OFFSET_BEGINNING, %KAFKA_OFFSET_END or an
 *   absolute offset)
 * @error: return location for a #GError
 *
 * Replaces the consumer's assignment. Called from a
 * #KafkaConsumer::partitions-assigned handler, it applies the group's
 * assignment in place of the consumer.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_assign (KafkaConsumer  *self,
                       GPtrArray      *partitions,
                       GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = assignment_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  /* the partitions that go keep what was handed out of them */
  kafka_consumer_flow_store (self->flow);
  err = rd_kafka_assign (consumer_rk (self), list);
  rd_kafka_topic_partition_list_destroy (list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not assign partitions");
      return FALSE;
    }
  kafka_consumer_flow_forget (self->flow, NULL, 0);
  consumer_emission_stale (self, NULL, 0, STALE_DROP);
  consumer_mark_rebalance_handled (self);
  return TRUE;
}

/**
 * kafka_consumer_unassign:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Drops the whole assignment.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_unassign (KafkaConsumer  *self,
                         GError        **error)
{
  rd_kafka_resp_err_t err;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  kafka_consumer_flow_store (self->flow);
  err = rd_kafka_assign (consumer_rk (self), NULL);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not unassign");
      return FALSE;
    }
  kafka_consumer_flow_forget (self->flow, NULL, 0);
  consumer_emission_stale (self, NULL, 0, STALE_DROP);
  consumer_mark_rebalance_handled (self);
  return TRUE;
}

/**
 * kafka_consumer_incremental_assign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to add to the
 *   assignment, with their start offsets
 * @error: return location for a #GError
 *
 * Adds partitions to the assignment, as the cooperative-sticky protocol needs.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_incremental_assign (KafkaConsumer  *self,
                                   GPtrArray      *partitions,
                                   GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = assignment_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  ok = finish_error (rd_kafka_incremental_assign (consumer_rk (self), list), error,
                     "Could not add to the assignment");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      kafka_consumer_flow_forget (self->flow, NULL, 0);
      consumer_mark_rebalance_handled (self);
    }
  return ok;
}

/**
 * kafka_consumer_incremental_unassign:
 * @self: a #KafkaConsumer
 * @partitions: (element-type KafkaTopicPartition): partitions to remove from
 *   the assignment
 * @error: return location for a #GError
 *
 * Removes partitions from the assignment, as the cooperative-sticky protocol
 * needs.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_incremental_unassign (KafkaConsumer  *self,
                                     GPtrArray      *partitions,
                                     GError        **error)
{
  rd_kafka_topic_partition_list_t *list;
  gboolean ok;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), FALSE);
  g_return_val_if_fail (partitions != NULL, FALSE);

  if (!consumer_check_open (self, error))
    return FALSE;

  list = kafka_topic_partition_list_to_rd (partitions, error);
  if (list == NULL)
    return FALSE;
  kafka_consumer_flow_store (self->flow);
  ok = finish_error (rd_kafka_incremental_unassign (consumer_rk (self), list), error,
                     "Could not remove from the assignment");
  rd_kafka_topic_partition_list_destroy (list);
  if (ok)
    {
      kafka_consumer_flow_forget (self->flow, NULL, 0);
      consumer_emission_stale_list (self, partitions, STALE_DROP);
      consumer_mark_rebalance_handled (self);
    }
  return ok;
}

/**
 * kafka_consumer_get_assignment:
 * @self: a #KafkaConsumer
 * @error: return location for a #GError
 *
 * Gets the partitions currently assigned.
 *
 * Returns: (transfer container) (element-type KafkaTopicPartition): the
 *   assignment, or %NULL with @error set
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_get_assignment (KafkaConsumer  *self,
                               GError        **error)
{
  rd_kafka_topic_partition_list_t *list = NULL;
  rd_kafka_resp_err_t err;
  GPtrArray *result;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, error))
    return NULL;

  err = rd_kafka_assignment (consumer_rk (self), &list);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
    {
      kafka_set_error (error, err, "Could not get the assignment");
      return NULL;
    }
  result = kafka_topic_partition_list_from_rd (list);
  rd_kafka_topic_partition_list_destroy (list);
  return result;
}

/**
 * kafka_consumer_get_rebalance_protocol:
 * @self: a #KafkaConsumer
 *
 * Gets the rebalance protocol of the group: `"EAGER"`, `"COOPERATIVE"`, or
 * %NULL before the consumer joined a group.
 *
 * Returns: (transfer none) (nullable): the protocol
 *
 * Since: 1.0
 */
const char *
kafka_consumer_get_rebalance_protocol (KafkaConsumer *self)
{
  const char *protocol;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, NULL))
    return NULL;
  protocol = rd_kafka_rebalance_protocol (consumer_rk (self));
  return protocol && strcmp (protocol, "NONE") != 0 ? protocol : NULL;
}

/**
 * kafka_consumer_get_member_id:
 * @self: a #KafkaConsumer
 *
 * Gets the consumer's member id in its group, given by the group
 * coordinator.
 *
 * Returns: (transfer full) (nullable): the member id, or %NULL before the
 *   consumer joined the group
 *
 * Since: 1.0
 */
char *
kafka_consumer_get_member_id (KafkaConsumer *self)
{
  char *id, *copy;

  g_return_val_if_fail (KAFKA_IS_CONSUMER (self), NULL);

  if (!consumer_check_open (self, NULL))
    return NULL;
  id = rd_kafka_memberid (consumer_rk (self));
  if (id == NULL)
    return NULL;
  copy = *id ? g_strdup (id) : NULL;
  rd_kafka_mem_free (consumer_rk (self), id);
  return copy;
}

