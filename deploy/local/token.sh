#!/usr/bin/env bash
# Prints a development JWT that the local stack (profile "local") accepts: RS256, signed with openssl using
# deploy/local/dev-jwt/dev-jwt-private.pem, valid for 8 hours.
#
#   deploy/local/token.sh ROLE [USER_UUID]
#   curl -H "Authorization: Bearer $(deploy/local/token.sh organizer)" http://127.0.0.1:8081/...
#
# ROLE: admin organizer checker teacher participant parent venue_staff. USER_UUID (the "sub" claim, the
# caller's user id) is a random uuid when omitted.
# FOR DEVELOPMENT ONLY: the private key is public in this repository.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KEY="$SCRIPT_DIR/dev-jwt/dev-jwt-private.pem"
ISSUER="https://identity.olympiad.local"
ROLES="admin organizer checker teacher participant parent venue_staff"
TTL_SECONDS=$((8 * 3600))

usage() {
  echo "usage: $0 ROLE [USER_UUID]" >&2
  echo "  ROLE: ${ROLES// /|}" >&2
  exit 2
}

(( $# >= 1 && $# <= 2 )) || usage
role="$1"
[[ " $ROLES " == *" $role "* ]] || { echo "unknown role: '$role'" >&2; usage; }
sub="${2:-$(cat /proc/sys/kernel/random/uuid)}"
sub="${sub,,}"
[[ "$sub" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] ||
  { echo "USER_UUID is not a uuid: '$2'" >&2; usage; }
[[ -r "$KEY" ]] || { echo "missing development key $KEY" >&2; exit 1; }

# base64url without padding (RFC 7515), of stdin
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now="$(date +%s)"
header='{"alg":"RS256","typ":"JWT"}'
claims="$(printf '{"iss":"%s","aud":"competitions-platform","sub":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$ISSUER" "$sub" "$role" "$now" "$((now + TTL_SECONDS))" "$(cat /proc/sys/kernel/random/uuid)")"

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)"
echo "$signing_input.$signature"
