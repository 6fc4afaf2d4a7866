#!/usr/bin/env bash
# Installs what the simulator needs on Debian/Ubuntu: system packages, then a virtual
# environment in .venv with the project. Usage: scripts/install.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

# espeak-ng: the caller's voice (and test speech); PortAudio: the microphone (PyAudio);
# libsndfile: reading WAV files for recognition; fonts for the app.
packages=(espeak-ng libespeak-ng1 portaudio19-dev libsndfile1 fonts-dejavu-core python3-venv python3-dev gcc)
if [ "$purpose" = test ]; then
  # Xvfb for screenshots of the real window, Chromium to check HTML reports, sox to measure audio,
  # PostgreSQL for the shared result store.
  packages+=(xvfb xauth chromium sox postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Systeempakketten installeren: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
extras="mic"
[ "$purpose" = test ] && extras="mic,dev"
# PyAudio (microphone) is optional: when it cannot be built, typed input still works.
.venv/bin/python -m pip install -q -e ".[$extras]" || .venv/bin/python -m pip install -q -e ".[${extras/mic,/}]"
