/* The KafkaError enumeration against librdkafka's own table of error codes
 * (rd_kafka_get_err_descs()), and the private door from librdkafka's
 * errors to GError, offline: built from the library's own sources, since
 * the door is private. The enumeration is written by hand; this is what
 * keeps it from drifting from rdkafka.h.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-enum-types.h"
#include "kafka-error-private.h"

/* "_MSG_TIMED_OUT" and "NOT_LEADER_FOR_PARTITION" are
 * KAFKA_ERROR_MSG_TIMED_OUT and KAFKA_ERROR_NOT_LEADER_FOR_PARTITION */
static char *
value_name_for (const char *rd_name)
{
  return g_strconcat ("KAFKA_ERROR_", rd_name[0] == '_' ? rd_name + 1 : rd_name, NULL);
}

/* Every librdkafka code with a name is a KafkaError of the same value and
 * name, and kafka_error_from_rd() keeps it. */
static void
test_librdkafka_codes_are_kafka_errors (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KAFKA_TYPE_ERROR);
  const struct rd_kafka_err_desc *descs;
  size_t n, named = 0;

  rd_kafka_get_err_descs (&descs, &n);
  g_assert_cmpuint (n, >, 0);
  for (size_t i = 0; i < n; i++)
    {
      g_autofree char *expected = NULL;
      GEnumValue *value;

      /* no error, and the markers of the local codes' range, are no
       * GError's code */
      if (descs[i].name == NULL || descs[i].code == RD_KAFKA_RESP_ERR_NO_ERROR ||
          descs[i].code == RD_KAFKA_RESP_ERR__BEGIN || descs[i].code == RD_KAFKA_RESP_ERR__END)
        continue;
      named++;
      expected = value_name_for (descs[i].name);
      value = g_enum_get_value (klass, descs[i].code);
      if (value == NULL)
        g_error ("librdkafka's %s (%d) is not a KafkaError: add %s", descs[i].name,
                 descs[i].code, expected);
      g_assert_cmpstr (value->value_name, ==, expected);
      g_assert_cmpint (kafka_error_from_rd (descs[i].code), ==, descs[i].code);
      g_assert_cmpstr (kafka_error_code_get_name ((KafkaError) descs[i].code), ==, descs[i].name);
    }
  /* librdkafka 2.0.2 names 158 error codes */
  g_assert_cmpuint (named, >=, 158);
}

static const struct rd_kafka_err_desc *
find_desc (int code)
{
  const struct rd_kafka_err_desc *descs;
  size_t n;

  rd_kafka_get_err_descs (&descs, &n);
  for (size_t i = 0; i < n; i++)
    if (descs[i].name != NULL && descs[i].code == code)
      return &descs[i];
  return NULL;
}

/* Every KafkaError but kafka-glib's own is librdkafka's, with its name;
 * kafka-glib's own are none of librdkafka's, and librdkafka's codes never
 * become one. */
static void
test_kafka_errors_are_librdkafka_codes (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KAFKA_TYPE_ERROR);
  guint own = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *value = &klass->values[i];
      const struct rd_kafka_err_desc *desc = find_desc (value->value);

      if (KAFKA_ERROR_IS_OWN (value->value))
        {
          own++;
          g_assert_null (desc);
          g_assert_cmpint (kafka_error_from_rd ((rd_kafka_resp_err_t) value->value), ==,
                           KAFKA_ERROR_UNKNOWN);
        }
      else
        {
          g_autofree char *expected = NULL;

          if (desc == NULL)
            g_error ("%s (%d) is not one of librdkafka's codes", value->value_name,
                     value->value);
          expected = value_name_for (desc->name);
          g_assert_cmpstr (value->value_name, ==, expected);
        }
    }
  g_assert_cmpuint (own, ==, 1);
  g_assert_true (KAFKA_ERROR_IS_OWN (KAFKA_ERROR_TXN_REQUIRES_ABORT));
}

/* A code this version does not know is KAFKA_ERROR_UNKNOWN. */
static void
test_unknown_codes (void)
{
  g_assert_cmpint (kafka_error_from_rd (RD_KAFKA_RESP_ERR__BEGIN), ==, KAFKA_ERROR_UNKNOWN);
  g_assert_cmpint (kafka_error_from_rd (RD_KAFKA_RESP_ERR__END), ==, KAFKA_ERROR_UNKNOWN);
  g_assert_cmpint (kafka_error_from_rd (RD_KAFKA_RESP_ERR_END_ALL), ==, KAFKA_ERROR_UNKNOWN);
  g_assert_cmpint (kafka_error_from_rd ((rd_kafka_resp_err_t) 5000), ==, KAFKA_ERROR_UNKNOWN);
  g_assert_cmpint (kafka_error_from_rd ((rd_kafka_resp_err_t) -5000), ==, KAFKA_ERROR_UNKNOWN);
}

/* The door: "CONTEXT: TEXT", librdkafka's text when none is given. */
static void
test_door_from_codes (void)
{
  g_autoptr(GError) with_text = kafka_error_new_rd (RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
                                                    "no such topic", "Topic “%s”", "t");
  g_autoptr(GError) without = kafka_error_new_rd (RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, "",
                                                  "Delivery %d", 3);
  g_autoptr(GError) text_only = kafka_error_new_rd_text (RD_KAFKA_RESP_ERR__TRANSPORT,
                                                         "broker down");
  g_autoptr(GError) set = NULL;

  g_assert_error (with_text, KAFKA_ERROR, KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART);
  g_assert_cmpstr (with_text->message, ==, "Topic “t”: no such topic");
  g_assert_error (without, KAFKA_ERROR, KAFKA_ERROR_MSG_TIMED_OUT);
  g_assert_true (g_str_has_prefix (without->message, "Delivery 3: "));
  g_assert_true (g_str_has_suffix (without->message,
                                   rd_kafka_err2str (RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)));
  g_assert_error (text_only, KAFKA_ERROR, KAFKA_ERROR_TRANSPORT);
  g_assert_cmpstr (text_only->message, ==, "broker down");

  kafka_set_error (&set, RD_KAFKA_RESP_ERR__STATE, "Could not %s", "go");
  g_assert_error (set, KAFKA_ERROR, KAFKA_ERROR_STATE);
  g_assert_true (g_str_has_prefix (set->message, "Could not go: "));
  kafka_set_error (NULL, RD_KAFKA_RESP_ERR__STATE, "ignored");
}

/* The door from librdkafka's error objects (librdkafka 2.0.2 offers no way
 * to make a fatal or abortable one offline: the transactions mock test
 * sees those). */
static void
test_door_from_error_objects (void)
{
  g_autoptr(GError) plain = kafka_error_new_from_rd_error (
    rd_kafka_error_new (RD_KAFKA_RESP_ERR__INVALID_ARG, "bad %s", "thing"), "Could not do");

  g_assert_error (plain, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_cmpstr (plain->message, ==, "Could not do: bad thing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/codes/librdkafka-codes-are-kafka-errors",
                   test_librdkafka_codes_are_kafka_errors);
  g_test_add_func ("/error/codes/kafka-errors-are-librdkafka-codes",
                   test_kafka_errors_are_librdkafka_codes);
  g_test_add_func ("/error/codes/unknown", test_unknown_codes);
  g_test_add_func ("/error/door/codes", test_door_from_codes);
  g_test_add_func ("/error/door/error-objects", test_door_from_error_objects);

  return g_test_run ();
}
