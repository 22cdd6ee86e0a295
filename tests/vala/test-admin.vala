/* KafkaAdminClient from Vala, compiled against kafka-glib-1.0.vapi, against
 * the real broker (KAFKA_BOOTSTRAP_SERVERS): blocking calls with per-item
 * errors, the async calls with yield, a whole call failing into a catch,
 * and cancellation.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
using Kafka;

const int TIMEOUT_MS = 30000;

string bootstrap () {
    var servers = Environment.get_variable ("KAFKA_BOOTSTRAP_SERVERS");
    if (servers == null || servers == "")
        error ("KAFKA_BOOTSTRAP_SERVERS is not set: run tests/run-tests.sh, which starts the broker");
    return servers;
}

string unique (string prefix) {
    return "kg-vala-%s-%s".printf (prefix, Uuid.string_random ().substring (0, 12));
}

AdminClient new_admin () {
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap ();
    try {
        return new AdminClient (config);
    } catch (GLib.Error e) {
        error ("new AdminClient: %s", e.message);
    }
}

void wait_for_topic (AdminClient admin, string topic, int partitions) {
    var deadline = get_monotonic_time () + 60 * TimeSpan.SECOND;
    while (get_monotonic_time () < deadline) {
        try {
            var md = admin.list_topics (topic, 10000).get_topic (topic);
            if (md != null && md.get_error () == null && md.get_partitions ().length == partitions)
                return;
        } catch (GLib.Error e) {
            error ("list_topics: %s", e.message);
        }
        Thread.usleep (100000);
    }
    error ("%s: no %d partitions after 60 s", topic, partitions);
}

void test_blocking () {
    var admin = new_admin ();
    var good = unique ("ok");
    var bad = unique ("rf");
    var topics = new GenericArray<NewTopic> ();
    topics.add (new NewTopic (good, 2, 1));
    topics.add (new NewTopic (bad, 1, 3));
    try {
        var created = admin.create_topics (topics, null, TIMEOUT_MS);
        assert (created.length == 2);
        assert (created[0].get_name () == good && created[0].get_error () == null);
        assert (created[1].get_name () == bad);
        assert (created[1].get_error () is Kafka.Error.INVALID_REPLICATION_FACTOR);
        wait_for_topic (admin, good, 2);

        var resources = new GenericArray<ConfigResource> ();
        resources.add (new ConfigResource (ResourceType.TOPIC, good));
        var described = admin.describe_configs (resources, null, TIMEOUT_MS);
        var entry = described[0].get_entry ("cleanup.policy");
        assert (entry.get_value () == "delete");
        assert (entry.get_is_default ());

        var deleted = admin.delete_topics ({ good, bad }, null, TIMEOUT_MS);
        assert (deleted[0].get_error () == null);
        assert (deleted[1].get_error () is Kafka.Error.UNKNOWN_TOPIC_OR_PART);
    } catch (GLib.Error e) {
        error ("blocking calls: %s", e.message);
    }
    print ("ok - blocking calls, per-item errors\n");
}

async void with_yield (AdminClient admin, MainLoop loop) {
    var topic = unique ("y");
    var group = unique ("g");
    try {
        var topics = new GenericArray<NewTopic> ();
        topics.add (new NewTopic (topic, 1, 1));
        var created = yield admin.create_topics_async (topics, null, TIMEOUT_MS, null);
        assert (created[0].get_error () == null);
        wait_for_topic (admin, topic, 1);

        var config = new HashTable<string, string> (str_hash, str_equal);
        config["bootstrap.servers"] = bootstrap ();
        var producer = new Producer (config);
        for (int i = 0; i < 5; i++)
            yield producer.produce_async (topic, 0, null, "v".data, null, 0, null);

        var offsets = new GenericArray<TopicPartition> ();
        offsets.add (new TopicPartition (topic, 0, 1));
        var altered = yield admin.alter_consumer_group_offsets_async (group, offsets, null, TIMEOUT_MS, null);
        assert (altered[0].get_error () == null);
        var lags = yield admin.list_consumer_group_lag_async (group, null, null, TIMEOUT_MS, null);
        assert (lags.length == 1);
        assert (lags[0].get_committed_offset () == 1);
        assert (lags[0].get_high_watermark () == 5);
        assert (lags[0].get_lag () == 4);

        var listed = yield admin.list_consumer_groups_async (null, TIMEOUT_MS, null);
        assert (listed.get_errors ().length == 0);
        bool found = false;
        listed.get_groups ().foreach ((g) => { found = found || g.get_group_id () == group; });
        assert (found);

        var described = yield admin.describe_consumer_groups_async ({ group }, null, TIMEOUT_MS, null);
        assert (described[0].get_state () == ConsumerGroupState.EMPTY);

        var acls = new GenericArray<AclBinding> ();
        acls.add (new AclBinding (ResourceType.TOPIC, topic, ResourcePatternType.LITERAL,
                                  "User:" + unique ("u"), "*", AclOperation.READ, AclPermissionType.ALLOW));
        var acl_results = yield admin.create_acls_async (acls, null, TIMEOUT_MS, null);
        assert (acl_results[0].get_error () == null);
        var filter = new AclBinding (ResourceType.TOPIC, topic, ResourcePatternType.ANY, null, null,
                                     AclOperation.ANY, AclPermissionType.ANY);
        /* the broker learns of a new ACL from the metadata log a moment
         * after the controller answered: ask until it shows it */
        var deadline = get_monotonic_time () + 30 * TimeSpan.SECOND;
        var found_acls = yield admin.describe_acls_async (filter, null, TIMEOUT_MS, null);
        while (found_acls.length == 0 && get_monotonic_time () < deadline) {
            Timeout.add (100, with_yield.callback);
            yield;
            found_acls = yield admin.describe_acls_async (filter, null, TIMEOUT_MS, null);
        }
        assert (found_acls.length == 1);
        var filters = new GenericArray<AclBinding> ();
        filters.add (filter);
        var deleted_acls = yield admin.delete_acls_async (filters, null, TIMEOUT_MS, null);
        assert (deleted_acls[0].get_matching_acls ().length == 1);

        var deleted = yield admin.delete_groups_async ({ group }, null, TIMEOUT_MS, null);
        assert (deleted[0].get_error () == null);
    } catch (GLib.Error e) {
        error ("with yield: %s", e.message);
    }

    /* a whole call that fails throws */
    try {
        var drop = new GenericArray<TopicPartition> ();
        drop.add (new TopicPartition (topic, 0, 0));
        yield admin.delete_consumer_group_offsets_async (group, drop, null, TIMEOUT_MS, null);
        error ("deleting the offsets of a deleted group must throw");
    } catch (GLib.Error e) {
        assert (e is Kafka.Error.GROUP_ID_NOT_FOUND);
    }

    /* cancelled at once */
    var cancellable = new Cancellable ();
    GLib.Error? cancel_error = null;
    SourceFunc resume = with_yield.callback;
    admin.list_consumer_groups_async.begin (null, TIMEOUT_MS, cancellable, (obj, res) => {
        try {
            admin.list_consumer_groups_async.end (res);
        } catch (GLib.Error e) {
            cancel_error = e;
        }
        resume ();
    });
    cancellable.cancel ();
    yield;
    assert (cancel_error is IOError.CANCELLED);
}

void test_yield () {
    var admin = new_admin ();
    var loop = new MainLoop ();
    with_yield.begin (admin, loop, (obj, res) => {
        with_yield.end (res);
        loop.quit ();
    });
    loop.run ();
    print ("ok - every kind of call with yield\n");
}

int main (string[] args) {
    test_blocking ();
    test_yield ();
    return 0;
}
