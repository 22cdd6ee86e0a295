/* TLS and SASL/SCRAM-SHA-256 against a real broker, and secrets kept out of
 * everything kafka-glib hands back. Run by run-security-tests.sh, which
 * generates the certificates, starts a broker with SSL and SASL_SSL listeners
 * and sets the variables read below.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "kafka-test-util.h"

/* What the wrapper hands over */
static struct {
  const char *ssl_bootstrap;
  const char *sasl_bootstrap;
  char       *ca;
  char       *wrong_ca;
  char       *client_key;      /* encrypted with key_password */
  char       *client_cert;
  char       *client_p12;      /* protected by keystore_password */
  const char *user;
  const char *password;
  const char *key_password;
  const char *keystore_password;
  char       *wrong_password;
} env;

static const char *
need_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set: run this test through tests/security/run-security-tests.sh "
             "(meson test --suite security), which starts a broker with TLS and SASL", name);
  return value;
}

static void
read_env (void)
{
  const char *dir = need_env ("KAFKA_SECURITY_DIR");

  env.ssl_bootstrap = need_env ("KAFKA_SSL_BOOTSTRAP_SERVERS");
  env.sasl_bootstrap = need_env ("KAFKA_SASL_SSL_BOOTSTRAP_SERVERS");
  env.user = need_env ("KAFKA_SCRAM_USER");
  env.password = need_env ("KAFKA_SCRAM_PASSWORD");
  env.key_password = need_env ("KAFKA_CLIENT_KEY_PASSWORD");
  env.keystore_password = need_env ("KAFKA_KEYSTORE_PASSWORD");
  env.ca = g_build_filename (dir, "ca.pem", NULL);
  env.wrong_ca = g_build_filename (dir, "wrong-ca.pem", NULL);
  env.client_key = g_build_filename (dir, "client.key", NULL);
  env.client_cert = g_build_filename (dir, "client.crt", NULL);
  env.client_p12 = g_build_filename (dir, "client.p12", NULL);
  /* distinctive, so that finding it anywhere means it leaked */
  env.wrong_password = g_strdup_printf ("kgsec-Wr0ng-%08x", g_random_int ());
  g_assert_true (g_file_test (env.ca, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (env.wrong_ca, G_FILE_TEST_IS_REGULAR));
}

static void
free_env (void)
{
  g_free (env.ca);
  g_free (env.wrong_ca);
  g_free (env.client_key);
  g_free (env.client_cert);
  g_free (env.client_p12);
  g_free (env.wrong_password);
}

static GHashTable *
ssl_config (const char *ca)
{
  return kt_config ("bootstrap.servers", env.ssl_bootstrap,
                    "security.protocol", "ssl",
                    "ssl.ca.location", ca,
                    NULL);
}

static GHashTable *
sasl_config (const char *password)
{
  return kt_config ("bootstrap.servers", env.sasl_bootstrap,
                    "security.protocol", "sasl_ssl",
                    "ssl.ca.location", env.ca,
                    "sasl.mechanisms", "SCRAM-SHA-256",
                    "sasl.username", env.user,
                    "sasl.password", password,
                    NULL);
}

/* ------------------------------------------------------------------------ */
/* Everything a client says: log lines, stats, errors */

typedef struct {
  GPtrArray *strings;   /* of char*: every log line, stats JSON, error message */
  GPtrArray *errors;    /* of GError*, from the error signal */
  guint      n_logs;
  guint      n_stats;
} Capture;

static void
on_log (KafkaClient *client,
        int          level,
        const char  *facility,
        const char  *message,
        Capture     *c)
{
  g_ptr_array_add (c->strings, g_strdup_printf ("%s: %s", facility, message));
  c->n_logs++;
}

static void
on_stats (KafkaClient *client,
          const char  *json,
          Capture     *c)
{
  g_ptr_array_add (c->strings, g_strdup (json));
  c->n_stats++;
}

static void
on_error (KafkaClient  *client,
          const GError *error,
          Capture      *c)
{
  g_test_message ("error signal: %s (%d)", error->message, error->code);
  g_ptr_array_add (c->strings, g_strdup (error->message));
  g_ptr_array_add (c->errors, g_error_copy (error));
}

static void
capture_init (Capture *c)
{
  c->strings = g_ptr_array_new_with_free_func (g_free);
  c->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  c->n_logs = c->n_stats = 0;
}

static void
capture_clear (Capture *c)
{
  g_clear_pointer (&c->strings, g_ptr_array_unref);
  g_clear_pointer (&c->errors, g_ptr_array_unref);
}

static void
capture_connect (gpointer  client,
                 Capture  *c)
{
  g_signal_connect (client, "log", G_CALLBACK (on_log), c);
  g_signal_connect (client, "stats", G_CALLBACK (on_stats), c);
  g_signal_connect (client, "error", G_CALLBACK (on_error), c);
}

/* The first error signal with @code, or NULL */
static const GError *
capture_find_error (Capture *c,
                    int      code)
{
  for (guint i = 0; i < c->errors->len; i++)
    {
      const GError *e = g_ptr_array_index (c->errors, i);

      if (e->domain == KAFKA_ERROR && e->code == code)
        return e;
    }
  return NULL;
}

typedef struct {
  Capture  *capture;
  int       code;
  gboolean  found;
} ErrorWait;

static void
on_error_wait (KafkaClient  *client,
               const GError *error,
               ErrorWait    *w)
{
  if (error->domain == KAFKA_ERROR && error->code == w->code)
    w->found = TRUE;
}

/* Iterates the default context until @client emitted an error signal with
 * @code (perhaps already captured). */
static const GError *
wait_error_signal (gpointer  client,
                   Capture  *c,
                   int       code)
{
  ErrorWait w = { c, code, capture_find_error (c, code) != NULL };
  gulong id = g_signal_connect (client, "error", G_CALLBACK (on_error_wait), &w);

  kt_wait_for_flag (NULL, &w.found, 30000, "an error signal with the expected code");
  g_signal_handler_disconnect (client, id);
  return capture_find_error (c, code);
}

/* A request the broker refuses fails with the cause once the client met
 * it (the TLS handshake, the SASL exchange). A first request may run out
 * of time before that, on a loaded machine: it fails with the plain
 * transport or timeout error, there being no cause to give yet. That is
 * the one other legal outcome, and asking again must give the cause. */
static gboolean
no_answer_yet (const GError *error)
{
  return g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_TRANSPORT) ||
         g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_TIMED_OUT) ||
         g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_ALL_BROKERS_DOWN);
}

