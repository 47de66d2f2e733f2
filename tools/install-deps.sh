#!/bin/sh
# Install the Debian packages a target needs, only those that are missing.
# Usage: tools/install-deps.sh build|test|bench
set -eu
build="gcc g++ make pkg-config libvectorscan-dev libpcre2-dev libjansson-dev libsodium-dev
librdkafka-dev libmicrohttpd-dev
libcurl4-openssl-dev libxml2-dev libsqlite3-dev
libsimdjson-dev libopencc-dev libutf8proc-dev libxlsxwriter-dev fonts-tibetan-machine"
test="$build libcmocka-dev clang libclang-rt-14-dev python3 curl nodejs npm chromium fonts-wqy-microhei"
bench="$build ripgrep grep time curl python3-scrapy"
case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "install-deps: unknown set '$1' (build, test, bench)" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	# a Node.js build that bundles npm makes the separate package unneeded
	[ "$p" = npm ] && command -v npm >/dev/null 2>&1 && continue
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing packages:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || apt-get update
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
