/* KafkaTopicPartition, offline: its fields and properties, and the one
 * check of topic names (private, so built from the library's sources).
 * The conversion of lists is in test-topic-partition-lists.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"

static void
test_fields (void)
{
  g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new ("events", 3, 42);
  g_autoptr(GError) error = g_error_new_literal (KAFKA_ERROR, KAFKA_ERROR_NOT_COORDINATOR,
                                                 "not the coordinator");

  g_assert_cmpstr (kafka_topic_partition_get_topic (tp), ==, "events");
  g_assert_cmpint (kafka_topic_partition_get_partition (tp), ==, 3);
  g_assert_cmpint (kafka_topic_partition_get_offset (tp), ==, 42);
  g_assert_null (kafka_topic_partition_get_metadata (tp));
  g_assert_cmpint (kafka_topic_partition_get_leader_epoch (tp), ==, -1);
  g_assert_null (kafka_topic_partition_get_error (tp));

  kafka_topic_partition_set_offset (tp, KAFKA_OFFSET_END);
  kafka_topic_partition_set_metadata (tp, "checkpoint");
  kafka_topic_partition_set_leader_epoch (tp, 7);
  g_assert_cmpint (kafka_topic_partition_get_offset (tp), ==, KAFKA_OFFSET_END);
  g_assert_cmpstr (kafka_topic_partition_get_metadata (tp), ==, "checkpoint");
  g_assert_cmpint (kafka_topic_partition_get_leader_epoch (tp), ==, 7);

  /* the partition keeps a copy of its error */
  kafka_topic_partition_set_error (tp, error);
  g_assert_true (kafka_topic_partition_get_error (tp) != error);
  g_assert_error ((GError *) kafka_topic_partition_get_error (tp), KAFKA_ERROR,
                  KAFKA_ERROR_NOT_COORDINATOR);
  g_assert_cmpstr (kafka_topic_partition_get_error (tp)->message, ==, "not the coordinator");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

/* The properties say the same as the accessors, and notify only on change. */
static void
test_properties (void)
{
  g_autoptr(KafkaTopicPartition) tp = kafka_topic_partition_new ("t", 0, 5);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *topic = NULL;
  g_autofree char *metadata = NULL;
  gint64 offset = 0;
  int partition = -2, epoch = -2;

  g_signal_connect (tp, "notify", G_CALLBACK (on_notify), names);
  g_object_set (tp, "offset", (gint64) 9, "metadata", "m", "leader-epoch", 3, NULL);
  g_object_get (tp, "topic", &topic, "partition", &partition, "offset", &offset,
                "metadata", &metadata, "leader-epoch", &epoch, NULL);
  g_assert_cmpstr (topic, ==, "t");
  g_assert_cmpint (partition, ==, 0);
  g_assert_cmpint (offset, ==, 9);
  g_assert_cmpstr (metadata, ==, "m");
  g_assert_cmpint (epoch, ==, 3);
  g_assert_cmpuint (names->len, ==, 3);

  kafka_topic_partition_set_leader_epoch (tp, 3);
  g_assert_cmpuint (names->len, ==, 3);
}

static void
test_topic_names (void)
{
  g_autofree char *t249 = g_strnfill (249, 'a');
  g_autofree char *t250 = g_strnfill (250, 'a');
  const char *good[] = { "a", "Az09._-x", "..a", t249 };
  const char *bad[] = { "", ".", "..", "a b", "x/y", "caf\xc3\xa9", "a:b", t250 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kafka_topic_name_check (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kafka_topic_name_check (bad[i], &error));
      g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
      g_assert_true (g_str_has_prefix (error->message, "Invalid topic name"));
      g_assert_false (kafka_topic_name_check (bad[i], NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topic-partition/fields", test_fields);
  g_test_add_func ("/topic-partition/properties", test_properties);
  g_test_add_func ("/topic-partition/topic-names", test_topic_names);

  return g_test_run ();
}
