#!/usr/bin/python3
# SASL/SCRAM-SHA-256 over TLS from Python (PyGObject): a wrong password is a
# GLib.Error with the authentication code, raised by the call itself (not only
# a log line, as confluent-kafka-python users get), and an `error` signal;
# the right one works; the password never shows in what the client hands back.
# Run by run-security-tests.sh, which sets the variables read here.
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import sys
import time
import unittest
import uuid

# the shared helpers live with the other Python tests
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'python'))
import bare_typelib  # noqa: E402,F401 (the typelib with no Python face)

import gi  # noqa: E402
gi.require_version('Kafka', '1.0')
from gi.repository import GLib, Kafka  # noqa: E402

from kafkatest import run_until  # noqa: E402


def need(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError('%s is not set: run this test through '
                           'tests/security/run-security-tests.sh' % name)
    return value


SASL_BOOTSTRAP = need('KAFKA_SASL_SSL_BOOTSTRAP_SERVERS')
CA = os.path.join(need('KAFKA_SECURITY_DIR'), 'ca.pem')
USER = need('KAFKA_SCRAM_USER')
PASSWORD = need('KAFKA_SCRAM_PASSWORD')
WRONG_PASSWORD = 'kgsec-PyWrong-' + uuid.uuid4().hex[:12]


def config(password, **extra):
    conf = {'bootstrap.servers': SASL_BOOTSTRAP,
            'security.protocol': 'sasl_ssl',
            'ssl.ca.location': CA,
            'sasl.mechanisms': 'SCRAM-SHA-256',
            'sasl.username': USER,
            'sasl.password': password}
    conf.update(extra)
    return conf


class SaslTest(unittest.TestCase):
    def capture(self, client):
        said = []
        errors = []
        client.connect('log', lambda c, level, fac, msg: said.append('%s: %s' % (fac, msg)))
        client.connect('stats', lambda c, json: said.append(json))

        def on_error(c, error):
            said.append(error.message)
            errors.append(error)
        client.connect('error', on_error)
        return said, errors

    def test_wrong_password_raises(self):
        producer = Kafka.Producer.new(config(WRONG_PASSWORD, debug='security,broker,protocol'))
        said, errors = self.capture(producer)
        # a first request may run out of time before the broker refused the
        # client (a loaded machine): then it fails with the plain transport
        # or timeout error, there being no cause yet; asked again, the cause
        # must come
        no_answer_yet = (Kafka.Error.TRANSPORT, Kafka.Error.TIMED_OUT, Kafka.Error.ALL_BROKERS_DOWN)
        deadline = time.monotonic() + 60
        while True:
            with self.assertRaises(GLib.Error) as raised:
                producer.list_topics(None, 5000)
            error = raised.exception
            if error.code not in no_answer_yet or time.monotonic() > deadline:
                break
        self.assertTrue(error.matches(Kafka.error_quark(), Kafka.Error.AUTHENTICATION),
                        '%s (%d)' % (error.message, error.code))
        self.assertIn('invalid credentials', error.message)
        said.append(error.message)
        auth = [e for e in errors if e.code == Kafka.Error.AUTHENTICATION]
        self.assertTrue(auth, 'no error signal with the authentication code')
        self.assertGreater(len(said), 10)
        for s in said:
            self.assertNotIn(WRONG_PASSWORD, s)
        self.assertEqual(producer.get_config()['sasl.password'], '[redacted]')
        self.assertEqual(producer.props.config['sasl.password'], '[redacted]')

    def test_right_password_round_trip(self):
        topic = 'kg-py-security-' + uuid.uuid4().hex[:12]
        producer = Kafka.Producer.new(config(PASSWORD, **{'statistics.interval.ms': '100'}))
        said, errors = self.capture(producer)
        reports = []
        producer.connect('delivery', lambda p, m: reports.append(m))
        metadata = producer.list_topics(None, 30000)
        self.assertEqual(len(metadata.get_brokers()), 1)
        producer.produce(topic, 0, b'k', b'over SASL_SSL', None, 0)
        run_until(lambda: len(reports) == 1, 30, 'the delivery report')
        self.assertIsNone(reports[0].get_error())

        consumer = Kafka.Consumer.new(config(PASSWORD, **{'group.id': 'kg-py-security',
                                                          'auto.offset.reset': 'earliest'}))
        consumer.assign([Kafka.TopicPartition.new(topic, 0, -2)])
        got = None
        for _ in range(150):
            got = consumer.poll(200)
            if got is not None:
                break
        self.assertIsNotNone(got)
        self.assertEqual(got.get_value_bytes().get_data(), b'over SASL_SSL')
        consumer.close()

        run_until(lambda: any(s.startswith('{') for s in said), 30, 'stats')
        self.assertEqual(errors, [])
        for s in said:
            self.assertNotIn(PASSWORD, s)
        self.assertEqual(producer.get_config()['sasl.password'], '[redacted]')


if __name__ == '__main__':
    unittest.main(verbosity=2)
