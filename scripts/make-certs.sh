#!/usr/bin/env bash
# scripts/make-certs.sh DIR
#
# Creates, in DIR, the private certificate authority and the certificates
# that parhub's processes use for mutual TLS between the gateway and the
# services, and between reporting and the services it calls:
#
#   ca.pem, ca.key              the CA (EC P-256, 10 years); ca.key signs, it
#                               is never given to a process
#   <name>.pem, <name>.key      one per process below (EC P-256, 2 years):
#                               CN=<name>, subjectAltName DNS:<name>,
#                               DNS:localhost, IP:127.0.0.1, extended key
#                               usage serverAuth and clientAuth (a service
#                               serves with it; the gateway, and reporting
#                               towards directory, tasks, staffing, finance
#                               and complaints, call with it)
#
# Idempotent: a file that is still good is kept. The CA is replaced when it
# is missing, unreadable, does not match its key or expires within 30 days;
# a process's certificate when it is missing, does not match its key, is not
# signed by the current CA, lacks the names or usages above, or expires
# within 30 days. Replacing the CA replaces every certificate.
#
# DIR is made mode 0700 and every *.key 0600; certificates are 0644.
# Needs only openssl.
set -euo pipefail

NAMES=(gateway directory tasks staffing finance complaints reporting)
CA_DAYS=3650
CERT_DAYS=730
RENEW_BEFORE_S=$((30 * 24 * 3600))

if [ "$#" -ne 1 ] || [ -z "$1" ] || [ "${1#-}" != "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
command -v openssl >/dev/null 2>&1 || { echo "error: openssl is not installed" >&2; exit 1; }
dir="$1"

umask 077
mkdir -p "$dir"
chmod 0700 "$dir"
work="$(mktemp -d "$dir/.make-certs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say() { printf 'make-certs: %s\n' "$*" >&2; }

# The public key of a certificate and of a private key, to see that they pair.
cert_pub() { openssl x509 -in "$1" -noout -pubkey 2>/dev/null; }
key_pub() { openssl pkey -in "$1" -pubout 2>/dev/null; }
pair_ok() {
  local c k
  c="$(cert_pub "$1")" && k="$(key_pub "$2")" && [ -n "$c" ] && [ "$c" = "$k" ]
}
fresh() { openssl x509 -in "$1" -noout -checkend "$RENEW_BEFORE_S" >/dev/null 2>&1; }

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
serial() { printf '0x%s' "$(openssl rand -hex 16)"; }

ca_ok() {
  [ -s "$dir/ca.pem" ] && [ -s "$dir/ca.key" ] && pair_ok "$dir/ca.pem" "$dir/ca.key" && fresh "$dir/ca.pem" &&
    openssl x509 -in "$dir/ca.pem" -noout -ext basicConstraints 2>/dev/null | grep -q 'CA:TRUE'
}

make_ca() {
  cat >"$work/ca.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = parhub private CA
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
  new_key "$work/ca.key"
  openssl req -x509 -new -config "$work/ca.cnf" -extensions ca_ext -key "$work/ca.key" -sha256 \
    -days "$CA_DAYS" -set_serial "$(serial)" -out "$work/ca.pem"
  # Key first: a ca.pem without its key is never left behind.
  mv -f "$work/ca.key" "$dir/ca.key"
  mv -f "$work/ca.pem" "$dir/ca.pem"
  say "created ca.pem, ca.key"
}

expected_san() { printf 'DNS:%s, DNS:localhost, IP Address:127.0.0.1' "$1"; }

leaf_ok() {
  local name="$1" pem="$dir/$1.pem" key="$dir/$1.key" san
  [ -s "$pem" ] && [ -s "$key" ] && pair_ok "$pem" "$key" && fresh "$pem" || return 1
  openssl verify -CAfile "$dir/ca.pem" -purpose sslserver "$pem" >/dev/null 2>&1 || return 1
  openssl verify -CAfile "$dir/ca.pem" -purpose sslclient "$pem" >/dev/null 2>&1 || return 1
  san="$(openssl x509 -in "$pem" -noout -ext subjectAltName 2>/dev/null | sed -n '2{s/^[[:space:]]*//;p}')"
  [ "$san" = "$(expected_san "$name")" ] || return 1
  openssl x509 -in "$pem" -noout -subject -nameopt RFC2253 2>/dev/null | grep -qx "subject=CN=$name"
}

make_leaf() {
  local name="$1"
  cat >"$work/$name.cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
[dn]
CN = $name
[leaf_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$name, DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  new_key "$work/$name.key"
  openssl req -new -config "$work/$name.cnf" -key "$work/$name.key" -out "$work/$name.csr"
  openssl x509 -req -in "$work/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -sha256 \
    -days "$CERT_DAYS" -set_serial "$(serial)" -extfile "$work/$name.cnf" -extensions leaf_ext \
    -out "$work/$name.pem" 2>/dev/null
  mv -f "$work/$name.key" "$dir/$name.key"
  mv -f "$work/$name.pem" "$dir/$name.pem"
  say "created $name.pem, $name.key"
}

if ca_ok; then say "kept ca.pem, ca.key"; else make_ca; fi
kept=()
for name in "${NAMES[@]}"; do
  if leaf_ok "$name"; then kept+=("$name"); else make_leaf "$name"; fi
done
[ ${#kept[@]} -eq 0 ] || say "kept the still-valid certificates of: ${kept[*]}"

chmod 0700 "$dir"
chmod 0600 "$dir"/*.key
chmod 0644 "$dir"/*.pem
