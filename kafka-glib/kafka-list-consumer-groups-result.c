/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-list-consumer-groups-result.h"

/**
 * SECTION:kafka-list-consumer-groups-result
 * @Title: KafkaListConsumerGroupsResult
 * @Short_description: the consumer groups of a cluster
 *
 * What kafka_admin_client_list_consumer_groups() answers, as
 * confluent-kafka-python's `ListConsumerGroupsResult`: the groups it found,
 * and an error for each broker that could not list its own (the groups of
 * the others are there all the same). Read-only.
 */

struct _KafkaListConsumerGroupsResult
{
  GObject parent_instance;

  GPtrArray *groups;
  GPtrArray *errors;
};

G_DEFINE_FINAL_TYPE (KafkaListConsumerGroupsResult, kafka_list_consumer_groups_result, G_TYPE_OBJECT)

static void
kafka_list_consumer_groups_result_finalize (GObject *object)
{
  KafkaListConsumerGroupsResult *self = KAFKA_LIST_CONSUMER_GROUPS_RESULT (object);

  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->errors);

  G_OBJECT_CLASS (kafka_list_consumer_groups_result_parent_class)->finalize (object);
}

static void
kafka_list_consumer_groups_result_class_init (KafkaListConsumerGroupsResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_list_consumer_groups_result_finalize;
}

static void
kafka_list_consumer_groups_result_init (KafkaListConsumerGroupsResult *self)
{
}

KafkaListConsumerGroupsResult *
kafka_list_consumer_groups_result_new (GPtrArray *groups,
                                       GPtrArray *errors)
{
  KafkaListConsumerGroupsResult *self = g_object_new (KAFKA_TYPE_LIST_CONSUMER_GROUPS_RESULT, NULL);

  self->groups = groups;
  self->errors = errors;
  return self;
}

/**
 * kafka_list_consumer_groups_result_get_groups:
 * @self: a #KafkaListConsumerGroupsResult
 *
 * Gets the groups found, in no particular order.
 *
 * Returns: (transfer none) (element-type KafkaConsumerGroupListing): the
 *   groups (maybe none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_list_consumer_groups_result_get_groups (KafkaListConsumerGroupsResult *self)
{
  g_return_val_if_fail (KAFKA_IS_LIST_CONSUMER_GROUPS_RESULT (self), NULL);

  return self->groups;
}

/**
 * kafka_list_consumer_groups_result_get_errors:
 * @self: a #KafkaListConsumerGroupsResult
 *
 * Gets the errors of the brokers that could not list their groups: the list
 * of groups is incomplete unless this is empty.
 *
 * Returns: (transfer none) (element-type GLib.Error): the errors (usually
 *   none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_list_consumer_groups_result_get_errors (KafkaListConsumerGroupsResult *self)
{
  g_return_val_if_fail (KAFKA_IS_LIST_CONSUMER_GROUPS_RESULT (self), NULL);

  return self->errors;
}
