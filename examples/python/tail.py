#!/usr/bin/python3
# kafka-glib example in Python: tail a Kafka topic in the terminal.
#
#   tail.py TOPIC [--bootstrap-servers HOST:PORT] [--from-beginning]
#                 [--count N] [--timeout S]
#
# Prints each message as it arrives, with its partition, offset, timestamp,
# key, value and headers. Written with the Python face (confluent-kafka-
# python's API); the messages come to its on_message callback from the GLib
# main loop: nothing polls, and the loop is free for timers, signals (Ctrl-C)
# or a GUI.
#
# The consumer joins a group of its own (a fresh group id each run) and
# commits nothing, so it disturbs no one: like `kafka-console-consumer`, it
# starts at the end of each partition, or at the beginning with
# --from-beginning.
#
# With no --bootstrap-servers it starts an embedded mock cluster and a small
# producer on a GLib timer that feeds it demo messages, so there is something
# to tail. It stops after --count messages, after --timeout seconds, or on
# Ctrl-C; with --count it exits non-zero if fewer messages came.
#
#   PYTHONPATH=python:_build/python GI_TYPELIB_PATH=_build/kafka-glib \
#   LD_LIBRARY_PATH=_build/kafka-glib /usr/bin/python3 examples/python/tail.py demo --count 10
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import datetime
import json
import signal
import sys
import uuid

import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402


def show(data):
    """Bytes for the terminal: text when it is printable UTF-8, else a bytes
    literal; None (a null key or value) as `null`, empty as `''`."""
    if data is None:
        return 'null'
    if not data:
        return "''"
    try:
        s = data.decode('utf-8')
        if s.isprintable():
            return s
    except UnicodeDecodeError:
        pass
    return repr(data)


def timestamp_of(msg):
    kind, ms = msg.timestamp()
    if kind == Kafka.TIMESTAMP_NOT_AVAILABLE:
        return '-'
    when = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    label = 'append' if kind == Kafka.TIMESTAMP_LOG_APPEND_TIME else 'create'
    return '%s (%s)' % (when.isoformat(timespec='milliseconds').replace('+00:00', 'Z'), label)


def format_message(msg):
    pairs = ['%s=%s' % (name, show(value)) for name, value in msg.headers() or []]
    return 'p%d@%d  %s  key=%s  value=%s%s' % (
        msg.partition(), msg.offset(), timestamp_of(msg),
        show(msg.key()), show(msg.value()), '  [%s]' % ', '.join(pairs) if pairs else '')


class DemoFeeder:
    """A producer on a GLib timer, feeding the embedded cluster's topic."""

    SENSORS = ('kitchen', 'cellar', 'attic')

    def __init__(self, bootstrap, topic, interval_ms):
        self.topic = topic
        self.seq = 0
        self.producer = Kafka.Producer({'bootstrap.servers': bootstrap, 'linger.ms': 5})
        self.source = GLib.timeout_add(interval_ms, self.tick)

    def tick(self):
        n = self.seq
        self.seq += 1
        # every fifth message has no key (null), to show how that looks
        key = None if n % 5 == 4 else self.SENSORS[n % 3]
        value = json.dumps({'seq': n, 'celsius': round(19.5 + (n * 7 % 13) / 4, 2)})
        self.producer.produce(self.topic, value, key,
                              headers=[('seq', str(n)), ('content-type', 'application/json')],
                              on_delivery=self.on_delivery)
        return GLib.SOURCE_CONTINUE

    def on_delivery(self, err, msg):
        if err is not None:
            print('demo producer: delivery failed: %s' % err, file=sys.stderr)

    def stop(self):
        GLib.source_remove(self.source)
        self.producer.flush(5)


def main():
    parser = argparse.ArgumentParser(
        description='Print the messages of a Kafka topic as they arrive.',
        epilog='Without --bootstrap-servers, an embedded mock cluster is started and fed '
               'demo messages.')
    parser.add_argument('topic', metavar='TOPIC')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        help='brokers to connect to (default: an embedded mock cluster)')
    parser.add_argument('--from-beginning', action='store_true',
                        help='start at the beginning of each partition, not at its end')
    parser.add_argument('--count', '-n', type=int, metavar='N',
                        help='exit after N messages (non-zero if fewer came)')
    parser.add_argument('--timeout', type=float, metavar='S',
                        help='exit after S seconds')
    parser.add_argument('--group', metavar='ID',
                        help='consumer group (default: a fresh one; offsets are never committed)')
    args = parser.parse_args()
    if args.count is not None and args.count < 1:
        parser.error('--count must be positive')
    sys.stdout.reconfigure(line_buffering=True)

    cluster = feeder = None
    bootstrap = args.bootstrap_servers
    if bootstrap is None:
        cluster = Kafka.MockCluster.new(1)
        bootstrap = cluster.get_bootstrap_servers()
        cluster.create_topic(args.topic, 3, 1)
        feeder = DemoFeeder(bootstrap, args.topic, 200)
        print('embedded mock cluster at %s, demo messages to %r every 200 ms'
              % (bootstrap, args.topic), file=sys.stderr)

    loop = GLib.MainLoop()
    state = {'received': 0, 'stopped_by': None}

    def stop(reason):
        state['stopped_by'] = reason
        loop.quit()

    def on_message(consumer, msg):
        if state['stopped_by'] is not None:
            return                          # the rest of a batch, after --count
        if msg.error() is not None:
            print('consumer event: %s' % msg.error(), file=sys.stderr)
            return
        print(format_message(msg))
        state['received'] += 1
        if args.count is not None and state['received'] >= args.count:
            stop('count')

    def on_assign(_consumer, partitions):
        print('tailing %s' % ', '.join('%s[%d]' % (tp.topic, tp.partition)
                                       for tp in partitions), file=sys.stderr)

    consumer = Kafka.Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': args.group or 'kafka-glib-tail-' + uuid.uuid4().hex[:12],
        'auto.offset.reset': 'earliest' if args.from_beginning else 'latest',
        'enable.auto.commit': False,
        'on_message': on_message,
        'error_cb': lambda err: print('client error: %s' % err, file=sys.stderr),
    })
    consumer.subscribe([args.topic], on_assign=on_assign)

    if args.timeout is not None:
        GLib.timeout_add(int(args.timeout * 1000), lambda: stop('timeout') or GLib.SOURCE_REMOVE)
    for signum in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum,
                             lambda: stop('signal') or GLib.SOURCE_CONTINUE)

    loop.run()

    if feeder is not None:
        feeder.stop()
    consumer.close()
    print('%d messages (stopped by %s)' % (state['received'], state['stopped_by']),
          file=sys.stderr)
    del consumer, feeder, cluster   # the clients first, then the cluster
    if args.count is not None and state['received'] < args.count:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
