#!/usr/bin/env bash
# Runs a command with the project-local services up, starting them when they are not running
# and stopping again only those this run started.
set -euo pipefail
cd "$(dirname "$0")/.."
started=0
if ! bash scripts/services.sh status >/dev/null 2>&1 || [ ! -f .local/services.env ]; then
  bash scripts/services.sh up
  started=1
fi
set -a
# shellcheck disable=SC1091
. .local/services.env
set +a
status=0
"$@" || status=$?
if [ "$started" = 1 ] && [ "${LEDGER_KEEP_SERVICES:-0}" != 1 ]; then
  bash scripts/services.sh down || true
fi
exit "$status"
