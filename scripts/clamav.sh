#!/usr/bin/env bash
# Starts a ClamAV daemon (clamd) on 127.0.0.1:${CLAMAV_PORT:-3310} for the upload tests, with a
# local signature database holding the EICAR test signature alone: no signature updates are
# downloaded. Installs Debian's clamav-daemon when it is missing. Prints the variables to
# export; returns once clamd answers PING. Safe to run again while clamd is up.
set -euo pipefail

port="${CLAMAV_PORT:-3310}"
home="${CLAMAV_HOME:-${TMPDIR:-/tmp}/makrx-clamav}"

ping_clamd() {
  { exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || return 1
  printf 'zPING\0' >&3
  local answer
  answer="$(timeout 2 head -c 4 <&3 || true)"
  exec 3>&-
  [ "${answer}" = "PONG" ]
}

if ping_clamd; then
  echo "CLAMAV_HOST=127.0.0.1 CLAMAV_PORT=${port}"
  exit 0
fi

if [ ! -x /usr/sbin/clamd ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq clamav-daemon
fi

mkdir -p "${home}/db"
# MD5 of the 68-byte EICAR test file, its size and the name ClamAV reports for it.
echo '44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature' >"${home}/db/eicar.hdb"
cat >"${home}/clamd.conf" <<CONF
Foreground no
DatabaseDirectory ${home}/db
LocalSocket ${home}/clamd.sock
TCPSocket ${port}
TCPAddr 127.0.0.1
PidFile ${home}/clamd.pid
LogFile ${home}/clamd.log
StreamMaxLength 300M
MaxFileSize 300M
MaxScanSize 300M
User $(id -un)
CONF

/usr/sbin/clamd --config-file="${home}/clamd.conf"
for _ in $(seq 1 60); do
  if ping_clamd; then
    echo "CLAMAV_HOST=127.0.0.1 CLAMAV_PORT=${port}"
    exit 0
  fi
  sleep 1
done
echo "clamd did not answer on 127.0.0.1:${port}; see ${home}/clamd.log" >&2
exit 1
