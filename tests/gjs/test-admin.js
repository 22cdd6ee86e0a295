// KafkaAdminClient from GJS through the built typelib, against the real
// broker (KAFKA_BOOTSTRAP_SERVERS): every call awaited (Gio._promisify), the
// per-item errors as GLib.Error objects, a whole call failing into a
// rejected promise, and cancellation. Exits non-zero on the first failed
// check.
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {Gio, GLib, Kafka} = imports.gi;
const System = imports.system;

let failures = 0;
function check(cond, what) {
    if (!cond) {
        printerr(`FAIL: ${what}`);
        failures++;
    }
}

const bootstrap = GLib.getenv('KAFKA_BOOTSTRAP_SERVERS');
if (!bootstrap)
    throw new Error('KAFKA_BOOTSTRAP_SERVERS is not set: run tests/run-tests.sh, which starts the broker');

const TIMEOUT_MS = 30000;

function unique(prefix) {
    return `kg-gjs-${prefix}-${GLib.uuid_string_random().slice(0, 12)}`;
}

function isKafkaError(e, code) {
    return e instanceof GLib.Error && e.matches(Kafka.error_quark(), code);
}

for (const name of ['create_topics', 'delete_topics', 'create_partitions', 'describe_configs',
    'alter_configs', 'delete_records', 'list_consumer_groups', 'describe_consumer_groups',
    'delete_groups', 'list_consumer_group_offsets', 'list_consumer_group_lag',
    'alter_consumer_group_offsets', 'delete_consumer_group_offsets', 'create_acls',
    'describe_acls', 'delete_acls'])
    Gio._promisify(Kafka.AdminClient.prototype, `${name}_async`, `${name}_finish`);

async function sleep(ms) {
    await new Promise(resolve => GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
        resolve();
        return GLib.SOURCE_REMOVE;
    }));
}

// until the metadata shows every partition with a leader: a request to a
// partition of a topic just created can otherwise meet a leader that does
// not know yet that it leads (a retriable error)
async function waitForTopic(admin, topic, partitions) {
    const deadline = GLib.get_monotonic_time() + 60 * 1000000;
    while (GLib.get_monotonic_time() < deadline) {
        const md = admin.list_topics(topic, 10000).get_topic(topic);
        if (md && md.get_error() === null && md.get_partitions().length === partitions &&
            md.get_partitions().every(p => p.get_error() === null && p.get_leader() >= 0))
            return;
        await sleep(100);
    }
    throw new Error(`${topic}: no ${partitions} partitions with a leader after 60 s`);
}

// call() again until ok(result): the broker learns of new ACLs and
// configuration values from the metadata log a moment after the controller
// answered the call that made them
async function until(call, ok, what) {
    const deadline = GLib.get_monotonic_time() + 30 * 1000000;
    for (;;) {
        const result = await call();
        if (ok(result))
            return result;
        if (GLib.get_monotonic_time() > deadline)
            throw new Error(`${what}: not there after 30 s`);
        await sleep(100);
    }
}