/* kafka_client_list_topics() on a client the broker refuses, asked again
 * while there is no answer yet (for up to a minute): its error. */
static GError *
list_topics_refused (KafkaClient *client,
                     int          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      GError *error = NULL;
      g_autoptr(KafkaClusterMetadata) md = kafka_client_list_topics (client, NULL, timeout_ms,
                                                                      &error);

      g_assert_null (md);
      g_assert_nonnull (error);
      if (!no_answer_yet (error) || g_get_monotonic_time () > deadline)
        return error;
      g_test_message ("list_topics: %s (no answer yet: again)", error->message);
      g_error_free (error);
    }
}

/* ------------------------------------------------------------------------ */
/* Round trips */

static void
on_list_topics (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GError **error = data;
  g_autoptr(KafkaClusterMetadata) md = NULL;

  md = kafka_client_list_topics_finish (KAFKA_CLIENT (source), result, error);
  g_assert_true ((md != NULL) == (*error == NULL));
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no error (metadata came)");
}

/* Produces one message with the producer config @pconf, consumes it back
 * with @cconf: the whole path of a client through the secured listener. */
static void
round_trip (GHashTable *pconf,
            GHashTable *cconf,
            const char *expected_bootstrap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(KafkaConsumer) consumer = NULL;
  g_autoptr(KafkaClusterMetadata) md = NULL;
  g_autoptr(GPtrArray) assignment = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *topic = kt_unique_topic ("security");
  g_autofree char *value = g_strdup_printf ("over TLS %08x", g_random_int ());
  g_autofree char *broker = NULL;
  KafkaBrokerMetadata *b;
  KtDeliveries deliveries;
  gint64 deadline;
  gboolean got = FALSE;

  producer = kafka_producer_new (pconf, &error);
  g_assert_no_error (error);
  kt_deliveries_init (&deliveries);
  g_signal_connect (producer, "delivery", G_CALLBACK (kt_on_delivery), &deliveries);

  md = kafka_client_list_topics (KAFKA_CLIENT (producer), NULL, 30000, &error);
  g_assert_no_error (error);
  /* the broker answered on the secured listener, and advertises it */
  g_assert_cmpuint (kafka_cluster_metadata_get_brokers (md)->len, ==, 1);
  b = g_ptr_array_index (kafka_cluster_metadata_get_brokers (md), 0);
  broker = g_strdup_printf ("%s:%u", kafka_broker_metadata_get_host (b),
                            kafka_broker_metadata_get_port (b));
  g_assert_cmpstr (broker, ==, expected_bootstrap);

  g_assert_true (kafka_producer_produce (producer, topic, 0, (const guint8 *) "k", 1,
                                         (const guint8 *) value, strlen (value),
                                         NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (producer, 30000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deliveries.messages->len, ==, 1);
  g_assert_no_error ((GError *) kafka_message_get_error (g_ptr_array_index (deliveries.messages, 0)));
  g_assert_cmpint (kafka_message_get_offset (g_ptr_array_index (deliveries.messages, 0)), ==, 0);

  consumer = kafka_consumer_new (cconf, &error);
  g_assert_no_error (error);
  g_ptr_array_add (assignment, kafka_topic_partition_new (topic, 0, KAFKA_OFFSET_BEGINNING));
  g_assert_true (kafka_consumer_assign (consumer, assignment, &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (!got && g_get_monotonic_time () < deadline)
    {
      g_autoptr(KafkaMessage) m = kafka_consumer_poll (consumer, 200, &error);
      const guint8 *data;
      gsize len;

      g_assert_no_error (error);
      if (m == NULL)
        continue;
      g_assert_no_error ((GError *) kafka_message_get_error (m));
      data = kafka_message_get_value (m, &len);
      g_assert_cmpmem (data, len, value, strlen (value));
      got = TRUE;
    }
  g_assert_true (got);
  g_assert_true (kafka_consumer_close (consumer, &error));
  g_assert_no_error (error);

  kt_deliveries_clear (&deliveries);
}

static void
test_tls_round_trip (void)
{
  g_autoptr(GHashTable) pconf = ssl_config (env.ca);
  g_autoptr(GHashTable) cconf = ssl_config (env.ca);

  g_hash_table_insert (cconf, g_strdup ("group.id"), g_strdup ("kg-security-tls"));
  round_trip (pconf, cconf, env.ssl_bootstrap);
}

static void
test_sasl_round_trip (void)
{
  g_autoptr(GHashTable) pconf = sasl_config (env.password);
  g_autoptr(GHashTable) cconf = sasl_config (env.password);

  g_hash_table_insert (cconf, g_strdup ("group.id"), g_strdup ("kg-security-sasl"));
  round_trip (pconf, cconf, env.sasl_bootstrap);
}

/* ------------------------------------------------------------------------ */
/* Refusals: a GError from a blocking and an async call, and an error signal,
 * all with a code that says what went wrong */

static void
check_refused (GHashTable *config,
               int         code,
               const char *must_mention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(KafkaProducer) producer = NULL;
  g_autoptr(KafkaProducer) producer2 = NULL;
  const GError *signalled;
  gint64 deadline;
  Capture c, c2;

  capture_init (&c);
  capture_init (&c2);

  /* blocking, on the thread that owns the client, no main loop running */
  producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  capture_connect (producer, &c);
  error = list_topics_refused (KAFKA_CLIENT (producer), 5000);
  g_test_message ("list_topics: %s (%d)", error->message, error->code);
  g_assert_error (error, KAFKA_ERROR, code);
  g_assert_nonnull (strstr (error->message, must_mention));
  /* and the error signal, with the same code */
  signalled = wait_error_signal (producer, &c, code);
  g_assert_nonnull (strstr (signalled->message, must_mention));
  g_clear_error (&error);

  /* another blocking request, with the same answer (the cause is known
   * now: no other outcome) */
  g_assert_false (kafka_client_get_watermark_offsets (KAFKA_CLIENT (producer), "kg-security",
                                                      0, FALSE, 3000, NULL, NULL, &error));
  g_test_message ("get_watermark_offsets: %s (%d)", error->message, error->code);
  g_assert_error (error, KAFKA_ERROR, code);
  g_assert_nonnull (strstr (error->message, must_mention));
  g_clear_error (&error);

  /* async, while the main loop runs */
  producer2 = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  capture_connect (producer2, &c2);
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  do
    {
      if (async_error != NULL)
        g_test_message ("list_topics_async: %s (no answer yet: again)", async_error->message);
      g_clear_error (&async_error);
      kafka_client_list_topics_async (KAFKA_CLIENT (producer2), NULL, 5000, NULL,
                                      on_list_topics, &async_error);
      while (async_error == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  while (no_answer_yet (async_error) && g_get_monotonic_time () < deadline);
  g_test_message ("list_topics_async: %s (%d)", async_error->message, async_error->code);
  g_assert_error (async_error, KAFKA_ERROR, code);
  g_assert_nonnull (strstr (async_error->message, must_mention));
  g_assert_nonnull (capture_find_error (&c2, code));

  /* a consumer that only polls (no main loop) gets the error signal from
   * its poll(), and no message */
  {
    g_autoptr(GHashTable) cconf = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(KafkaConsumer) consumer = NULL;
    g_autofree char *topic = kt_unique_topic ("refused");
    const char *topics[] = { topic, NULL };
    GHashTableIter iter;
    gpointer k, v;
    Capture c3;

    g_hash_table_iter_init (&iter, config);
    while (g_hash_table_iter_next (&iter, &k, &v))
      g_hash_table_insert (cconf, g_strdup (k), g_strdup (v));
    g_hash_table_insert (cconf, g_strdup ("group.id"), g_strdup ("kg-security-refused"));
    capture_init (&c3);
    deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
    consumer = kafka_consumer_new (cconf, &error);
    g_assert_no_error (error);
    capture_connect (consumer, &c3);
    g_assert_true (kafka_consumer_subscribe (consumer, topics, &error));
    g_assert_no_error (error);
    while (capture_find_error (&c3, code) == NULL && g_get_monotonic_time () < deadline)
      {
        g_autoptr(KafkaMessage) m = kafka_consumer_poll (consumer, 200, &error);

        g_assert_no_error (error);
        g_assert_null (m);
      }
    g_assert_nonnull (capture_find_error (&c3, code));
    g_assert_nonnull (strstr (capture_find_error (&c3, code)->message, must_mention));
    g_signal_handlers_disconnect_by_data (consumer, &c3);
    capture_clear (&c3);
  }

  capture_clear (&c);
  capture_clear (&c2);
}

static void
test_tls_wrong_ca (void)
{
  g_autoptr(GHashTable) config = ssl_config (env.wrong_ca);

  check_refused (config, KAFKA_ERROR_SSL, "certificate verify failed");
}

static void
test_sasl_wrong_password (void)
{
  g_autoptr(GHashTable) config = sasl_config (env.wrong_password);

  check_refused (config, KAFKA_ERROR_AUTHENTICATION, "invalid credentials");
}

/* The error signal emitted from inside a blocking list_topics() may drop the
 * application's last reference: the call still returns its error, and the
 * client goes away after it (ASan and valgrind check the rest). */
typedef struct {
  KafkaProducer *producer;
  guint          weak_gone;
} UnrefInHandler;

static void
on_error_unref (KafkaClient    *client,
                const GError   *error,
                UnrefInHandler *u)
{
  if (g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_AUTHENTICATION))
    g_clear_object (&u->producer);
}

static void
on_weak_notify (gpointer  data,
                GObject  *where)
{
  ((UnrefInHandler *) data)->weak_gone++;
}

static void
test_sasl_unref_in_error_handler (void)
{
  g_autoptr(GHashTable) config = sasl_config (env.wrong_password);
  g_autoptr(GError) error = NULL;
  UnrefInHandler u = { NULL, 0 };

  u.producer = kafka_producer_new (config, &error);
  g_assert_no_error (error);
  g_object_weak_ref (G_OBJECT (u.producer), on_weak_notify, &u);
  g_signal_connect (u.producer, "error", G_CALLBACK (on_error_unref), &u);

  error = list_topics_refused (KAFKA_CLIENT (u.producer), 5000);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_AUTHENTICATION);
  /* the handler ran inside the call, and the client is gone once it returned */
  g_assert_null (u.producer);
  g_assert_cmpuint (u.weak_gone, ==, 1);
}

/* ------------------------------------------------------------------------ */
/* Secrets */

static void
assert_redacted (KafkaClient *client,
                 const char  *key)
{
  g_autoptr(GHashTable) config = kafka_client_get_config (client);
  g_autoptr(GHashTable) property = NULL;

  g_assert_cmpstr (g_hash_table_lookup (config, key), ==, "[redacted]");
  g_object_get (client, "config", &property, NULL);
  g_assert_cmpstr (g_hash_table_lookup (property, key), ==, "[redacted]");
}

/* How many of @strings contain @needle */
static guint
count_containing (GPtrArray  *strings,
                  const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < strings->len; i++)
    if (strstr (g_ptr_array_index (strings, i), needle) != NULL)
      n++;
  return n;
}

static void
assert_secret_absent (GPtrArray  *strings,
                      const char *secret,
                      const char *what)
{
  g_assert_cmpuint (strlen (secret), >=, 8);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *s = g_ptr_array_index (strings, i);

      if (strstr (s, secret) != NULL)
        g_error ("the %s leaked in: %s", what, s);
    }
}

/* The search itself finds a secret where there is one */
static void
assert_search_works (GHashTable *config,
                     const char *key)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, config);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_ptr_array_add (strings, g_strdup_printf ("%s=%s", (char *) k, (char *) v));
  g_assert_cmpuint (count_containing (strings, g_hash_table_lookup (config, key)), ==, 1);
}

