#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium for Playwright, CJK fonts for the screens,
# LibreOffice and poppler for checking generated documents). Skips apt when all are present.
set -euo pipefail
packages=(chromium fonts-noto-cjk libreoffice-writer poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all of ${packages[*]} are installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup-system: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
