// kafka-glib example in GJS: administer a cluster with KafkaAdminClient and
// `await`.
//
// Creates a topic, puts a few messages in it and commits offsets for a
// consumer group (from outside the group), then lists the cluster's topics
// and its consumer groups with their lag, and deletes the group and the
// topic again. Gio._promisify() turns each *_async/*_finish pair into a
// method that returns a Promise; the main loop runs meanwhile. Every call
// answers item by item: an item's failure comes as a GLib.Error on its
// result, a failure of the whole call as a rejected promise.
//
// It needs a real broker: librdkafka's mock cluster has no admin API.
//
//   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
//       gjs examples/gjs/admin.js --bootstrap-servers HOST:PORT
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {Gio, GLib, Kafka} = imports.gi;
const System = imports.system;

const TIMEOUT_MS = 30000;
const PARTITIONS = 3;

for (const call of ['create_topics', 'delete_topics', 'list_consumer_groups', 'list_consumer_group_lag',
    'alter_consumer_group_offsets', 'delete_groups'])
    Gio._promisify(Kafka.AdminClient.prototype, `${call}_async`, `${call}_finish`);
Gio._promisify(Kafka.Client.prototype, 'list_topics_async', 'list_topics_finish');
Gio._promisify(Kafka.Producer.prototype, 'flush_async', 'flush_finish');

let bootstrap = GLib.getenv('KAFKA_BOOTSTRAP_SERVERS');
for (let i = 0; i < ARGV.length; i++) {
    const m = /^--bootstrap-servers(?:=(.*))?$/.exec(ARGV[i]);
    if (m) {
        bootstrap = m[1] ?? ARGV[++i];
    } else {
        printerr(`usage: admin.js [--bootstrap-servers HOST:PORT] (default: $KAFKA_BOOTSTRAP_SERVERS)`);
        System.exit(2);
    }
}
if (!bootstrap) {
    printerr('admin.js needs a broker (--bootstrap-servers HOST:PORT): the embedded mock cluster ' +
        'has no admin API. tests/broker/kafka-broker.sh start runs one.');
    System.exit(2);
}

// Prints each item's outcome; true if none failed
function report(what, results) {
    let ok = true;
    for (const r of results) {
        if (r.get_error()) {
            printerr(`${what}: ${r.get_error().message}`);
            ok = false;
        } else {
            print(`${what}: ${r.get_name()}`);
        }
    }
    return ok;
}

// Each partition has its own outcome: a call that succeeds may still have
// failed for some. The first group of a new cluster makes the broker create
// and load its offsets topic, and meanwhile it answers with a retriable
// error (the coordinator is loading or moving): ask again, up to TIMEOUT_MS.
async function commitGroupOffsets(admin, group, offsets) {
    const deadline = GLib.get_monotonic_time() + TIMEOUT_MS * 1000;
    for (;;) {
        const results = await admin.alter_consumer_group_offsets_async(group, offsets, null, TIMEOUT_MS, null);
        const failed = results.find(r => r.get_error() !== null);
        if (!failed) {
            print(`committed offsets for group ${group}`);
            return true;
        }
        if (!Kafka.error_is_retriable(failed.get_error()) || GLib.get_monotonic_time() >= deadline) {
            printerr(`could not commit for ${group}, ${failed.get_topic()} [${failed.get_partition()}]: ${failed.get_error().message}`);
            return false;
        }
        await new Promise(resolve => GLib.timeout_add(GLib.PRIORITY_DEFAULT, 200, () => {
            resolve();
            return GLib.SOURCE_REMOVE;
        }));
    }
}

async function main() {
    const suffix = GLib.uuid_string_random().slice(0, 8);
    const topic = `kafka-glib-admin-js-${suffix}`, group = `kafka-glib-admin-js-group-${suffix}`;
    const admin = Kafka.AdminClient.new({'bootstrap.servers': bootstrap});
    let ok = true;

    // a topic of three partitions, kept a day
    const newTopic = new Kafka.NewTopic({name: topic, num_partitions: PARTITIONS, replication_factor: 1});
    newTopic.set_config('retention.ms', '86400000');
    if (!report('created topic', await admin.create_topics_async([newTopic], null, TIMEOUT_MS, null)))
        return false;

    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap});
    for (let i = 0; i < 10; i++)
        producer.produce(topic, i % PARTITIONS, null, 'hello', null, 0);
    await producer.flush_async(TIMEOUT_MS, null);

    // the group "read" one message of each partition
    const offsets = [];
    for (let p = 0; p < PARTITIONS; p++)
        offsets.push(Kafka.TopicPartition.new(topic, p, 1));
    ok = await commitGroupOffsets(admin, group, offsets) && ok;

    const md = await admin.list_topics_async(null, TIMEOUT_MS, null);
    print(`topics (${md.get_topics().length}):`);
    for (const t of md.get_topics())
        print(`  ${t.get_name()}: ${t.get_partitions().length} partitions`);

    const listed = await admin.list_consumer_groups_async(null, TIMEOUT_MS, null);
    for (const e of listed.get_errors())
        printerr(`  (${e.message})`);
    print(`consumer groups (${listed.get_groups().length}):`);
    for (const g of listed.get_groups()) {
        const state = enumNick(Kafka.ConsumerGroupState, g.state);
        try {
            const lags = await admin.list_consumer_group_lag_async(g.get_group_id(), null, null, TIMEOUT_MS, null);
            const total = lags.reduce((sum, l) => sum + Math.max(l.lag, 0), 0);
            print(`  ${g.get_group_id()} (${state}): lag ${total}`);
            for (const l of lags) {
                if (l.get_error())
                    print(`    ${l.topic} [${l.partition}]: ${l.get_error().message}`);
                else
                    print(`    ${l.topic} [${l.partition}]: committed ${l.committed_offset}, end ${l.high_watermark}, lag ${l.lag}`);
            }
        } catch (e) {
            print(`  ${g.get_group_id()} (${state}): ${e.message}`);
        }
    }

    ok = report('deleted group', await admin.delete_groups_async([group], null, TIMEOUT_MS, null)) && ok;
    ok = report('deleted topic', await admin.delete_topics_async([topic], null, TIMEOUT_MS, null)) && ok;
    return ok;
}

function enumNick(enumType, value) {
    const name = Object.keys(enumType).find(k => enumType[k] === value);
    return name ? name.toLowerCase().replace(/_/g, '-') : `${value}`;
}

const loop = new GLib.MainLoop(null, false);
let status = 1;
main().then(ok => {
    status = ok ? 0 : 1;
}).catch(e => {
    printerr(`admin.js: ${e.message}`);
}).finally(() => loop.quit());
loop.run();
System.exit(status);
