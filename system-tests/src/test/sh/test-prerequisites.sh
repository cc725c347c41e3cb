#!/usr/bin/env bash
# Makes sure the programs the system tests drive are on this machine before any test starts, so that a browser or
# TLS test never fails half-way through the run (or, worse, is skipped) for want of a package. Run by Maven
# (system-tests, phase pre-integration-test) on every `./mvnw verify`; on a fresh Debian machine where we are root
# it installs what is missing, anywhere else it stops with one line naming what to install.
set -euo pipefail

# Maven passes skipTests, skipITs and maven.test.skip: when the tests will not run, neither does this check.
for skip in "$@"; do
  if [[ "$skip" == true ]]; then
    exit 0
  fi
done

# command the tests run -> the Debian package that provides it
declare -A PACKAGE=(
  [chromium]=chromium            # headless browser for BrowserIT (Browser.java starts /usr/bin/chromium)
  [chromedriver]=chromium-driver # Selenium's driver for that exact Chromium build
  [psql]=postgresql-client       # restores plain SQL dumps into the embedded PostgreSQL
  [openssl]=openssl              # TlsHandshake probes the listener's protocols and cipher suites
)

missing() {
  local command
  for command in chromium chromedriver psql openssl; do
    command -v "$command" >/dev/null 2>&1 || echo "${PACKAGE[$command]}"
  done
}

packages=$(missing | sort -u | tr '\n' ' ' | sed 's/ $//')
if [[ -z "$packages" ]]; then
  exit 0
fi

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the system tests need: $packages"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet: without the update the install finds nothing.
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package on purpose
  apt-get install -y -qq $packages >/dev/null
  still=$(missing | sort -u | tr '\n' ' ' | sed 's/ $//')
  if [[ -z "$still" ]]; then
    exit 0
  fi
  packages=$still
fi

echo "The system tests need these Debian packages, which are missing: $packages (as root: apt-get install $packages; or skip the integration tests with -DskipITs)" >&2
exit 1
