// kafka-glib example in GJS: produce messages and print each delivery report.
//
// With no --bootstrap-servers it starts an embedded mock cluster, so it runs
// with no broker installed. The delivery reports come as 'delivery' signals
// from the GLib main loop; nothing calls poll().
//
//   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
//       gjs examples/gjs/produce.js --count 5 [--bootstrap-servers HOST:PORT] [--topic NAME]
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
const encoder = new TextEncoder();
// a key, value or header value (Uint8Array, or null) for printing
const text = bytes => bytes === null ? '(null)' : decoder.decode(bytes);

const opts = parseArgs(ARGV, {'bootstrap-servers': null, 'topic': 'kafka-glib-example', 'count': 10});

let cluster = null;
let bootstrap = opts['bootstrap-servers'];
if (bootstrap === null) {
    cluster = Kafka.MockCluster.new(1);
    bootstrap = cluster.get_bootstrap_servers();
    print(`started an embedded mock cluster at ${bootstrap}`);
}

// every config value is a string, as in librdkafka
const producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'});
const loop = new GLib.MainLoop(null, false);
let pending = 0;
let failed = 0;

producer.connect('delivery', (_producer, message) => {
    const error = message.get_error();
    if (error !== null) {
        printerr(`delivery failed: ${error.message}`);
        failed++;
    } else {
        const h = message.get_headers();
        let pairs = '';
        for (let i = 0; h !== null && i < h.get_length(); i++)
            pairs += ` ${h.get_name(i)}=${text(h.get_value(i))}`;
        print(`delivered to ${message.get_topic()} [${message.get_partition()}] at offset ${message.get_offset()}: ` +
              `key=${text(message.get_key())} value=${text(message.get_value())}${pairs}`);
    }
    if (--pending === 0)
        loop.quit();
});
producer.connect('error', (_client, error) => printerr(`client error: ${error.message}`));

const headers = Kafka.Headers.new();
headers.add('source', encoder.encode('kafka-glib-gjs-example'));
for (let i = 0; i < opts.count; i++) {
    // key and value: a string or a Uint8Array (or null); partition
    // PARTITION_UA lets the partitioner choose; timestamp 0 means now
    producer.produce(opts.topic, Kafka.PARTITION_UA, `key-${i}`,
        encoder.encode(`hello #${i} from GJS`), headers, 0);
    pending++;
}

if (pending > 0)
    loop.run();
print(`${opts.count - failed} delivered, ${failed} failed`);
System.exit(failed === 0 ? 0 : 1);
