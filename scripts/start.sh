#!/usr/bin/env bash
# Installs everything and starts the simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh run
exec .venv/bin/python run_sim.py "$@"
