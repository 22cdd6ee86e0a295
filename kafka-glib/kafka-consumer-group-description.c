/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-consumer-group-description.h"
#include "kafka-enum-types.h"
#include "kafka-error-private.h"
#include "kafka-metadata-private.h"

/**
 * SECTION:kafka-consumer-group-description
 * @Title: KafkaConsumerGroupDescription
 * @Short_description: a consumer group, its members and their assignments
 *
 * A consumer group as kafka_admin_client_describe_consumer_groups()
 * describes it, as confluent-kafka-python's `ConsumerGroupDescription`: its
 * state, its partition assignor, its coordinator, and its members with the
 * partitions assigned to each. A group that could not be described has an
 * error (kafka_consumer_group_description_get_error()) and nothing else. A
 * group id nobody uses is described as a group in state
 * %KAFKA_CONSUMER_GROUP_STATE_DEAD with no member. Read-only.
 */

struct _KafkaConsumerGroupDescription
{
  GObject parent_instance;

  char                    *group_id;
  gboolean                 is_simple_consumer_group;
  char                    *partition_assignor;
  KafkaConsumerGroupState  state;
  KafkaBrokerMetadata     *coordinator;
  GPtrArray               *members;
  GError                  *error;
};

enum {
  PROP_0,
  PROP_GROUP_ID,
  PROP_IS_SIMPLE_CONSUMER_GROUP,
  PROP_PARTITION_ASSIGNOR,
  PROP_STATE,
  PROP_COORDINATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaConsumerGroupDescription, kafka_consumer_group_description, G_TYPE_OBJECT)

static void
kafka_consumer_group_description_finalize (GObject *object)
{
  KafkaConsumerGroupDescription *self = KAFKA_CONSUMER_GROUP_DESCRIPTION (object);

  g_free (self->group_id);
  g_free (self->partition_assignor);
  g_clear_object (&self->coordinator);
  g_ptr_array_unref (self->members);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_consumer_group_description_parent_class)->finalize (object);
}

