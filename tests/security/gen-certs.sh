#!/usr/bin/env bash
# Generates, with openssl, the throwaway PKI of the security tests into DIR:
#   ca.pem, ca.key            the test CA (the one clients must trust)
#   wrong-ca.pem              a second, unrelated CA (clients trusting only it
#                             must refuse the broker)
#   broker.pem                broker key (PKCS#8, unencrypted) + certificate
#                             for 127.0.0.1 and localhost (SAN) + CA: Kafka's
#                             file-based PEM keystore (kafka-broker.sh --security)
#   client.key, client.crt    a client key encrypted with CLIENT_KEY_PASSWORD,
#                             and its certificate (for ssl.key.pem/ssl.key.password)
#   client.p12                the same as a PKCS#12 keystore protected by
#                             KEYSTORE_PASSWORD (for ssl.keystore.password)
#   scram-users               `NAME PASSWORD` for the broker's SCRAM credentials
#
# Usage: gen-certs.sh DIR SCRAM_USER SCRAM_PASSWORD CLIENT_KEY_PASSWORD KEYSTORE_PASSWORD
set -euo pipefail

(($# == 5)) || { echo "usage: $0 DIR SCRAM_USER SCRAM_PASSWORD CLIENT_KEY_PASSWORD KEYSTORE_PASSWORD" >&2; exit 2; }
dir=$1 user=$2 password=$3 key_password=$4 keystore_password=$5
command -v openssl >/dev/null || { echo "gen-certs.sh: openssl not found (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
umask 077

ossl() { openssl "$@" 2>openssl.err || { cat openssl.err >&2; exit 1; }; }

# Two CAs (EC P-256 keys: fast to make, and every TLS stack takes them).
for ca in ca wrong-ca; do
    ossl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -keyout "$ca.key" -out "$ca.pem" -days 2 -subj "/CN=kafka-glib test $ca" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
done

# The broker: a certificate for 127.0.0.1 and localhost, signed by ca.
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out broker.key
ossl req -new -key broker.key -subj "/CN=localhost" -out broker.csr
cat >broker.ext <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
ossl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
    -days 2 -extfile broker.ext -out broker.crt
cat broker.key broker.crt ca.pem >broker.pem

# A client key and certificate (the broker does not ask for one; the tests
# use them to check that their passwords stay secret).
ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -aes-256-cbc -pass "pass:$key_password" -out client.key
ossl req -new -key client.key -passin "pass:$key_password" -subj "/CN=kafka-glib test client" -out client.csr
printf 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n' >client.ext
ossl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
    -days 2 -extfile client.ext -out client.crt
ossl pkcs12 -export -inkey client.key -passin "pass:$key_password" -in client.crt \
    -certfile ca.pem -passout "pass:$keystore_password" -out client.p12

printf '%s %s\n' "$user" "$password" >scram-users
rm -f ./*.csr ./*.ext ./*.srl openssl.err
# The broker runs as us; the test reads ca.pem and the client files.
chmod 644 ca.pem wrong-ca.pem
