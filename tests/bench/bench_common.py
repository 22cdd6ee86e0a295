# What the Python contenders share with bench-common.h: the command line, the
# payload stamp, the in-flight window and the one-line JSON result.
import argparse
import json
import os
import resource
import sys
import threading
import time


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode')
    ap.add_argument('--bootstrap', required=True)
    ap.add_argument('--topic')
    ap.add_argument('--variant', default='')
    ap.add_argument('--count', type=int, default=10000)
    ap.add_argument('--size', type=int, default=100)
    ap.add_argument('--partitions', type=int, default=1)
    ap.add_argument('--rate', type=int, default=10000)
    ap.add_argument('--seconds', type=float, default=10)
    a = ap.parse_args()
    a.size = max(a.size, 24)
    return a


def now_us():
    """CLOCK_MONOTONIC in µs, the clock of the C contenders."""
    return time.monotonic_ns() // 1000


def payload(size):
    return b'0' * 20 + b'x' * (size - 20)


def stamp(value, us):
    return b'%020d' % us + value[20:]


def read_stamp(value):
    return int(value[:20])


def window(size):
    w = (64 << 20) // size
    return max(100, min(50000, w))


def latency_warmup(count, rate):
    return min(count // 3, rate)


def thread_ctxt_switches():
    total = 0
    with open('/proc/self/task/%d/status' % threading.get_native_id()) as f:
        for line in f:
            if line.startswith(('voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches')):
                total += int(line.split()[1])
    return total


class Mark:
    def __init__(self):
        self.wall = time.monotonic()
        self.ru = resource.getrusage(resource.RUSAGE_SELF)
        self.ctxt = thread_ctxt_switches()


def report(contender, a, count, nbytes, start, end, **extra):
    ru = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        'bench': 1, 'contender': contender, 'mode': a.mode, 'variant': a.variant,
        'size': a.size, 'count': count, 'bytes': nbytes,
        'seconds': end.wall - start.wall,
        'cpu_s': (end.ru.ru_utime - start.ru.ru_utime) + (end.ru.ru_stime - start.ru.ru_stime),
        'maxrss_kb': ru.ru_maxrss,
    }
    result.update(extra)
    print(json.dumps(result), flush=True)


def latency_extra(lat):
    if not lat:
        return {'lat_n': 0}
    lat.sort()
    n = len(lat)
    return {'lat_n': n, 'lat_p50_us': lat[n // 2], 'lat_p99_us': lat[min(int(n * 0.99), n - 1)],
            'lat_max_us': lat[-1]}


def die(msg):
    print('bench: ' + msg, file=sys.stderr)
    sys.exit(1)
