#!/usr/bin/python3
# kafka-glib example in Python: a round trip with the async methods.
#
# produce_async() for --count messages (each call's callback gets that
# message's delivery report), then a group consumer reads them back with
# consume_async(), commits with commit_async() and leaves with close_async().
# Each step starts the next from its callback, all on the GLib main loop.
#
# PyGObject 3.42 (Debian 12) cannot `await` a Gio async method, so this is
# written with callbacks: each *_async(..., callback, user_data) calls
# callback(source, result, user_data) on the main loop, which calls the
# matching *_finish(result) to get the value or have the GLib.Error raised.
#
# This example uses the typelib as every language sees it, without the
# Python face: the face is confluent-kafka-python's API, which has no async
# calls, and a face Consumer stores offsets only for what its own poll() and
# consume() handed out (a commit of "the positions" after consume_async()
# would find none). The first lines below keep PyGObject from loading the
# face, even where kafka-glib is installed with it.
#
# With no --bootstrap-servers it runs on an embedded mock cluster; with a
# broker of yours it uses a fresh topic and group each run.
#
#   GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
#       /usr/bin/python3 examples/python/async_roundtrip.py --count 5
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import sys
import time
import uuid

# no Python face (gi/overrides/Kafka.py): the typelib's own classes
sys.modules['gi.overrides.Kafka'] = None

import gi  # noqa: E402
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402


class RoundTrip:
    def __init__(self, bootstrap, count, timeout_s):
        suffix = uuid.uuid4().hex[:8]
        self.topic = 'kafka-glib-roundtrip-' + suffix
        self.group = 'kafka-glib-roundtrip-' + suffix
        self.bootstrap = bootstrap
        self.count = count
        self.deadline = time.monotonic() + timeout_s
        self.loop = GLib.MainLoop()
        self.error = None
        self.delivered = 0
        self.consumed = []
        self.producer = Kafka.Producer.new({'bootstrap.servers': bootstrap})
        self.consumer = None

    def run(self):
        for i in range(self.count):
            self.producer.produce_async(self.topic, 0, b'key-%d' % i, b'value-%d' % i,
                                        None, 0, None, self.on_produced, i)
        self.loop.run()
        if self.error is not None:
            raise self.error

    def fail(self, error):
        self.error = error
        self.loop.quit()

    # 1. each message's delivery report, in its own callback
    def on_produced(self, producer, result, i):
        try:
            report = producer.produce_finish(result)
        except GLib.Error as e:
            return self.fail(e)
        print('produced #%d to %s [%d] at offset %d'
              % (i, report.get_topic(), report.get_partition(), report.get_offset()))
        self.delivered += 1
        if self.delivered == self.count:
            self.start_consumer()

    # 2. read them back, a batch at a time
    def start_consumer(self):
        self.consumer = Kafka.Consumer.new({
            'bootstrap.servers': self.bootstrap,
            'group.id': self.group,
            'auto.offset.reset': 'earliest',
            'enable.auto.commit': 'false',
        })
        self.consumer.subscribe([self.topic])
        self.consume_more()

    def consume_more(self):
        # up to 100 messages, waiting at most 5 s for the first one; the wait
        # does not block the main loop (the group joins meanwhile)
        self.consumer.consume_async(100, 5000, None, self.on_consumed, None)

    def on_consumed(self, consumer, result, _data):
        try:
            batch = consumer.consume_finish(result)
        except GLib.Error as e:
            return self.fail(e)
        for m in batch:
            if m.get_error() is not None:
                print('consumer error:', m.get_error().message, file=sys.stderr)
                continue
            print('consumed %s [%d] at offset %d: key=%s value=%s'
                  % (m.get_topic(), m.get_partition(), m.get_offset(),
                     m.get_key().decode(), m.get_value().decode()))
            self.consumed.append(m)
        if len(self.consumed) >= self.count:
            # 3. commit the positions (None) without blocking
            consumer.commit_async(None, None, self.on_committed, None)
        elif time.monotonic() > self.deadline:
            self.fail(RuntimeError('only %d of %d messages came back'
                                   % (len(self.consumed), self.count)))
        else:
            self.consume_more()

    def on_committed(self, consumer, result, _data):
        try:
            committed = consumer.commit_finish(result)
        except GLib.Error as e:
            return self.fail(e)
        for tp in committed:
            if tp.get_offset() >= 0:
                print('committed %s [%d] at offset %d'
                      % (tp.get_topic(), tp.get_partition(), tp.get_offset()))
        # 4. leave the group
        consumer.close_async(None, self.on_closed, None)

    def on_closed(self, consumer, result, _data):
        try:
            consumer.close_finish(result)
        except GLib.Error as e:
            return self.fail(e)
        print('round trip of %d messages done' % len(self.consumed))
        self.loop.quit()


def main():
    parser = argparse.ArgumentParser(description='Produce and consume with async methods.')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        help='brokers to connect to (default: an embedded mock cluster)')
    parser.add_argument('--count', '-n', type=int, default=5, help='number of messages')
    parser.add_argument('--timeout', type=float, default=30, metavar='S',
                        help='give up after S seconds (default: 30)')
    args = parser.parse_args()

    cluster = None
    bootstrap = args.bootstrap_servers
    if bootstrap is None:
        cluster = Kafka.MockCluster.new(1)
        bootstrap = cluster.get_bootstrap_servers()
        print('started an embedded mock cluster at', bootstrap)

    trip = RoundTrip(bootstrap, args.count, args.timeout)
    try:
        trip.run()
        status = 0
    except (GLib.Error, RuntimeError) as e:
        print('round trip failed:', getattr(e, 'message', e), file=sys.stderr)
        status = 1
    del trip, cluster           # the clients first, then the cluster they talk to
    return status


if __name__ == '__main__':
    sys.exit(main())
