#!/usr/bin/env bash
# Records the reference scenario through the API of a running platform (infra/run.sh --demo calls it):
# Hauts-de-France and Normandie each report an account-usurpation incident with no operational impact;
# GRADeS staff record the blocked accounts and reinforced security; assessments expose identity data
# only (medical records spared), with a different patient estimate per region; CERT Santé and the CNIL
# are notified within their deadlines.
#
# The national cell then opens a national campaign and links both incidents to it. Each region's
# communication officer approves and publishes the communiqué drafted from these facts, and the national
# cell the national one.
#
# Every creation carries an Idempotency-Key and links already made are left as they are, so running it
# twice records nothing twice.
set -euo pipefail

KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
# through the gateway, as every API client
API="${ARS_API_URL:-http://localhost:${GATEWAY_PORT:-8080}}"
NATIONAL_API="$API"
TOKEN_URL="http://localhost:$KEYCLOAK_PORT/realms/ars/protocol/openid-connect/token"

token() {
  curl -fsS "$TOKEN_URL" -d grant_type=password -d client_id=ars-cli -d username="$1" -d password=demo-password \
    | jq -r .access_token
}

# post TOKEN PATH IDEMPOTENCY-KEY JSON [BASE-URL]
post() {
  curl -fsS -X POST "${5:-$API}$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $3" -d "$4"
}

# link TOKEN CAMPAIGN INCIDENT: 201 when linked now, 409 when it already was
link() {
  local status
  status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$NATIONAL_API/api/national/campaigns/$2/incidents" \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "{\"incidentId\": \"$3\"}")"
  case "$status" in
    201|409) ;;
    *) echo "linking $3 failed: HTTP $status" >&2; return 1 ;;
  esac
}

