#!/usr/bin/env bash
# Installs everything and runs the whole test suite (headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
if [ -z "${KCC_SIM_TEST_POSTGRES_URL:-}" ] && [ -f scripts/start-postgres.sh ]; then
  KCC_SIM_TEST_POSTGRES_URL="$(bash scripts/start-postgres.sh)" && export KCC_SIM_TEST_POSTGRES_URL
fi
.venv/bin/ruff check simulator tests bench run_sim.py
exec .venv/bin/python -m pytest "$@"
