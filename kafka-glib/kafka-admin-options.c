/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "kafka-admin-options.h"
#include "kafka-admin-private.h"
#include "kafka-error.h"

/**
 * SECTION:kafka-admin-options
 * @Title: KafkaAdminOptions
 * @Short_description: optional settings of an admin call
 *
 * The settings a #KafkaAdminClient call may take besides its timeout, as
 * librdkafka's `rd_kafka_AdminOptions_t` and confluent-kafka-python's
 * keyword arguments hold them. Pass %NULL for the defaults. A setting left
 * at its default is not sent; a setting the call does not take (validate
 * only on kafka_admin_client_delete_groups(), say) fails the call with
 * %KAFKA_ERROR_INVALID_ARG rather than being ignored.
 *
 * Which calls take which setting:
 *
 * - #KafkaAdminOptions:operation-timeout-ms: creating and deleting topics,
 *   creating partitions, deleting records;
 * - #KafkaAdminOptions:validate-only: creating topics and partitions,
 *   altering configurations;
 * - #KafkaAdminOptions:require-stable-offsets: listing a consumer group's
 *   offsets (and lag);
 * - kafka_admin_options_set_match_consumer_group_states(): listing consumer
 *   groups;
 * - #KafkaAdminOptions:broker: any call.
 *
 * One options object may serve any number of calls; a call reads it when
 * it starts.
 */

struct _KafkaAdminOptions
{
  GObject parent_instance;

  int       operation_timeout_ms;
  gboolean  validate_only;
  gint32    broker_id;
  gboolean  require_stable_offsets;
  GArray   *states;  /* of KafkaConsumerGroupState, or NULL: all */
};

enum {
  PROP_0,
  PROP_OPERATION_TIMEOUT_MS,
  PROP_VALIDATE_ONLY,
  PROP_BROKER,
  PROP_REQUIRE_STABLE_OFFSETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KafkaAdminOptions, kafka_admin_options, G_TYPE_OBJECT)

G_STATIC_ASSERT ((int) KAFKA_CONSUMER_GROUP_STATE_EMPTY == (int) RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY);
G_STATIC_ASSERT ((int) KAFKA_CONSUMER_GROUP_STATE_STABLE == (int) RD_KAFKA_CONSUMER_GROUP_STATE_STABLE);
G_STATIC_ASSERT (sizeof (KafkaConsumerGroupState) == sizeof (rd_kafka_consumer_group_state_t));

static void
kafka_admin_options_finalize (GObject *object)
{
  KafkaAdminOptions *self = KAFKA_ADMIN_OPTIONS (object);

  g_clear_pointer (&self->states, g_array_unref);

  G_OBJECT_CLASS (kafka_admin_options_parent_class)->finalize (object);
}

