#!/usr/bin/python3
# kafka-glib example in Python: a group consumer on the GLib main loop, with
# the Python face.
#
# confluent-kafka-python's Consumer, plus kafka-glib's own on_message: each
# message comes from the main loop as it arrives, with nothing polling, and
# so do the on_assign / on_revoke callbacks. After --count messages it
# commits what it read and closes (leaving the group). (A program without a
# main loop calls poll() or consume() instead, as with confluent-kafka-python.)
#
# With no --bootstrap-servers it starts an embedded mock cluster and first
# produces --count messages, so there is something to read. With a broker of
# yours it reads the topic (from the beginning for a group with no committed
# offsets), and fails if --count messages do not come within --timeout s.
#
#   PYTHONPATH=python:_build/python GI_TYPELIB_PATH=_build/kafka-glib \
#   LD_LIBRARY_PATH=_build/kafka-glib /usr/bin/python3 examples/python/consume.py --count 5
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import sys

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402


def text(data):
    if data is None:
        return '(null)'
    return data.decode('utf-8', errors='backslashreplace')


def fill_topic(bootstrap, topic, count):
    """Gives the embedded cluster something to read: `count` messages."""
    producer = Kafka.Producer({'bootstrap.servers': bootstrap, 'linger.ms': 5})
    for i in range(count):
        producer.produce(topic, 'hello #%d from Python' % i, key='key-%d' % i)
    # flush() serves the delivery reports itself: no main loop needed
    if producer.flush(10) != 0:
        raise RuntimeError('could not deliver the demo messages')
    print('produced %d messages to %s' % (count, topic))


def names(partitions):
    return ' '.join('%s[%d]' % (tp.topic, tp.partition) for tp in partitions)


def main():
    parser = argparse.ArgumentParser(description='Consume messages with kafka-glib.')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        help='brokers to connect to (default: an embedded mock cluster)')
    parser.add_argument('--topic', '-t', default='kafka-glib-example')
    parser.add_argument('--group', '-g', default='kafka-glib-example')
    parser.add_argument('--count', '-n', type=int, default=10, help='messages to read')
    parser.add_argument('--timeout', type=float, default=30, metavar='S',
                        help='give up after S seconds (default: 30)')
    args = parser.parse_args()

    cluster = None
    bootstrap = args.bootstrap_servers
    if bootstrap is None:
        cluster = Kafka.MockCluster.new(1)
        bootstrap = cluster.get_bootstrap_servers()
        print('started an embedded mock cluster at', bootstrap)
        cluster.create_topic(args.topic, 2, 1)
        fill_topic(bootstrap, args.topic, args.count)

    loop = GLib.MainLoop()
    received = []

    def on_message(consumer, msg):
        if msg.error() is not None:         # an event comes as a message too
            print('consumer event: %s' % msg.error(), file=sys.stderr)
            return
        pairs = ''.join(' %s=%s' % (name, text(value)) for name, value in msg.headers() or [])
        print('%s [%d] at offset %d: key=%s value=%s%s'
              % (msg.topic(), msg.partition(), msg.offset(), text(msg.key()),
                 text(msg.value()), pairs))
        received.append(msg)
        if len(received) == args.count:
            loop.quit()

    consumer = Kafka.Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': args.group,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,        # we commit ourselves, at the end
        'on_message': on_message,
        'error_cb': lambda err: print('client error: %s' % err, file=sys.stderr),
    })
    # the library applies the assignment after the callback: here we only look
    consumer.subscribe([args.topic],
                       on_assign=lambda c, parts: print('assigned:', names(parts)),
                       on_revoke=lambda c, parts: print('revoked:', names(parts)))

    timed_out = []
    GLib.timeout_add(int(args.timeout * 1000),
                     lambda: timed_out.append(True) or loop.quit() or GLib.SOURCE_REMOVE)
    loop.run()
    if timed_out:
        print('timed out after %g s with %d of %d messages'
              % (args.timeout, len(received), args.count), file=sys.stderr)

    status = 0 if len(received) >= args.count else 1
    if received:
        try:
            # no arguments: the offsets of what was handed out, that is
            # everything printed, and nothing else
            for tp in consumer.commit(asynchronous=False):
                if tp.error is not None:
                    print('commit of %s [%d] failed: %s' % (tp.topic, tp.partition, tp.error),
                          file=sys.stderr)
                    status = 1
                elif tp.offset >= 0:
                    print('committed %s [%d] at offset %d' % (tp.topic, tp.partition, tp.offset))
        except Kafka.KafkaException as e:
            print('commit failed: %s' % e, file=sys.stderr)
            status = 1
    consumer.close()                        # leaves the group
    print('%d messages consumed' % len(received))
    del consumer, cluster       # the client first, then the cluster it talks to
    return status


if __name__ == '__main__':
    sys.exit(main())
