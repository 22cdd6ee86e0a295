#!/usr/bin/python3
# kafka-glib example in Python: a group consumer on the GLib main loop.
#
# The consumer sets emit-messages, so messages come as 'message' signals from
# the main loop with nothing polling, and the group's assignments as
# 'partitions-assigned' signals. After --count messages it commits what it
# read and closes (leaving the group).
#
# With no --bootstrap-servers it starts an embedded mock cluster and first
# produces --count messages, so there is something to read. With a broker of
# yours it reads the topic (from the beginning for a group with no committed
# offsets), and fails if --count messages do not come within --timeout s.
#
#   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
#       /usr/bin/python3 examples/python/consume.py --count 5
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
    producer = Kafka.Producer.new({'bootstrap.servers': bootstrap, 'linger.ms': '5'})
    for i in range(count):
        producer.produce(topic, Kafka.PARTITION_UA, b'key-%d' % i,
                         b'hello #%d from Python' % i, None, 0)
    # flush() serves the delivery reports itself: no main loop needed
    if not producer.flush(10000):
        raise RuntimeError('could not deliver the demo messages')
    print('produced %d messages to %s' % (count, topic))


# PyGObject 3.42 turns a null key or value into b'': get_key_bytes() and
# get_value_bytes() return None for null, to tell a tombstone from b''.
def key_of(message):
    return None if message.get_key_bytes() is None else message.get_key()


def value_of(message):
    return None if message.get_value_bytes() is None else message.get_value()


def names(partitions):
    return ' '.join('%s[%d]' % (p.get_topic(), p.get_partition()) for p in partitions)


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

    consumer = Kafka.Consumer.new({
        'bootstrap.servers': bootstrap,
        'group.id': args.group,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': 'false',      # we commit ourselves, at the end
    })
    loop = GLib.MainLoop()
    received = []
    timed_out = []

    def on_message(consumer, message):
        error = message.get_error()
        if error is not None:               # a consumer error comes as a message too
            print('consumer error:', error.message, file=sys.stderr)
            return
        headers = message.get_headers()
        pairs = ''.join(' %s=%s' % (headers.get_name(i), text(headers.get_value(i)))
                        for i in range(headers.get_length())) if headers else ''
        print('%s [%d] at offset %d: key=%s value=%s%s'
              % (message.get_topic(), message.get_partition(), message.get_offset(),
                 text(key_of(message)), text(value_of(message)), pairs))
        received.append(message)
        if len(received) == args.count:
            # no more message signals: the commit covers exactly what we printed
            consumer.props.emit_messages = False
            loop.quit()

    def on_timeout():
        timed_out.append(True)
        loop.quit()
        return GLib.SOURCE_REMOVE

    consumer.connect('message', on_message)
    # the library applies the assignment after the handlers: here we only look
    consumer.connect('partitions-assigned', lambda c, parts: print('assigned:', names(parts)))
    consumer.connect('partitions-revoked', lambda c, parts: print('revoked:', names(parts)))
    consumer.connect('error', lambda c, error: print('client error:', error.message,
                                                     file=sys.stderr))
    consumer.props.emit_messages = True
    consumer.subscribe([args.topic])

    timeout_id = GLib.timeout_add(int(args.timeout * 1000), on_timeout)
    loop.run()
    if not timed_out:
        GLib.source_remove(timeout_id)
    else:
        print('timed out after %g s with %d of %d messages'
              % (args.timeout, len(received), args.count), file=sys.stderr)

    status = 0 if len(received) == args.count else 1
    if received:
        try:
            # None: commit the consumer's positions, i.e. everything received
            for tp in consumer.commit(None):
                if tp.get_error() is not None:
                    print('commit of %s [%d] failed: %s' % (tp.get_topic(), tp.get_partition(),
                                                            tp.get_error().message),
                          file=sys.stderr)
                    status = 1
                elif tp.get_offset() >= 0:
                    print('committed %s [%d] at offset %d'
                          % (tp.get_topic(), tp.get_partition(), tp.get_offset()))
        except GLib.Error as e:
            print('commit failed:', e.message, file=sys.stderr)
            status = 1
    consumer.close()                        # leaves the group
    print('%d messages consumed' % len(received))
    del consumer, cluster       # the client first, then the cluster it talks to
    return status


if __name__ == '__main__':
    sys.exit(main())
