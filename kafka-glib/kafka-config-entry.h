/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <kafka-glib/kafka-version-macros.h>

G_BEGIN_DECLS

/**
 * KafkaConfigSource:
 * @KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG: not known: an entry to set, say, rather
 *   than one described
 * @KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG: set on this topic
 * @KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG: set on this broker while it ran
 * @KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG: set while running as the
 *   default of every broker of the cluster
 * @KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG: from the broker's configuration
 *   file, read at startup
 * @KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG: Kafka's built-in default
 *
 * Where the value of a #KafkaConfigEntry comes from (the values are
 * librdkafka's `rd_kafka_ConfigSource_t`).
 *
 * Since: 1.0
 */
typedef enum {
  KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG = 0,
  KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG = 1,
  KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG = 2,
  KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG = 3,
  KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG = 4,
  KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG = 5,
} KafkaConfigSource;

/**
 * KAFKA_TYPE_CONFIG_ENTRY:
 *
 * The #GType of #KafkaConfigEntry.
 *
 * Since: 1.0
 */
#define KAFKA_TYPE_CONFIG_ENTRY (kafka_config_entry_get_type ())

/**
 * KafkaConfigEntry:
 *
 * A configuration property of a topic or a broker, as a #KafkaConfigResource holds it. The structure is opaque: use the functions below.
 *
 * Since: 1.0
 */
KAFKA_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (KafkaConfigEntry, kafka_config_entry, KAFKA, CONFIG_ENTRY, GObject)

KAFKA_AVAILABLE_IN_1_0
const char        *kafka_config_entry_get_name         (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
const char        *kafka_config_entry_get_value        (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
KafkaConfigSource  kafka_config_entry_get_source       (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_config_entry_get_is_read_only (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_config_entry_get_is_default   (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_config_entry_get_is_sensitive (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
gboolean           kafka_config_entry_get_is_synonym   (KafkaConfigEntry *self);
KAFKA_AVAILABLE_IN_1_0
GPtrArray         *kafka_config_entry_get_synonyms     (KafkaConfigEntry *self);

G_END_DECLS
