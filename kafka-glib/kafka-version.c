/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"

/**
 * kafka_get_major_version:
 *
 * Gets the major version of the kafka-glib library the application runs
 * with (%KAFKA_MAJOR_VERSION is the one it was built against).
 *
 * Returns: the major version
 *
 * Since: 1.0
 */
guint
kafka_get_major_version (void)
{
  return KAFKA_MAJOR_VERSION;
}

/**
 * kafka_get_minor_version:
 *
 * Gets the minor version of the kafka-glib library the application runs
 * with.
 *
 * Returns: the minor version
 *
 * Since: 1.0
 */
guint
kafka_get_minor_version (void)
{
  return KAFKA_MINOR_VERSION;
}

/**
 * kafka_get_micro_version:
 *
 * Gets the micro version of the kafka-glib library the application runs
 * with.
 *
 * Returns: the micro version
 *
 * Since: 1.0
 */
guint
kafka_get_micro_version (void)
{
  return KAFKA_MICRO_VERSION;
}

/**
 * kafka_get_librdkafka_version:
 *
 * Gets the version of the librdkafka that kafka-glib runs on, as librdkafka
 * encodes it (hexadecimal MM.mm.rr.xx: 0x020002ff for 2.0.2).
 *
 * Returns: librdkafka's version number
 *
 * Since: 1.0
 */
int
kafka_get_librdkafka_version (void)
{
  return rd_kafka_version ();
}

/**
 * kafka_get_librdkafka_version_string:
 *
 * Gets the version of the librdkafka that kafka-glib runs on, as a string
 * (`"2.0.2"`).
 *
 * Returns: (transfer none): librdkafka's version
 *
 * Since: 1.0
 */
const char *
kafka_get_librdkafka_version_string (void)
{
  return rd_kafka_version_str ();
}
