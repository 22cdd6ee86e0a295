#!/usr/bin/python3
# The batch paths from Python: produce_batch(), the delivery-batch signal,
# consume_batch() and the message-batch signal, on the embedded mock cluster,
# with the data checked message by message.
# SPDX-License-Identifier: LGPL-2.1-or-later
import unittest
import uuid

import bare_typelib  # noqa: F401 (the typelib with no Python face)
import gi
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import run_until  # noqa: E402


def split(data, lengths):
    """A batch column back into values (None for -1)."""
    out, pos = [], 0
    for n in lengths:
        if n < 0:
            out.append(None)
        else:
            out.append(bytes(data[pos:pos + n]))
            pos += n
    assert pos == len(data)
    return out


class BatchTest(unittest.TestCase):
    def setUp(self):
        self.cluster = Kafka.MockCluster.new(1)
        self.bootstrap = self.cluster.get_bootstrap_servers()
        self.topic = 'kg-py-batch-%s' % uuid.uuid4().hex[:12]
        self.cluster.create_topic(self.topic, 3, 1)
        self.values = [b'value-%d' % i for i in range(3000)]
        self.values[7] = None
        self.values[8] = b''
        self.keys = [b'k%d' % i if i % 3 else None for i in range(3000)]

    def produce(self, producer):
        data = b''.join(v for v in self.values if v)
        lengths = [len(v) if v is not None else -1 for v in self.values]
        kdata = b''.join(k for k in self.keys if k)
        klengths = [len(k) if k is not None else -1 for k in self.keys]
        return producer.produce_batch(self.topic, -1, data, lengths, kdata, klengths)

    def test_produce_batch_and_delivery_batch(self):
        producer = Kafka.Producer.new({'bootstrap.servers': self.bootstrap,
                                       'linger.ms': '5'})
        delivered = []
        batches = []

        def on_batch(p, batch):
            self.assertEqual(batch.get_n_errors(), 0)
            self.assertTrue(all(c == 0 for c in batch.get_error_codes()))
            self.assertTrue(all(o >= 0 for o in batch.get_offsets()))
            self.assertTrue(all(0 <= part < 3 for part in batch.get_partitions()))
            data, lengths = batch.get_values()
            kdata, klengths = batch.get_keys()
            delivered.extend(zip(split(kdata, klengths), split(data, lengths)))
            batches.append(batch.get_length())

        producer.connect('delivery-batch', on_batch)
        self.assertEqual(self.produce(producer), len(self.values))
        run_until(lambda: len(delivered) == len(self.values), 30, 'delivery batches')
        self.assertEqual(sorted(delivered, key=repr),
                         sorted(zip(self.keys, self.values), key=repr))
        self.assertLess(len(batches), len(self.values))

        # lazily materialized message objects
        kept = []
        producer.connect('delivery-batch', lambda p, b: kept.append(b))
        producer.produce_batch(self.topic, 2, b'abc', [3], None, None)
        run_until(lambda: kept, 30, 'one more batch')
        message = kept[0].get_message(0)
        self.assertEqual(message.get_value(), b'abc')
        self.assertEqual(message.get_partition(), 2)
        self.assertEqual(message.get_topic(), self.topic)
        self.assertEqual(kept[0].get_topic(0), self.topic)

    def test_produce_batch_bad_lengths(self):
        producer = Kafka.Producer.new({'bootstrap.servers': self.bootstrap})
        with self.assertRaises(GLib.Error) as cm:
            producer.produce_batch(self.topic, -1, b'abc', [1, 1], None, None)
        self.assertEqual(cm.exception.code, Kafka.Error.INVALID_ARG)
        self.assertIn('add up to 2 bytes', cm.exception.message)

    def consumer(self):
        c = Kafka.Consumer.new({'bootstrap.servers': self.bootstrap,
                                'group.id': self.topic,
                                'auto.offset.reset': 'earliest'})
        c.subscribe([self.topic])
        return c

    def test_consume_batch(self):
        producer = Kafka.Producer.new({'bootstrap.servers': self.bootstrap})
        self.produce(producer)
        producer.flush(10000)
        consumer = self.consumer()
        got = []
        for _ in range(100):
            batch = consumer.consume_batch(1000, 500)
            data, lengths = batch.get_values()
            kdata, klengths = batch.get_keys()
            self.assertEqual(len(batch.get_offsets()), batch.get_length())
            got.extend(zip(split(kdata, klengths), split(data, lengths)))
            if len(got) >= len(self.values):
                break
        self.assertEqual(sorted(got, key=repr),
                         sorted(zip(self.keys, self.values), key=repr))
        consumer.close()

    def test_message_batch_signal(self):
        producer = Kafka.Producer.new({'bootstrap.servers': self.bootstrap})
        self.produce(producer)
        producer.flush(10000)
        consumer = self.consumer()
        got = []

        def on_batch(c, batch):
            data, lengths = batch.get_values()
            got.extend(split(data, lengths))
            # objects too, for those who want them
            messages = batch.get_messages()
            self.assertEqual(len(messages), batch.get_length())
            if messages:
                self.assertEqual(messages[-1].get_value(), got[-1])

        consumer.connect('message-batch', on_batch)
        consumer.props.emit_messages = True
        run_until(lambda: len(got) >= len(self.values), 30, 'message batches')
        self.assertEqual(sorted(got, key=repr), sorted(self.values, key=repr))
        consumer.props.emit_messages = False
        consumer.close()


if __name__ == '__main__':
    unittest.main(verbosity=2)
