#!/usr/bin/env bash
# The upload journey on ./espace run, with curl only: activate a demo person (line N of the demo registry),
# declare a PDF, PUT it to the pre-signed URL (SSE-KMS headers signed), see it AVAILABLE, download the same bytes.
# Usage (stack running): infrastructure/local/scripts/upload-journey.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
API=http://127.0.0.1:3000
LINE=$(sed -n "${1:-3}p" events/population-import/population-demo.csv)
NIR=$(cut -d';' -f1 <<<"$LINE"); NAME=$(cut -d';' -f2 <<<"$LINE"); BORN=$(cut -d';' -f4 <<<"$LINE")
T=$(./espace token patient "curl-$NIR")
curl -s -o /dev/null -w 'activation %{http_code}\n' -X POST -H "Authorization: Bearer $T" -H 'content-type: application/json' \
  -d "{\"ins\":\"$NIR\",\"dateNaissance\":\"$BORN\",\"nomNaissance\":\"$NAME\"}" $API/espace/activation
printf '%%PDF-1.7\n1 0 obj << /Titre (ordonnance) >> endobj\n%%%%EOF\n' > /tmp/journey.pdf
SIZE=$(stat -c %s /tmp/journey.pdf)
curl -s -X POST -H "Authorization: Bearer $T" -H 'content-type: application/json' \
  -d "{\"categorie\":\"document-patient\",\"dateSoins\":\"2026-11-20\",\"titre\":\"Mon ordonnance\",\"typeContenu\":\"application/pdf\",\"taille\":$SIZE}" \
  $API/espace/documents > /tmp/journey-grant.json
ID=$(python3 -c "import json;print(json.load(open('/tmp/journey-grant.json'))['document']['id'])")
URL=$(python3 -c "import json;print(json.load(open('/tmp/journey-grant.json'))['televersement']['url'])")
mapfile -t H < <(python3 -c "import json
for k,v in json.load(open('/tmp/journey-grant.json'))['televersement']['entetes'].items(): print('-H'); print(k+': '+v)")
curl -s -o /dev/null -w 'PUT pre-signed %{http_code}\n' -X PUT "${H[@]}" --data-binary @/tmp/journey.pdf "$URL"
sleep 1
curl -s -H "Authorization: Bearer $T" $API/espace/documents/$ID | python3 -c "import json,sys;d=json.load(sys.stdin);print('statut',d['statut'],'sha256',d['sha256'])"
DL=$(curl -s -H "Authorization: Bearer $T" $API/espace/documents/$ID/telechargement | python3 -c "import json,sys;print(json.load(sys.stdin)['url'])")
curl -s -o /tmp/journey-down.pdf "$DL"; cmp /tmp/journey.pdf /tmp/journey-down.pdf && echo "download: same bytes ($(sha256sum < /tmp/journey.pdf | cut -c1-16)…)"
