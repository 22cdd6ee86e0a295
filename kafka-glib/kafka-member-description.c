/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-member-description.h"
#include "kafka-topic-partition-private.h"

/**
 * SECTION:kafka-member-description
 * @Title: KafkaMemberDescription
 * @Short_description: a member of a consumer group
 *
 * A member of a consumer group as kafka_admin_client_describe_consumer_groups()
 * describes it: its client id, member id, static instance id, host, and the
 * partitions assigned to it, as confluent-kafka-python's `MemberDescription`.
 * Read-only.
 */

struct _KafkaMemberDescription
{
  GObject parent_instance;

  char      *client_id;
  char      *group_instance_id;
  char      *consumer_id;
  char      *host;
  GPtrArray *assignment;
};

enum {
  PROP_0,
  PROP_CLIENT_ID,
  PROP_GROUP_INSTANCE_ID,
  PROP_CONSUMER_ID,
  PROP_HOST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaMemberDescription, kafka_member_description, G_TYPE_OBJECT)

static void
kafka_member_description_finalize (GObject *object)
{
  KafkaMemberDescription *self = KAFKA_MEMBER_DESCRIPTION (object);

  g_free (self->client_id);
  g_free (self->group_instance_id);
  g_free (self->consumer_id);
  g_free (self->host);
  g_ptr_array_unref (self->assignment);

  G_OBJECT_CLASS (kafka_member_description_parent_class)->finalize (object);
}

static void
kafka_member_description_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KafkaMemberDescription *self = KAFKA_MEMBER_DESCRIPTION (object);

  switch (prop_id)
    {
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_GROUP_INSTANCE_ID:
      g_value_set_string (value, self->group_instance_id);
      break;
    case PROP_CONSUMER_ID:
      g_value_set_string (value, self->consumer_id);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_member_description_class_init (KafkaMemberDescriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_member_description_finalize;
  object_class->get_property = kafka_member_description_get_property;

  /**
   * KafkaMemberDescription:client-id:
   *
   * The member's `client.id`.
   *
   * Since: 1.0
   */
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaMemberDescription:group-instance-id:
   *
   * The member's `group.instance.id` (static membership), or %NULL.
   *
   * Since: 1.0
   */
  properties[PROP_GROUP_INSTANCE_ID] =
    g_param_spec_string ("group-instance-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaMemberDescription:consumer-id:
   *
   * The member id the coordinator gave the member (what
   * kafka_consumer_get_member_id() returns in that consumer).
   *
   * Since: 1.0
   */
  properties[PROP_CONSUMER_ID] =
    g_param_spec_string ("consumer-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaMemberDescription:host:
   *
   * The host the member connects from, as the broker sees it (`/127.0.0.1`).
   *
   * Since: 1.0
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_member_description_init (KafkaMemberDescription *self)
{
}

KafkaMemberDescription *
kafka_member_description_new_from_rd (const rd_kafka_MemberDescription_t *member)
{
  KafkaMemberDescription *self = g_object_new (KAFKA_TYPE_MEMBER_DESCRIPTION, NULL);
  const rd_kafka_MemberAssignment_t *assignment = rd_kafka_MemberDescription_assignment (member);

  self->client_id = g_strdup (rd_kafka_MemberDescription_client_id (member));
  self->group_instance_id = g_strdup (rd_kafka_MemberDescription_group_instance_id (member));
  self->consumer_id = g_strdup (rd_kafka_MemberDescription_consumer_id (member));
  self->host = g_strdup (rd_kafka_MemberDescription_host (member));
  self->assignment = kafka_topic_partition_list_from_rd (assignment ? rd_kafka_MemberAssignment_partitions (assignment) : NULL);
  return self;
}

/**
 * kafka_member_description_get_client_id:
 * @self: a #KafkaMemberDescription
 *
 * Gets #KafkaMemberDescription:client-id.
 *
 * Returns: (transfer none): the client id
 *
 * Since: 1.0
 */
const char *
kafka_member_description_get_client_id (KafkaMemberDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_MEMBER_DESCRIPTION (self), NULL);

  return self->client_id;
}

/**
 * kafka_member_description_get_group_instance_id:
 * @self: a #KafkaMemberDescription
 *
 * Gets #KafkaMemberDescription:group-instance-id.
 *
 * Returns: (transfer none) (nullable): the group instance id, or %NULL
 *
 * Since: 1.0
 */
const char *
kafka_member_description_get_group_instance_id (KafkaMemberDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_MEMBER_DESCRIPTION (self), NULL);

  return self->group_instance_id;
}

/**
 * kafka_member_description_get_consumer_id:
 * @self: a #KafkaMemberDescription
 *
 * Gets #KafkaMemberDescription:consumer-id.
 *
 * Returns: (transfer none): the member id
 *
 * Since: 1.0
 */
const char *
kafka_member_description_get_consumer_id (KafkaMemberDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_MEMBER_DESCRIPTION (self), NULL);

  return self->consumer_id;
}

/**
 * kafka_member_description_get_host:
 * @self: a #KafkaMemberDescription
 *
 * Gets #KafkaMemberDescription:host.
 *
 * Returns: (transfer none): the host
 *
 * Since: 1.0
 */
const char *
kafka_member_description_get_host (KafkaMemberDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_MEMBER_DESCRIPTION (self), NULL);

  return self->host;
}

/**
 * kafka_member_description_get_assignment:
 * @self: a #KafkaMemberDescription
 *
 * Gets the partitions assigned to the member (their offsets mean nothing).
 *
 * Returns: (transfer none) (element-type KafkaTopicPartition): the assigned
 *   partitions (maybe none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_member_description_get_assignment (KafkaMemberDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_MEMBER_DESCRIPTION (self), NULL);

  return self->assignment;
}
