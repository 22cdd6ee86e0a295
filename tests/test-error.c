/* The KAFKA_ERROR domain and its helpers.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "kafka-test-util.h"

static void
test_codes (void)
{
  /* the codes are librdkafka's own numbers */
  g_assert_cmpint (KAFKA_ERROR_MSG_TIMED_OUT, ==, -192);
  g_assert_cmpint (KAFKA_ERROR_QUEUE_FULL, ==, -184);
  g_assert_cmpint (KAFKA_ERROR_FATAL, ==, -150);
  g_assert_cmpint (KAFKA_ERROR_NOT_LEADER_FOR_PARTITION, ==, 6);
  g_assert_cmpstr (kafka_error_code_get_name (KAFKA_ERROR_MSG_TIMED_OUT), ==, "_MSG_TIMED_OUT");
  g_assert_cmpstr (kafka_error_code_get_name (KAFKA_ERROR_NOT_LEADER_FOR_PARTITION), ==,
                   "NOT_LEADER_FOR_PARTITION");
  g_assert_cmpstr (kafka_error_code_get_name (KAFKA_ERROR_TXN_REQUIRES_ABORT), ==, "TXN_REQUIRES_ABORT");
  g_assert_nonnull (kafka_error_code_get_description (KAFKA_ERROR_QUEUE_FULL));
  g_assert_cmpstr (g_quark_to_string (KAFKA_ERROR), ==, "kafka-error-quark");
  /* the enum type knows every value */
  g_assert_nonnull (g_enum_get_value (g_type_class_peek (KAFKA_TYPE_ERROR) ?:
                                      g_type_class_ref (KAFKA_TYPE_ERROR),
                                      KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED));
}

static void
test_helpers (void)
{
  struct { int code; gboolean retriable, fatal, abort; } cases[] = {
    { KAFKA_ERROR_MSG_TIMED_OUT, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_QUEUE_FULL, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_TRANSPORT, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_NOT_LEADER_FOR_PARTITION, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_REQUEST_TIMED_OUT, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_NOT_ENOUGH_REPLICAS, TRUE, FALSE, FALSE },
    { KAFKA_ERROR_FATAL, FALSE, TRUE, FALSE },
    { KAFKA_ERROR_TXN_REQUIRES_ABORT, FALSE, FALSE, TRUE },
    { KAFKA_ERROR_TOPIC_AUTHORIZATION_FAILED, FALSE, FALSE, FALSE },
    { KAFKA_ERROR_MSG_SIZE_TOO_LARGE, FALSE, FALSE, FALSE },
    { KAFKA_ERROR_INVALID_ARG, FALSE, FALSE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) e = g_error_new_literal (KAFKA_ERROR, cases[i].code, "x");

      g_assert_cmpint (kafka_error_is_retriable (e), ==, cases[i].retriable);
      g_assert_cmpint (kafka_error_is_fatal (e), ==, cases[i].fatal);
      g_assert_cmpint (kafka_error_txn_requires_abort (e), ==, cases[i].abort);
    }

  /* another domain with the same code answers no */
  {
    g_autoptr(GError) e = g_error_new_literal (G_IO_ERROR, KAFKA_ERROR_FATAL, "x");
    g_assert_false (kafka_error_is_fatal (e));
    g_assert_false (kafka_error_is_retriable (e));
  }
}

/* The run-time versions: kafka-glib's match the headers', librdkafka's
 * string and number agree. */
static void
test_versions (void)
{
  int v = kafka_get_librdkafka_version ();
  g_autofree char *from_number = g_strdup_printf ("%d.%d.%d", (v >> 24) & 0xff,
                                                  (v >> 16) & 0xff, (v >> 8) & 0xff);

  g_assert_cmpuint (kafka_get_major_version (), ==, KAFKA_MAJOR_VERSION);
  g_assert_cmpuint (kafka_get_minor_version (), ==, KAFKA_MINOR_VERSION);
  g_assert_cmpuint (kafka_get_micro_version (), ==, KAFKA_MICRO_VERSION);
  /* what the library was built for at least (meson.build asks for 2.0.2) */
  g_assert_cmpint (v, >=, 0x020002ff);
  g_assert_true (g_str_has_prefix (kafka_get_librdkafka_version_string (), from_number));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error/codes", test_codes);
  g_test_add_func ("/error/helpers", test_helpers);
  g_test_add_func ("/version/runtime", test_versions);
  return g_test_run ();
}