static void
kafka_consumer_group_description_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  KafkaConsumerGroupDescription *self = KAFKA_CONSUMER_GROUP_DESCRIPTION (object);

  switch (prop_id)
    {
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_IS_SIMPLE_CONSUMER_GROUP:
      g_value_set_boolean (value, self->is_simple_consumer_group);
      break;
    case PROP_PARTITION_ASSIGNOR:
      g_value_set_string (value, self->partition_assignor);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_COORDINATOR:
      g_value_set_object (value, self->coordinator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_consumer_group_description_class_init (KafkaConsumerGroupDescriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_consumer_group_description_finalize;
  object_class->get_property = kafka_consumer_group_description_get_property;

  /**
   * KafkaConsumerGroupDescription:group-id:
   *
   * The group's id.
   *
   * Since: 1.0
   */
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupDescription:is-simple-consumer-group:
   *
   * Whether the group is a simple one (its members assign partitions
   * themselves).
   *
   * Since: 1.0
   */
  properties[PROP_IS_SIMPLE_CONSUMER_GROUP] =
    g_param_spec_boolean ("is-simple-consumer-group", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupDescription:partition-assignor:
   *
   * The partition assignor the group uses (`range`, `cooperative-sticky`…),
   * or an empty string for a group with no member.
   *
   * Since: 1.0
   */
  properties[PROP_PARTITION_ASSIGNOR] =
    g_param_spec_string ("partition-assignor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupDescription:state:
   *
   * The state of the group.
   *
   * Since: 1.0
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KAFKA_TYPE_CONSUMER_GROUP_STATE,
                       KAFKA_CONSUMER_GROUP_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupDescription:coordinator:
   *
   * The broker that coordinates the group, or %NULL if the group could not
   * be described.
   *
   * Since: 1.0
   */
  properties[PROP_COORDINATOR] =
    g_param_spec_object ("coordinator", NULL, NULL, KAFKA_TYPE_BROKER_METADATA,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_consumer_group_description_init (KafkaConsumerGroupDescription *self)
{
}

KafkaConsumerGroupDescription *
kafka_consumer_group_description_new_from_rd (const rd_kafka_ConsumerGroupDescription_t *group)
{
  KafkaConsumerGroupDescription *self = g_object_new (KAFKA_TYPE_CONSUMER_GROUP_DESCRIPTION, NULL);
  const rd_kafka_error_t *rderror = rd_kafka_ConsumerGroupDescription_error (group);
  const rd_kafka_Node_t *node = rd_kafka_ConsumerGroupDescription_coordinator (group);
  size_t n_members = rd_kafka_ConsumerGroupDescription_member_count (group);

  self->group_id = g_strdup (rd_kafka_ConsumerGroupDescription_group_id (group));
  self->is_simple_consumer_group = rd_kafka_ConsumerGroupDescription_is_simple_consumer_group (group) != 0;
  self->partition_assignor = g_strdup (rd_kafka_ConsumerGroupDescription_partition_assignor (group));
  self->state = (KafkaConsumerGroupState) rd_kafka_ConsumerGroupDescription_state (group);
  if (node != NULL)
    {
      rd_kafka_metadata_broker_t broker = {
        .id = rd_kafka_Node_id (node),
        .host = (char *) rd_kafka_Node_host (node),
        .port = rd_kafka_Node_port (node),
      };

      self->coordinator = kafka_broker_metadata_new_from_rd (&broker);
    }
  self->members = g_ptr_array_new_full (n_members, g_object_unref);
  for (size_t i = 0; i < n_members; i++)
    g_ptr_array_add (self->members,
                     kafka_member_description_new_from_rd (rd_kafka_ConsumerGroupDescription_member (group, i)));
  if (rderror != NULL)
    self->error = kafka_error_new_rd (rd_kafka_error_code (rderror), rd_kafka_error_string (rderror),
                                      "Could not describe consumer group “%s”", self->group_id);
  return self;
}

/**
 * kafka_consumer_group_description_get_group_id:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets #KafkaConsumerGroupDescription:group-id.
 *
 * Returns: (transfer none): the group id
 *
 * Since: 1.0
 */
const char *
kafka_consumer_group_description_get_group_id (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), NULL);

  return self->group_id;
}

/**
 * kafka_consumer_group_description_get_is_simple_consumer_group:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets #KafkaConsumerGroupDescription:is-simple-consumer-group.
 *
 * Returns: whether the group is a simple consumer group
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_group_description_get_is_simple_consumer_group (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), FALSE);

  return self->is_simple_consumer_group;
}

/**
 * kafka_consumer_group_description_get_partition_assignor:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets #KafkaConsumerGroupDescription:partition-assignor.
 *
 * Returns: (transfer none): the assignor's name
 *
 * Since: 1.0
 */
const char *
kafka_consumer_group_description_get_partition_assignor (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), NULL);

  return self->partition_assignor;
}

/**
 * kafka_consumer_group_description_get_state:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets #KafkaConsumerGroupDescription:state.
 *
 * Returns: the state
 *
 * Since: 1.0
 */
KafkaConsumerGroupState
kafka_consumer_group_description_get_state (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), KAFKA_CONSUMER_GROUP_STATE_UNKNOWN);

  return self->state;
}

/**
 * kafka_consumer_group_description_get_coordinator:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets #KafkaConsumerGroupDescription:coordinator.
 *
 * Returns: (transfer none) (nullable): the coordinator, or %NULL
 *
 * Since: 1.0
 */
KafkaBrokerMetadata *
kafka_consumer_group_description_get_coordinator (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), NULL);

  return self->coordinator;
}

/**
 * kafka_consumer_group_description_get_members:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets the members of the group.
 *
 * Returns: (transfer none) (element-type KafkaMemberDescription): the
 *   members (maybe none)
 *
 * Since: 1.0
 */
GPtrArray *
kafka_consumer_group_description_get_members (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), NULL);

  return self->members;
}

/**
 * kafka_consumer_group_description_get_error:
 * @self: a #KafkaConsumerGroupDescription
 *
 * Gets the error of the group, if it could not be described
 * (%KAFKA_ERROR_COORDINATOR_NOT_AVAILABLE,
 * %KAFKA_ERROR_GROUP_AUTHORIZATION_FAILED…).
 *
 * Returns: (transfer none) (nullable): the error, or %NULL if the group was
 *   described
 *
 * Since: 1.0
 */
const GError *
kafka_consumer_group_description_get_error (KafkaConsumerGroupDescription *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_DESCRIPTION (self), NULL);

  return self->error;
}
