/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef KAFKA_GLIB_COMPILATION
#error "kafka-error-private.h is private to kafka-glib"
#endif

#include <librdkafka/rdkafka.h>

#include "kafka-error.h"

G_BEGIN_DECLS

/* kafka-glib's own codes (KAFKA_ERROR_TXN_REQUIRES_ABORT) lie between
 * librdkafka's local codes, which end at RD_KAFKA_RESP_ERR__END, and the
 * protocol's, which begin at RD_KAFKA_RESP_ERR_UNKNOWN: librdkafka never
 * reports them. */
#define KAFKA_ERROR_IS_OWN(code) ((int) (code) > (int) RD_KAFKA_RESP_ERR__END && \
                                  (int) (code) < (int) RD_KAFKA_RESP_ERR_UNKNOWN)

/* librdkafka's code as a KafkaError, KAFKA_ERROR_UNKNOWN when this version
 * of kafka-glib does not know it. */
KafkaError kafka_error_from_rd    (rd_kafka_resp_err_t err);

/* The one door from librdkafka's errors to GError (kafka-error.c): */

/* "CONTEXT: TEXT", CONTEXT from @format; TEXT is librdkafka's text for
 * @err when @text is NULL or empty. */
GError    *kafka_error_new_rd     (rd_kafka_resp_err_t  err,
                                   const char          *text,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* @text alone (librdkafka's text for @err when NULL or empty): for the
 * errors whose text says it all (an error event, a consumer error). */
GError    *kafka_error_new_rd_text (rd_kafka_resp_err_t  err,
                                    const char          *text);

/* Sets "CONTEXT: librdkafka's text for ERR". */
void       kafka_set_error        (GError             **error,
                                   rd_kafka_resp_err_t  err,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* A GError for librdkafka's error object, which it destroys. Keeps the
 * object's flags reachable from the code: a fatal error becomes
 * KAFKA_ERROR_FATAL, one that requires aborting the transaction
 * KAFKA_ERROR_TXN_REQUIRES_ABORT, and a retriable one whose code
 * kafka_error_is_retriable() would not call retriable KAFKA_ERROR_RETRY;
 * the message names the underlying error in each case. */
GError    *kafka_error_new_from_rd_error (rd_kafka_error_t *rderror,
                                          const char       *context);

G_END_DECLS
