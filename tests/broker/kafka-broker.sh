#!/usr/bin/env bash
# Run a real Apache Kafka broker (KRaft, 1 or 3 nodes on 127.0.0.1) for the
# kafka-glib integration tests.  The broker comes from Maven Central through
# pom.xml beside this script, so nothing has to be installed by hand: JDK 17
# and Maven are the only requirements (kcat is used, and installed with apt-get
# when running as root, to check that the cluster answers metadata requests).
#
# Usage:
#   kafka-broker.sh fetch
#   kafka-broker.sh start [--nodes 1|3] [--dir DIR]   # last stdout line: bootstrap
#   kafka-broker.sh stop [--dir DIR]
#   kafka-broker.sh kill NODE_INDEX [--dir DIR]         # SIGKILL one node
#   kafka-broker.sh restart-node NODE_INDEX [--dir DIR] # start it again, wait
#   kafka-broker.sh bootstrap [--dir DIR] [--listener plaintext|ssl|sasl_ssl]
#
# Security listeners (tests/security): `start --security SDIR` adds, beside
# PLAINTEXT on every node, an SSL listener and a SASL_SSL listener
# (SCRAM-SHA-256).  SDIR holds what the caller generated:
#   broker.pem    the node's private key (unencrypted PKCS#8) followed by its
#                 certificate chain, PEM (Kafka's file-based PEM keystore)
#   scram-users   optional, one `NAME PASSWORD` a line: SCRAM-SHA-256
#                 credentials written at format time (StorageTool --add-scram)
# `bootstrap --listener ssl|sasl_ssl` prints their addresses; without
# --security, `start` and `bootstrap` behave (and print) as before.
#
# Only the bootstrap string ever goes to stdout; everything else to stderr, so
# `BOOTSTRAP=$(tests/broker/kafka-broker.sh start)` works.
#
# Layout of DIR (default ${KAFKA_GLIB_BROKER_DIR:-${TMPDIR:-/tmp}/kafka-glib-broker}):
#   bootstrap, nodes, cluster.id
#   nodeI/{server.properties,log4j.properties,pid,server.log,stdout.log,data/}
# Node index I (0-based) is also the Kafka node.id of that node.
#
# Environment:
#   KAFKA_GLIB_BROKER_CACHE      jar cache (default ~/.cache/kafka-glib/kafka-3.9)
#   KAFKA_GLIB_BROKER_DIR        default for --dir
#   KAFKA_GLIB_BROKER_JAVA_OPTS  extra JVM options for the nodes
#   KAFKA_GLIB_BROKER_TIMEOUT    seconds to wait for the cluster (default 120)
#   JAVA_HOME / JAVA             which java to run

set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
POM="$SCRIPT_DIR/pom.xml"
CACHE_DIR=${KAFKA_GLIB_BROKER_CACHE:-${HOME:-/root}/.cache/kafka-glib/kafka-3.9}
DIR=${KAFKA_GLIB_BROKER_DIR:-${TMPDIR:-/tmp}/kafka-glib-broker}
NODES=1
SECURITY_DIR=
LISTENER=plaintext
TIMEOUT=${KAFKA_GLIB_BROKER_TIMEOUT:-120}

if [[ -n ${JAVA:-} ]]; then
    :
