#!/usr/bin/env bash
# Installs everything and runs the whole test suite (headless), including the PostgreSQL store
# tests against a throwaway server that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
if [ -z "${KCC_SIM_TEST_POSTGRES_URL:-}" ]; then
  stop_file="$(mktemp)"
  export KCC_SIM_POSTGRES_STOP_FILE="$stop_file"
  KCC_SIM_TEST_POSTGRES_URL="$(bash scripts/start-postgres.sh)"
  export KCC_SIM_TEST_POSTGRES_URL
  trap 'bash "$stop_file" >/dev/null 2>&1 || true; rm -f "$stop_file"' EXIT
fi
.venv/bin/ruff check simulator tests bench run_sim.py
.venv/bin/ruff format --check simulator tests bench run_sim.py
.venv/bin/python -m pytest "$@"
