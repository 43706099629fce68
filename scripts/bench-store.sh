#!/usr/bin/env bash
# Figures for the store and the API: Reuters-21578 ingest rate and database size, then the
# latency of /api/pairs/{A}-{B} under load from a second process on loopback.
# Usage: scripts/bench-store.sh [PAIR] (default JPN-USA). Needs ../shared; builds release.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIR="${1:-JPN-USA}"
CORPUS=../shared/corpora/reuters21578
[ -d "$CORPUS" ] || { echo "SKIP: $CORPUS is absent"; exit 0; }
cargo build --release -q -p attache
BIN="${CARGO_TARGET_DIR:-target}/release/attache"
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
echo "== ingest (fresh database)"
"$BIN" ingest "$CORPUS" --db "$WORK/reuters.db" --quiet | tee "$WORK/ingest.json"
echo "== re-ingest (every document already stored)"
"$BIN" ingest "$CORPUS" --db "$WORK/reuters.db" --quiet
ls -l "$WORK"/reuters.db*
PORT=$(( 20000 + RANDOM % 20000 ))
"$BIN" serve --db "$WORK/reuters.db" --addr "127.0.0.1:$PORT" 2>"$WORK/serve.log" &
SERVER=$!
for _ in $(seq 50); do grep -q serving "$WORK/serve.log" && break; sleep 0.1; done
for c in 1 8; do
  echo "== bench-api, concurrency $c"
  "$BIN" bench-api --url "http://127.0.0.1:$PORT/api/pairs/$PAIR" --requests 5000 --concurrency "$c" --max-seconds 120
done
