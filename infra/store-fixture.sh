#!/usr/bin/env bash
# Captures a release's event store as a test fixture, so that the next release proves it reads it back.
#
#   infra/store-fixture.sh OUTPUT-FOLDER
#
# Needs a platform of the release to capture, freshly started WITHOUT --demo on an empty data folder
# (e.g. ARS_DATA_DIR=/tmp/old infra/run.sh). It records, through the gateway, the reference scenario
# (infra/demo.sh) plus every other event type of every aggregate: status moves up to CLOSED and a reopened
# analysis, a draft revised before approval, a communiqué made stale by new facts, its correction published
# (the first superseded), a withdrawal, an incident linked then unlinked, webhook deliveries that succeed
# and one that is parked after its last attempt. Then it writes into OUTPUT-FOLDER:
#   domainevententry.json, tokenentry.json, webhook_subscription.json   the stored rows, bytes kept as text
#   views/*.json                                                         what the release answered
# The fixture tests load the rows into a new release and compare its answers with views/.
set -euo pipefail

OUT="${1:?usage: infra/store-fixture.sh OUTPUT-FOLDER}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="http://localhost:${GATEWAY_PORT:-8080}"
TOKEN_URL="http://localhost:${KEYCLOAK_PORT:-8180}/realms/ars/protocol/openid-connect/token"
PG="postgresql://ars:ars@localhost:${POSTGRES_PORT:-15432}/ars"
RECEIVER_PORT="${FIXTURE_RECEIVER_PORT:-18099}"
REFUSING_PORT="${FIXTURE_REFUSING_PORT:-18098}"
mkdir -p "$OUT/views"

token() {
  curl -fsS "$TOKEN_URL" -d grant_type=password -d client_id=ars-cli -d username="$1" -d password=demo-password \
    | jq -r .access_token
}
# call METHOD TOKEN PATH [JSON] [IDEMPOTENCY-KEY]
call() {
  local args=(-fsS -X "$1" "$API$3" -H "Authorization: Bearer $2")
  [ -z "${4:-}" ] || args+=(-H 'Content-Type: application/json' -d "$4")
  [ -z "${5:-}" ] || args+=(-H "Idempotency-Key: $5")
  curl "${args[@]}"
}
# communique_of TOKEN FIELD VALUE STATUS: id of the communiqué with that field and status, once it exists
communique_of() {
  local id="" tries=0
  while [ -z "$id" ] && [ $tries -lt 120 ]; do
    id="$(call GET "$1" /api/communiques | jq -r --arg f "$2" --arg v "$3" --arg s "$4" \
      '[.[] | select(.[$f] == $v and .status == $s)] | first | .id // empty')"
    [ -n "$id" ] || { sleep 0.5; tries=$((tries + 1)); }
  done
  [ -n "$id" ] || { echo "no $4 communiqué for $3" >&2; return 1; }
  echo "$id"
}
# settled TOKEN ID: the communiqué's version once it stopped moving for two seconds
settled() {
  local before="" now tries=0
  now="$(call GET "$1" "/api/communiques/$2" | jq -r .version)"
  while [ "$now" != "$before" ] && [ $tries -lt 30 ]; do
    before="$now"; sleep 2; tries=$((tries + 1))
    now="$(call GET "$1" "/api/communiques/$2" | jq -r .version)"
  done
  echo "$now"
}
# approve_publish TOKEN ID: approves then publishes, again if drafting revised the text in between
approve_publish() {
  for _ in $(seq 1 10); do
    call POST "$1" "/api/communiques/$2/approve" >/dev/null 2>&1 || true
    call POST "$1" "/api/communiques/$2/publish" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "communiqué $2 could not be published" >&2; return 1
}

# a receiver that accepts every webhook, and a port where nobody listens (deliveries there get parked)
python3 - "$RECEIVER_PORT" <<'PY' &
import http.server, sys
class Accept(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(204); self.end_headers()
    def log_message(self, *args): pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Accept).serve_forever()
PY
RECEIVER_PID=$!
trap 'kill $RECEIVER_PID 2>/dev/null || true' EXIT

NATIONAL="$(token national)"
call POST "$NATIONAL" /api/webhook-subscriptions "{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\",
  \"secret\": \"fixture-secret-accepting\", \"regions\": [\"FR-HDF\", \"FR-NOR\"]}" >/dev/null
call POST "$NATIONAL" /api/webhook-subscriptions "{\"url\": \"http://127.0.0.1:$REFUSING_PORT/hook\",
  \"secret\": \"fixture-secret-refusing\", \"regions\": [\"FR-NOR\"]}" >/dev/null

