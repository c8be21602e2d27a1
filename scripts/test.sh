#!/usr/bin/env bash
# `npm test`: every test (unit, integration, e2e) against real services, which it starts
# itself when they are not running. Type errors fail the run too.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit -p tsconfig.json
bash scripts/with-services.sh npx jest --ci "$@"
