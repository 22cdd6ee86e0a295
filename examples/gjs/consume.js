// kafka-glib example in GJS: a group consumer on the GLib main loop.
//
// The consumer sets emit_messages, so messages come as 'message' signals from
// the main loop with nothing polling, and the group's assignments as
// 'partitions-assigned' signals. After --count messages it commits what it
// read and closes (leaving the group).
//
// With no --bootstrap-servers it starts an embedded mock cluster and first
// produces --count messages, so there is something to read. With a broker of
// yours it reads the topic (from the beginning for a group with no committed
// offsets), and fails if --count messages do not come within --timeout s.
//
//   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
//       gjs examples/gjs/consume.js --count 5 [--bootstrap-servers HOST:PORT]
//       [--topic NAME] [--group ID] [--timeout S]
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {GLib, Kafka} = imports.gi;
const System = imports.system;

// --name value or --name=value, for the names in `defaults`
function parseArgs(argv, defaults) {
    const opts = {...defaults};
    const usage = `options: ${Object.entries(defaults).map(([k, v]) => `--${k} (${v ?? 'unset'})`).join(' ')}`;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--help' || argv[i] === '-h') {
            print(usage);
            System.exit(0);
        }
        const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
        if (!m || !(m[1] in defaults) || (m[2] === undefined && i + 1 >= argv.length)) {
            printerr(`bad argument ${argv[i]}; ${usage}`);
            System.exit(2);
        }
        const value = m[2] !== undefined ? m[2] : argv[++i];
        opts[m[1]] = typeof defaults[m[1]] === 'number' ? Number(value) : value;
    }
    return opts;
}

const decoder = new TextDecoder();
const text = bytes => bytes === null ? '(null)' : decoder.decode(bytes);
const names = partitions => partitions.map(p => `${p.get_topic()}[${p.get_partition()}]`).join(' ');

const opts = parseArgs(ARGV, {
    'bootstrap-servers': null, 'topic': 'kafka-glib-example', 'group': 'kafka-glib-example',
    'count': 10, 'timeout': 30,
});

let cluster = null;
let bootstrap = opts['bootstrap-servers'];
if (bootstrap === null) {
    cluster = Kafka.MockCluster.new(1);
    bootstrap = cluster.get_bootstrap_servers();
    print(`started an embedded mock cluster at ${bootstrap}`);
    cluster.create_topic(opts.topic, 2, 1);

    // something to read; flush() serves the delivery reports itself
    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'});
    for (let i = 0; i < opts.count; i++)
        producer.produce(opts.topic, Kafka.PARTITION_UA, `key-${i}`, `hello #${i} from GJS`, null, 0);
    if (!producer.flush(10000)) {
        printerr('could not deliver the demo messages');
        System.exit(1);
    }
    print(`produced ${opts.count} messages to ${opts.topic}`);
}

const consumer = Kafka.Consumer.new({
    'bootstrap.servers': bootstrap,
    'group.id': opts.group,
    'auto.offset.reset': 'earliest',
    'enable.auto.commit': 'false',      // we commit ourselves, at the end
});
const loop = new GLib.MainLoop(null, false);
let received = 0;
let timedOut = false;

consumer.connect('message', (_consumer, message) => {
    const error = message.get_error();
    if (error !== null) {               // a consumer error comes as a message too
        printerr(`consumer error: ${error.message}`);
        return;
    }
    print(`${message.get_topic()} [${message.get_partition()}] at offset ${message.get_offset()}: ` +
          `key=${text(message.get_key())} value=${text(message.get_value())}`);
    if (++received === opts.count) {
        // no more message signals: the commit covers exactly what we printed
        consumer.emit_messages = false;
        loop.quit();
    }
});
// the library applies the assignment after the handlers: here we only look
consumer.connect('partitions-assigned', (_c, partitions) => print(`assigned: ${names(partitions)}`));
consumer.connect('partitions-revoked', (_c, partitions) => print(`revoked: ${names(partitions)}`));
consumer.connect('error', (_c, error) => printerr(`client error: ${error.message}`));
consumer.emit_messages = true;
consumer.subscribe([opts.topic]);

const timeoutId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, opts.timeout * 1000, () => {
    timedOut = true;
    loop.quit();
    return GLib.SOURCE_REMOVE;
});
loop.run();
if (timedOut)
    printerr(`timed out after ${opts.timeout} s with ${received} of ${opts.count} messages`);
else
    GLib.source_remove(timeoutId);

let status = received === opts.count ? 0 : 1;
if (received > 0) {
    try {
        // null: commit the consumer's positions, i.e. everything received
        for (const tp of consumer.commit(null)) {
            if (tp.get_error() !== null) {
                printerr(`commit of ${tp.get_topic()} [${tp.get_partition()}] failed: ${tp.get_error().message}`);
                status = 1;
            } else if (tp.get_offset() >= 0) {
                print(`committed ${tp.get_topic()} [${tp.get_partition()}] at offset ${tp.get_offset()}`);
            }
        }
    } catch (e) {
        printerr(`commit failed: ${e.message}`);
        status = 1;
    }
}
consumer.close();                       // leaves the group
print(`${received} messages consumed`);
System.exit(status);
