/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <librdkafka/rdkafka.h>

#include "kafka-glib.h"

G_BEGIN_DECLS

/* librdkafka's code as a KafkaError, KAFKA_ERROR_UNKNOWN when this version
 * of kafka-glib does not know it. */
KafkaError kafka_error_from_rd    (rd_kafka_resp_err_t err);

/* Sets "CONTEXT: librdkafka's text for ERR". */
void       kafka_set_error        (GError             **error,
                                   rd_kafka_resp_err_t  err,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (3, 4);

GError    *kafka_error_new_literal (rd_kafka_resp_err_t  err,
                                    const char          *message);

G_END_DECLS
