#!/usr/bin/python3
# kafka-glib example in Python: produce messages and print each delivery report.
#
# With no --bootstrap-servers it starts an embedded mock cluster, so it runs
# with no broker installed. The delivery reports come as 'delivery' signals
# from the GLib main loop; nothing calls poll().
#
#   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
#       /usr/bin/python3 examples/python/produce.py --count 5
#
# (Use Debian's /usr/bin/python3: python3-gi is built for it.)
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import sys

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402


def text(data):
    """A key, value or header value (bytes, or None for null) for printing."""
    if data is None:
        return '(null)'
    return data.decode('utf-8', errors='backslashreplace')


def main():
    parser = argparse.ArgumentParser(description='Produce messages with kafka-glib.')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        help='brokers to connect to (default: an embedded mock cluster)')
    parser.add_argument('--topic', '-t', default='kafka-glib-example')
    parser.add_argument('--count', '-n', type=int, default=10, help='number of messages')
    args = parser.parse_args()

    cluster = None
    bootstrap = args.bootstrap_servers
    if bootstrap is None:
        cluster = Kafka.MockCluster.new(1)
        bootstrap = cluster.get_bootstrap_servers()
        print('started an embedded mock cluster at', bootstrap)

    # every config value is a string, as in librdkafka
    producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'})
    loop = GLib.MainLoop()
    state = {'pending': 0, 'failed': 0}

    def on_delivery(_producer, message):
        error = message.get_error()
        if error is not None:
            print('delivery failed:', error.message, file=sys.stderr)
            state['failed'] += 1
        else:
            headers = message.get_headers()
            pairs = ''.join(' %s=%s' % (headers.get_name(i), text(headers.get_value(i)))
                            for i in range(headers.get_length())) if headers else ''
            # get_key_bytes() / get_value_bytes() tell null (None) from empty:
            # PyGObject 3.42 turns a null get_key() into b''
            print('delivered to %s [%d] at offset %d: key=%s value=%s%s'
                  % (message.get_topic(), message.get_partition(), message.get_offset(),
                     text(message.get_key()), text(message.get_value()), pairs))
        state['pending'] -= 1
        if state['pending'] == 0:
            loop.quit()

    producer.connect('delivery', on_delivery)
    producer.connect('error', lambda _client, error: print('client error:', error.message,
                                                           file=sys.stderr))

    headers = Kafka.Headers.new()
    headers.add('source', b'kafka-glib-python-example')
    for i in range(args.count):
        # key and value are bytes (or None); partition -1 lets the partitioner
        # choose; timestamp 0 means now
        producer.produce(args.topic, Kafka.PARTITION_UA, b'key-%d' % i,
                         ('hello #%d from Python' % i).encode(), headers, 0)
        state['pending'] += 1

    if state['pending'] > 0:
        loop.run()
    print('%d delivered, %d failed' % (args.count - state['failed'], state['failed']))
    del producer, cluster       # the client first, then the cluster it talks to
    return 0 if state['failed'] == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