static void
kafka_admin_options_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KafkaAdminOptions *self = KAFKA_ADMIN_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_OPERATION_TIMEOUT_MS:
      g_value_set_int (value, self->operation_timeout_ms);
      break;
    case PROP_VALIDATE_ONLY:
      g_value_set_boolean (value, self->validate_only);
      break;
    case PROP_BROKER:
      g_value_set_int (value, self->broker_id);
      break;
    case PROP_REQUIRE_STABLE_OFFSETS:
      g_value_set_boolean (value, self->require_stable_offsets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_admin_options_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KafkaAdminOptions *self = KAFKA_ADMIN_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_OPERATION_TIMEOUT_MS:
      kafka_admin_options_set_operation_timeout (self, g_value_get_int (value));
      break;
    case PROP_VALIDATE_ONLY:
      kafka_admin_options_set_validate_only (self, g_value_get_boolean (value));
      break;
    case PROP_BROKER:
      kafka_admin_options_set_broker (self, g_value_get_int (value));
      break;
    case PROP_REQUIRE_STABLE_OFFSETS:
      kafka_admin_options_set_require_stable_offsets (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kafka_admin_options_class_init (KafkaAdminOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kafka_admin_options_finalize;
  object_class->get_property = kafka_admin_options_get_property;
  object_class->set_property = kafka_admin_options_set_property;

  /**
   * KafkaAdminOptions:operation-timeout-ms:
   *
   * How long the controller waits for topics to be created or deleted,
   * partitions created or records deleted across the cluster before it
   * answers, in milliseconds: 0 answers as soon as the operation started;
   * -1 (the default) leaves librdkafka's default, 60 seconds. The broker
   * reports %KAFKA_ERROR_REQUEST_TIMED_OUT for an item not done by then
   * (it goes on all the same). Keep it below the call's own timeout.
   *
   * Since: 1.0
   */
  properties[PROP_OPERATION_TIMEOUT_MS] =
    g_param_spec_int ("operation-timeout-ms", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAdminOptions:validate-only:
   *
   * Whether the broker only checks the request (creating topics or
   * partitions, altering configurations) and answers as it would, without
   * doing anything.
   *
   * Since: 1.0
   */
  properties[PROP_VALIDATE_ONLY] =
    g_param_spec_boolean ("validate-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAdminOptions:broker:
   *
   * The id of the broker to send the request to, instead of the one
   * librdkafka picks (the controller, or the broker a #KafkaConfigResource
   * of type %KAFKA_RESOURCE_BROKER names); -1 (the default) lets it pick.
   *
   * Since: 1.0
   */
  properties[PROP_BROKER] =
    g_param_spec_int ("broker", NULL, NULL, -1, G_MAXINT32, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KafkaAdminOptions:require-stable-offsets:
   *
   * Whether listing a consumer group's offsets waits for the offsets of
   * open transactions to be committed or aborted (offsets sent to a
   * transaction are otherwise reported as they are).
   *
   * Since: 1.0
   */
  properties[PROP_REQUIRE_STABLE_OFFSETS] =
    g_param_spec_boolean ("require-stable-offsets", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kafka_admin_options_init (KafkaAdminOptions *self)
{
  self->operation_timeout_ms = -1;
  self->broker_id = -1;
}

/**
 * kafka_admin_options_new:
 *
 * Creates options with every setting at its default.
 *
 * Returns: (transfer full): new #KafkaAdminOptions
 *
 * Since: 1.0
 */
KafkaAdminOptions *
kafka_admin_options_new (void)
{
  return g_object_new (KAFKA_TYPE_ADMIN_OPTIONS, NULL);
}

/**
 * kafka_admin_options_get_operation_timeout:
 * @self: a #KafkaAdminOptions
 *
 * Gets #KafkaAdminOptions:operation-timeout-ms.
 *
 * Returns: the operation timeout in milliseconds, or -1 for librdkafka's
 *   default
 *
 * Since: 1.0
 */
int
kafka_admin_options_get_operation_timeout (KafkaAdminOptions *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_OPTIONS (self), -1);

  return self->operation_timeout_ms;
}

/**
 * kafka_admin_options_set_operation_timeout:
 * @self: a #KafkaAdminOptions
 * @timeout_ms: the operation timeout in milliseconds, 0 not to wait, or -1
 *   for librdkafka's default
 *
 * Sets #KafkaAdminOptions:operation-timeout-ms.
 *
 * Since: 1.0
 */
void
kafka_admin_options_set_operation_timeout (KafkaAdminOptions *self,
                                           int                timeout_ms)
{
  g_return_if_fail (KAFKA_IS_ADMIN_OPTIONS (self));
  g_return_if_fail (timeout_ms >= -1);

  if (self->operation_timeout_ms == timeout_ms)
    return;
  self->operation_timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATION_TIMEOUT_MS]);
}

/**
 * kafka_admin_options_get_validate_only:
 * @self: a #KafkaAdminOptions
 *
 * Gets #KafkaAdminOptions:validate-only.
 *
 * Returns: whether the broker only validates the request
 *
 * Since: 1.0
 */
gboolean
kafka_admin_options_get_validate_only (KafkaAdminOptions *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_OPTIONS (self), FALSE);

  return self->validate_only;
}

/**
 * kafka_admin_options_set_validate_only:
 * @self: a #KafkaAdminOptions
 * @validate_only: %TRUE to have the broker only validate the request
 *
 * Sets #KafkaAdminOptions:validate-only.
 *
 * Since: 1.0
 */
void
kafka_admin_options_set_validate_only (KafkaAdminOptions *self,
                                       gboolean           validate_only)
{
  g_return_if_fail (KAFKA_IS_ADMIN_OPTIONS (self));

  validate_only = !!validate_only;
  if (self->validate_only == validate_only)
    return;
  self->validate_only = validate_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATE_ONLY]);
}

/**
 * kafka_admin_options_get_broker:
 * @self: a #KafkaAdminOptions
 *
 * Gets #KafkaAdminOptions:broker.
 *
 * Returns: the broker id the request goes to, or -1 if librdkafka picks it
 *
 * Since: 1.0
 */
gint32
kafka_admin_options_get_broker (KafkaAdminOptions *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_OPTIONS (self), -1);

  return self->broker_id;
}

