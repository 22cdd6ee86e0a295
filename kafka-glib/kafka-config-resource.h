/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-config-entry.h>

G_BEGIN_DECLS

/**
 * KafkaResourceType:
 * @KAFKA_RESOURCE_UNKNOWN: not known
 * @KAFKA_RESOURCE_ANY: any type (in an ACL filter)
 * @KAFKA_RESOURCE_TOPIC: a topic
 * @KAFKA_RESOURCE_GROUP: a consumer group
 * @KAFKA_RESOURCE_BROKER: a broker (named by its id, as a string)
 *
 * The kinds of resources of a cluster that configurations (see
 * #KafkaConfigResource) and ACLs (see #KafkaAclBinding) apply to (the values
 * are librdkafka's `rd_kafka_ResourceType_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_RESOURCE_UNKNOWN = 0,
  KAFKA_RESOURCE_ANY = 1,
  KAFKA_RESOURCE_TOPIC = 2,
  KAFKA_RESOURCE_GROUP = 3,
  KAFKA_RESOURCE_BROKER = 4,
} KafkaResourceType;

/**
 * KAFKA_TYPE_CONFIG_RESOURCE:
 *
 * The #GType of #KafkaConfigResource.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CONFIG_RESOURCE (kafka_config_resource_get_type ())

/**
 * KafkaConfigResource:
 *
 * A topic or a broker with configuration entries: what to describe or set, and what the cluster answered. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaConfigResource, kafka_config_resource, KAFKA, CONFIG_RESOURCE, GObject)

KAFKA_AVAILABLE_IN_1_0
KafkaConfigResource *kafka_config_resource_new               (KafkaResourceType    resource_type,
                                                              const char          *name);
KAFKA_AVAILABLE_IN_1_0
KafkaResourceType    kafka_config_resource_get_resource_type (KafkaConfigResource *self);
KAFKA_AVAILABLE_IN_1_0
const char          *kafka_config_resource_get_name          (KafkaConfigResource *self);
KAFKA_AVAILABLE_IN_1_0
void                 kafka_config_resource_set_config        (KafkaConfigResource *self,
                                                              const char          *name,
                                                              const char          *value);
KAFKA_AVAILABLE_IN_1_0
GPtrArray           *kafka_config_resource_get_entries       (KafkaConfigResource *self);
KAFKA_AVAILABLE_IN_1_0
KafkaConfigEntry    *kafka_config_resource_get_entry         (KafkaConfigResource *self,
                                                              const char          *name);
KAFKA_AVAILABLE_IN_1_0
const GError        *kafka_config_resource_get_error         (KafkaConfigResource *self);

G_END_DECLS
