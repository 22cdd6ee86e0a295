// KafkaMessageList, KafkaMessage's properties and the metadata list models
// from GJS through the built typelib, on an embedded mock cluster: what a
// GJS app's list item factories and expressions read. Exits non-zero on the
// first failed check.
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {Gio, GLib, GObject, Kafka} = imports.gi;
const System = imports.system;

let failures = 0;
function check(cond, what) {
    if (!cond) {
        printerr(`FAIL: ${what}`);
        failures++;
    }
}

function runUntil(predicate, timeoutMs, what) {
    const ctx = GLib.MainContext.default();
    let timedOut = false;
    const id = GLib.timeout_add(GLib.PRIORITY_DEFAULT, timeoutMs, () => {
        timedOut = true;
        return GLib.SOURCE_REMOVE;
    });
    while (!predicate() && !timedOut)
        ctx.iteration(true);
    if (!timedOut)
        GLib.source_remove(id);
    if (!predicate())
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const cluster = Kafka.MockCluster.new(1);
const topic = 'gjs-list-model';
cluster.create_topic(topic, 2, 1);
const bootstrap = cluster.get_bootstrap_servers();

const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'});
let delivered = 0;
producer.connect('delivery', (_p, m) => {
    check(m.get_error() === null, `delivery ${m.get_error()}`);
    delivered++;
});
const headers = Kafka.Headers.new();
headers.add('trace', encoder.encode('t-1'));
for (let i = 0; i < 10; i++)
    producer.produce(topic, 0, encoder.encode(`key-${i}`), encoder.encode(`value-${i}`), headers, 0);
producer.produce(topic, 1, null, null, null, 0);
runUntil(() => delivered === 11, 30000, 'the delivery reports');

const consumer = Kafka.Consumer.new({'bootstrap.servers': bootstrap, 'group.id': topic});
const list = Kafka.MessageList.new(consumer, 5);
check(list instanceof Gio.ListModel, 'a MessageList is a Gio.ListModel');
check(list.get_item_type() === Kafka.Message.$gtype, 'item type');
check(consumer.emit_messages === true, 'the list turns emit-messages on');
check(list.update_interval === 50, `default update-interval ${list.update_interval}`);

let changes = 0;
let notifies = 0;
list.connect('items-changed', () => changes++);
list.connect('notify::n-items', () => notifies++);
// partition 0 first, then partition 1: the two partitions' fetches arrive in
// no set order, and the checks below want the tombstone to be the newest row
consumer.assign([Kafka.TopicPartition.new(topic, 0, Kafka.OFFSET_BEGINNING)]);
runUntil(() => list.n_received === 10 && list.n_pending === 0, 30000, 'partition 0 in the list');
consumer.incremental_assign([Kafka.TopicPartition.new(topic, 1, Kafka.OFFSET_BEGINNING)]);
runUntil(() => list.n_received === 11 && list.n_pending === 0, 30000, 'eleven messages in the list');

// bounded at 5: the newest 5, the partition-0 ones by offset
check(list.get_n_items() === 5, `n-items ${list.get_n_items()}`);
check(list.n_items === 5, 'the n-items property');
check(notifies > 0 && changes > 0, 'items-changed and notify::n-items');
const items = [];
for (let i = 0; i < list.get_n_items(); i++)
    items.push(list.get_item(i));
const p0 = items.filter(m => m.partition === 0);
const tombstone = items.find(m => m.partition === 1);
for (const m of p0) {
    check(m.topic === topic, `topic ${m.topic}`);
    check(decoder.decode(m.key.toArray()) === `key-${m.offset}`, `key of ${m.offset}`);
    check(decoder.decode(m.value.toArray()) === `value-${m.offset}`, `value of ${m.offset}`);
    const [trace, found] = m.headers.get_last('trace');
    check(found && decoder.decode(trace) === 't-1', 'header');
    check(m.timestamp > 0 && m.timestamp_type === Kafka.TimestampType.CREATE_TIME, 'timestamp');
}
check(p0.length === 4 && p0[0].offset === 6 && p0[3].offset === 9, 'the newest four of partition 0, in order');
check(items[4].partition === 1, 'the tombstone is the newest row');
check(tombstone !== undefined && tombstone.key === null && tombstone.value === null &&
      tombstone.headers === null, 'a tombstone: null key, value and headers');

// the same through GObject's property machinery, as GtkExpressions read them
const first = items[0];
const v = new GObject.Value();
v.init(GObject.TYPE_INT64);
first.get_property('offset', v);
check(v.get_int64() === first.get_offset(), 'offset through get_property');

// pause: nothing changes, the property notifies
let pausedNotifies = 0;
list.connect('notify::paused', () => pausedNotifies++);
list.paused = true;
check(list.paused && pausedNotifies === 1, 'paused');
list.paused = false;
list.clear();
check(list.get_n_items() === 0, 'cleared');

// metadata: topics, then partitions, as list models
const md = producer.list_topics(null, 10000);
check(md instanceof Gio.ListModel && md.get_item_type() === Kafka.TopicMetadata.$gtype, 'metadata model');
let found = null;
for (let i = 0; i < md.get_n_items(); i++) {
    if (md.get_item(i).name === topic)
        found = md.get_item(i);
}
check(found !== null, 'the topic in the metadata model');
check(found.get_n_items() === 2 && found.n_items === 2, 'two partitions');
const ids = [found.get_item(0).id, found.get_item(1).id].sort();
check(ids[0] === 0 && ids[1] === 1, `partition ids ${ids}`);
check(found.get_item(0).leader === 1, 'leader');

consumer.close();
if (failures > 0) {
    printerr(`${failures} check(s) failed`);
    System.exit(1);
}
print('ok');