async function testTopicsAndConfigs(admin) {
    const good = unique('ok'), bad = unique('rf'), gone = unique('none');
    const topic = new Kafka.NewTopic({name: good, num_partitions: 2, replication_factor: 1});
    topic.set_config('retention.ms', '4444444');
    const created = await admin.create_topics_async([topic, Kafka.NewTopic.new(bad, 1, 7)], null, TIMEOUT_MS, null);
    check(created.length === 2 && created[0].get_name() === good && created[1].get_name() === bad,
        'one result per topic, in order');
    check(created[0].get_error() === null, 'created');
    check(isKafkaError(created[1].get_error(), Kafka.Error.INVALID_REPLICATION_FACTOR),
        `invalid replication factor: ${created[1].get_error()}`);
    await waitForTopic(admin, good, 2);

    const described = await until(() => admin.describe_configs_async(
        [Kafka.ConfigResource.new(Kafka.ResourceType.TOPIC, good),
            Kafka.ConfigResource.new(Kafka.ResourceType.TOPIC, gone)], null, TIMEOUT_MS, null),
    r => r[0].get_entry('retention.ms')?.value === '4444444', 'the configuration given at creation');
    const entry = described[0].get_entry('retention.ms');
    check(entry !== null && entry.value === '4444444', 'topic config given at creation');
    check(entry.source === Kafka.ConfigSource.DYNAMIC_TOPIC_CONFIG, 'dynamic topic config');
    check(isKafkaError(described[1].get_error(), Kafka.Error.UNKNOWN_TOPIC_OR_PART), 'unknown topic described');

    const change = Kafka.ConfigResource.new(Kafka.ResourceType.TOPIC, good);
    change.set_config('retention.ms', 'soon');
    const altered = await admin.alter_configs_async([change], null, TIMEOUT_MS, null);
    check(isKafkaError(altered[0].get_error(), Kafka.Error.INVALID_CONFIG), 'invalid config value');

    const parts = await admin.create_partitions_async([Kafka.NewPartitions.new(good, 1)], null, TIMEOUT_MS, null);
    check(isKafkaError(parts[0].get_error(), Kafka.Error.INVALID_PARTITIONS), 'fewer partitions refused');

    // a retriable error (the leader not ready yet) is asked again; any
    // other must be the one
    const records = await until(() => admin.delete_records_async(
        [new Kafka.TopicPartition({topic: good, partition: 0, offset: 3})], null, TIMEOUT_MS, null),
    r => r[0].get_error() === null || !Kafka.error_is_retriable(r[0].get_error()), 'a final answer to delete_records');
    check(isKafkaError(records[0].get_error(), Kafka.Error.OFFSET_OUT_OF_RANGE),
        `past the end of an empty partition: ${records[0].get_error()}`);

    const deleted = await admin.delete_topics_async([good, gone], null, TIMEOUT_MS, null);
    check(deleted[0].get_error() === null, 'deleted');
    check(isKafkaError(deleted[1].get_error(), Kafka.Error.UNKNOWN_TOPIC_OR_PART), 'unknown topic deleted');
}

async function testGroups(admin) {
    const topic = unique('lag'), group = unique('g');
    await admin.create_topics_async([Kafka.NewTopic.new(topic, 2, 1)], null, TIMEOUT_MS, null);
    await waitForTopic(admin, topic, 2);
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'});
    for (let i = 0; i < 6; i++)
        producer.produce(topic, 0, null, 'v', null, 0);
    check(producer.flush(TIMEOUT_MS), 'flush');

    const committed = await admin.alter_consumer_group_offsets_async(group,
        [Kafka.TopicPartition.new(topic, 0, 2), Kafka.TopicPartition.new(topic, 1, 0)], null, TIMEOUT_MS, null);
    check(committed[0].get_error() === null && committed[0].get_offset() === 2, 'offset committed');
    const offsets = await admin.list_consumer_group_offsets_async(group, [Kafka.TopicPartition.new(topic, 0, -1001)],
        null, TIMEOUT_MS, null);
    check(offsets.length === 1 && offsets[0].get_offset() === 2, 'offset listed');
    const lags = (await admin.list_consumer_group_lag_async(group, null, null, TIMEOUT_MS, null))
        .sort((a, b) => a.partition - b.partition);
    check(lags.length === 2 && lags[0].high_watermark === 6 && lags[0].get_lag() === 4 && lags[1].lag === 0,
        `lag ${lags.map(l => [l.committed_offset, l.high_watermark, l.lag])}`);

    const listed = await admin.list_consumer_groups_async(null, TIMEOUT_MS, null);
    check(listed.get_errors().length === 0, 'every broker listed its groups');
    const mine = listed.get_groups().filter(g => g.get_group_id() === group);
    check(mine.length === 1 && mine[0].state === Kafka.ConsumerGroupState.EMPTY, 'group listed, empty');

    const described = await admin.describe_consumer_groups_async([group], null, TIMEOUT_MS, null);
    check(described[0].get_state() === Kafka.ConsumerGroupState.EMPTY && described[0].get_members().length === 0,
        'group described');
    check(described[0].coordinator.get_id() >= 0, 'coordinator');

    // (the offsets of partition 0 stay: a group with none left is gone)
    const dropped = await admin.delete_consumer_group_offsets_async(group, [Kafka.TopicPartition.new(topic, 1, 0)],
        null, TIMEOUT_MS, null);
    check(dropped[0].get_error() === null, 'offset deleted');
    const results = await admin.delete_groups_async([group, `${group}-none`], null, TIMEOUT_MS, null);
    check(results[0].get_name() === group && results[0].get_error() === null, `group deleted: ${results[0].get_name()} ${results[0].get_error()}`);
    check(isKafkaError(results[1].get_error(), Kafka.Error.GROUP_ID_NOT_FOUND), 'unknown group');

    // a whole call that fails rejects its promise
    try {
        await admin.delete_consumer_group_offsets_async(group, [Kafka.TopicPartition.new(topic, 0, 0)],
            null, TIMEOUT_MS, null);
        check(false, 'deleting offsets of a deleted group rejects');
    } catch (e) {
        check(isKafkaError(e, Kafka.Error.GROUP_ID_NOT_FOUND), `GROUP_ID_NOT_FOUND: ${e}`);
    }
}

