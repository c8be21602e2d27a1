#!/usr/bin/env bash
# Property-based fuzz of the HTTP API from its OpenAPI document: no request may answer 500.
#
#   scripts/fuzz/run.sh                 fast-check, FUZZ_RUNS requests (default 50000) against the real app
#   scripts/fuzz/run.sh --schemathesis  also Schemathesis, installed from PyPI into .local/fuzz-venv
#
# Both start the API on a fresh embedded store in a temporary directory and stop it again.
set -euo pipefail
cd "$(dirname "$0")/../.."

export FUZZ_RUNS="${FUZZ_RUNS:-50000}"
npx jest --testPathPatterns 'test/e2e/security-fuzz\.e2e\.spec\.ts$'

if [[ "${1:-}" != "--schemathesis" ]]; then exit 0; fi

venv="$PWD/.local/fuzz-venv"
if [[ ! -x "$venv/bin/st" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'schemathesis>=4,<5'
fi

work="$(mktemp -d)"
dist=.local/fuzz-dist
cleanup() {
  if [[ -n "${api_pid:-}" ]]; then kill "$api_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

npx swc apps libs -d "$dist" --copy-files --quiet
export LEDGER_SQLITE_FILE="$work/ledger.sqlite" LEDGER_READ_MODEL_FILE="$work/read-model.sqlite" LEDGER_SQLITE_SYNCHRONOUS=NORMAL
export LEDGER_RATE_LIMIT_PER_MINUTE=1000000 LEDGER_ADMIN_KEY_FILE="$work/admin.key" LOG_LEVEL=error
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
PORT="$port" node "$dist/apps/api/src/main.js" &
api_pid=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
# Run from the temporary directory so that Schemathesis keeps its example database there.
cd "$work"
"$venv/bin/st" run "http://127.0.0.1:$port/docs-json" \
  --header "Authorization: Bearer $(cat "$LEDGER_ADMIN_KEY_FILE")" \
  --checks not_a_server_error \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-200}"
