#!/usr/bin/env bash
# The bill PDFs' structural check (test/worker/bills/pdf-structure.test.ts) runs Debian's qpdf
# (`qpdf --check`). Installs it when missing, as test/ensure-chromium.sh does for Chromium.
set -euo pipefail
if command -v qpdf >/dev/null 2>&1; then exit 0; fi
echo "qpdf not found: installing Debian's package" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq qpdf >/dev/null
command -v qpdf
