#!/usr/bin/env bash
# Mutation testing of the domain (dotnet-stryker on src/Admin.Domain with tests/Admin.Domain.Tests).
# Not part of CI: run it by hand after changing the domain or its tests. Writes the reports to
# TestResults/stryker (gitignored) and the score to the line "domain mutation score: N %" of
# bench/README.md. One test process at a time (concurrency 1 in stryker-config.json): the machine
# has two cores shared with others.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

root=$(pwd)
output="$root/TestResults/stryker"
rm -rf "$output"
dotnet tool restore >/dev/null

(cd tests/Admin.Domain.Tests && dotnet dotnet-stryker --config-file stryker-config.json --output "$output" --skip-version-check)

report="$output/reports/mutation-report.json"
[ -f "$report" ] || { echo "No report at $report" >&2; exit 1; }

# Stryker's score: killed + timeout over every mutant tested or not covered (compile errors and
# ignored mutants left out). Counted from the JSON report so the figure does not depend on the console.
read -r killed survived timeout nocoverage score < <(python3 - "$report" <<'PY'
import json, sys
from collections import Counter
report = json.load(open(sys.argv[1]))
c = Counter(m["status"] for f in report["files"].values() for m in f["mutants"])
detected = c["Killed"] + c["Timeout"]
valid = detected + c["Survived"] + c["NoCoverage"]
score = 100 * detected / valid if valid else 0
print(c["Killed"], c["Survived"], c["Timeout"], c["NoCoverage"], f"{score:.1f}")
PY
)

echo "killed $killed, survived $survived, timeout $timeout, no coverage $nocoverage"
echo "domain mutation score: $score %"

readme="bench/README.md"
line="domain mutation score: $score %"
if grep -q '^domain mutation score: ' "$readme"; then
  sed -i "s/^domain mutation score: .*/$line/" "$readme"
else
  printf '\n%s\n' "$line" >> "$readme"
fi
sed -i "s/^Last run: .*/Last run: $(date -u +%Y-%m-%d), killed $killed, survived $survived, timeout $timeout, no coverage $nocoverage./" "$readme"