"$ROOT/infra/demo.sh"

HDF="$(token ars-hdf)"; ESANTE_HDF="$(token esante-hdf)"; NOR="$(token ars-nor)"
COMMS_HDF="$(token comms-hdf)"; COMMS_NOR="$(token comms-nor)"
CAMPAIGN="$(psql "$PG" -Atc "SELECT aggregateidentifier FROM domainevententry
  WHERE payloadtype LIKE '%CampaignOpenedEvent' LIMIT 1")"

# Hauts-de-France: a second incident through its whole lifecycle, with a reopened analysis
HDF2="$(call POST "$HDF" /api/incidents '{"region": "FR-HDF", "title": "Hameçonnage ciblant les patients",
  "summary": "Messages frauduleux envoyés aux patients au nom de l'\''ARS.", "awareAt": "2025-11-24T08:00:00Z",
  "attackVector": "PHISHING", "operationalImpact": "DEGRADED"}' fixture-hdf2 | jq -r .id)"
call POST "$HDF" "/api/incidents/$HDF2/status" '{"status": "ASSESSING", "reason": "Analyse des journaux"}' >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/assessments" '{"exposedData": ["LAST_NAME", "EMAIL", "SOCIAL_SECURITY_NUMBER"],
  "medicalDataExposed": false, "estimatedPatients": 3000, "affectedSystems": ["Messagerie"], "note": "Premier bilan"}' fixture-hdf2-a1 >/dev/null
call POST "$ESANTE_HDF" "/api/incidents/$HDF2/containment-actions" '{"action": "SYSTEMS_ISOLATED",
  "description": "Messagerie isolée."}' fixture-hdf2-isolated >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/status" '{"status": "CONTAINED", "reason": "Messagerie isolée"}' >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/status" '{"status": "ASSESSING", "reason": "Nouveaux messages signalés"}' >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/assessments" '{"exposedData": ["LAST_NAME", "EMAIL", "SOCIAL_SECURITY_NUMBER"],
  "medicalDataExposed": false, "estimatedPatients": 4200, "affectedSystems": ["Messagerie"], "note": "Bilan révisé"}' fixture-hdf2-a2 >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/authority-notifications" '{"authority": "OTHER",
  "notifiedAt": "2025-11-24T12:00:00Z", "reference": "PLAINTE-2025-0042"}' fixture-hdf2-other >/dev/null
call POST "$ESANTE_HDF" "/api/incidents/$HDF2/containment-actions" '{"action": "COMPLAINT_FILED",
  "description": "Plainte déposée."}' fixture-hdf2-complaint >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/status" '{"status": "CONTAINED", "reason": "Plus de messages"}' >/dev/null
call POST "$HDF" "/api/incidents/$HDF2/status" '{"status": "RESOLVED", "reason": "Comptes de messagerie réinitialisés"}' >/dev/null
# closing needs each obligation still unmet waived with a reason (the fixture's incident did not notify them all)
WAIVERS="$(call GET "$HDF" "/api/incidents/$HDF2" | jq -c '[.regulatoryClocks[]
  | select(.status == "PENDING" or .status == "DUE_SOON" or .status == "OVERDUE")
  | {code: .code, reason: "Traitée hors plateforme par l'\''établissement"}]')"
call POST "$HDF" "/api/incidents/$HDF2/status" "$(jq -cn --argjson w "$WAIVERS" \
  '{status: "CLOSED", reason: "Clôture", waivers: (if ($w | length) > 0 then $w else null end)}')" >/dev/null
# the published Hauts-de-France communiqué is now stale; its correction is approved and published
CORRECTION="$(communique_of "$COMMS_HDF" region FR-HDF DRAFT)"
settled "$COMMS_HDF" "$CORRECTION" >/dev/null
approve_publish "$COMMS_HDF" "$CORRECTION"

# Normandie: a second incident, linked to the campaign then unlinked; its correction revised, approved, withdrawn
NOR2="$(call POST "$NOR" /api/incidents '{"region": "FR-NOR", "title": "Rançongiciel sur un serveur de fichiers",
  "summary": "Chiffrement d'\''un serveur de fichiers administratif.", "awareAt": "2025-11-25T06:45:00Z",
  "attackVector": "RANSOMWARE", "operationalImpact": "SEVERE"}' fixture-nor2 | jq -r .id)"
