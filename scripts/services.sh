#!/usr/bin/env bash
# Starts and stops the project-local services (no Docker): each one is a script under
# scripts/services/ taking up|down|env. Data lives under .local/ (ignored by git).
# `up` writes .local/services.env, which tests and benchmarks source to find them.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .local
SERVICES=(postgres kafka)
case "${1:-}" in
  up)
    : > .local/services.env.tmp
    for service in "${SERVICES[@]}"; do
      [ -x "scripts/services/$service.sh" ] || continue
      "scripts/services/$service.sh" up
      "scripts/services/$service.sh" env >> .local/services.env.tmp
    done
    mv .local/services.env.tmp .local/services.env
    echo "services up; environment in .local/services.env:"
    sed 's/^/  /' .local/services.env
    ;;
  down)
    for service in "${SERVICES[@]}"; do
      [ -x "scripts/services/$service.sh" ] && "scripts/services/$service.sh" down || true
    done
    rm -f .local/services.env
    ;;
  status)
    # Exits non-zero when any service is not running.
    ok=0
    for service in "${SERVICES[@]}"; do
      [ -x "scripts/services/$service.sh" ] || continue
      "scripts/services/$service.sh" status || ok=1
    done
    exit "$ok"
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
