#!/usr/bin/python3
"""Runs the kafka-glib benchmark of issue #5 against a broker and writes
benchmarks.md, benchmarks.json and benchmarks.png into --out.

Started by run-bench.sh (which builds, and starts the broker unless given
--bootstrap-servers). Every contender is its own process and prints one JSON
line (see bench-common.h); this script only runs them, A B A B over the
rounds, checks that each one moved the expected number of messages, and
reports medians and ratios. Exit status 1 when any run failed or miscounted:
that is all the `bench-smoke` test checks (never a speed).
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
PY = '/usr/bin/python3'

# Counts per mode: 'native' for the C contenders (R, G, GB), 'script' for
# the Python ones (C, P, PB): each ratio compares two contenders of one
# family (G/R, GB/R, P/C, PB/C), so both did the same work. GJS (J) is ~10x
# slower per message at 100 B, so it gets its own, smaller count (J/C
# compares rates over different counts). Full counts: about 3 s a run for
# the fastest contender of a family on a quiet 2-core machine (10 KB consume
# is faster: ~2 s), ~12 min in all; a loaded machine takes longer.
PRESETS = {
    'full': {
        'count': {('native', 100): 5000000, ('native', 10240): 150000,
                  ('script', 100): 2000000, ('script', 10240): 150000,
                  ('gjs', 100): 500000, ('gjs', 10240): 60000},
        'latency_count': 50000, 'idle_seconds': 10, 'rounds': 3, 'timeout': 240,
    },
    'quick': {
        'count': {('native', 100): 800000, ('native', 10240): 20000,
                  ('script', 100): 300000, ('script', 10240): 20000,
                  ('gjs', 100): 80000, ('gjs', 10240): 10000},
        'latency_count': 30000, 'idle_seconds': 5, 'rounds': 3, 'timeout': 120,
    },
    'tiny': {
        'count': {('native', 100): 5000, ('native', 10240): 300,
                  ('script', 100): 2000, ('script', 10240): 200,
                  ('gjs', 100): 2000, ('gjs', 10240): 200},
        'latency_count': 3000, 'idle_seconds': 1, 'rounds': 1, 'timeout': 60,
    },
}

# name: family, produce command variant, consume command variant, label
CONTENDERS = {
    'R': ('native', 'raw', '', '', 'raw librdkafka (C)'),
    'G': ('native', 'glib', '', 'signal', 'kafka-glib C: delivery signal / message signal on a GMainLoop'),
    'G-list': ('native', 'glib', None, 'list', 'kafka-glib C: kafka_consumer_consume() lists'),
    'GB': ('native', 'glib', 'batch', 'batch', 'kafka-glib C batch API: produce_batch + delivery-batch / consume_batch'),
    'C': ('script', 'confluent', '', '', 'confluent-kafka-python: on_delivery / consume(num_messages)'),
    'P': ('script', 'pygobject', '', 'list', 'kafka-glib Python: delivery signal on a GLib.MainLoop / consume(n) lists'),
    'PB': ('script', 'pygobject', 'batch', 'batch', 'kafka-glib Python batch API: produce_batch + delivery-batch / consume_batch'),
    'J': ('gjs', 'gjs', '', 'list', 'kafka-glib GJS: delivery signal on a GLib.MainLoop / consume(n) lists'),
    # the Python counts: JB/C compares the same work
    'JB': ('script', 'gjs', 'batch', 'batch', 'kafka-glib GJS batch API: produce_batch + delivery-batch / consume_batch columns'),
    'F': ('script', 'face', 'face', 'face', "kafka-glib's Python face (gi/overrides/Kafka.py): C's "
          'program (bench-confluent.py) with only the import changed'),
    'C-poll': ('script', 'confluent', None, 'poll', 'confluent-kafka-python: poll() one message at a time'),
    'F-poll': ('script', 'face', None, 'face-poll', 'the Python face: poll() one message at a time'),
}
# Contenders that consume only, the topic another one produced, right after it
EXTRA_CONSUMERS = {'G': ['G-list'], 'C': ['C-poll'], 'F': ['F-poll']}
CONSUMES_OF = {x: p for p, xs in EXTRA_CONSUMERS.items() for x in xs}
PAIRS = [('G', 'R'), ('G-list', 'R'), ('GB', 'R'), ('P', 'C'), ('PB', 'C'), ('J', 'C'), ('JB', 'C'),
         ('F', 'C'), ('F-poll', 'C-poll')]
LATENCY_CONTENDERS = ['R', 'G', 'P', 'C', 'F', 'J']
SIZES = [100, 10240]


def log(*a):
    print('run-bench:', *a, file=sys.stderr, flush=True)


class Runner:
    def __init__(self, opts):
        self.o = opts
        self.preset = PRESETS[opts.preset]
        self.bench_dir = os.path.join(opts.build_dir, 'tests', 'bench')
        self.env = dict(os.environ)
        lib = os.path.join(opts.build_dir, 'kafka-glib')
        for k in ('GI_TYPELIB_PATH', 'LD_LIBRARY_PATH'):
            self.env[k] = lib + (':' + self.env[k] if self.env.get(k) else '')
        # F's only: Kafka.py in the source tree, its C part in the build tree
        # (P and PB use the typelib with no override)
        self.face_env = dict(self.env)
        face = os.path.join(SRC, 'python') + ':' + os.path.join(opts.build_dir, 'python')
        self.face_env['PYTHONPATH'] = face + (':' + self.env['PYTHONPATH']
                                              if self.env.get('PYTHONPATH') else '')
        self.env['G_MESSAGES_DEBUG'] = ''
        self.results = []
        self.failures = []
        self.warnings = []
        self.run_id = uuid.uuid4().hex[:8]

    def command(self, kind, mode, variant):
        if kind == 'raw':
            cmd = [os.path.join(self.bench_dir, 'bench-raw')]
        elif kind == 'glib':
            cmd = [os.path.join(self.bench_dir, 'bench-glib')]
        elif kind == 'pygobject':
            cmd = [PY, os.path.join(HERE, 'bench-pygobject.py')]
        elif kind in ('confluent', 'face'):
            cmd = [PY, os.path.join(HERE, 'bench-confluent.py')]
            if kind == 'face' and not variant:
                variant = 'face'
        elif kind == 'gjs':
            cmd = ['gjs', os.path.join(HERE, 'bench-gjs.js')]
        else:
            raise ValueError(kind)
        cmd += [mode, '--bootstrap', self.o.bootstrap_servers]
        if variant:
            cmd += ['--variant', variant]
        return cmd

    def admin(self, mode, topics):
        cmd = [os.path.join(self.bench_dir, 'bench-glib'), mode,
               '--bootstrap', self.o.bootstrap_servers, '--topic', ','.join(topics)]
        r = subprocess.run(cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError('%s failed: %s' % (mode, r.stderr.strip()))

    def topic(self, what):
        return 'bench-%s-%s-%s' % (self.run_id, what, uuid.uuid4().hex[:6])

    def run(self, name, kind, mode, variant, args, expect_count, meta):
        cmd = self.command(kind, mode, variant) + [str(x) for x in args]
        t = time.monotonic()
        try:
            r = subprocess.run(cmd, env=self.face_env if kind == 'face' else self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, timeout=self.preset['timeout'])
        except subprocess.TimeoutExpired:
            self.fail(name, mode, meta, 'timed out after %d s' % self.preset['timeout'], '')
            return None
        line = next((ln for ln in reversed(r.stdout.splitlines()) if ln.startswith('{"bench"')), None)
        if r.returncode != 0 or line is None:
            self.fail(name, mode, meta, 'exit status %d, %s' % (r.returncode,
                      'no result line' if line is None else 'result: ' + line), r.stderr)
            return None
        res = json.loads(line)
        res.update(meta)
        res['name'] = name
        res['process_seconds'] = time.monotonic() - t
        if expect_count is not None and res['count'] != expect_count:
            self.fail(name, mode, meta, 'moved %d messages, expected %d' % (res['count'], expect_count),
                      r.stderr)
        if res.get('lost_signals'):
            self.warnings.append('%s %s %d B round %d: %d signal emission(s) never reached the JS handler '
                                 '(GJS blocks callbacks while its GC sweeps)'
                                 % (name, mode, res['size'], meta['round'] + 1, res['lost_signals']))
            log('WARNING ' + self.warnings[-1])
        self.results.append(res)
        log('%-6s %-13s %6s B  %s' % (name, mode, res.get('size', ''), summary(res)))
        return res

    def check_complete(self, skip):
        """Every run that should have happened did, with a result."""
        seen = {}
        for r in self.results:
            key = (r['name'], r['mode'], r.get('size'))
            seen[key] = seen.get(key, 0) + 1
        want = {}
        if 'throughput' not in skip:
            for n in self.o.contenders:
                for size in SIZES:
                    if CONTENDERS[n][2] is not None:
                        want[(n, 'produce', size)] = self.o.rounds
                    if CONTENDERS[n][2] is not None or CONSUMES_OF.get(n) in self.o.contenders:
                        want[(n, 'consume', size)] = self.o.rounds
        if 'latency' not in skip:
            for n in LATENCY_CONTENDERS:
                if n in self.o.contenders:
                    want[(n, 'latency', 100)] = self.o.rounds
        if 'idle' not in skip:
            for n in ('R', 'G'):
                if n in self.o.contenders:
                    want[(n, 'idle-producer', 100)] = want[(n, 'idle-consumer', 100)] = 1
        for key, n in sorted(want.items()):
            if seen.get(key, 0) != n:
                self.failures.append('%s %s %s B: %d result(s), expected %d'
                                     % (key[0], key[1], key[2], seen.get(key, 0), n))

    def fail(self, name, mode, meta, why, stderr):
        msg = '%s %s %s: %s' % (name, mode, json.dumps(meta), why)
        log('FAILED ' + msg)
        if stderr:
            log('  stderr: ' + stderr.strip()[-2000:].replace('\n', '\n  '))
        self.failures.append(msg)

    def throughput_round(self, rnd):
        """Per size, every contender in turn (the order rotated each round):
        a fresh topic, its produce run, its consume run of that topic, and
        the topic deleted (so that at most one full topic is on disk).
        G-list consumes G's topic right after G."""
        turns = [n for n in self.o.contenders if n not in CONSUMES_OF]
        order = turns[rnd % len(turns):] + turns[:rnd % len(turns)]
        for size in SIZES:
            for name in order:
                family, kind, pvariant, cvariant, _ = CONTENDERS[name]
                count = self.preset['count'][(family, size)]
                meta = {'round': rnd, 'partitions': self.o.partitions}
                topic = self.topic('%s-%d' % (name.lower(), size))
                self.admin('create-topics', ['%s:%d' % (topic, self.o.partitions)])
                try:
                    self.run(name, kind, 'produce', pvariant,
                             ['--topic', topic, '--count', count, '--size', size], count, meta)
                    consumers = [name] + [x for x in EXTRA_CONSUMERS.get(name, [])
                                          if x in self.o.contenders]
                    for cname in consumers:
                        _, ckind, _, cvariant, _ = CONTENDERS[cname]
                        self.run(cname, ckind, 'consume', cvariant,
                                 ['--topic', topic, '--count', count, '--size', size,
                                  '--partitions', self.o.partitions], count, meta)
                finally:
                    self.admin('delete-topics', [topic])

    def latency_round(self, rnd):
        count = self.preset['latency_count']
        for name in [n for n in LATENCY_CONTENDERS if n in self.o.contenders]:
            family, kind, _, _, _ = CONTENDERS[name]
            t = self.topic('lat-' + name.lower())
            self.admin('create-topics', [t + ':1'])
            try:
                self.run(name, kind, 'latency', '',
                         ['--topic', t, '--count', count, '--size', 100, '--rate', 10000,
                          '--partitions', 1], count, {'round': rnd, 'partitions': 1})
            finally:
                self.admin('delete-topics', [t])

    def idle(self):
        secs = self.preset['idle_seconds']
        for name, kind in (('R', 'raw'), ('G', 'glib')):
            if name not in self.o.contenders:
                continue
            for mode in ('idle-producer', 'idle-consumer'):
                t = self.topic('idle-' + name.lower())
                self.admin('create-topics', [t + ':1'])
                try:
                    self.run(name, kind, mode, '', ['--topic', t, '--seconds', secs], 0,
                             {'round': 0, 'partitions': 1})
                finally:
                    self.admin('delete-topics', [t])


