#!/usr/bin/python3
# KafkaProducer's transactions from Python (PyGObject, the built typelib),
# against the real broker (KAFKA_BOOTSTRAP_SERVERS): committed transactions
# are seen by a read_committed consumer and aborted ones never, offsets sent
# to a transaction are the group's committed offsets only if it commits, and
# the error codes tell what to do.
# SPDX-License-Identifier: LGPL-2.1-or-later
import time
import unittest

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import bootstrap, run_until, unique_topic as unique  # noqa: E402


def txn_producer(txn_id):
    return Kafka.Producer.new({'bootstrap.servers': bootstrap(),
                               'transactional.id': txn_id, 'linger.ms': '5'})


def read_all(topic, partitions, isolation, expect, quiet_s=1.5):
    """Values read from the start of @topic; waits for @expect of them, then
    quiet_s more for any that should not be there."""
    consumer = Kafka.Consumer.new({'bootstrap.servers': bootstrap(),
                                   'group.id': unique('reader'),
                                   'isolation.level': isolation,
                                   'enable.auto.commit': 'false'})
    consumer.assign([Kafka.TopicPartition.new(topic, p, Kafka.OFFSET_BEGINNING)
                     for p in range(partitions)])
    values = []
    deadline = time.monotonic() + 30
    quiet_until = None
    while time.monotonic() < deadline:
        for m in consumer.consume(500, 200):
            if m.get_error() is None:
                values.append(m.get_value().decode())
        if len(values) >= expect:
            if quiet_until is None:
                quiet_until = time.monotonic() + quiet_s
            elif time.monotonic() >= quiet_until:
                break
    consumer.close()
    return values


