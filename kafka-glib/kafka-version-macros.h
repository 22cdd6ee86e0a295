/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__KAFKA_GLIB_INSIDE__) && !defined(KAFKA_GLIB_COMPILATION)
#error "Only <kafka-glib/kafka-glib.h> can be included directly."
#endif

#include <glib.h>

/* Symbols are hidden by default (-fvisibility=hidden); only what is marked
 * with KAFKA_AVAILABLE_IN_* is exported. */
#ifndef _KAFKA_EXTERN
# define _KAFKA_EXTERN __attribute__((visibility("default"))) extern
#endif

#define KAFKA_AVAILABLE_IN_ALL _KAFKA_EXTERN
#define KAFKA_AVAILABLE_IN_1_0 _KAFKA_EXTERN
