#!/usr/bin/env bash
# Silo-loss recovery: runs the two-silo SIGKILL test (tests/Api.Tests/Cluster/SiloKillSyncTests) N times and
# prints, per run and as min/median/max, the time from the kill until membership declared the silo dead and until
# the last of the six syncs completed, with the 503 answers the polling client saw.
#
# Usage: OPSIDE_TEST_POSTGRES='Host=…;Username=…;Database=postgres' bench/silo-kill.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
: "${OPSIDE_TEST_POSTGRES:?set OPSIDE_TEST_POSTGRES to an admin connection string of a PostgreSQL 15+ server}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
dotnet build tests/Api.Tests -c Release -nologo -v q
for i in $(seq 1 "$runs"); do
  OPSIDE_SILO_KILL_REPORT="$report" dotnet test tests/Api.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Opside.Api.Tests.Cluster.SiloKillSyncTests" >/dev/null
done
awk -F'\t' '
  { n++; dead[n]=$4; done[n]=$5; printf "run %d: %s of %s pipelines on the killed silo, dead after %s s, last sync %s s after the kill, %s answers 503\n", n, $2, $3, $4, $5, $6 }
  function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int((k + 1) / 2)] }
  END { printf "declared dead: min %s s, median %s s, max %s s\n", minv(dead, n), median(dead, n), maxv(dead, n);
        printf "last sync completed: min %s s, median %s s, max %s s\n", minv(done, n), median(done, n), maxv(done, n) }
  function minv(a, k,   i, m) { m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
  function maxv(a, k,   i, m) { m = a[1]; for (i = 2; i <= k; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
' "$report"
