#!/usr/bin/env bash
# Makes the keys for TLS with client certificates: a private CA, an engine key and a client key
# signed by it, and a trust store holding only the CA. Uses the JDK's keytool; nothing else.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir="$STATE_DIR/tls"
days=365
san=""
force=0
while (($#)); do
  case "$1" in
    --dir) need_value "$@"; dir=$2; shift 2 ;;
    --days) need_value "$@"; days=$2; shift 2 ;;
    --san) need_value "$@"; san=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help)
      cat <<'USAGE'
usage: scripts/make-certs.sh [--dir DIR] [--days N] [--san ip:ADDR,dns:NAME] [--force]

Makes, in DIR (default $REDDITCLONE_STATE/tls, i.e. .run/tls):
  ca.p12          the private CA's key: it signs engine and client keys. Keep it off the hosts
                  that run engine and clients once the keys are made.
  engine.p12      the engine's key and certificate (signed by the CA)
  client.p12      a client's key and certificate (signed by the CA); copy it to client hosts
  truststore.p12  the CA's certificate only: engine and clients trust what the CA signed
  password        the password of the four stores (mode 600)
Then: scripts/start-engine.sh --embedded-registry --tls DIR ..., scripts/cli.sh --tls DIR ...
(or export REDDITCLONE_TLS=DIR). The engine refuses any client without a certificate signed
by this CA. --san adds subject alternative names to the engine's certificate. EC P-256 keys,
valid N days (default 365). Refuses to overwrite an existing DIR/ca.p12 unless --force.
USAGE
      exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done
[[ "$days" =~ ^[0-9]+$ ]] && ((days >= 1)) || usage_error "--days '$days' must be a positive number"
KEYTOOL="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"
command -v "$KEYTOOL" >/dev/null || die "keytool not found; it comes with the JDK (set JAVA_HOME)"
if [[ -f "$dir/ca.p12" ]] && ((!force)); then
  die "$dir/ca.p12 exists; pass --force to make new keys (clients with the old ones will be refused)"
fi

mkdir -p "$dir"
chmod 700 "$dir"
rm -f "$dir"/{ca,engine,client,truststore}.p12 "$dir"/*.signing.p12 "$dir"/*.pem "$dir"/*.csr
umask 077
pw=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
printf '%s' "$pw" >"$dir/password"

# Each keytool run is a JVM start, the bulk of the time: 7 runs, at most 3 after one another, the
# rest in parallel. JDK 17's -genkeypair -signer makes a key already signed by the CA, so no
# certificate request and reply; the signing happens in a copy of ca.p12 per role, from which the
# role's own store takes just its key entry (with the chain: its certificate and the CA's).
kt() {
  local err
  err=$(mktemp "$dir/keytool.XXXXXX")
  "$KEYTOOL" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -J-XX:-UsePerfData -J-Xshare:auto "$@" >"$err" 2>&1 \
    || { cat "$err" >&2; rm -f "$err"; die "keytool $1 failed"; }
  rm -f "$err"
}
store=(-storetype PKCS12 -storepass "$pw")

kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=redditclone CA" \
  -ext bc:c -validity "$days" -keystore "$dir/ca.p12" "${store[@]}"

make_role() {
  local role=$1 ext=(-ext KU=digitalSignature -ext EKU=serverAuth,clientAuth)
  [[ "$role" == engine && -n "$san" ]] && ext+=(-ext "SAN=$san")
  cp "$dir/ca.p12" "$dir/$role.signing.p12"
  kt -genkeypair -alias "$role" -keyalg EC -groupname secp256r1 -dname "CN=redditclone $role" \
    -validity "$days" -signer ca "${ext[@]}" -keystore "$dir/$role.signing.p12" "${store[@]}"
  kt -importkeystore -noprompt -srcalias "$role" -srckeystore "$dir/$role.signing.p12" -srcstoretype PKCS12 \
    -srcstorepass "$pw" -destkeystore "$dir/$role.p12" -deststoretype PKCS12 -deststorepass "$pw"
  rm -f "$dir/$role.signing.p12"
}
make_truststore() {
  kt -exportcert -alias ca -rfc -file "$dir/ca.pem" -keystore "$dir/ca.p12" "${store[@]}"
  kt -importcert -noprompt -alias ca -file "$dir/ca.pem" -keystore "$dir/truststore.p12" "${store[@]}"
}
pids=()
make_role engine & pids+=($!)
make_role client & pids+=($!)
make_truststore & pids+=($!)
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
((failed == 0)) || { rm -f "$dir"/*.signing.p12; die "making the keys failed (see above)"; }
rm -f "$dir"/*.signing.p12
log "TLS keys in $dir: ca.p12 (keep it safe), engine.p12, client.p12, truststore.p12, password"