/**
 * kafka_admin_options_set_broker:
 * @self: a #KafkaAdminOptions
 * @broker_id: the id of the broker to send requests to, or -1 to let
 *   librdkafka pick it
 *
 * Sets #KafkaAdminOptions:broker.
 *
 * Since: 1.0
 */
void
kafka_admin_options_set_broker (KafkaAdminOptions *self,
                                gint32             broker_id)
{
  g_return_if_fail (KAFKA_IS_ADMIN_OPTIONS (self));
  g_return_if_fail (broker_id >= -1);

  if (self->broker_id == broker_id)
    return;
  self->broker_id = broker_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROKER]);
}

/**
 * kafka_admin_options_get_require_stable_offsets:
 * @self: a #KafkaAdminOptions
 *
 * Gets #KafkaAdminOptions:require-stable-offsets.
 *
 * Returns: whether listed offsets must be stable
 *
 * Since: 1.0
 */
gboolean
kafka_admin_options_get_require_stable_offsets (KafkaAdminOptions *self)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_OPTIONS (self), FALSE);

  return self->require_stable_offsets;
}

/**
 * kafka_admin_options_set_require_stable_offsets:
 * @self: a #KafkaAdminOptions
 * @require_stable: %TRUE to wait for the offsets of open transactions
 *
 * Sets #KafkaAdminOptions:require-stable-offsets.
 *
 * Since: 1.0
 */
void
kafka_admin_options_set_require_stable_offsets (KafkaAdminOptions *self,
                                                gboolean           require_stable)
{
  g_return_if_fail (KAFKA_IS_ADMIN_OPTIONS (self));

  require_stable = !!require_stable;
  if (self->require_stable_offsets == require_stable)
    return;
  self->require_stable_offsets = require_stable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRE_STABLE_OFFSETS]);
}

/**
 * kafka_admin_options_get_match_consumer_group_states:
 * @self: a #KafkaAdminOptions
 * @n_states: (out): the number of states
 *
 * Gets the states kafka_admin_client_list_consumer_groups() lists groups
 * in.
 *
 * Returns: (transfer none) (array length=n_states) (nullable): the states,
 *   or %NULL (with @n_states 0) for groups in any state
 *
 * Since: 1.0
 */
const KafkaConsumerGroupState *
kafka_admin_options_get_match_consumer_group_states (KafkaAdminOptions *self,
                                                     gsize             *n_states)
{
  g_return_val_if_fail (KAFKA_IS_ADMIN_OPTIONS (self), NULL);
  g_return_val_if_fail (n_states != NULL, NULL);

  *n_states = self->states ? self->states->len : 0;
  return self->states && self->states->len > 0
         ? (const KafkaConsumerGroupState *) self->states->data : NULL;
}

