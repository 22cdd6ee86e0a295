#!/usr/bin/env bash
# Runs the security tests (TLS, SASL/SCRAM-SHA-256, secrets) against a broker
# of their own: generates a throwaway PKI with openssl into a temporary
# directory, starts a 1-node broker with SSL and SASL_SSL listeners
# (tests/broker/kafka-broker.sh --security), runs the test programs given as
# arguments with the variables they read, and always stops the broker.
#
# Usage: run-security-tests.sh TEST_PROGRAM [ARGS...]
# KAFKA_SECURITY_TEST_WRAPPER, if set, is put before the test program
# (e.g. "valgrind --leak-check=full --error-exitcode=1").
# openssl and java are required: without them this FAILS, it does not skip.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BROKER=$HERE/../broker/kafka-broker.sh

(($# >= 1)) || { echo "usage: $0 TEST_PROGRAM [ARGS...]" >&2; exit 2; }
command -v openssl >/dev/null || { echo "run-security-tests.sh: openssl is required (apt-get install openssl)" >&2; exit 1; }
command -v "${JAVA:-java}" >/dev/null || { echo "run-security-tests.sh: java is required (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/kafka-glib-security.XXXXXX")
# shellcheck disable=SC2317 # (called by the trap)
cleanup() {
    "$BROKER" stop --dir "$work/broker" >&2 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rand() { head -c 9 /dev/urandom | base64 | tr '+/' 'xy'; }
# Distinctive secrets: the tests grep everything the library says for them.
export KAFKA_SCRAM_USER=alice
KAFKA_SCRAM_PASSWORD="kgsec-Scram-$(rand)"
KAFKA_CLIENT_KEY_PASSWORD="kgsec-KeyPw-$(rand)"
KAFKA_KEYSTORE_PASSWORD="kgsec-StorePw-$(rand)"
export KAFKA_SCRAM_PASSWORD KAFKA_CLIENT_KEY_PASSWORD KAFKA_KEYSTORE_PASSWORD
export KAFKA_SECURITY_DIR=$work/pki

"$HERE/gen-certs.sh" "$KAFKA_SECURITY_DIR" "$KAFKA_SCRAM_USER" "$KAFKA_SCRAM_PASSWORD" \
    "$KAFKA_CLIENT_KEY_PASSWORD" "$KAFKA_KEYSTORE_PASSWORD"

KAFKA_BOOTSTRAP_SERVERS=$("$BROKER" start --dir "$work/broker" --security "$KAFKA_SECURITY_DIR")
export KAFKA_BOOTSTRAP_SERVERS
KAFKA_SSL_BOOTSTRAP_SERVERS=$("$BROKER" bootstrap --dir "$work/broker" --listener ssl)
KAFKA_SASL_SSL_BOOTSTRAP_SERVERS=$("$BROKER" bootstrap --dir "$work/broker" --listener sasl_ssl)
export KAFKA_SSL_BOOTSTRAP_SERVERS KAFKA_SASL_SSL_BOOTSTRAP_SERVERS

# Under AddressSanitizer: a leak of librdkafka 2.0.2 that lsan.supp explains
# (full stacks, or the suppressions cannot see past OpenSSL's allocator).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$HERE/lsan.supp:fast_unwind_on_malloc=0}

read -r -a wrapper <<<"${KAFKA_SECURITY_TEST_WRAPPER:-}"
rc=0
"${wrapper[@]}" "$@" || rc=$?
exit "$rc"