record_region() {
  local region="$1" slug="$2" label="$3" patients="$4" aware="$5" cert_at="$6" cnil_at="$7"
  local ars esante id
  ars="$(token "ars-$slug")"
  esante="$(token "esante-$slug")"
  id="$(post "$ars" /api/incidents "demo-2025-$slug-incident" "{
    \"region\": \"$region\",
    \"title\": \"Accès frauduleux aux serveurs des services numériques régionaux de santé ($label)\",
    \"summary\": \"Des attaquants ont usurpé le compte d'un professionnel de santé et accédé à des données d'identité de patients. Une analyse approfondie des serveurs est en cours.\",
    \"awareAt\": \"$aware\",
    \"attackVector\": \"ACCOUNT_USURPATION\",
    \"operationalImpact\": \"NONE\"}" | jq -r .id)"
  post "$esante" "/api/incidents/$id/containment-actions" "demo-2025-$slug-blocked" '{
    "action": "ACCOUNTS_BLOCKED", "description": "Comptes compromis bloqués."}' >/dev/null
  post "$esante" "/api/incidents/$id/containment-actions" "demo-2025-$slug-reinforced" '{
    "action": "SECURITY_REINFORCED", "description": "Mesures de sécurité renforcées immédiatement."}' >/dev/null
  post "$ars" "/api/incidents/$id/assessments" "demo-2025-$slug-assessment" "{
    \"exposedData\": [\"LAST_NAME\", \"FIRST_NAME\", \"AGE\", \"PHONE\", \"EMAIL\"],
    \"medicalDataExposed\": false,
    \"estimatedPatients\": $patients,
    \"affectedSystems\": [\"Services numériques régionaux de santé\"],
    \"note\": \"Données d'identité uniquement ; aucune donnée du dossier médical (motifs de consultation, pathologies, médecins ou services consultés).\"}" >/dev/null
  # ENISA taxonomy: an account compromise that led to unauthorised access to information; shared TLP:AMBER
  curl -fsS -X PUT "$API/api/incidents/$id/classification" -H "Authorization: Bearer $ars" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-2025-$slug-classification" -d '{
    "taxonomyClass": "intrusions/unprivileged-account-compromise",
    "relatedClasses": ["information-content-security/unauthorised-information-access"], "tlp": "TLP:AMBER"}' \
    >/dev/null
  post "$ars" "/api/incidents/$id/authority-notifications" "demo-2025-$slug-cert" "{
    \"authority\": \"CERT_SANTE\", \"notifiedAt\": \"$cert_at\", \"reference\": \"CERT-SANTE-2025-$slug\"}" >/dev/null
  # GDPR art. 33(1): identity data of patients exposed, a risk for them (phishing): the CNIL is to be notified
  post "$ars" "/api/incidents/$id/cnil-decision" "demo-2025-$slug-cnil-decision" '{
    "decision": "NOTIFY"}' >/dev/null
  # NIS2 art. 23(3), where NIS2 is in force for the entity hit (ARS_NIS2_ENTITIES): a significant incident
  if [ "$(curl -fsS "$API/api/incidents/$id" -H "Authorization: Bearer $ars" | jq -r .nis2Applies)" = true ]; then
    post "$ars" "/api/incidents/$id/nis2-significance" "demo-2025-$slug-nis2-significance" '{
      "significance": "SIGNIFICANT", "criteria": ["CONSIDERABLE_DAMAGE_TO_OTHERS"],
      "reason": "Données d'"'"'identité de patients exposées, risque d'"'"'hameçonnage."}' >/dev/null
  fi
  post "$ars" "/api/incidents/$id/authority-notifications" "demo-2025-$slug-cnil" "{
    \"authority\": \"CNIL\", \"notifiedAt\": \"$cnil_at\", \"reference\": \"CNIL-NOTIF-2025-$slug\"}" >/dev/null
  # NIS2 (art. 23(4)): the early warning, the notification and, a month later, the final report to ANSSI
  post "$ars" "/api/incidents/$id/authority-notifications" "demo-2025-$slug-nis2-warning" "{
    \"authority\": \"ANSSI\", \"kind\": \"EARLY_WARNING\", \"notifiedAt\": \"$cert_at\",
    \"reference\": \"ANSSI-AP-2025-$slug\"}" >/dev/null
  post "$ars" "/api/incidents/$id/authority-notifications" "demo-2025-$slug-nis2-notification" "{
    \"authority\": \"ANSSI\", \"kind\": \"NOTIFICATION\", \"notifiedAt\": \"$cnil_at\",
    \"reference\": \"ANSSI-NOTIF-2025-$slug\"}" >/dev/null
  post "$ars" "/api/incidents/$id/authority-notifications" "demo-2025-$slug-nis2-final" "{
    \"authority\": \"ANSSI\", \"kind\": \"FINAL_REPORT\", \"notifiedAt\": \"2025-12-19T10:00:00Z\",
    \"reference\": \"ANSSI-RF-2025-$slug\"}" >/dev/null
  echo "  $label ($region): incident $id"
  INCIDENTS+=("$id")
  REGION_INCIDENT[$region]="$id"
}

INCIDENTS=()
declare -A REGION_INCIDENT

echo "Reference scenario:"
record_region FR-HDF hdf "Hauts-de-France" 12000 "2025-11-21T17:30:00Z" "2025-11-21T20:00:00Z" "2025-11-23T10:00:00Z"
record_region FR-NOR nor "Normandie" 7500 "2025-11-21T19:00:00Z" "2025-11-21T21:15:00Z" "2025-11-23T11:30:00Z"
national="$(token national)"
campaign="$(post "$national" /api/national/campaigns demo-2025-campaign '{
  "title": "Usurpation de comptes de professionnels de santé (novembre 2025)",
  "description": "Accès frauduleux aux services numériques régionaux de santé de plusieurs régions."}' "$NATIONAL_API" \
  | jq -r .id)"
for id in "${INCIDENTS[@]}"; do
  link "$national" "$campaign" "$id"
done
echo "  national campaign $campaign"

