/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-consumer-group-listing.h"
#include "kafka-enum-types.h"

/**
 * SECTION:kafka-consumer-group-listing
 * @Title: KafkaConsumerGroupListing
 * @Short_description: a consumer group in a list
 *
 * A consumer group as kafka_admin_client_list_consumer_groups() finds it:
 * its id, whether it is a simple group (whose members only commit offsets,
 * without joining), and its state, as confluent-kafka-python's
 * `ConsumerGroupListing`. Read-only.
 */

struct _KafkaConsumerGroupListing
{
  GObject parent_instance;

  char                    *group_id;
  gboolean                 is_simple_consumer_group;
  KafkaConsumerGroupState  state;
};

enum {
  PROP_0,
  PROP_GROUP_ID,
  PROP_IS_SIMPLE_CONSUMER_GROUP,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaConsumerGroupListing, kafka_consumer_group_listing, G_TYPE_OBJECT)

static void
kafka_consumer_group_listing_finalize (GObject *object)
{
  KafkaConsumerGroupListing *self = KAFKA_CONSUMER_GROUP_LISTING (object);

  g_free (self->group_id);

  G_OBJECT_CLASS (kafka_consumer_group_listing_parent_class)->finalize (object);
}

static void
kafka_consumer_group_listing_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  KafkaConsumerGroupListing *self = KAFKA_CONSUMER_GROUP_LISTING (object);

  switch (prop_id)
    {
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_IS_SIMPLE_CONSUMER_GROUP:
      g_value_set_boolean (value, self->is_simple_consumer_group);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_consumer_group_listing_class_init (KafkaConsumerGroupListingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_consumer_group_listing_finalize;
  object_class->get_property = kafka_consumer_group_listing_get_property;

  /**
   * KafkaConsumerGroupListing:group-id:
   *
   * The group's id (its `group.id`).
   *
   * Since: 1.0
   */
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupListing:is-simple-consumer-group:
   *
   * Whether the group is a simple one: its members assign partitions
   * themselves and only commit offsets.
   *
   * Since: 1.0
   */
  properties[PROP_IS_SIMPLE_CONSUMER_GROUP] =
    g_param_spec_boolean ("is-simple-consumer-group", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaConsumerGroupListing:state:
   *
   * The state of the group.
   *
   * Since: 1.0
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KAFKA_TYPE_CONSUMER_GROUP_STATE,
                       KAFKA_CONSUMER_GROUP_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_consumer_group_listing_init (KafkaConsumerGroupListing *self)
{
}

KafkaConsumerGroupListing *
kafka_consumer_group_listing_new_from_rd (const rd_kafka_ConsumerGroupListing_t *listing)
{
  KafkaConsumerGroupListing *self = g_object_new (KAFKA_TYPE_CONSUMER_GROUP_LISTING, NULL);

  self->group_id = g_strdup (rd_kafka_ConsumerGroupListing_group_id (listing));
  self->is_simple_consumer_group = rd_kafka_ConsumerGroupListing_is_simple_consumer_group (listing) != 0;
  self->state = (KafkaConsumerGroupState) rd_kafka_ConsumerGroupListing_state (listing);
  return self;
}

/**
 * kafka_consumer_group_listing_get_group_id:
 * @self: a #KafkaConsumerGroupListing
 *
 * Gets #KafkaConsumerGroupListing:group-id.
 *
 * Returns: (transfer none): the group id
 *
 * Since: 1.0
 */
const char *
kafka_consumer_group_listing_get_group_id (KafkaConsumerGroupListing *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_LISTING (self), NULL);

  return self->group_id;
}

/**
 * kafka_consumer_group_listing_get_is_simple_consumer_group:
 * @self: a #KafkaConsumerGroupListing
 *
 * Gets #KafkaConsumerGroupListing:is-simple-consumer-group.
 *
 * Returns: whether the group is a simple consumer group
 *
 * Since: 1.0
 */
gboolean
kafka_consumer_group_listing_get_is_simple_consumer_group (KafkaConsumerGroupListing *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_LISTING (self), FALSE);

  return self->is_simple_consumer_group;
}

/**
 * kafka_consumer_group_listing_get_state:
 * @self: a #KafkaConsumerGroupListing
 *
 * Gets #KafkaConsumerGroupListing:state.
 *
 * Returns: the state
 *
 * Since: 1.0
 */
KafkaConsumerGroupState
kafka_consumer_group_listing_get_state (KafkaConsumerGroupListing *self)
{
  g_return_val_if_fail (KAFKA_IS_CONSUMER_GROUP_LISTING (self), KAFKA_CONSUMER_GROUP_STATE_UNKNOWN);

  return self->state;
}