/* A middle line of the base64 body of a PEM file */
static char *
pem_body_line (const char *pem)
{
  g_auto(GStrv) lines = g_strsplit (pem, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 4);
  return g_strdup (lines[n / 2]);
}

static void
add_config_strings (GPtrArray   *strings,
                    KafkaClient *client)
{
  g_autoptr(GHashTable) config = kafka_client_get_config (client);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, config);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (strings, g_strdup_printf ("%s=%s", (char *) key, (char *) value));
}

static void
test_secrets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_pem = NULL, *cert_pem = NULL, *key_line = NULL;
  g_autoptr(GHashTable) conf_a = sasl_config (env.password);
  g_autoptr(GHashTable) conf_b = ssl_config (env.ca);
  g_autoptr(GHashTable) conf_c = sasl_config (env.wrong_password);
  g_autoptr(KafkaProducer) a = NULL, b = NULL, c = NULL;
  g_autoptr(KafkaClusterMetadata) md = NULL;
  g_autofree char *topic = kt_unique_topic ("secrets");
  GPtrArray *all;
  Capture cap;

  g_assert_true (g_file_get_contents (env.client_key, &key_pem, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (env.client_cert, &cert_pem, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (key_pem, "ENCRYPTED PRIVATE KEY"));
  key_line = pem_body_line (key_pem);

  capture_init (&cap);
  all = cap.strings;

  /* a: SASL with the right password, and a client key in PEM, encrypted */
  g_hash_table_insert (conf_a, g_strdup ("ssl.key.pem"), g_strdup (key_pem));
  g_hash_table_insert (conf_a, g_strdup ("ssl.key.password"), g_strdup (env.key_password));
  g_hash_table_insert (conf_a, g_strdup ("ssl.certificate.pem"), g_strdup (cert_pem));
  /* b: TLS with a PKCS#12 keystore */
  g_hash_table_insert (conf_b, g_strdup ("ssl.keystore.location"), g_strdup (env.client_p12));
  g_hash_table_insert (conf_b, g_strdup ("ssl.keystore.password"), g_strdup (env.keystore_password));
  /* everything librdkafka can say, and stats */
  for (GHashTable **conf = (GHashTable *[]) { conf_a, conf_b, conf_c, NULL }; *conf; conf++)
    {
      g_hash_table_insert (*conf, g_strdup ("debug"), g_strdup ("all"));
      g_hash_table_insert (*conf, g_strdup ("log_level"), g_strdup ("7"));
      g_hash_table_insert (*conf, g_strdup ("statistics.interval.ms"), g_strdup ("100"));
    }

  a = kafka_producer_new (conf_a, &error);
  g_assert_no_error (error);
  capture_connect (a, &cap);
  b = kafka_producer_new (conf_b, &error);
  g_assert_no_error (error);
  capture_connect (b, &cap);
  c = kafka_producer_new (conf_c, &error);
  g_assert_no_error (error);
  capture_connect (c, &cap);

  /* the config as read back */
  assert_redacted (KAFKA_CLIENT (a), "sasl.password");
  assert_redacted (KAFKA_CLIENT (a), "ssl.key.password");
  assert_redacted (KAFKA_CLIENT (a), "ssl.key.pem");
  assert_redacted (KAFKA_CLIENT (b), "ssl.keystore.password");
  assert_redacted (KAFKA_CLIENT (c), "sasl.password");
  add_config_strings (all, KAFKA_CLIENT (a));
  add_config_strings (all, KAFKA_CLIENT (b));
  add_config_strings (all, KAFKA_CLIENT (c));

  /* a and b work */
  md = kafka_client_list_topics (KAFKA_CLIENT (a), NULL, 30000, &error);
  g_assert_no_error (error);
  g_clear_object (&md);
  md = kafka_client_list_topics (KAFKA_CLIENT (b), NULL, 30000, &error);
  g_assert_no_error (error);
  g_clear_object (&md);
  g_assert_true (kafka_producer_produce (a, topic, KAFKA_PARTITION_UA, NULL, 0,
                                         (const guint8 *) "x", 1, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (kafka_producer_flush (a, 30000, &error));
  g_assert_no_error (error);

  /* c fails: its error, as a GError and as a signal */
  error = list_topics_refused (KAFKA_CLIENT (c), 3000);
  g_assert_error (error, KAFKA_ERROR, KAFKA_ERROR_AUTHENTICATION);
  g_ptr_array_add (all, g_strdup (error->message));
  g_clear_error (&error);
  wait_error_signal (c, &cap, KAFKA_ERROR_AUTHENTICATION);

  /* stats from all three */
  kt_wait_for_count (NULL, &cap.n_stats, 6, 30000, "stats");

  g_test_message ("%u log lines, %u stats, %u error signals, %u strings in all",
                  cap.n_logs, cap.n_stats, cap.errors->len, all->len);
  /* librdkafka did talk about security, and logged the configuration
   * (debug=all includes its dump, secrets redacted), else the check below
   * would prove little */
  g_assert_cmpuint (cap.n_logs, >, 100);
  g_assert_cmpuint (count_containing (all, "SCRAM"), >, 0);
  g_assert_cmpuint (count_containing (all, "sasl.password = [redacted]"), >=, 2);
  g_assert_cmpuint (count_containing (all, "ssl.key.pem = [redacted]"), >=, 1);
  assert_search_works (conf_a, "sasl.password");
  assert_search_works (conf_b, "ssl.keystore.password");

  assert_secret_absent (all, env.password, "SASL password");
  assert_secret_absent (all, env.wrong_password, "wrong SASL password");
  assert_secret_absent (all, env.key_password, "ssl.key.password");
  assert_secret_absent (all, env.keystore_password, "ssl.keystore.password");
  assert_secret_absent (all, key_line, "ssl.key.pem");

  /* nothing more may come in after the checks */
  g_signal_handlers_disconnect_by_data (a, &cap);
  g_signal_handlers_disconnect_by_data (b, &cap);
  g_signal_handlers_disconnect_by_data (c, &cap);
  capture_clear (&cap);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  read_env ();

  g_test_add_func ("/security/tls/round-trip", test_tls_round_trip);
  g_test_add_func ("/security/tls/wrong-ca", test_tls_wrong_ca);
  g_test_add_func ("/security/sasl/round-trip", test_sasl_round_trip);
  g_test_add_func ("/security/sasl/wrong-password", test_sasl_wrong_password);
  g_test_add_func ("/security/sasl/unref-in-error-handler", test_sasl_unref_in_error_handler);
  g_test_add_func ("/security/secrets", test_secrets);

  ret = g_test_run ();
  free_env ();
  return ret;
}
