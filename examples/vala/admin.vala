/* kafka-glib example in Vala: administer a cluster with KafkaAdminClient and
 * `yield`.
 *
 * Creates a topic, puts a few messages in it and commits offsets for a
 * consumer group (from outside the group), then lists the cluster's topics
 * and its consumer groups with their lag, and deletes the group and the
 * topic again, in one coroutine on the main loop. Every call answers item
 * by item: an item's failure comes as a GLib.Error on its result, a failure
 * of the whole call as an exception.
 *
 * It needs a real broker: librdkafka's mock cluster has no admin API.
 *
 *   kafka-glib-admin-vala --bootstrap-servers HOST:PORT
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
using Kafka;

const int TIMEOUT_MS = 30000;
const int PARTITIONS = 3;

string? opt_bootstrap = null;

const OptionEntry[] OPTIONS = {
    { "bootstrap-servers", 'b', OptionFlags.NONE, OptionArg.STRING, ref opt_bootstrap,
      "Brokers to connect to (default: $KAFKA_BOOTSTRAP_SERVERS)", "HOST:PORT" },
    { null }
};

/* Prints each item's outcome; true if none failed */
bool report (string what, GenericArray<weak AdminResult> results) {
    bool ok = true;
    results.foreach ((r) => {
        if (r.get_error () != null) {
            printerr ("%s: %s\n", what, r.get_error ().message);
            ok = false;
        } else {
            print ("%s: %s\n", what, r.get_name ());
        }
    });
    return ok;
}

string state_nick (ConsumerGroupState state) {
    var klass = (EnumClass) typeof (ConsumerGroupState).class_ref ();
    unowned EnumValue? value = klass.get_value (state);
    return value != null ? value.value_nick : "?";
}

/* Each partition has its own outcome: a call that succeeds may still have
 * failed for some. The first group of a new cluster makes the broker create
 * and load its offsets topic, and meanwhile it answers with a retriable
 * error (the coordinator is loading or moving): ask again, up to TIMEOUT_MS. */
async bool commit_group_offsets (AdminClient admin, string group,
                                 GenericArray<TopicPartition> offsets) throws GLib.Error {
    var deadline = GLib.get_monotonic_time () + TIMEOUT_MS * 1000;
    for (;;) {
        var results = yield admin.alter_consumer_group_offsets_async (group, offsets, null, TIMEOUT_MS, null);
        TopicPartition? failed = null;
        results.foreach ((r) => {
            if (failed == null && r.get_error () != null)
                failed = r;
        });
        if (failed == null) {
            print ("committed offsets for group %s\n", group);
            return true;
        }
        if (!Kafka.Errors.is_retriable (failed.get_error ()) || GLib.get_monotonic_time () >= deadline) {
            printerr ("could not commit for %s, %s [%d]: %s\n", group, failed.get_topic (),
                      failed.get_partition (), failed.get_error ().message);
            return false;
        }
        Timeout.add (200, commit_group_offsets.callback);
        yield;
    }
}

async bool run (string bootstrap) throws GLib.Error {
    var suffix = Uuid.string_random ().substring (0, 8);
    var topic = "kafka-glib-admin-vala-" + suffix;
    var group = "kafka-glib-admin-vala-group-" + suffix;
    var config = new HashTable<string, string> (str_hash, str_equal);
    config["bootstrap.servers"] = bootstrap;
    var admin = new AdminClient (config);
    bool ok = true;

    /* a topic of three partitions, kept a day */
    var new_topic = new NewTopic (topic, PARTITIONS, 1);
    new_topic.set_config ("retention.ms", "86400000");
    var new_topics = new GenericArray<NewTopic> ();
    new_topics.add (new_topic);
    if (!report ("created topic", yield admin.create_topics_async (new_topics, null, TIMEOUT_MS, null)))
        return false;

    var producer = new Producer (config);
    for (int i = 0; i < 10; i++)
        producer.produce (topic, i % PARTITIONS, null, "hello".data, null, 0);
    yield producer.flush_async (TIMEOUT_MS, null);

    /* the group "read" one message of each partition */
    var offsets = new GenericArray<TopicPartition> ();
    for (int p = 0; p < PARTITIONS; p++)
        offsets.add (new TopicPartition (topic, p, 1));
    ok = (yield commit_group_offsets (admin, group, offsets)) && ok;

    var md = yield admin.list_topics_async (null, TIMEOUT_MS, null);
    print ("topics (%u):\n", md.get_topics ().length);
    md.get_topics ().foreach ((t) => {
        print ("  %s: %u partitions\n", t.get_name (), t.get_partitions ().length);
    });

    var listed = yield admin.list_consumer_groups_async (null, TIMEOUT_MS, null);
    listed.get_errors ().foreach ((e) => printerr ("  (%s)\n", e.message));
    var groups = listed.get_groups ();
    print ("consumer groups (%u):\n", groups.length);
    for (uint i = 0; i < groups.length; i++) {
        var id = groups[i].get_group_id ();
        var state = state_nick (groups[i].get_state ());
        try {
            var lags = yield admin.list_consumer_group_lag_async (id, null, null, TIMEOUT_MS, null);
            int64 total = 0;
            lags.foreach ((l) => { total += int64.max (l.get_lag (), 0); });
            print ("  %s (%s): lag %lld\n", id, state, total);
            lags.foreach ((l) => {
                if (l.get_error () != null)
                    print ("    %s [%d]: %s\n", l.get_topic (), l.get_partition (), l.get_error ().message);
                else
                    print ("    %s [%d]: committed %lld, end %lld, lag %lld\n", l.get_topic (), l.get_partition (),
                           l.get_committed_offset (), l.get_high_watermark (), l.get_lag ());
            });
        } catch (GLib.Error e) {
            print ("  %s (%s): %s\n", id, state, e.message);
        }
    }

    ok = report ("deleted group", yield admin.delete_groups_async ({ group }, null, TIMEOUT_MS, null)) && ok;
    ok = report ("deleted topic", yield admin.delete_topics_async ({ topic }, null, TIMEOUT_MS, null)) && ok;
    return ok;
}

int main (string[] args) {
    try {
        var context = new OptionContext ("- administer a Kafka cluster with kafka-glib");
        context.add_main_entries (OPTIONS, null);
        context.parse (ref args);
    } catch (OptionError e) {
        printerr ("%s\n", e.message);
        return 2;
    }
    var bootstrap = opt_bootstrap ?? Environment.get_variable ("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrap == null) {
        printerr ("kafka-glib-admin-vala needs a broker (--bootstrap-servers HOST:PORT): the embedded "
                  + "mock cluster has no admin API. tests/broker/kafka-broker.sh start runs one.\n");
        return 2;
    }

    var loop = new MainLoop ();
    int status = 1;
    run.begin (bootstrap, (obj, res) => {
        try {
            status = run.end (res) ? 0 : 1;
        } catch (GLib.Error e) {
            printerr ("%s\n", e.message);
        }
        loop.quit ();
    });
    loop.run ();
    return status;
}