# publish_communique TOKEN SCOPE REGION-OR-CAMPAIGN [CO-ISSUER-TOKEN]: approve and publish the drafted communiqué
# once drafted; a communiqué issued jointly (the region's e-health group recorded facts) is approved by the
# co-issuer's officer too. The draft follows the facts within moments: while the last facts are still being taken
# in, an approval can be voided by a revision (the publication is then refused with 409); the communiqué is read
# again and approved anew.
publish_communique() {
  local token="$1" field="$2" value="$3" cotoken="${4:-}" id="" status="" tries=0
  while [ "$status" != "PUBLISHED" ] && [ $tries -lt 60 ]; do
    id=""; status=""
    read -r id status < <(curl -fsS "$API/api/communiques" -H "Authorization: Bearer $token" \
      | jq -r --arg f "$field" --arg v "$value" \
        '[.[] | select(.[$f] == $v and .status != "WITHDRAWN" and .status != "SUPERSEDED")] | first | select(. != null) | "\(.id) \(.status)"') \
      || true  # none drafted yet
    if [ "$status" = "DRAFT" ]; then
      curl -fsS -X POST "$API/api/communiques/$id/approve" -H "Authorization: Bearer $token" >/dev/null 2>&1 || true
      if [ -n "$cotoken" ]; then
        curl -fsS -X POST "$API/api/communiques/$id/approve" -H "Authorization: Bearer $cotoken" >/dev/null 2>&1 || true
      fi
      status="$(curl -fsS "$API/api/communiques/$id" -H "Authorization: Bearer $token" | jq -r .status)" || status=""
    fi
    if [ "$status" = "APPROVED" ]; then
      curl -fsS -X POST "$API/api/communiques/$id/publish" -H "Authorization: Bearer $token" >/dev/null 2>&1 \
        && status=PUBLISHED
    fi
    [ "$status" = "PUBLISHED" ] || { sleep 0.5; tries=$((tries + 1)); }
  done
  [ "$status" = "PUBLISHED" ] || { echo "no communiqué published for $value" >&2; return 1; }
  echo "  communiqué $id published ($value)"
  PUBLISHED="$id"
}

# inform_patients SLUG REGION COMMUNIQUE: the art. 34 step of the reference case: the agency informs the patients
# by its public communiqué (individual letters would be disproportionate), recorded once
inform_patients() {
  local ars published_at
  ars="$(token "ars-$1")"
  # once: a later run may find a corrected communiqué (other incidents of the region since), the patients were told
  if [ "$(curl -fsS "$API/api/incidents/${REGION_INCIDENT[$2]}" -H "Authorization: Bearer $ars" \
      | jq -r '.patientInformation.informedAt // empty')" != "" ]; then
    echo "  patients of $2 already informed"
    return 0
  fi
  published_at="$(curl -fsS "$API/api/communiques/$3" -H "Authorization: Bearer $ars" | jq -r .publishedAt)"
  post "$ars" "/api/incidents/${REGION_INCIDENT[$2]}/patient-information" "demo-2025-$1-patients" "{
    \"decision\": \"REQUIRED\", \"channel\": \"PUBLIC_COMMUNICATION\", \"informedAt\": \"$published_at\",
    \"communiqueId\": \"$3\",
    \"reason\": \"Risque d'hameçonnage : information par communiqué public, des courriers individuels seraient disproportionnés.\"}" \
    >/dev/null
  echo "  patients of $2 informed by communiqué $3"
}
publish_communique "$(token comms-hdf)" region FR-HDF "$(token comms-esante-hdf)"
inform_patients hdf FR-HDF "$PUBLISHED"
publish_communique "$(token comms-nor)" region FR-NOR "$(token comms-esante-nor)"
inform_patients nor FR-NOR "$PUBLISHED"
publish_communique "$national" campaignId "$campaign"
echo "See README.md (Calling the API) and docs/api.md to query them with a token."
