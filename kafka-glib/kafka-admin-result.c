/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-private.h"
#include "kafka-admin-result.h"
#include "kafka-error-private.h"
#include "kafka-error.h"

/**
 * SECTION:kafka-admin-result
 * @Title: KafkaAdminResult
 * @Short_description: the outcome of an admin call for one item
 *
 * What a #KafkaAdminClient call answers for each topic or group it was
 * given (kafka_admin_client_create_topics(), kafka_admin_client_delete_topics(),
 * kafka_admin_client_create_partitions(), kafka_admin_client_delete_groups()):
 * the item's name and, if it failed, its error. Results come in the order
 * of the items asked about; one item failing does not hide the others'
 * outcomes. Read-only.
 */

struct _KafkaAdminResult
{
  GObject parent_instance;

  char   *name;
  GError *error;
};

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaAdminResult, kafka_admin_result, G_TYPE_OBJECT)

static void
kafka_admin_result_finalize (GObject *object)
{
  KafkaAdminResult *self = KAFKA_ADMIN_RESULT (object);

  g_free (self->name);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kafka_admin_result_parent_class)->finalize (object);
}

static void
kafka_admin_result_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KafkaAdminResult *self = KAFKA_ADMIN_RESULT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_admin_result_class_init (KafkaAdminResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_admin_result_finalize;
  object_class->get_property = kafka_admin_result_get_property;

  /**
   * KafkaAdminResult:name:
   *
   * The topic or group the result is about.
   *
   * Since: 1.0
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_admin_result_init (KafkaAdminResult *self)
{
}

KafkaAdminResult *
kafka_admin_result_new (const char *name,
                        GError     *error)
{
  KafkaAdminResult *self = g_object_new (KAFKA_TYPE_ADMIN_RESULT, NULL);

  self->name = g_strdup (name);
  self->error = error;
  return self;
}

/**
 * kafka_admin_result_get_name:
 * @self: a #KafkaAdminResult
 *
 * Gets #KafkaAdminResult:name.
 *
 * Returns: (transfer none): the name
 *
 * Since: 1.0
 */
const char *
kafka_admin_result_get_name (KafkaAdminResult *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_RESULT (self), NULL);

  return self->name;
}

/**
 * kafka_admin_result_get_error:
 * @self: a #KafkaAdminResult
 *
 * Gets the error of the item: %NULL if the call did what it was asked for
 * it, or why not (%KAFKA_ERROR_TOPIC_ALREADY_EXISTS,
 * %KAFKA_ERROR_UNKNOWN_TOPIC_OR_PART,
 * %KAFKA_ERROR_INVALID_REPLICATION_FACTOR, %KAFKA_ERROR_GROUP_ID_NOT_FOUND,
 * %KAFKA_ERROR_NON_EMPTY_GROUP…), with the broker's explanation when it gave
 * one.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL on success
 *
 * Since: 1.0
 */
const GError *
kafka_admin_result_get_error (KafkaAdminResult *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_RESULT (self), NULL);

  return self->error;
}
