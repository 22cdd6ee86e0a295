/* KafkaHeaders, offline: the list itself, and its conversion to and from
 * librdkafka's headers (private, so built from the library's sources).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-headers-private.h"

static void
test_add_and_read (void)
{
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\0\1\2", 3);
  const guint8 *value;
  gsize len = 99;

  g_assert_cmpuint (kafka_headers_get_length (headers), ==, 0);

  kafka_headers_add (headers, "text", (const guint8 *) "hello", -1);
  kafka_headers_add (headers, "null", NULL, 0);
  kafka_headers_add (headers, "empty", (const guint8 *) "", 0);
  kafka_headers_add_bytes (headers, "binary", bytes);
  kafka_headers_add (headers, "text", (const guint8 *) "again", 5);
  g_assert_cmpuint (kafka_headers_get_length (headers), ==, 5);

  /* in the order given */
  g_assert_cmpstr (kafka_headers_get_name (headers, 0), ==, "text");
  g_assert_cmpstr (kafka_headers_get_name (headers, 1), ==, "null");
  g_assert_cmpstr (kafka_headers_get_name (headers, 4), ==, "text");

  value = kafka_headers_get_value (headers, 0, &len);
  g_assert_cmpmem (value, len, "hello", 5);
  /* a null value is not an empty one */
  g_assert_null (kafka_headers_get_value (headers, 1, &len));
  g_assert_cmpuint (len, ==, 0);
  g_assert_null (kafka_headers_get_value_bytes (headers, 1));
  value = kafka_headers_get_value (headers, 2, &len);
  g_assert_nonnull (value);
  g_assert_cmpuint (len, ==, 0);
  /* add_bytes() keeps the very GBytes */
  g_assert_true (kafka_headers_get_value_bytes (headers, 3) == bytes);
  value = kafka_headers_get_value (headers, 3, &len);
  g_assert_cmpmem (value, len, "\0\1\2", 3);
}

static void
test_get_last (void)
{
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();
  gboolean found = FALSE;
  const guint8 *value;
  gsize len = 0;

  kafka_headers_add (headers, "a", (const guint8 *) "first", -1);
  kafka_headers_add (headers, "n", NULL, 0);
  kafka_headers_add (headers, "a", (const guint8 *) "last", -1);

  value = kafka_headers_get_last (headers, "a", &found, &len);
  g_assert_true (found);
  g_assert_cmpmem (value, len, "last", 4);

  /* found tells a null value from an absent header */
  g_assert_null (kafka_headers_get_last (headers, "n", &found, NULL));
  g_assert_true (found);
  g_assert_null (kafka_headers_get_last (headers, "missing", &found, NULL));
  g_assert_false (found);
}

static void
test_remove (void)
{
  g_autoptr(KafkaHeaders) headers = kafka_headers_new ();

  kafka_headers_add (headers, "a", (const guint8 *) "1", -1);
  kafka_headers_add (headers, "b", (const guint8 *) "2", -1);
  kafka_headers_add (headers, "a", (const guint8 *) "3", -1);

  g_assert_cmpuint (kafka_headers_remove (headers, "a"), ==, 2);
  g_assert_cmpuint (kafka_headers_get_length (headers), ==, 1);
  g_assert_cmpstr (kafka_headers_get_name (headers, 0), ==, "b");
  g_assert_cmpuint (kafka_headers_remove (headers, "a"), ==, 0);
  g_assert_cmpuint (kafka_headers_get_length (headers), ==, 1);
}

/* Through librdkafka's headers and back: order, repeated names, null and
 * empty values all survive. */
static void
test_round_trip (void)
{
  g_autoptr(KafkaHeaders) in = kafka_headers_new ();
  g_autoptr(KafkaHeaders) out = NULL;
  rd_kafka_headers_t *hdrs;
  const void *rd_value;
  size_t rd_size;
  const guint8 *value;
  gsize len;

  kafka_headers_add (in, "k", (const guint8 *) "v1", -1);
  kafka_headers_add (in, "null", NULL, 0);
  kafka_headers_add (in, "empty", (const guint8 *) "", 0);
  kafka_headers_add (in, "k", (const guint8 *) "v\0002", 3);

  hdrs = kafka_headers_to_rd (in);
  g_assert_cmpuint (rd_kafka_header_cnt (hdrs), ==, 4);
  g_assert_cmpint (rd_kafka_header_get_last (hdrs, "null", &rd_value, &rd_size), ==,
                   RD_KAFKA_RESP_ERR_NO_ERROR);
  g_assert_null (rd_value);
  g_assert_cmpint (rd_kafka_header_get_last (hdrs, "empty", &rd_value, &rd_size), ==,
                   RD_KAFKA_RESP_ERR_NO_ERROR);
  g_assert_nonnull (rd_value);
  g_assert_cmpuint (rd_size, ==, 0);

  out = kafka_headers_new_from_rd (hdrs);
  rd_kafka_headers_destroy (hdrs);

  g_assert_cmpuint (kafka_headers_get_length (out), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (kafka_headers_get_name (out, i), ==, kafka_headers_get_name (in, i));
  value = kafka_headers_get_value (out, 0, &len);
  g_assert_cmpmem (value, len, "v1", 2);
  g_assert_null (kafka_headers_get_value (out, 1, NULL));
  value = kafka_headers_get_value (out, 2, &len);
  g_assert_nonnull (value);
  g_assert_cmpuint (len, ==, 0);
  value = kafka_headers_get_value (out, 3, &len);
  g_assert_cmpmem (value, len, "v\0002", 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/headers/add-and-read", test_add_and_read);
  g_test_add_func ("/headers/get-last", test_get_last);
  g_test_add_func ("/headers/remove", test_remove);
  g_test_add_func ("/headers/round-trip", test_round_trip);

  return g_test_run ();
}