class TransactionsTest(unittest.TestCase):
    def test_read_committed_sees_committed_never_aborted(self):
        topic = unique('txn')
        producer = txn_producer(unique('tid'))
        reports = []
        producer.connect('delivery', lambda p, m: reports.append(m))
        producer.init_transactions(60000)

        def txn(first, n, commit):
            producer.begin_transaction()
            for i in range(first, first + n):
                producer.produce(topic, i % 2, None, b'%d' % i, None, 0)
            if commit:
                producer.commit_transaction(-1)
            else:
                # on the broker first, so that the abort has something to abort
                producer.flush(30000)
                producer.abort_transaction(-1)

        txn(0, 10, True)
        # commit emitted every report of its messages, on this thread
        self.assertEqual(len(reports), 10)
        txn(10, 10, False)
        txn(20, 10, True)
        txn(30, 10, False)
        self.assertEqual(len(reports), 40)
        self.assertTrue(all(m.get_error() is None for m in reports))

        committed = read_all(topic, 2, 'read_committed', 20)
        self.assertEqual(sorted(int(v) for v in committed),
                         list(range(0, 10)) + list(range(20, 30)))
        uncommitted = read_all(topic, 2, 'read_uncommitted', 40)
        self.assertEqual(sorted(int(v) for v in uncommitted), list(range(40)))

    def test_send_offsets_consume_transform_produce(self):
        src, dst, group = unique('src'), unique('dst'), unique('g')
        # idempotent: the values land at the offsets of their order
        plain = Kafka.Producer.new({'bootstrap.servers': bootstrap(),
                                    'enable.idempotence': 'true'})
        for i in range(20):
            plain.produce(src, 0, None, b'%d' % i, None, 0)
        plain.flush(30000)

        consumer = Kafka.Consumer.new({'bootstrap.servers': bootstrap(), 'group.id': group,
                                       'enable.auto.commit': 'false',
                                       'auto.offset.reset': 'earliest'})
        consumer.assign([Kafka.TopicPartition.new(src, 0, Kafka.OFFSET_BEGINNING)])
        producer = txn_producer(unique('tid'))
        producer.init_transactions(60000)

        def process(n, commit):
            got = []
            deadline = time.monotonic() + 30
            while len(got) < n and time.monotonic() < deadline:
                got.extend(consumer.consume(n - len(got), 500))
            self.assertEqual(len(got), n)
            producer.begin_transaction()
            for m in got:
                producer.produce(dst, 0, None, b'x' + m.get_value(), None, 0)
            positions = consumer.position([Kafka.TopicPartition.new(src, 0, Kafka.OFFSET_INVALID)])
            producer.send_offsets_to_transaction(positions, consumer, 30000)
            if commit:
                producer.commit_transaction(-1)
            else:
                producer.abort_transaction(-1)
            return got[-1].get_offset() + 1

        done = process(10, True)
        self.assertEqual(done, 10)
        process(5, False)

        stored = consumer.committed([Kafka.TopicPartition.new(src, 0, Kafka.OFFSET_INVALID)], 10000)
        # the aborted transaction's offsets did not count
        self.assertEqual(stored[0].get_offset(), 10)
        out = read_all(dst, 1, 'read_committed', 10)
        self.assertEqual(out, ['x%d' % i for i in range(10)])
        consumer.close()

    def test_async_round_on_main_loop(self):
        topic = unique('txn-async')
        producer = txn_producer(unique('tid'))
        reports, outcomes = [], []
        producer.connect('delivery', lambda p, m: reports.append(m))

        def record(p, result, finish):
            try:
                outcomes.append(finish(result))
            except GLib.Error as e:
                outcomes.append(e)

        def await_(start, finish, *args):
            outcomes.clear()
            start(*args, None, record, finish)
            run_until(lambda: outcomes, 60, start.__name__)
            if isinstance(outcomes[0], GLib.Error):
                raise outcomes[0]
            return outcomes[0]

        self.assertIs(await_(producer.init_transactions_async,
                             producer.init_transactions_finish, 60000), True)
        await_(producer.begin_transaction_async, producer.begin_transaction_finish)
        for i in range(25):
            producer.produce(topic, 0, None, b'%d' % i, None, 0)
        await_(producer.commit_transaction_async, producer.commit_transaction_finish, -1)
        self.assertEqual(len(reports), 25)

        await_(producer.begin_transaction_async, producer.begin_transaction_finish)
        for i in range(25, 30):
            producer.produce(topic, 0, None, b'%d' % i, None, 0)
        # librdkafka 2.0.2 (its issue #4849): an abort whose EndTxn overtakes
        # the AddPartitionsToTxn of the first produce fails fatally with
        # INVALID_TXN_STATE; once a message is delivered, it cannot
        await_(producer.flush_async, producer.flush_finish, 30000)
        await_(producer.abort_transaction_async, producer.abort_transaction_finish, -1)
        self.assertEqual(len(reports), 30)

        self.assertEqual(sorted(int(v) for v in read_all(topic, 1, 'read_committed', 25)),
                         list(range(25)))

    def test_errors(self):
        producer = txn_producer(unique('tid'))
        with self.assertRaises(GLib.Error) as cm:
            producer.begin_transaction()
        self.assertEqual(cm.exception.code, Kafka.Error.STATE)
        self.assertFalse(Kafka.error_txn_requires_abort(cm.exception))
        self.assertFalse(Kafka.error_is_fatal(cm.exception))

        plain = Kafka.Producer.new({'bootstrap.servers': bootstrap()})
        with self.assertRaises(GLib.Error) as cm:
            plain.init_transactions(5000)
        self.assertEqual(cm.exception.code, Kafka.Error.NOT_CONFIGURED)
        self.assertIn('Could not initialize transactions', cm.exception.message)

        # a second producer with the same transactional.id fences the first
        tid = unique('tid')
        first = txn_producer(tid)
        first.init_transactions(60000)
        first.begin_transaction()
        first.produce(unique('fenced'), 0, None, b'x', None, 0)
        second = txn_producer(tid)
        second.init_transactions(60000)
        with self.assertRaises(GLib.Error) as cm:
            first.commit_transaction(30000)
        # fenced: fatal, the producer must go
        self.assertTrue(Kafka.error_is_fatal(cm.exception), cm.exception.message)


if __name__ == '__main__':
    unittest.main(verbosity=2)