async function testAcls(admin) {
    const topic = unique('acl'), user = `User:${unique('u')}`;
    const binding = Kafka.AclBinding.new(Kafka.ResourceType.TOPIC, topic, Kafka.ResourcePatternType.LITERAL,
        user, '*', Kafka.AclOperation.WRITE, Kafka.AclPermissionType.ALLOW);
    const bad = Kafka.AclBinding.new(Kafka.ResourceType.TOPIC, topic, Kafka.ResourcePatternType.LITERAL,
        'nobody', '*', Kafka.AclOperation.WRITE, Kafka.AclPermissionType.ALLOW);
    const created = await admin.create_acls_async([binding, bad], null, TIMEOUT_MS, null);
    check(created[0].get_error() === null, 'ACL created');
    check(isKafkaError(created[1].get_error(), Kafka.Error.INVALID_REQUEST), 'bad principal');

    const filter = new Kafka.AclBinding({resource_type: Kafka.ResourceType.TOPIC, name: topic});
    const found = await until(() => admin.describe_acls_async(filter, null, TIMEOUT_MS, null),
        r => r.length === 1, 'the created ACL');
    check(found.length === 1 && found[0].principal === user && found[0].operation === Kafka.AclOperation.WRITE,
        'ACL described');
    const deleted = await admin.delete_acls_async([filter], null, TIMEOUT_MS, null);
    check(deleted[0].get_error() === null && deleted[0].get_matching_acls().length === 1, 'ACL deleted');
}

async function testCancel(admin) {
    const cancellable = new Gio.Cancellable();
    const pending = admin.list_consumer_groups_async(null, TIMEOUT_MS, cancellable);
    cancellable.cancel();
    try {
        await pending;
        check(false, 'a cancelled call rejects');
    } catch (e) {
        check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), `CANCELLED: ${e}`);
    }
}

function runAsync(fn, admin) {
    const loop = new GLib.MainLoop(null, false);
    let error = null;
    fn(admin).catch(e => {
        error = e;
    }).finally(() => loop.quit());
    loop.run();
    if (error)
        throw error;
}

const admin = Kafka.AdminClient.new({'bootstrap.servers': bootstrap});
for (const test of [testTopicsAndConfigs, testGroups, testAcls, testCancel]) {
    try {
        runAsync(test, admin);
        print(`ok - ${test.name}`);
    } catch (e) {
        printerr(`FAIL: ${test.name}: ${e}\n${e.stack}`);
        failures++;
    }
}
print(failures === 0 ? 'all GJS admin tests passed' : `${failures} failures`);
System.exit(failures === 0 ? 0 : 1);
