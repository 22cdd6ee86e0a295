#!/usr/bin/python3
# kafka-glib example in Python: produce messages and print each delivery
# report, with the Python face (confluent-kafka-python's API).
#
# With no --bootstrap-servers it starts an embedded mock cluster, so it runs
# with no broker installed. The delivery callbacks come from the GLib main
# loop: nothing calls poll() (a program without a main loop calls poll() or
# flush(), as with confluent-kafka-python).
#
#   PYTHONPATH=python:_build/python GI_TYPELIB_PATH=_build/kafka-glib \
#   LD_LIBRARY_PATH=_build/kafka-glib /usr/bin/python3 examples/python/produce.py --count 5
#
# (Use Debian's /usr/bin/python3: python3-gi is built for it. Once kafka-glib
# is installed, no variable is needed.)
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

    loop = GLib.MainLoop()
    state = {'pending': 0, 'failed': 0}

    def on_delivery(err, msg):
        if err is not None:
            print('delivery failed: %s' % err, file=sys.stderr)
            state['failed'] += 1
        else:
            pairs = ''.join(' %s=%s' % (name, text(value)) for name, value in msg.headers() or [])
            print('delivered to %s [%d] at offset %d: key=%s value=%s%s'
                  % (msg.topic(), msg.partition(), msg.offset(),
                     text(msg.key()), text(msg.value()), pairs))
        state['pending'] -= 1
        if state['pending'] == 0:
            loop.quit()

    producer = Kafka.Producer({'bootstrap.servers': bootstrap, 'linger.ms': 5,
                               'error_cb': lambda err: print('client error: %s' % err,
                                                             file=sys.stderr)})
    for i in range(args.count):
        # value and key: str (sent as UTF-8) or bytes; the partitioner picks
        # the partition by key
        producer.produce(args.topic, 'hello #%d from Python' % i, key='key-%d' % i,
                         headers={'source': 'kafka-glib-python-example'},
                         on_delivery=on_delivery)
        state['pending'] += 1

    if state['pending'] > 0:
        loop.run()
    print('%d delivered, %d failed' % (args.count - state['failed'], state['failed']))
    del producer, cluster       # the client first, then the cluster it talks to
    return 0 if state['failed'] == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
