// kafka-glib example in GJS: a round trip with async methods and `await`.
//
// Gio._promisify() turns the *_async/*_finish pairs into methods that return
// a Promise when called without a callback. One async function produces
// --count messages (each `await producer.produce_async()` gives back that
// message's delivery report), reads them back as a group consumer with
// `await consumer.consume_async()`, commits with `await commit_async()` and
// leaves with `await close_async()`; the main loop runs meanwhile.
//
// With no --bootstrap-servers it runs on an embedded mock cluster; with a
// broker of yours it uses a fresh topic and group each run.
//
//   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
//       gjs examples/gjs/async-roundtrip.js --count 5 [--bootstrap-servers HOST:PORT]
// SPDX-License-Identifier: LGPL-2.1-or-later
imports.gi.versions.Kafka = '1.0';
const {Gio, GLib, Kafka} = imports.gi;
const System = imports.system;

Gio._promisify(Kafka.Producer.prototype, 'produce_async', 'produce_finish');
Gio._promisify(Kafka.Consumer.prototype, 'consume_async', 'consume_finish');
Gio._promisify(Kafka.Consumer.prototype, 'commit_async', 'commit_finish');
Gio._promisify(Kafka.Consumer.prototype, 'close_async', 'close_finish');

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
const encoder = new TextEncoder();

async function roundTrip(bootstrap, count, timeoutS) {
    const suffix = GLib.uuid_string_random().slice(0, 8);
    const topic = `kafka-glib-roundtrip-${suffix}`;

    const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap});
    for (let i = 0; i < count; i++) {
        // a string or a Uint8Array for key and value; resolves with the
        // delivery report, rejects with a GLib.Error
        const report = await producer.produce_async(topic, 0, `key-${i}`,
            encoder.encode(`value-${i}`), null, 0, null);
        print(`produced ${report.get_topic()} [${report.get_partition()}] at offset ${report.get_offset()}`);
    }

    const consumer = Kafka.Consumer.new({
        'bootstrap.servers': bootstrap,
        'group.id': `kafka-glib-roundtrip-${suffix}`,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': 'false',
    });
    consumer.subscribe([topic]);

    const deadline = GLib.get_monotonic_time() + timeoutS * 1000000;
    let got = 0;
    while (got < count) {
        if (GLib.get_monotonic_time() > deadline)
            throw new Error(`only ${got} of ${count} messages came back`);
        // up to 100 messages, waiting at most 5 s for the first one
        for (const m of await consumer.consume_async(100, 5000, null)) {
            if (m.get_error() !== null) {
                printerr(`consumer error: ${m.get_error().message}`);
                continue;
            }
            print(`consumed ${m.get_topic()} [${m.get_partition()}] at offset ${m.get_offset()}: ` +
                  `key=${decoder.decode(m.get_key())} value=${decoder.decode(m.get_value())}`);
            got++;
        }
    }

    // null: commit the consumer's positions
    for (const tp of await consumer.commit_async(null, null)) {
        if (tp.get_offset() >= 0)
            print(`committed ${tp.get_topic()} [${tp.get_partition()}] at offset ${tp.get_offset()}`);
    }
    await consumer.close_async(null);
    print(`round trip of ${got} messages done`);
}

const opts = parseArgs(ARGV, {'bootstrap-servers': null, 'count': 5, 'timeout': 30});
let cluster = null;
let bootstrap = opts['bootstrap-servers'];
if (bootstrap === null) {
    cluster = Kafka.MockCluster.new(1);
    bootstrap = cluster.get_bootstrap_servers();
    print(`started an embedded mock cluster at ${bootstrap}`);
}

const loop = new GLib.MainLoop(null, false);
let status = 0;
roundTrip(bootstrap, opts.count, opts.timeout).catch(e => {
    printerr(`round trip failed: ${e.message ?? e}`);
    status = 1;
}).finally(() => loop.quit());
loop.run();
System.exit(status);
