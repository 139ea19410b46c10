#!/usr/bin/env bash
# Peak resident memory of the API (one process, Release) while it takes two large ledger uploads: A, 1,000,000 valid
# rows; B, 30,000,000 rejected lines; then C, the hostile corpus (corpus.py, corpus.tsv: a 2 GiB zero-byte gzip bomb,
# a body inflating past 4 GiB, 3,000,000 rejected rows, a 20 MB line, truncated gzip…). A benchmark, not a test: results and how to read them in docs/benchmarks.md
# ("Upload memory"). Linux only (reads /proc/<pid>/status, resets the peak through /proc/<pid>/clear_refs, which
# needs the process's owner or root). Needs dotnet, python3, gzip, curl, jq.
#
#   bench/upload-memory/run.sh                       # LEDGER_ROWS / REJECT_LINES override the sizes
#   FILES=B bench/upload-memory/run.sh               # only B (or A, or C), in a fresh process
#   bench/upload-memory/run.sh --Uploads:MaxBytes N  # further arguments go to the API as configuration
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/upload-memory
ledger_rows=${LEDGER_ROWS:-1000000}
reject_lines=${REJECT_LINES:-30000000}
files=${FILES:-A B C}
report=GET_LEDGER_DETAIL_VIEW_DATA

work=$(mktemp -d "${TMPDIR:-/tmp}/opside-upload-memory.XXXXXX")
api_pid=
cleanup() {
    if [[ -n $api_pid ]]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$api_pid/status"; }   # VmRSS or VmHWM, in kB
mb() { echo $(( $1 / 1024 )); }
reset_peak() { echo 5 > "/proc/$api_pid/clear_refs"; }                   # VmHWM := current VmRSS
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "== Generating the files in $work"
[[ $files != *A* ]] || python3 "$here/ledger.py" rows "$ledger_rows" | gzip > "$work/a.tsv.gz"
[[ $files != *B* ]] || python3 "$here/ledger.py" rejects "$reject_lines" | gzip > "$work/b.tsv.gz"
[[ $files != *C* ]] || python3 "$here/corpus.py" "$work/corpus"
ls -l "$work" "$work"/corpus 2>/dev/null || true

echo "== Building and starting the API (Release)"
dotnet build -c Release src/Api -nologo -v quiet
port=$(free_port)
api=http://127.0.0.1:$port
# Free Orleans ports too, so a developer's own silo on 11111/30000 is no obstacle; no Amazon sandbox is needed.
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$api \
    dotnet src/Api/bin/Release/net10.0/Opside.Api.dll --Storage:DataDirectory "$work/data" \
    --Amazon:Sandbox:Enabled false --Orleans:SiloPort "$(free_port)" --Orleans:GatewayPort "$(free_port)" "$@" \
    > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 180); do
    curl -fsS -o /dev/null "$api/health/ready" 2>/dev/null && break
    kill -0 "$api_pid" 2>/dev/null || { cat "$work/api.log"; exit 1; }
    sleep 1
done
curl -fsS -o /dev/null "$api/health/ready"

credentials=$(jq -nc --arg email "bench-$$@example.com" '{email: $email, password: "upload-memory-bench", companyName: "Upload memory bench"}')
seller=$(curl -fsS -H 'Content-Type: application/json' -d "$credentials" "$api/api/auth/register" | jq -r .sellerId)
token=$(curl -fsS -H 'Content-Type: application/json' -d "$credentials" "$api/api/auth/token" | jq -r .accessToken)
get() { curl -fsS -H "Authorization: Bearer $token" "$api/api/sellers/$seller/$1"; }

sleep 10
idle=$(kb VmRSS)
echo "== Idle: $(mb "$idle") MB resident (pid $api_pid, seller $seller)"

