#!/usr/bin/python3
# A program written for confluent-kafka-python, running on kafka-glib's
# Python face: the three import lines below are the only difference. Replace
# them with
#
#     from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
#
# and it runs on confluent-kafka-python, printing the same
# (tests/python/test_face_broker.py checks that it does).
#
# It produces with a per-message delivery callback, consumes in a group with
# an on_assign callback, and commits. With no --bootstrap-servers it starts
# librdkafka's embedded mock cluster (through kafka-glib; either library can
# connect to it).
#
#   PYTHONPATH=python GI_TYPELIB_PATH=_build/kafka-glib LD_LIBRARY_PATH=_build/kafka-glib \
#       /usr/bin/python3 examples/python/migrate.py --count 10
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import sys

import gi
gi.require_version('Kafka', '1.0')
from gi.repository.Kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition


def produce(bootstrap, topic, count):
    state = {'delivered': 0, 'failed': 0}

    def on_delivery(err, msg):
        if err is not None:
            print('delivery failed: %s' % err, file=sys.stderr)
            state['failed'] += 1
        else:
            state['delivered'] += 1

    producer = Producer({'bootstrap.servers': bootstrap, 'linger.ms': 5,
                         'error_cb': lambda err: print('error: %s' % err, file=sys.stderr)})
    for i in range(count):
        while True:
            try:
                producer.produce(topic, value='message %d' % i, key='key-%d' % (i % 10),
                                 headers={'index': str(i)}, on_delivery=on_delivery)
                break
            except BufferError:
                producer.poll(0.1)
        if i % 100 == 0:
            producer.poll(0)
    left = producer.flush(30)
    print('%d delivered, %d failed, %d left' % (state['delivered'], state['failed'], left))
    return state['failed'] == 0 and left == 0


def consume(bootstrap, topic, count):
    consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': topic,
                         'auto.offset.reset': 'earliest', 'enable.auto.commit': False})

    def on_assign(consumer, partitions):
        print('assigned %d partition(s)' % len(partitions))

    consumer.subscribe([topic], on_assign=on_assign)
    seen = set()
    last = None
    try:
        while len(seen) < count:
            msg = consumer.poll(timeout=1.0)
            if msg is None:
                continue
            if msg.error() is not None:
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            index = int(dict(msg.headers())['index'])
            assert msg.value() == b'message %d' % index, msg.value()
            assert msg.key() == b'key-%d' % (index % 10), msg.key()
            seen.add(index)
            last = msg
            if len(seen) % 100 == 0:
                consumer.commit(message=msg, asynchronous=False)
        consumer.commit(asynchronous=False)
        partitions = [TopicPartition(topic, p.partition) for p in consumer.assignment()]
        committed = consumer.committed(partitions, timeout=10)
        print('consumed %d, last offset committed for its partition: %s' % (
            len(seen), [tp.offset for tp in committed if tp.partition == last.partition()]
            == [last.offset() + 1]))
        print('committed %d in all' % sum(max(tp.offset, 0) for tp in committed))
    finally:
        consumer.close()
    return len(seen) == count


def main():
    parser = argparse.ArgumentParser(description='A confluent-kafka-python program.')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        help='brokers (default: an embedded mock cluster)')
    parser.add_argument('--topic', '-t', default='kafka-glib-migrate-example')
    parser.add_argument('--count', '-n', type=int, default=100)
    args = parser.parse_args()

    cluster = None
    bootstrap = args.bootstrap_servers
    if bootstrap is None:
        import gi as gi_for_the_mock
        gi_for_the_mock.require_version('Kafka', '1.0')
        from gi.repository import Kafka as KafkaGLib
        cluster = KafkaGLib.MockCluster.new(1)
        bootstrap = cluster.get_bootstrap_servers()

    ok = produce(bootstrap, args.topic, args.count) and consume(bootstrap, args.topic, args.count)
    del cluster
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
