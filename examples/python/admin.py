#!/usr/bin/python3
# Administering a cluster the way confluent-kafka-python's AdminClient does,
# on kafka-glib's Python face: the import lines below are the only
# difference. Replace them with
#
#     from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
#     from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic
#
# and it runs on confluent-kafka-python (1.x), printing the same
# (tests/python/test_face_admin.py checks that it does).
#
# It creates a topic (with a configuration value), adds a partition, reads
# and changes its configuration, puts a few messages in it and commits
# offsets for a consumer group, then lists the cluster's topics and its
# consumer groups with their lag (committed offsets against the high
# watermarks, as the seed's users compute it), and deletes the topic. Each
# admin call returns a dict of concurrent.futures.Future by item; .result()
# waits for one (no GLib main loop needed) and raises KafkaException when
# that item failed, the others unaffected.
#
# It needs a real broker: librdkafka's mock cluster has no admin API.
#
#   PYTHONPATH=python:_build/python GI_TYPELIB_PATH=_build/kafka-glib \
#       LD_LIBRARY_PATH=_build/kafka-glib \
#       /usr/bin/python3 examples/python/admin.py --bootstrap-servers HOST:PORT
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import os
import sys
import time
import uuid

import gi
gi.require_version('Kafka', '1.0')
from gi.repository.Kafka import (AdminClient, ConfigResource, Consumer, KafkaException,  # noqa: E402
                                 NewPartitions, NewTopic, Producer, TopicPartition)

TIMEOUT = 30


def wait_for(what, check):
    """check() again until true: a new topic or configuration value reaches
    every broker's metadata a moment after the controller said it was done."""
    deadline = time.monotonic() + 60
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit('%s: not after 60 s' % what)
        time.sleep(0.2)


def report(futures):
    """Waits for each item's Future; True if none failed."""
    ok = True
    for item, future in futures.items():
        name = getattr(item, 'name', item)  # a topic, or a ConfigResource
        try:
            future.result()
            print('  %s: ok' % name)
        except KafkaException as e:
            print('  %s: %s' % (name, e.args[0].name()))
            ok = False
    return ok


def group_lag(bootstrap, group, topic_metadata):
    """(partition, committed, high watermark, lag) of a group on a topic."""
    consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': group,
                         'enable.auto.commit': False})
    try:
        partitions = [TopicPartition(topic_metadata.topic, p)
                      for p in sorted(topic_metadata.partitions)]
        rows = []
        for tp in consumer.committed(partitions, timeout=TIMEOUT):
            low, high = consumer.get_watermark_offsets(tp, timeout=TIMEOUT)
            lag = high - tp.offset if tp.offset >= 0 else high - low
            rows.append((tp.partition, tp.offset, high, lag))
        return rows
    finally:
        consumer.close()


def fill(bootstrap, topic, group):
    """Puts 4 messages in each partition, commits offsets for a group."""
    producer = Producer({'bootstrap.servers': bootstrap})
    for i in range(12):
        producer.produce(topic, value=b'message %d' % i, partition=i % 3)
    if producer.flush(TIMEOUT) != 0:
        raise SystemExit('messages not delivered')
    consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': group,
                         'enable.auto.commit': False})
    consumer.commit(offsets=[TopicPartition(topic, 0, 1), TopicPartition(topic, 1, 4)],
                    asynchronous=False)
    consumer.close()


def main():
    parser = argparse.ArgumentParser(description='Administer a Kafka cluster.')
    parser.add_argument('--bootstrap-servers', '-b', metavar='HOST:PORT',
                        default=os.environ.get('KAFKA_BOOTSTRAP_SERVERS'),
                        help='brokers (default: $KAFKA_BOOTSTRAP_SERVERS)')
    parser.add_argument('--topic', '-t', help='the topic to create and delete '
                        '(default: a new name)')
    args = parser.parse_args()
    if not args.bootstrap_servers:
        parser.error('needs a broker (--bootstrap-servers): the mock cluster has no admin API')
    bootstrap = args.bootstrap_servers
    topic = args.topic or 'kafka-glib-admin-example-' + uuid.uuid4().hex[:8]
    group = topic + '-group'

    admin = AdminClient({'bootstrap.servers': bootstrap})

    print('create topic, and one with too many replicas:')
    ok = report(admin.create_topics(
        [NewTopic(topic, num_partitions=2, replication_factor=1,
                  config={'retention.ms': '86400000'}),
         NewTopic(topic + '-rf', num_partitions=1, replication_factor=99)],
        operation_timeout=TIMEOUT, request_timeout=TIMEOUT))
    if ok:
        raise SystemExit('a replication factor of 99 was accepted')
    wait_for('the topic', lambda: topic in admin.list_topics(timeout=TIMEOUT).topics)

    print('add a partition:')
    report(admin.create_partitions([NewPartitions(topic, 3)], request_timeout=TIMEOUT))
    wait_for('3 partitions', lambda: len(
        admin.list_topics(topic, timeout=TIMEOUT).topics[topic].partitions) == 3)

    resource = ConfigResource('topic', topic)
    wait_for('the configuration', lambda: admin.describe_configs(
        [resource])[resource].result()['retention.ms'].value == '86400000')
    configs = admin.describe_configs([resource], request_timeout=TIMEOUT)[resource].result()
    entry = configs['retention.ms']
    print('%s: retention.ms=%s (read-only: %s, default: %s)' % (
        topic, entry.value, entry.is_read_only, entry.is_default))
    print('change it, with a bad value first:')
    report(admin.alter_configs([ConfigResource('topic', topic,
                                               set_config={'retention.ms': 'soon'})]))
    report(admin.alter_configs([ConfigResource('topic', topic,
                                               set_config={'retention.ms': '3600000'})]))

    fill(bootstrap, topic, group)

    metadata = admin.list_topics(timeout=TIMEOUT)
    print('%d broker(s); topic %s: %d partitions' % (
        len(metadata.brokers), topic, len(metadata.topics[topic].partitions)))
    groups = [g for g in admin.list_groups(timeout=TIMEOUT) if g.id == group]
    for g in groups:
        print('group %s (%s, %d members)' % (g.id, g.state, len(g.members)))
        for partition, committed, high, lag in group_lag(bootstrap, g.id,
                                                         metadata.topics[topic]):
            print('  %s [%d] committed %d, end %d, lag %d' % (topic, partition, committed,
                                                               high, lag))

    print('delete the topic, and one that does not exist:')
    report(admin.delete_topics([topic, topic + '-none'], operation_timeout=TIMEOUT))
    return 0


if __name__ == '__main__':
    sys.exit(main())