# upload NAME FILE: posts FILE, follows it to its end and the pipeline to idle; sets row_NAME for the table.
upload() {
    local name=$1 file=$2 start code id status answer ingested detected
    reset_peak
    local before=$(kb VmRSS) start=$(now)
    code=$(curl -sS -o "$work/$name.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
        -H 'Content-Encoding: gzip' -H 'Content-Type: text/tab-separated-values; charset=UTF-8' \
        --data-binary "@$file" "$api/api/sellers/$seller/reports/$report")
    answer=$(kb VmHWM)
    echo "$name: $code $(since "$start") s $(jq -c '{status, rows, rejectedRows, errors: (.errors | length), first: .errors[0]}' "$work/$name.json")"
    id=$(jq -r .uploadId "$work/$name.json")
    status=$(jq -r .status "$work/$name.json")
    while [[ $status != Completed && $status != Rejected && $status != Failed ]]; do
        sleep 1
        status=$(get "uploads/$id" | jq -r .status)
    done
    ingested=$(kb VmHWM)
    until get sync | jq -e '.pipeline | .running == null and (.queued | length) == 0 and (.detectionPending | not)' > /dev/null; do
        sleep 1
    done
    detected=$(kb VmHWM)
    local elapsed=$(since "$start")
    echo "$name: $status after $elapsed s; upload $(get "uploads/$id" | jq -c '{rows, rejectedRows, reason}'); pipeline $(get sync | jq -c .pipeline)"
    echo "$name: resident before $(mb "$before") MB; peak by the answer $(mb "$answer") MB, by the ingest $(mb "$ingested") MB, by the end $(mb "$detected") MB"
    printf -v "row_$name" '| %s | %s | %s | %s | %s | %s | %s | %s |' "$name" "$code $status" \
        "$(jq -r '"\(.rows) / \(.rejectedRows)"' "$work/$name.json")" "$(mb "$before")" \
        "$(mb "$answer") / $(mb "$ingested") / $(mb "$detected")" "$(mb $((detected - idle)))" "$elapsed s" \
        "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }') MB"
}

# hostile FILE TYPE ENCODING CHARSET EXPECTED: posts one corpus file, follows the pipeline to idle; a row for table C.
rows_C=() corpus_peak=0
hostile() {
    local file=$1 type=$2 encoding=$3 charset=$4 expected=$5 code answer peak start
    local headers=(-H "Authorization: Bearer $token" -H "Content-Type: text/tab-separated-values; charset=$charset")
    [[ $encoding == - ]] || headers+=(-H "Content-Encoding: $encoding")
    reset_peak
    start=$(now)
    code=$(curl -sS -o "$work/c.json" -w '%{http_code}' "${headers[@]}" --data-binary "@$work/corpus/$file" "$api/api/sellers/$seller/reports/$type")
    answer=$(jq -r '[(.status // empty), (if .rows != null then "rows \(.rows), rejected \(.rejectedRows)" else empty end), (.detail // .title // empty)] | join("; ")' "$work/c.json" | cut -c1-150)
    until get sync | jq -e '.pipeline | .running == null and (.queued | length) == 0 and (.detectionPending | not)' > /dev/null; do
        sleep 1
    done
    peak=$(kb VmHWM)
    (( peak > corpus_peak )) && corpus_peak=$peak
    echo "C $file: $code in $(since "$start") s, peak $(mb "$peak") MB; $answer"
    rows_C+=("| $file ($(awk -v b="$(stat -c %s "$work/corpus/$file")" 'BEGIN { printf "%.1f", b / 1048576 }') MB) | $expected | $code: $answer | $(mb $((peak - idle))) |")
}

row_A= row_B=
if [[ $files == *A* ]]; then echo "== A: $ledger_rows valid ledger rows"; upload A "$work/a.tsv.gz"; fi
if [[ $files == *B* ]]; then echo "== B: $reject_lines rejected lines"; upload B "$work/b.tsv.gz"; fi
if [[ $files == *C* ]]; then
    echo "== C: the hostile corpus"
    while IFS=$'\t' read -r file type encoding charset expected; do
        [[ $file == \#* || -z $file ]] || hostile "$file" "$type" "$encoding" "$charset" "$expected"
    done < "$here/corpus.tsv"
fi

echo
echo "Idle resident: $(mb "$idle") MB. Peaks are VmHWM, reset before each upload; 'by' = at the 202/422, at the upload's end, at the pipeline's idle."
echo '| file | answer | rows / rejected | resident before (MB) | peak by answer / ingest / end (MB) | peak − idle (MB) | elapsed | gzip size |'
echo '|---|---|---:|---:|---:|---:|---:|---:|'
[[ -z $row_A ]] || echo "$row_A"
[[ -z $row_B ]] || echo "$row_B"
if [[ $files == *C* ]]; then
    echo
    echo "C, the hostile corpus, one file after another: peak − idle over all of them $(mb $((corpus_peak - idle))) MB"
    echo '| file (sent) | must answer | answered | peak − idle (MB) |'
    echo '|---|---|---|---:|'
    printf '%s\n' "${rows_C[@]}"
fi
grep -iE 'warn|fail|error' "$work/api.log" | grep -v 'Microsoft.AspNetCore.DataProtection' | head -20 || true