/**
 * kafka_admin_options_set_match_consumer_group_states:
 * @self: a #KafkaAdminOptions
 * @states: (array length=n_states) (nullable): the states
 * @n_states: the number of states
 *
 * Makes kafka_admin_client_list_consumer_groups() list only the groups in
 * one of @states (%KAFKA_CONSUMER_GROUP_STATE_STABLE and
 * %KAFKA_CONSUMER_GROUP_STATE_EMPTY, say). No state at all (the default)
 * lists every group.
 *
 * Since: 1.0
 */
void
kafka_admin_options_set_match_consumer_group_states (KafkaAdminOptions             *self,
                                                     const KafkaConsumerGroupState *states,
                                                     gsize                          n_states)
{
  g_return_if_fail (KAFKA_IS_ADMIN_OPTIONS (self));
  g_return_if_fail (states != NULL || n_states == 0);

  g_clear_pointer (&self->states, g_array_unref);
  if (n_states == 0)
    return;
  self->states = g_array_sized_new (FALSE, FALSE, sizeof (KafkaConsumerGroupState), n_states);
  g_array_append_vals (self->states, states, n_states);
}

/* librdkafka checks which settings the operation takes */
static gboolean
check_option (rd_kafka_resp_err_t   err,
              const char           *errstr,
              const char           *setting,
              const char           *op_name,
              GError              **error)
{
  if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
    return TRUE;
  g_set_error (error, KAFKA_ERROR, KAFKA_ERROR_INVALID_ARG,
               "Invalid admin option %s for %s: %s", setting, op_name,
               errstr[0] ? errstr : rd_kafka_err2str (err));
  return FALSE;
}

static gboolean
check_option_error (rd_kafka_error_t  *rderror,
                    const char        *setting,
                    const char        *op_name,
                    GError           **error)
{
  gboolean ok;

  if (rderror == NULL)
    return TRUE;
  ok = check_option (rd_kafka_error_code (rderror), rd_kafka_error_string (rderror),
                     setting, op_name, error);
  rd_kafka_error_destroy (rderror);
  return ok;
}

rd_kafka_AdminOptions_t *
kafka_admin_options_to_rd (KafkaAdminOptions    *self,
                           rd_kafka_t           *rk,
                           rd_kafka_admin_op_t   op,
                           const char           *op_name,
                           int                   timeout_ms,
                           GError              **error)
{
  rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new (rk, op);
  char errstr[512] = "";
  gboolean ok;

  ok = check_option (rd_kafka_AdminOptions_set_request_timeout (options, timeout_ms,
                                                                errstr, sizeof errstr),
                     errstr, "timeout", op_name, error);
  if (ok && self != NULL && self->operation_timeout_ms >= 0)
    ok = check_option (rd_kafka_AdminOptions_set_operation_timeout (options,
                                                                    self->operation_timeout_ms,
                                                                    errstr, sizeof errstr),
                       errstr, "operation-timeout-ms", op_name, error);
  if (ok && self != NULL && self->validate_only)
    ok = check_option (rd_kafka_AdminOptions_set_validate_only (options, TRUE,
                                                                errstr, sizeof errstr),
                       errstr, "validate-only", op_name, error);
  if (ok && self != NULL && self->broker_id >= 0)
    ok = check_option (rd_kafka_AdminOptions_set_broker (options, self->broker_id,
                                                         errstr, sizeof errstr),
                       errstr, "broker", op_name, error);
  if (ok && self != NULL && self->require_stable_offsets)
    ok = check_option_error (rd_kafka_AdminOptions_set_require_stable_offsets (options, TRUE),
                             "require-stable-offsets", op_name, error);
  if (ok && self != NULL && self->states != NULL)
    ok = check_option_error (rd_kafka_AdminOptions_set_match_consumer_group_states (
                               options, (const rd_kafka_consumer_group_state_t *) self->states->data,
                               self->states->len),
                             "match-consumer-group-states", op_name, error);
  if (!ok)
    g_clear_pointer (&options, rd_kafka_AdminOptions_destroy);
  return options;
}