elif [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    JAVA=$JAVA_HOME/bin/java
else
    JAVA=java
fi

# -Xmx512m is plenty for tests.  On 2 cores, the C1 compiler alone and the
# serial GC start a 3-node cluster in ~6 s instead of ~9 s, with no throughput
# loss visible at test scale (KAFKA_GLIB_BROKER_JAVA_OPTS, appended last, can
# override them).  ExitOnOutOfMemoryError: a broken node dies, and we notice.
FAST_JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
read -r -a JVM_OPTS <<<"-Xmx512m -Xms256m $FAST_JVM_OPTS -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true ${KAFKA_GLIB_BROKER_JAVA_OPTS:-}"

log() { printf 'kafka-broker: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    sed -n '/^# Usage:/,/^#$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------- fetch ----

# The cache is valid when its marker holds the checksum of the pom that filled
# it, so editing pom.xml (e.g. bumping the version) refetches automatically.
cache_stamp() { sha256sum "$POM" | cut -d' ' -f1; }

cache_ok() {
    [[ -f $CACHE_DIR/.complete && $(cat "$CACHE_DIR/.complete") == "$(cache_stamp)" ]] &&
        compgen -G "$CACHE_DIR/kafka_2.13-*.jar" >/dev/null
}

cmd_fetch() {
    if cache_ok; then
        log "jars already in $CACHE_DIR"
        return 0
    fi
    command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
    mkdir -p "$(dirname "$CACHE_DIR")"
    # Two test runs may fetch at once: serialize, and fill a temporary folder
    # that is renamed into place only when complete.
    exec 9>"$CACHE_DIR.lock"
    flock 9
    if cache_ok; then
        exec 9>&-
        log "jars already in $CACHE_DIR"
        return 0
    fi
    local tmp="$CACHE_DIR.tmp.$$"
    rm -rf "$tmp"
    log "resolving Kafka broker jars with Maven into $CACHE_DIR"
    # (sed: Maven 3.8 prints colour resets even with -B -q.)
    if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 |
        sed 's/\x1b\[[0-9;]*m//g' >&2; then
        rm -rf "$tmp"
        die "mvn dependency:copy-dependencies failed"
    fi
    compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "no kafka_2.13 jar after mvn"
    cache_stamp >"$tmp/.complete"
    rm -rf "$CACHE_DIR"
    mv "$tmp" "$CACHE_DIR"
    exec 9>&-
    log "fetched $(basename "$(compgen -G "$CACHE_DIR/kafka_2.13-*.jar")")"
}

# ------------------------------------------------------------- helpers ----

node_dir() { echo "$DIR/node$1"; }

# Is PID alive and really the node of NODE_DIR?  Checking the command line
# guards against killing an unrelated process that reused a stale pid.
pid_is_node() {
    local pid=$1 nd=$2
    local cmdline
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    # (Into a variable, not a pipe: with pipefail, grep -q exiting early
    # could fail the writer with SIGPIPE.)
    cmdline=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    grep -Fxq -- "$nd/server.properties" <<<"$cmdline"
}

# Prints the pid of node I if it is running.
node_pid() {
    local nd pid
    nd=$(node_dir "$1")
    [[ -f $nd/pid ]] || return 1
    pid=$(<"$nd/pid")
    pid_is_node "$pid" "$nd" || return 1
    echo "$pid"
}

node_count() {
    [[ -f $DIR/nodes ]] || die "no cluster set up in $DIR (run start first)"
    cat "$DIR/nodes"
}

check_index() {
    local n
    n=$(node_count)
    if ! [[ $1 =~ ^[0-9]+$ ]] || ((10#$1 >= n)); then
        die "node index must be 0..$((n - 1)), got '$1'"
    fi
}

# COUNT distinct free TCP ports on 127.0.0.1.  They are drawn from
# 20000-32767, below Linux's ephemeral range, so that outgoing connections of
# other processes cannot grab one between now and the broker's bind().
free_ports() {
    local count=$1 out
    if command -v python3 >/dev/null 2>&1 && out=$(python3 - "$count" 2>/dev/null <<'EOF'
import random, socket, sys
want, held = int(sys.argv[1]), []
while len(held) < want:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", random.randrange(20000, 32768)))
    except OSError:
        s.close()
        continue
    held.append(s)
print(" ".join(str(s.getsockname()[1]) for s in held))
for s in held:
    s.close()
EOF
    ); then
        echo "$out"
    else
        # No python: take ports nobody answers on (bash /dev/tcp probe).
        local ports=() p
        while ((${#ports[@]} < count)); do
            p=$((20000 + RANDOM % 12768))
            [[ " ${ports[*]} " == *" $p "* ]] && continue
            (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
            ports+=("$p")
        done
        echo "${ports[*]}"
    fi
}

# Kafka cluster ids are 16 random bytes in unpadded base64url.  Making one here
# saves a JVM start (StorageTool random-uuid); like Kafka, avoid a leading '-'
# which its command line tools would take for an option.
new_cluster_id() {
    local id
    while :; do
        id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
        [[ $id != -* ]] && { echo "$id"; return; }
    done
}

ensure_kcat() {
    KCAT=$(command -v kcat || command -v kafkacat || true)
    [[ -n $KCAT ]] && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        log "installing kcat with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q kcat >&2 ||
            { apt-get update -q >&2 && apt-get install -y -q kcat >&2; } ||
            log "warning: could not install kcat"
    fi
    KCAT=$(command -v kcat || command -v kafkacat || true)
    [[ -n $KCAT ]]
}

# ------------------------------------------------------- configuration ----

write_node_config() {
    local i=$1 nodes=$2 voters=$3 bport=$4 cport=$5
    local nd rf misr
    nd=$(node_dir "$i")
    mkdir -p "$nd/data"
    if ((nodes >= 3)); then rf=3 misr=2; else rf=1 misr=1; fi

    cat >"$nd/server.properties" <<EOF
# Generated by kafka-broker.sh: node $i of a $nodes-node KRaft test cluster.
process.roles=broker,controller
node.id=$i
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$bport,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$bport
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$nd/data

auto.create.topics.enable=true
num.partitions=4
default.replication.factor=$rf
min.insync.replicas=$misr
offsets.topic.replication.factor=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$misr
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=$misr
# 50 partitions each (the default) make the first group/transaction slow to
# set up on a small machine; a handful is enough for tests.
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5

# Tests want consumer groups to form at once.
group.initial.rebalance.delay.ms=0
# An authorizer, so that the admin client's ACL calls (tests/test-admin-broker.c)
# have something to create, describe and delete. Everyone may still do
# everything: PLAINTEXT clients, the other nodes and the controller are
# User:ANONYMOUS, a super user, and a resource with no ACL is open to all
# (the SASL users of --security).
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
allow.everyone.if.no.acl.found=true
# Default is 128 MB of heap, too much for -Xmx512m.
log.cleaner.dedupe.buffer.size=8388608
# Failover tests: a killed node is fenced (and its partitions move) after
# broker.session.timeout.ms, 9 s by default.
broker.heartbeat.interval.ms=500
EOF
    if ((nodes >= 3)); then
        echo "broker.session.timeout.ms=3000" >>"$nd/server.properties"
    fi

    cat >"$nd/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$nd/server.log
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF

    # For StorageTool: warnings only, to its own output.
    cat >"$nd/log4j-tools.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

format_nodes() {
    local nodes=$1 cid=$2 i nd
    local -a pids=() extra=()
    # (--security only: SCRAM credentials)
    mapfile -d '' -t extra < <(security_format_args)
    # One JVM per node; run them side by side, it is the slow part of setup.
    for ((i = 0; i < nodes; i++)); do
        nd=$(node_dir "$i")
        # shellcheck disable=SC2086 # FAST_JVM_OPTS is a list of options
        "$JAVA" -Xmx256m $FAST_JVM_OPTS -cp "$CACHE_DIR/*" \
            -Dlog4j.configuration="file:$nd/log4j-tools.properties" \
            kafka.tools.StorageTool format -t "$cid" -c "$nd/server.properties" \
            --ignore-formatted "${extra[@]}" </dev/null >"$nd/format.log" 2>&1 &
        pids+=($!)
    done
    for ((i = 0; i < nodes; i++)); do
        if ! wait "${pids[i]}"; then
            cat "$(node_dir "$i")/format.log" >&2
            die "formatting storage of node $i failed"
        fi
    done
}

# ------------------------------------------------- security listeners ----
# (Only used with --security; kept in one block.)

security_check() {
    [[ -z $SECURITY_DIR ]] && return 0
    SECURITY_DIR=$(realpath -m -- "$SECURITY_DIR")
    [[ -r $SECURITY_DIR/broker.pem ]] ||
        die "--security: $SECURITY_DIR/broker.pem (key + certificate chain, PEM) is missing"
}

# security_ports: allots the SSL and SASL_SSL ports of every node and writes
# the bootstrap-ssl and bootstrap-sasl_ssl files.
security_ports() {
    [[ -z $SECURITY_DIR ]] && return 0
    local -a ports
    local i ssl="" sasl=""
    read -r -a ports <<<"$(free_ports $((2 * NODES)))"
    ((${#ports[@]} == 2 * NODES)) || die "could not find free ports"
    SECURITY_SSL_PORTS=() SECURITY_SASL_PORTS=()
    for ((i = 0; i < NODES; i++)); do
        SECURITY_SSL_PORTS+=("${ports[2 * i]}")
        SECURITY_SASL_PORTS+=("${ports[2 * i + 1]}")
        ssl+="${ssl:+,}127.0.0.1:${ports[2 * i]}"
        sasl+="${sasl:+,}127.0.0.1:${ports[2 * i + 1]}"
    done
    echo "$ssl" >"$DIR/bootstrap-ssl"
    echo "$sasl" >"$DIR/bootstrap-sasl_ssl"
}

# security_node_config I: adds the SSL and SASL_SSL listeners to node I's
# server.properties, with their TLS and SASL settings.
security_node_config() {
    [[ -z $SECURITY_DIR ]] && return 0
    local i=$1 nd props sport saport
    nd=$(node_dir "$i")
    props=$nd/server.properties
    sport=${SECURITY_SSL_PORTS[i]} saport=${SECURITY_SASL_PORTS[i]}
    sed -i \
        -e "s|^listeners=\(.*\)$|listeners=\1,SSL://127.0.0.1:$sport,SASL_SSL://127.0.0.1:$saport|" \
        -e "s|^advertised.listeners=\(.*\)$|advertised.listeners=\1,SSL://127.0.0.1:$sport,SASL_SSL://127.0.0.1:$saport|" \
        -e "s|^listener.security.protocol.map=\(.*\)$|listener.security.protocol.map=\1,SSL:SSL,SASL_SSL:SASL_SSL|" \
        "$props"
    cat >>"$props" <<EOF

# Security listeners (kafka-broker.sh --security $SECURITY_DIR)
ssl.keystore.type=PEM
ssl.keystore.location=$SECURITY_DIR/broker.pem
ssl.client.auth=none
sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
EOF
}

# Prints, NUL-separated, the StorageTool arguments that add the SCRAM
# credentials of scram-users.
security_format_args() {
    [[ -z $SECURITY_DIR || ! -f $SECURITY_DIR/scram-users ]] && return 0
    local name password
    while read -r name password; do
        [[ -z $name || $name == \#* ]] && continue
        printf '%s\0%s\0' --add-scram "SCRAM-SHA-256=[name=$name,password=$password]"
    done <"$SECURITY_DIR/scram-users"
}

# --------------------------------------------------------- run / wait -----

launch_node() {
    local i=$1 nd pid
    nd=$(node_dir "$i")
    # Own session (setsid), stdin/stdout/stderr on files: the broker must not
    # hold the caller's pipes open (`$(kafka-broker.sh start)` would hang) nor
    # get the caller's terminal signals.
    echo "=== $(date '+%F %T') starting node $i" >>"$nd/stdout.log"
    if command -v setsid >/dev/null; then
        setsid "$JAVA" "${JVM_OPTS[@]}" -cp "$CACHE_DIR/*" \
            -Dlog4j.configuration="file:$nd/log4j.properties" \
            kafka.Kafka "$nd/server.properties" </dev/null >>"$nd/stdout.log" 2>&1 &
    else
        "$JAVA" "${JVM_OPTS[@]}" -cp "$CACHE_DIR/*" \
            -Dlog4j.configuration="file:$nd/log4j.properties" \
            kafka.Kafka "$nd/server.properties" </dev/null >>"$nd/stdout.log" 2>&1 &
    fi
    pid=$!
    echo "$pid" >"$nd/pid"
    # Until the child has exec'd Java, its command line is this script's, and
    # node_pid would take a node still starting for a dead one (a loaded
    # machine showed it: "failed to restart" while the node came up). Wait
    # for the exec, or for the child to end.
    local deadline=$((SECONDS + 30))
    while ! pid_is_node "$pid" "$nd" && kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.05
    done
}

show_node_log() {
    local nd
    nd=$(node_dir "$1")
    log "---- node $1: last lines of $nd/server.log"
    tail -n 40 "$nd/server.log" >&2 2>/dev/null || true
    log "---- node $1: last lines of $nd/stdout.log"
    tail -n 20 "$nd/stdout.log" >&2 2>/dev/null || true
}

# How many times node I logged that it is ready (server.log is appended to on
# restart, so a restart waits for one more).
started_count() {
    local f
    f=$(node_dir "$1")/server.log
    if [[ -f $f ]]; then grep -c 'Kafka Server started' "$f" || true; else echo 0; fi
}

# wait_started DEADLINE I:COUNT...  Waits until every node I logged "Kafka
# Server started" more than COUNT times.
# Returns 2 if a node failed to bind its port (caller may retry), 1 otherwise.
wait_started() {
    local deadline=$1
    shift
    local -A pending=()
    local spec i nd
    for spec in "$@"; do pending[${spec%%:*}]=${spec#*:}; done
    while ((${#pending[@]} > 0)); do
        for i in "${!pending[@]}"; do
            nd=$(node_dir "$i")
            if (($(started_count "$i") > pending[$i])); then
                unset "pending[$i]"
                log "node $i started"
            elif ! node_pid "$i" >/dev/null; then
                log "node $i died while starting"
                show_node_log "$i"
                if grep -qs 'Address already in use' "$nd/server.log" "$nd/stdout.log"; then
                    return 2
                fi
                return 1
            fi
        done
        ((${#pending[@]} == 0)) && break
        if ((SECONDS >= deadline)); then
            for i in "${!pending[@]}"; do
                log "node $i did not start within ${TIMEOUT}s"
                show_node_log "$i"
            done
            return 1
        fi
        sleep 0.25
    done
}

# Wait until a client sees all NODES brokers in a metadata response, asking
# each node in turn (their metadata caches catch up independently).
wait_metadata() {
    local deadline=$1 nodes=$2 bootstrap out addr
    bootstrap=$(<"$DIR/bootstrap")
    if ! ensure_kcat; then
        # Not root and no kcat: at least check that the ports accept.
        log "warning: kcat unavailable, only checking that the broker ports accept connections"
        for addr in ${bootstrap//,/ }; do
            until (exec 3<>"/dev/tcp/${addr%:*}/${addr##*:}") 2>/dev/null; do
                ((SECONDS < deadline)) || { log "$addr does not accept connections"; return 1; }
                sleep 0.5
            done
        done
        return 0
    fi
    for addr in ${bootstrap//,/ }; do
        while :; do
            out=$("$KCAT" -L -b "$addr" -m 5 2>/dev/null || true)
            grep -q "^ *$nodes brokers:" <<<"$out" && break
            if ((SECONDS >= deadline)); then
                log "metadata from $addr did not list $nodes brokers within ${TIMEOUT}s; last answer:"
                printf '%s\n' "$out" >&2
                return 1
            fi
            sleep 0.25
        done
    done
    log "metadata lists $nodes broker(s)"
}

# ------------------------------------------------------------ commands -----

# stop_nodes [quiet]
stop_nodes() {
    local i n pid nd
    local -a pids=() idx=()
    n=$(cat "$DIR/nodes" 2>/dev/null || echo 0)
    for ((i = 0; i < n; i++)); do
        if pid=$(node_pid "$i"); then
            pids+=("$pid")
            idx+=("$i")
        fi
    done
    if ((${#pids[@]} == 0)); then
        [[ ${1:-} == quiet ]] || log "no running node in $DIR"
    else
        log "stopping node(s) ${idx[*]} (pids ${pids[*]})"
        # All at once: each combined node keeps its controller up while its
        # broker does a controlled shutdown, so the quorum survives this.
        kill -TERM "${pids[@]}" 2>/dev/null || true
        # (A 3-node cluster takes ~6 s: the last Raft leader waits 5 s for
        # peers that are already gone before giving up its leadership.)
        local deadline=$((SECONDS + 30)) killed=0 alive
        while :; do
            alive=()
            for ((i = 0; i < ${#pids[@]}; i++)); do
                pid_is_node "${pids[i]}" "$(node_dir "${idx[i]}")" && alive+=("${pids[i]}")
            done
            ((${#alive[@]} == 0)) && break
            if ((SECONDS >= deadline)); then
                ((killed)) && die "pids ${alive[*]} survived SIGKILL"
                log "still running after 30s, SIGKILL: ${alive[*]}"
                kill -KILL "${alive[@]}" 2>/dev/null || true
                killed=1 deadline=$((SECONDS + 10))
            fi
            sleep 0.25
        done
    fi
    for ((i = 0; i < n; i++)); do
        nd=$(node_dir "$i")
        node_pid "$i" >/dev/null || rm -f "$nd/pid"
    done
}

cmd_stop() {
    [[ -d $DIR ]] || { log "nothing in $DIR"; return 0; }
    stop_nodes
}

cmd_start() {
    [[ $NODES == 1 || $NODES == 3 ]] || die "--nodes must be 1 or 3"
    command -v "$JAVA" >/dev/null || die "java not found (apt-get install openjdk-17-jre-headless)"
    security_check
    cmd_fetch
    mkdir -p "$DIR"
    # A crashed test run may have left a cluster behind in DIR: stop it.
    [[ -f $DIR/nodes ]] && stop_nodes quiet

    local t0=$SECONDS attempt rc
    for attempt in 1 2 3; do
        # Fresh state on every start; only our own files are removed.
        rm -rf "$DIR"/node[0-9]* "$DIR/bootstrap" "$DIR/cluster.id" "$DIR/nodes" \
            "$DIR/bootstrap-ssl" "$DIR/bootstrap-sasl_ssl"

        local -a ports bports=() cports=()
        read -r -a ports <<<"$(free_ports $((2 * NODES)))"
        ((${#ports[@]} == 2 * NODES)) || die "could not find free ports"
        local i voters="" bootstrap="" cid
        for ((i = 0; i < NODES; i++)); do
            bports+=("${ports[2 * i]}")
            cports+=("${ports[2 * i + 1]}")
            voters+="${voters:+,}$i@127.0.0.1:${cports[i]}"
            bootstrap+="${bootstrap:+,}127.0.0.1:${bports[i]}"
        done
        cid=$(new_cluster_id)
        security_ports
        for ((i = 0; i < NODES; i++)); do
            write_node_config "$i" "$NODES" "$voters" "${bports[i]}" "${cports[i]}"
            security_node_config "$i"
        done
        echo "$NODES" >"$DIR/nodes"
        echo "$cid" >"$DIR/cluster.id"
        echo "$bootstrap" >"$DIR/bootstrap"

        log "formatting $NODES node(s), cluster id $cid"
        format_nodes "$NODES" "$cid"
        log "starting $NODES node(s) in $DIR, bootstrap $bootstrap"
        local -a specs=()
        for ((i = 0; i < NODES; i++)); do
            launch_node "$i"
            specs+=("$i:0")
        done

        local deadline=$((t0 + TIMEOUT))
        rc=0
        wait_started "$deadline" "${specs[@]}" || rc=$?
        if ((rc == 0)); then
            wait_metadata "$deadline" "$NODES" || rc=1
        fi
        ((rc == 0)) && break
        stop_nodes
        if ((rc == 2 && attempt < 3)); then
            log "a port was taken meanwhile, retrying with other ports"
            continue
        fi
        die "cluster failed to start (logs kept in $DIR)"
    done

    log "cluster of $NODES node(s) up in $((SECONDS - t0))s"
    cat "$DIR/bootstrap"
}

cmd_kill() {
    local i=$1 pid nd
    check_index "$i"
    nd=$(node_dir "$i")
    if ! pid=$(node_pid "$i"); then
        log "node $i is not running"
        return 0
    fi
    log "SIGKILL node $i (pid $pid)"
    kill -KILL "$pid"
    local deadline=$((SECONDS + 10))
    while pid_is_node "$pid" "$nd"; do
        ((SECONDS < deadline)) || die "node $i (pid $pid) survived SIGKILL"
        sleep 0.1
    done
    rm -f "$nd/pid"
}

cmd_restart_node() {
    local i=$1 nd count n
    check_index "$i"
    n=$(node_count)
    nd=$(node_dir "$i")
    if node_pid "$i" >/dev/null; then
        die "node $i is still running (kill or stop it first)"
    fi
    command -v "$JAVA" >/dev/null || die "java not found"
    cache_ok || die "jars missing in $CACHE_DIR (run fetch)"
    count=$(started_count "$i")
    local t0=$SECONDS
    log "restarting node $i"
    launch_node "$i"
    local deadline=$((t0 + TIMEOUT))
    if ! wait_started "$deadline" "$i:$count" || ! wait_metadata "$deadline" "$n"; then
        die "node $i failed to restart (logs in $nd)"
    fi
    log "node $i back in $((SECONDS - t0))s"
}

cmd_bootstrap() {
    [[ -f $DIR/bootstrap ]] || die "no cluster set up in $DIR (run start first)"
    case $LISTENER in
    plaintext) cat "$DIR/bootstrap" ;;
    ssl | sasl_ssl)
        [[ -f $DIR/bootstrap-$LISTENER ]] ||
            die "the cluster in $DIR has no $LISTENER listener (start it with --security)"
        cat "$DIR/bootstrap-$LISTENER"
        ;;
    *) die "--listener must be plaintext, ssl or sasl_ssl" ;;
    esac
}

# ---------------------------------------------------------------- main -----

(($# >= 1)) || usage
CMD=$1
shift
ARGS=()
while (($#)); do
    case $1 in
    --dir) DIR=${2:?--dir needs a value}; shift 2 ;;
    --dir=*) DIR=${1#--dir=}; shift ;;
    --nodes) NODES=${2:?--nodes needs a value}; shift 2 ;;
    --nodes=*) NODES=${1#--nodes=}; shift ;;
    --security) SECURITY_DIR=${2:?--security needs a directory}; shift 2 ;;
    --security=*) SECURITY_DIR=${1#--security=}; shift ;;
    --listener) LISTENER=${2:?--listener needs a value}; shift 2 ;;
    --listener=*) LISTENER=${1#--listener=}; shift ;;
    -h | --help) usage ;;
    -*) die "unknown option $1" ;;
    *) ARGS+=("$1"); shift ;;
    esac
done
# Absolute, because it is written into the node configs and matched against
# the brokers' command lines.
DIR=$(realpath -m -- "$DIR")

case $CMD in
kill | restart-node) ((${#ARGS[@]} == 1)) || usage ;;
*) ((${#ARGS[@]} == 0)) || usage ;;
esac

case $CMD in
fetch) cmd_fetch ;;
start) cmd_start ;;
stop) cmd_stop ;;
kill) cmd_kill "${ARGS[0]}" ;;
restart-node) cmd_restart_node "${ARGS[0]}" ;;
bootstrap) cmd_bootstrap ;;
-h | --help | help) usage ;;
*) log "unknown command $CMD"; usage ;;
esac
