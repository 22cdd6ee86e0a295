/* The conversion between KafkaTopicPartition arrays and librdkafka's
 * partition lists, offline: built from the library's own sources, since
 * the conversion is private. librdkafka 2.0.2 itself merges an empty
 * metadata string into none when it copies a list, so only here can one
 * see that kafka-glib keeps them apart both ways.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "kafka-error-private.h"
#include "kafka-topic-partition-private.h"

static void
test_metadata_round_trip (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  rd_kafka_topic_partition_list_t *list;
  KafkaTopicPartition *empty = kafka_topic_partition_new ("t", 0, 5);
  KafkaTopicPartition *text = kafka_topic_partition_new ("t", 1, 6);

  kafka_topic_partition_set_metadata (empty, "");
  kafka_topic_partition_set_metadata (text, "checkpoint");
  g_ptr_array_add (in, empty);
  g_ptr_array_add (in, text);
  g_ptr_array_add (in, kafka_topic_partition_new ("t", 2, 7));

  list = kafka_topic_partition_list_to_rd (in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (list->cnt, ==, 3);
  g_assert_nonnull (list->elems[0].metadata);
  g_assert_cmpuint (list->elems[0].metadata_size, ==, 0);
  g_assert_cmpuint (list->elems[1].metadata_size, ==, strlen ("checkpoint"));
  g_assert_cmpmem (list->elems[1].metadata, list->elems[1].metadata_size, "checkpoint", 10);
  g_assert_null (list->elems[2].metadata);

  out = kafka_topic_partition_list_from_rd (list);
  rd_kafka_topic_partition_list_destroy (list);
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpstr (kafka_topic_partition_get_metadata (g_ptr_array_index (out, 0)), ==, "");
  g_assert_cmpstr (kafka_topic_partition_get_metadata (g_ptr_array_index (out, 1)), ==, "checkpoint");
  g_assert_null (kafka_topic_partition_get_metadata (g_ptr_array_index (out, 2)));
  for (guint i = 0; i < out->len; i++)
    {
      KafkaTopicPartition *tp = g_ptr_array_index (out, i);

      g_assert_cmpstr (kafka_topic_partition_get_topic (tp), ==, "t");
      g_assert_cmpint (kafka_topic_partition_get_partition (tp), ==, (gint32) i);
      g_assert_cmpint (kafka_topic_partition_get_offset (tp), ==, 5 + i);
    }
}

static void
unref_unless_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
test_bad_elements (void)
{
  g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func (unref_unless_null);
  g_autoptr(GError) error = NULL;

  /* NULL and empty arrays are empty lists */
  {
    rd_kafka_topic_partition_list_t *list = kafka_topic_partition_list_to_rd (NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (list->cnt, ==, 0);
    rd_kafka_topic_partition_list_destroy (list);
  }

  g_ptr_array_add (in, kafka_topic_partition_new ("t", 0, 0));
  g_ptr_array_add (in, NULL);
  g_assert_null (kafka_topic_partition_list_to_rd (in, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "Element 1"));
  g_clear_error (&error);

  /* something else than a partition */
  g_ptr_array_index (in, 1) = g_object_new (G_TYPE_OBJECT, NULL);
  g_assert_false (kafka_topic_partition_list_check (in, &error));
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG);
  g_assert_nonnull (strstr (error->message, "not a KafkaTopicPartition"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topic-partition/lists/metadata-round-trip", test_metadata_round_trip);
  g_test_add_func ("/topic-partition/lists/bad-elements", test_bad_elements);

  return g_test_run ();
}