call POST "$NATIONAL" "/api/national/campaigns/$CAMPAIGN/incidents" "{\"incidentId\": \"$NOR2\"}" >/dev/null
call POST "$NOR" "/api/incidents/$NOR2/assessments" '{"exposedData": ["LAST_NAME", "FIRST_NAME", "POSTAL_ADDRESS"],
  "medicalDataExposed": false, "estimatedPatients": 800, "affectedSystems": ["Serveur de fichiers"], "note": "Premier bilan"}' fixture-nor2-a1 >/dev/null
NOR_DRAFT="$(communique_of "$COMMS_NOR" region FR-NOR DRAFT)"
FIRST="$(settled "$COMMS_NOR" "$NOR_DRAFT")"
call POST "$NOR" "/api/incidents/$NOR2/assessments" '{"exposedData": ["LAST_NAME", "FIRST_NAME", "POSTAL_ADDRESS", "PHONE"],
  "medicalDataExposed": false, "estimatedPatients": 950, "affectedSystems": ["Serveur de fichiers"], "note": "Bilan révisé"}' fixture-nor2-a2 >/dev/null
until [ "$(settled "$COMMS_NOR" "$NOR_DRAFT")" -gt "$FIRST" ]; do sleep 1; done
call POST "$COMMS_NOR" "/api/communiques/$NOR_DRAFT/approve" >/dev/null
call POST "$COMMS_NOR" "/api/communiques/$NOR_DRAFT/withdraw" '{"reason": "Communication reportée à la fin de l'\''analyse"}' >/dev/null
call DELETE "$NATIONAL" "/api/national/campaigns/$CAMPAIGN/incidents" "{\"incidentId\": \"$NOR2\",
  \"reason\": \"Rançongiciel sans lien avec l'usurpation de comptes\"}" >/dev/null

echo "waiting for every delivery to end (the refused one is parked after its last attempt, about a minute)"
SUBSCRIPTIONS="$(psql "$PG" -Atc "SELECT id FROM webhook_subscription ORDER BY url")"
for _ in $(seq 1 120); do
  open=0
  for s in $SUBSCRIPTIONS; do
    open=$((open + $(call GET "$NATIONAL" "/api/webhook-subscriptions/$s/deliveries" \
      | jq '[.[] | select(.status != "SUCCEEDED" and .status != "PARKED")] | length')))
  done
  [ "$open" = 0 ] && break
  sleep 2
done
sleep 3   # the projections catch up with the last results

echo "writing the rows"
rows() {
  psql "$PG" -Atc "SELECT coalesce(json_agg(r), '[]') FROM ($1) r" | jq . > "$OUT/$2.json"
}
rows "SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
             convert_from(metadata, 'UTF8') AS metadata, convert_from(payload, 'UTF8') AS payload,
             payloadrevision, payloadtype, timestamp
      FROM domainevententry ORDER BY globalindex" domainevententry
rows "SELECT processorname, segment, convert_from(token, 'UTF8') AS token, tokentype, timestamp
      FROM tokenentry ORDER BY processorname, segment" tokenentry
rows "SELECT id, url, secret, regions, created_at, created_by FROM webhook_subscription ORDER BY url" webhook_subscription

echo "writing what the release answers"
view() { call GET "$NATIONAL" "$1" | jq -S . > "$OUT/views/$2.json"; }
view /api/incidents incidents
for id in $(call GET "$NATIONAL" /api/incidents | jq -r '.[].id'); do
  view "/api/incidents/$id" "incident-$id"
  view "/api/incidents/$id/history" "history-$id"
done
view /api/national/impact national-impact
MIDDLE="$(psql "$PG" -Atc "SELECT timestamp FROM domainevententry ORDER BY globalindex
  OFFSET (SELECT count(*) / 2 FROM domainevententry) LIMIT 1")"
echo "$MIDDLE" > "$OUT/views/as-of.txt"
view "/api/national/impact?asOf=$MIDDLE" national-impact-as-of
view "/api/national/campaigns/$CAMPAIGN" "campaign-$CAMPAIGN"
view /api/regions/FR-HDF region-FR-HDF
view /api/communiques communiques
for id in $(call GET "$NATIONAL" /api/communiques | jq -r '.[].id'); do
  view "/api/communiques/$id" "communique-$id"
done
curl -fsS "$API/api/public/communiques" | jq -S . > "$OUT/views/public-communiques.json"
for s in $SUBSCRIPTIONS; do
  view "/api/webhook-subscriptions/$s/deliveries" "deliveries-$s"
done
echo "fixture written to $OUT: $(jq length "$OUT/domainevententry.json") events"
