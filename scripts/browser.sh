#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (for the browser tests in tests/browser) when they are missing.
# Idempotent: does nothing when both are on the machine, or where apt-get is absent (the tests then skip).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "browser.sh: no apt-get here; browser tests will skip (chromium absent)" >&2; exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