def summary(r):
    if r['mode'] in ('produce', 'consume'):
        return '%9.0f msg/s %7.1f MB/s %6.2f us/msg cpu  %6.1f MB rss' % (
            rate(r), r['bytes'] / r['seconds'] / 1e6, cpu_per_msg(r), r['maxrss_kb'] / 1024)
    if r['mode'] == 'latency':
        return 'p50 %.2f ms  p99 %.2f ms' % (r.get('lat_p50_us', 0) / 1e3, r.get('lat_p99_us', 0) / 1e3)
    return '%.2f wake-ups/s (%s), %.2f ctxt switches/s' % (
        r['wakeups'] / r['seconds'], r['wakeup_method'], r['ctxt_switches'] / r['seconds'])


def rate(r):
    return r['count'] / r['seconds'] if r['seconds'] > 0 else 0.0


def cpu_per_msg(r):
    return r['cpu_s'] / r['count'] * 1e6 if r['count'] else 0.0


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# ----------------------------------------------------------------- report --

def machine_info(runner):
    info = {'nproc': os.cpu_count(), 'kernel': platform.release()}
    try:
        with open('/proc/cpuinfo') as f:
            m = re.search(r'^model name\s*:\s*(.*)$', f.read(), re.M)
            info['cpu'] = m.group(1) if m else 'unknown'
        with open('/proc/meminfo') as f:
            m = re.search(r'^MemTotal:\s*(\d+)', f.read(), re.M)
            info['ram_gb'] = round(int(m.group(1)) / 1024 / 1024, 1)
    except OSError:
        pass
    raw = os.path.join(runner.bench_dir, 'bench-raw')
    info['librdkafka'] = subprocess.run([raw, 'version'], stdout=subprocess.PIPE,
                                        text=True).stdout.strip()
    r = subprocess.run([PY, '-c', 'import confluent_kafka as c; print(c.version()[0], c.libversion()[0])'],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    info['confluent_kafka'] = r.stdout.strip() or 'not installed'
    cache = os.environ.get('KAFKA_GLIB_BROKER_CACHE',
                           os.path.join(os.environ.get('HOME', '/root'), '.cache/kafka-glib/kafka-3.9'))
    jars = glob.glob(os.path.join(cache, 'kafka_2.13-*.jar'))
    ver = re.search(r'kafka_2\.13-([\d.]+)\.jar', jars[0]).group(1) if jars else 'unknown'
    info['broker'] = 'Apache Kafka %s (%s)' % (
        ver, 'tests/broker/kafka-broker.sh, 1 node' if runner.o.own_broker
        else 'external broker at %s; version from the jar cache, may differ' % runner.o.bootstrap_servers)
    try:
        info['kafka_glib'] = subprocess.run(['git', '-C', SRC, 'describe', '--always', '--dirty'],
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                            text=True).stdout.strip()
    except OSError:
        info['kafka_glib'] = 'unknown'
    return info


def aggregate(results):
    """(name, mode, size) -> medians; and per-round values for ratios."""
    agg = {}
    for r in results:
        key = (r['name'], r['mode'], r.get('size'))
        agg.setdefault(key, []).append(r)
    med = {}
    for key, rs in agg.items():
        m = {'n': len(rs)}
        if key[1] in ('produce', 'consume'):
            m['msg_s'] = median([rate(r) for r in rs])
            m['mb_s'] = median([r['bytes'] / r['seconds'] / 1e6 for r in rs])
            m['cpu_us'] = median([cpu_per_msg(r) for r in rs])
            m['rss_mb'] = median([r['maxrss_kb'] / 1024 for r in rs])
            m['seconds'] = median([r['seconds'] for r in rs])
            m['by_round'] = {r['round']: r for r in rs}
        elif key[1] == 'latency':
            m['p50_ms'] = median([r.get('lat_p50_us') for r in rs]) / 1e3
            m['p99_ms'] = median([r.get('lat_p99_us') for r in rs]) / 1e3
            m['max_ms'] = median([r.get('lat_max_us') for r in rs]) / 1e3
            m['cpu_us'] = median([cpu_per_msg(r) for r in rs])
        else:
            m['wakeups_s'] = median([r['wakeups'] / r['seconds'] for r in rs])
            m['ctxt_s'] = median([r['ctxt_switches'] / r['seconds'] for r in rs])
            m['method'] = rs[0]['wakeup_method']
        med[key] = m
    return med


def pair_ratio(med, a, b, mode, size, field):
    """Median over rounds of a/b, each round's runs side by side."""
    ma, mb = med.get((a, mode, size)), med.get((b, mode, size))
    if not ma or not mb:
        return None
    vals = []
    for rnd, ra in ma['by_round'].items():
        rb = mb['by_round'].get(rnd)
        if rb is None:
            continue
        if field == 'msg_s':
            x, y = rate(ra), rate(rb)
        elif field == 'cpu_us':
            x, y = cpu_per_msg(ra), cpu_per_msg(rb)
        else:
            x, y = ra['maxrss_kb'], rb['maxrss_kb']
        if y:
            vals.append(x / y)
    return median(vals)


def fmt(x, spec='%.0f'):
    return '–' if x is None else spec % x


def write_report(runner, info, started):
    o = runner.o
    med = aggregate(runner.results)
    preset = runner.preset
    names = o.contenders
    L = []
    L.append('# kafka-glib benchmarks')
    L.append('')
    L.append('Generated by `tests/bench/run-bench.sh %s` (issue #5): contenders side by side '
             'against one broker, in turn, %d round(s), the order rotated each round; '
             'figures are medians over the rounds, ratios are medians of the per-round ratios.'
             % (' '.join(o.argv), o.rounds))
    if o.preset != 'full':
        L.append('')
        L.append('**This is a `--%s` run** (smaller counts than the full default): indicative only.'
                 % o.preset)
    L.append('')
    L.append('| | |')
    L.append('|---|---|')
    L.append('| Date | %s |' % started)
    L.append('| Machine | %s, %s CPUs (nproc), %s GB RAM, Linux %s; shared, so expect noise |' % (
        info.get('cpu'), info.get('nproc'), info.get('ram_gb'), info.get('kernel')))
    L.append('| librdkafka | %s |' % info['librdkafka'])
    L.append('| confluent-kafka-python | %s (version, librdkafka) |' % info['confluent_kafka'])
    L.append('| Broker | %s |' % info['broker'])
    L.append('| kafka-glib | %s |' % info['kafka_glib'])
    L.append('| Producer config | acks=all, linger.ms=5, compression.type=none, keyless (default partitioner) |')
    L.append('| Throughput topics | %d partitions, a fresh topic per producer run, read back right after '
             'by the same contender (assign at the beginning, fresh group id; G-list reads G\'s, '
             'C-poll C\'s, F-poll F\'s), '
             'then deleted |' % o.partitions)
    L.append('| Counts | C contenders (R, G, GB): %s; Python contenders (C, P, PB, F) and the GJS '
             'batch contender (JB): %s; GJS (J, fewer: J/C compares rates): %s |' % tuple(
                 ', '.join('%d × %d B' % (preset['count'][(fam, s)], s) for s in SIZES)
                 for fam in ('native', 'script', 'gjs')))
    L.append('')
    L.append('Contenders, each its own process:')
    L.append('')
    for n in names:
        L.append('- **%s**: %s' % (n, CONTENDERS[n][4]))
    L.append('')
    L.append('Produce time runs from the first produce call to the last delivery report, consume '
             'time from assign() to the last message. CPU is user+sys of the client process '
             '(getrusage RUSAGE_SELF; /proc/self/stat for GJS) over that section, per message; '
             'peak RSS is ru_maxrss (VmHWM for GJS) of the whole process.')
    L.append('')

    for size in SIZES:
        L.append('## Throughput, %s messages' % ('100-byte' if size == 100 else '%d-byte' % size))
        L.append('')
        L.append('| Contender | produce msg/s | MB/s | CPU µs/msg | peak RSS MB '
                 '| consume msg/s | MB/s | CPU µs/msg | peak RSS MB |')
        L.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
        for n in names:
            p, c = med.get((n, 'produce', size)), med.get((n, 'consume', size))
            row = ['**%s**' % n]
            for m in (p, c):
                if m:
                    row += [fmt(m['msg_s']), fmt(m['mb_s'], '%.1f'), fmt(m['cpu_us'], '%.2f'),
                            fmt(m['rss_mb'], '%.1f')]
                else:
                    row += ['–'] * 4
            L.append('| ' + ' | '.join(row) + ' |')
        L.append('')

    short = ['%s %s %d B (%.1f s)' % (k[0], k[1], k[2], m['seconds']) for k, m in sorted(med.items())
             if k[1] in ('produce', 'consume') and m['seconds'] < 3]
    if short:
        L.append('Runs shorter than 3 s (median), less precise: ' + ', '.join(short) + '.')
        L.append('')

    L.append('## Ratios (same round, side by side)')
    L.append('')
    L.append('Throughput ratio > 1: the first is faster; CPU and RSS ratio < 1: the first is cheaper.')
    L.append('')
    L.append('| Pair | size | produce msg/s | consume msg/s | produce CPU/msg | consume CPU/msg '
             '| produce peak RSS | consume peak RSS |')
    L.append('|---|---:|---:|---:|---:|---:|---:|---:|')
    for a, b in PAIRS:
        if a not in names or b not in names:
            continue
        for size in SIZES:
            row = ['%s/%s' % (a, b), str(size)]
            for field in ('msg_s',):
                row += [fmt(pair_ratio(med, a, b, 'produce', size, field), '%.2f'),
                        fmt(pair_ratio(med, a, b, 'consume', size, field), '%.2f')]
            row += [fmt(pair_ratio(med, a, b, 'produce', size, 'cpu_us'), '%.2f'),
                    fmt(pair_ratio(med, a, b, 'consume', size, 'cpu_us'), '%.2f'),
                    fmt(pair_ratio(med, a, b, 'produce', size, 'rss'), '%.2f'),
                    fmt(pair_ratio(med, a, b, 'consume', size, 'rss'), '%.2f')]
            L.append('| ' + ' | '.join(row) + ' |')
    L.append('')

    L.append('## End-to-end latency at 10,000 msg/s')
    L.append('')
    L.append('One process produces 100-byte messages at 10,000/s (a 1 ms tick produces what is due, '
             'each stamped with CLOCK_MONOTONIC) to a 1-partition topic and consumes them; latency '
             '= receive time − stamp. %d messages a run, the first %d (warm-up) not counted. '
             'R: one thread in ppoll() on the eventfds of its queues (rd_kafka_queue_io_event_enable); '
             'G, P and J: a GMainLoop, the producer on a 1 ms timeout source, the consumer on the '
             '`message` signal (emit-messages); C and F (the same program): one thread, produce + '
             'poll(0) + consumer.poll(until the next tick).' % (preset['latency_count'], min(preset['latency_count'] // 3, 10000)))
    L.append('')
    L.append('| Contender | p50 ms | p99 ms | max ms | p99 − R p99 (ms) | CPU µs/msg |')
    L.append('|---|---:|---:|---:|---:|---:|')
    rl = med.get(('R', 'latency', 100))
    for n in LATENCY_CONTENDERS:
        m = med.get((n, 'latency', 100))
        if not m:
            continue
        L.append('| **%s** | %.2f | %.2f | %.2f | %s | %.2f |' % (
            n, m['p50_ms'], m['p99_ms'], m['max_ms'],
            fmt(m['p99_ms'] - rl['p99_ms'], '%+.2f') if rl else '–', m['cpu_us']))
    L.append('')

    L.append('## Idle wake-ups of the main-loop thread (%d s)' % preset['idle_seconds'])
    L.append('')
    L.append('G: a GMainLoop with an idle producer (connected: one message delivered first) or an '
             'idle consumer in its group (subscribed, emit-messages, after `partitions-assigned`); '
             'wake-ups are returns of the poll function (g_main_context_set_poll_func, minus the '
             'end-of-run timer, and not the poll right after it that GLib may make when it woke a millisecond early). R, for reference: the thread blocks in rd_kafka_poll() / '
             'rd_kafka_consumer_poll() with the remaining time; wake-ups are returns of that call. '
             'Context switches of the thread (voluntary + non-voluntary, /proc/self/task/TID/status) '
             'for both, minus the one that ends the run.')
    L.append('')
    L.append('| Client | wake-ups/s | context switches/s |')
    L.append('|---|---:|---:|')
    for n in ('G', 'R'):
        for mode in ('idle-producer', 'idle-consumer'):
            m = med.get((n, mode, 100))
            if m:
                L.append('| %s %s | %.2f | %.2f |' % (n, mode.replace('idle-', ''), m['wakeups_s'], m['ctxt_s']))
    L.append('')

    L.append('## Targets (this run)')
    L.append('')
    L.append('| Target | measured | met |')
    L.append('|---|---|---|')

    def target(what, value, ok, spec='%.2f'):
        L.append('| %s | %s | %s |' % (what, fmt(value, spec),
                                        '–' if value is None else ('yes' if ok(value) else '**no**')))
    for mode in ('produce', 'consume'):
        target('G/R %s, 100 B ≥ 0.95' % mode, pair_ratio(med, 'G', 'R', mode, 100, 'msg_s'), lambda v: v >= 0.95)
        target('G/R %s, 10 KB ≥ 0.98' % mode, pair_ratio(med, 'G', 'R', mode, 10240, 'msg_s'), lambda v: v >= 0.98)
    for mode in ('produce', 'consume'):
        target('P/C %s, 100 B ≥ 1.0' % mode, pair_ratio(med, 'P', 'C', mode, 100, 'msg_s'), lambda v: v >= 1.0)
    for mode in ('produce', 'consume'):
        target('PB/C %s, 100 B ≥ 1.5' % mode, pair_ratio(med, 'PB', 'C', mode, 100, 'msg_s'), lambda v: v >= 1.5)
    L.append('')
    L.append('Targets of issue #11, the Python face against confluent-kafka-python (100 B; the '
             '10 KB ratios and peak RSS are in the tables above):')
    L.append('')
    L.append('| Target | measured | met |')
    L.append('|---|---|---|')
    target('F/C produce with a per-message on_delivery, 100 B ≥ 1.5',
           pair_ratio(med, 'F', 'C', 'produce', 100, 'msg_s'), lambda v: v >= 1.5)
    target('F/C consume(num_messages=1000), 100 B ≥ 1.5',
           pair_ratio(med, 'F', 'C', 'consume', 100, 'msg_s'), lambda v: v >= 1.5)
    target('F-poll/C-poll poll() one at a time, 100 B ≥ 1.5',
           pair_ratio(med, 'F-poll', 'C-poll', 'consume', 100, 'msg_s'), lambda v: v >= 1.5)
    L.append('')
    L.append('Targets of issue #5:')
    L.append('')
    L.append('| Target | measured | met |')
    L.append('|---|---|---|')
    gl = med.get(('G', 'latency', 100))
    target('G p99 latency − R p99 ≤ 1 ms', gl['p99_ms'] - rl['p99_ms'] if gl and rl else None,
           lambda v: v <= 1.0, '%+.2f ms')
    for mode in ('idle-producer', 'idle-consumer'):
        m = med.get(('G', mode, 100))
        target('G %s: 0 wake-ups/s' % mode.replace('idle-', 'idle '), m['wakeups_s'] if m else None,
               lambda v: v < 0.5 / preset['idle_seconds'] + 1e-9 or v == 0, '%.2f/s')
    rss = [pair_ratio(med, 'G', 'R', mode, size, 'rss') for mode in ('produce', 'consume') for size in SIZES]
    rss = [x for x in rss if x is not None]
    target('peak RSS G ≤ 1.1 × R (worst of produce/consume, both sizes)', max(rss) if rss else None,
           lambda v: v <= 1.1)
    L.append('')

    L.append('## Targets of issue #12 (this run)')
    L.append('')
    L.append('| Target | measured | met |')
    L.append('|---|---|---|')
    target('G/R produce, 100 B ≥ 0.9 (delivery signal)', pair_ratio(med, 'G', 'R', 'produce', 100, 'msg_s'),
           lambda v: v >= 0.9)
    target('G/R consume, 100 B ≥ 0.8 (message signal)', pair_ratio(med, 'G', 'R', 'consume', 100, 'msg_s'),
           lambda v: v >= 0.8)
    target('G-list/R consume, 100 B ≥ 0.8 (consume() lists)', pair_ratio(med, 'G-list', 'R', 'consume', 100, 'msg_s'),
           lambda v: v >= 0.8)
    crss = [pair_ratio(med, n, 'R', 'consume', size, 'rss') for n in ('G', 'G-list') for size in SIZES]
    crss = [x for x in crss if x is not None]
    target('peak RSS at consume ≤ 1.3 × R (worst of G and G-list, both sizes)', max(crss) if crss else None,
           lambda v: v <= 1.3)
    for mode in ('produce', 'consume'):
        target('GB/R %s, 100 B ≥ 1.0' % mode, pair_ratio(med, 'GB', 'R', mode, 100, 'msg_s'), lambda v: v >= 1.0)
    for mode in ('produce', 'consume'):
        target('JB/C %s, 100 B ≥ 1.0 (GJS batch API)' % mode, pair_ratio(med, 'JB', 'C', mode, 100, 'msg_s'),
               lambda v: v >= 1.0)
    for mode in ('produce', 'consume'):
        m = pair_ratio(med, 'J', 'C', mode, 100, 'msg_s')
        L.append('| J/C %s, 100 B (GJS per message, reported) | %s | – |' % (mode, fmt(m, '%.2f')))
    target('G p99 latency − R p99 ≤ 1 ms', gl['p99_ms'] - rl['p99_ms'] if gl and rl else None,
           lambda v: v <= 1.0, '%+.2f ms')
    for mode in ('idle-producer', 'idle-consumer'):
        m = med.get(('G', mode, 100))
        target('G %s: 0 wake-ups/s' % mode.replace('idle-', 'idle '), m['wakeups_s'] if m else None,
               lambda v: v < 0.5 / preset['idle_seconds'] + 1e-9 or v == 0, '%.2f/s')
    L.append('')
    if runner.warnings:
        L.append('## Warnings')
        L.append('')
        for w in runner.warnings:
            L.append('- ' + w)
        L.append('')
    if runner.failures:
        L.append('## Failed runs')
        L.append('')
        for f in runner.failures:
            L.append('- ' + f)
        L.append('')
    L.append('## Reading notes')
    L.append('')
    L.append('- R is the per-message floor: one rd_kafka_producev() per message. GB and PB call '
             'kafka_producer_produce_batch(), 1000 messages a call, which can beat R (GB/R > 1).')
    L.append('- A consumer slower than the broker lets librdkafka prefetch up to '
             '`queued.max.messages.kbytes` (64 MB by default) per consumer: peak RSS at consume '
             'grows with how much slower the client is than the fetcher, not with a leak.')
    L.append('- G consume (`message` signal) creates a KafkaMessage and emits a signal per message; '
             'G-list (kafka_consumer_consume()) a KafkaMessage per message in a GPtrArray.')
    L.append('- A consumer slightly slower than the fetcher lets the local queue reach '
             '`queued.min.messages` (counted over all partitions); librdkafka 2.0.2 then marks each '
             'partition not fetchable, with no deadline, and its broker thread looks again only when '
             'an operation or I/O wakes it or after its fixed 1 s timeout (`fetch.queue.backoff.ms`, '
             'which bounds the wait, exists only from librdkafka 2.2). kafka-glib\'s consumers (G, '
             'G-list, GB, P, PB, J, JB) restart the fetcher themselves when they drain the queue after '
             'such a fill (a seek of each partition to its position, which wakes the broker thread; '
             'kafka-consumer-flow.c), and default `queued.min.messages` to 10,000, which keeps a slow '
             'consumer\'s memory near a fast one\'s. confluent-kafka-python (C) keeps librdkafka\'s '
             'behaviour: a C consumer slower than the fetcher pauses up to a second at a time.')
    L.append('- J: GJS before 1.82 refuses JS callbacks for the whole of an incremental GC, sweep '
             'slices and the program between them (gjs commit 4e53510f), and a JS wrapper per message '
             'makes the sweeps long: in a 400k-message produce run with the `delivery` signal, '
             'reports and the program\'s own idle callback were dropped and the run hung. J calls '
             'System.gc() every 20,000 messages, which avoids it; lost emissions, if any, are listed '
             'under Warnings. JB, the batch API, makes one wrapper per batch and needs no System.gc() '
             '(tests/gjs/test-sustained.js: 400k each way): it is the way to write fast GJS code.')
    L.append('- Shared 2-core machine: the broker, the client and its librdkafka threads compete '
             'for the same cores; ratios of the same round are more telling than absolute rates.')
    L.append('')
    L.append('Raw per-run numbers: [benchmarks.json](benchmarks.json). Plot: '
             '![throughput](benchmarks.png)')
    L.append('')
    return '\n'.join(L), med


def write_plot(med, names, out_dir, tmp_dir):
    gnuplot = shutil.which('gnuplot')
    if gnuplot is None:
        log('gnuplot not found (build-aux/install-deps.sh bench installs it): no plot')
        return False
    dat = os.path.join(tmp_dir, 'benchmarks-plot.dat')
    with open(dat, 'w') as f:
        for size in SIZES:
            f.write('# size %d: contender produce consume (%s)\n' % (size, 'msg/s' if size == 100 else 'MB/s'))
            for n in names:
                vals = []
                for mode in ('produce', 'consume'):
                    m = med.get((n, mode, size))
                    vals.append('NaN' if not m else '%.3f' % (m['msg_s'] / 1000 if size == 100 else m['mb_s']))
                f.write('%s %s %s\n' % (n, vals[0], vals[1]))
            f.write('\n\n')
    png = os.path.join(out_dir, 'benchmarks.png')
    script = '''
set terminal pngcairo size 1200,500 font ",10" noenhanced
set output "%s"
set multiplot layout 1,2 title "kafka-glib throughput per contender (medians)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key top right
set yrange [0:*]
set title "100-byte messages"
set ylabel "thousand messages/s"
plot "%s" index 0 using 2:xtic(1) title "produce", "" index 0 using 3 title "consume"
set title "10 KB messages"
set ylabel "MB/s"
plot "%s" index 1 using 2:xtic(1) title "produce", "" index 1 using 3 title "consume"
unset multiplot
''' % (png, dat, dat)
    r = subprocess.run([gnuplot], input=script, text=True, stderr=subprocess.PIPE)
    if r.returncode != 0:
        # pngcairo is in gnuplot-nox; fall back to the GD png terminal
        r = subprocess.run([gnuplot], input=script.replace('pngcairo', 'png'), text=True,
                           stderr=subprocess.PIPE)
    if r.returncode != 0 or not os.path.exists(png):
        raise RuntimeError('gnuplot failed: ' + r.stderr)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bootstrap-servers', default='')
    ap.add_argument('--build-dir', default=os.path.join(SRC, '_build'))
    ap.add_argument('--out', default=os.path.join(SRC, 'docs'))
    ap.add_argument('--rounds', type=int)
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--quick', dest='preset', action='store_const', const='quick')
    g.add_argument('--tiny', dest='preset', action='store_const', const='tiny')
    ap.add_argument('--partitions', type=int, default=4, help='of the throughput topics (default 4)')
    ap.add_argument('--contenders', default=','.join(CONTENDERS),
                    help='comma-separated subset of ' + ','.join(CONTENDERS))
    ap.add_argument('--skip', default='', help='comma-separated: throughput,latency,idle')
    ap.add_argument('--report-only', metavar='JSON',
                    help='rewrite benchmarks.md/.png into --out from a benchmarks.json, running nothing')
    ap.add_argument('--own-broker', action='store_true', help=argparse.SUPPRESS)
    ap.add_argument('--argv', default=None, help=argparse.SUPPRESS)
    o = ap.parse_args()
    o.preset = o.preset or 'full'
    o.rounds = o.rounds or PRESETS[o.preset]['rounds']
    o.contenders = [c for c in o.contenders.split(',') if c]
    for c in o.contenders:
        if c not in CONTENDERS:
            ap.error('unknown contender %s' % c)
    for c in o.contenders:
        if c in CONSUMES_OF and CONSUMES_OF[c] not in o.contenders:
            ap.error('%s consumes the topic %s produced: give %s too' % (c, CONSUMES_OF[c], CONSUMES_OF[c]))
    o.argv = o.argv.split() if o.argv is not None else sys.argv[1:]
    skip = set(o.skip.split(',')) if o.skip else set()
    os.makedirs(o.out, exist_ok=True)

    runner = Runner(o)
    if o.report_only:
        with open(o.report_only) as f:
            saved = json.load(f)
        o.preset, o.rounds = saved['preset'], saved['rounds']
        runner.preset = PRESETS[o.preset]
        runner.results, runner.failures = saved['runs'], saved['failures']
        runner.warnings = saved.get('warnings', [])
        o.argv = saved.get('argv', o.argv)
        md, med = write_report(runner, saved['machine'], saved['started'])
        with open(os.path.join(o.out, 'benchmarks.md'), 'w') as f:
            f.write(md)
        if write_plot(med, o.contenders, o.out, o.out):
            os.unlink(os.path.join(o.out, 'benchmarks-plot.dat'))
        return 0
    if not o.bootstrap_servers:
        ap.error('--bootstrap-servers is required')
    for exe in ('bench-raw', 'bench-glib'):
        if not os.path.exists(os.path.join(runner.bench_dir, exe)):
            sys.exit('run-bench: %s not built in %s (meson setup with -Dtests=true)' % (exe, runner.bench_dir))
    started = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    t0 = time.monotonic()
    info = machine_info(runner)
    log('%s run, %d round(s), contenders %s, broker %s' % (o.preset, o.rounds, ','.join(o.contenders),
                                                          o.bootstrap_servers))
    for rnd in range(o.rounds):
        log('round %d/%d' % (rnd + 1, o.rounds))
        if 'throughput' not in skip:
            runner.throughput_round(rnd)
        if 'latency' not in skip:
            runner.latency_round(rnd)
    if 'idle' not in skip:
        runner.idle()
    info['wall_seconds'] = round(time.monotonic() - t0, 1)
    runner.check_complete(skip)

    md, med = write_report(runner, info, started)
    with open(os.path.join(o.out, 'benchmarks.md'), 'w') as f:
        f.write(md)
    with open(os.path.join(o.out, 'benchmarks.json'), 'w') as f:
        json.dump({'started': started, 'preset': o.preset, 'rounds': o.rounds, 'machine': info,
                   'argv': o.argv,
                   'counts': {'%s-%d' % k: v for k, v in runner.preset['count'].items()},
                   'failures': runner.failures, 'warnings': runner.warnings, 'runs': runner.results}, f, indent=1)
    write_plot(med, o.contenders, o.out, o.out)
    os.unlink(os.path.join(o.out, 'benchmarks-plot.dat')) if os.path.exists(
        os.path.join(o.out, 'benchmarks-plot.dat')) else None
    log('wrote %s/benchmarks.{md,json,png} in %.0f s' % (o.out, info['wall_seconds']))
    if runner.failures:
        log('%d run(s) failed:' % len(runner.failures))
        for f in runner.failures:
            log('  ' + f)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
