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
#include <kafka-glib/kafka-admin-options.h>
#include <kafka-glib/kafka-admin-result.h>
#include <kafka-glib/kafka-new-topic.h>
#include <kafka-glib/kafka-new-partitions.h>
#include <kafka-glib/kafka-config-entry.h>
#include <kafka-glib/kafka-config-resource.h>
#include <kafka-glib/kafka-acl-binding.h>
#include <kafka-glib/kafka-delete-acls-result.h>
#include <kafka-glib/kafka-consumer-group-listing.h>
#include <kafka-glib/kafka-list-consumer-groups-result.h>
#include <kafka-glib/kafka-consumer-group-description.h>
#include <kafka-glib/kafka-member-description.h>
#include <kafka-glib/kafka-partition-lag.h>
#include <kafka-glib/kafka-admin-client.h>

#undef __KAFKA_GLIB_INSIDE__
