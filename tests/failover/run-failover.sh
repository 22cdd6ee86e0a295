#!/usr/bin/env bash
# Runs a failover test (the command line given) against a 3-node KRaft
# cluster of its own, started in a temporary folder and always stopped (and
# removed) when the test ends, fails or is interrupted.
#
#   tests/failover/run-failover.sh _build/tests/failover/test-failover --tap
#
# The test gets KAFKA_BOOTSTRAP_SERVERS, and KAFKA_GLIB_BROKER_SCRIPT and
# KAFKA_GLIB_FAILOVER_DIR to kill and restart nodes with
# tests/broker/kafka-broker.sh.  On failure, the end of each node's log goes
# to stderr.  KAFKA_GLIB_FAILOVER_KEEP=1 keeps the folder (logs) afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
broker="$here/../broker/kafka-broker.sh"
(($# >= 1)) || { echo "usage: $0 TEST [ARGS...]" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-failover.XXXXXX")
status=1
cleanup() {
    "$broker" stop --dir "$dir" >&2 || true
    if ((status != 0)); then
        for log in "$dir"/node*/server.log; do
            [[ -f $log ]] || continue
            echo "---- last lines of $log" >&2
            tail -n 30 "$log" >&2
        done
    fi
    if [[ ${KAFKA_GLIB_FAILOVER_KEEP:-0} == 1 ]]; then
        echo "failover: cluster files kept in $dir" >&2
    else
        rm -rf "$dir"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

bootstrap=$("$broker" start --nodes 3 --dir "$dir")
echo "failover: 3-node cluster at $bootstrap" >&2

set +e
KAFKA_BOOTSTRAP_SERVERS=$bootstrap \
KAFKA_GLIB_BROKER_SCRIPT=$broker \
KAFKA_GLIB_FAILOVER_DIR=$dir \
    "$@"
status=$?
set -e
exit "$status"
