/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __KAFKA_GLIB_INSIDE__

#include <kafka-glib/kafka-version.h>
#include <kafka-glib/kafka-version-macros.h>
#include <kafka-glib/kafka-enum-types.h>
#include <kafka-glib/kafka-error.h>
#include <kafka-glib/kafka-headers.h>
#include <kafka-glib/kafka-message.h>
#include <kafka-glib/kafka-message-batch.h>
#include <kafka-glib/kafka-topic-partition.h>
#include <kafka-glib/kafka-broker-metadata.h>
#include <kafka-glib/kafka-partition-metadata.h>
#include <kafka-glib/kafka-topic-metadata.h>
#include <kafka-glib/kafka-cluster-metadata.h>
#include <kafka-glib/kafka-client.h>
#include <kafka-glib/kafka-producer.h>
#include <kafka-glib/kafka-consumer.h>
#include <kafka-glib/kafka-message-list.h>
#include <kafka-glib/kafka-mock-cluster.h>

#undef __KAFKA_GLIB_INSIDE__
