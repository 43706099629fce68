#!/usr/bin/env bash
# Builds the Python wheel (maturin), installs it in a fresh virtual environment and runs the
# Python tests (python/tests), including the Spark job in local[2] mode over Reuters-21578
# compared with the `attache code` CLI.
#
#   bash ci/python.sh            # from the repository root
#
# Environment: ATTACHE_BIN (the CLI to compare with; else it is built with cargo),
# CARGO_TARGET_DIR (honoured), ATTACHE_PY_VENV (where to make the venv; default a temp dir),
# PIP_ARGS (extra pip arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
if [ -n "${ATTACHE_PY_VENV:-}" ]; then
    VENV=$ATTACHE_PY_VENV
else
    SCRATCH=$(mktemp -d /tmp/attache-py-ci.XXXXXX)
    VENV=$SCRATCH/venv
fi
WHEELS=$(mktemp -d /tmp/attache-wheels.XXXXXX)
# The venv holds pyspark (~900 MB installed): remove what this run made, unless asked to keep it.
cleanup() { rm -rf "$WHEELS" ${SCRATCH:+"$SCRATCH"}; }
trap cleanup EXIT
step() { echo "== ci/python.sh: $* ($(date -u +%H:%M:%S))"; }

# Spark needs Java 17 or 21 (a JRE is enough).
if ! command -v java >/dev/null 2>&1; then
    step "installing Java 17"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
java -version 2>&1 | head -1

PY=${PYTHON:-python3}
if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    step "installing python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-venv python3-pip >/dev/null
fi

step "fresh venv at $VENV"
"$PY" -m venv "$VENV"
VPY="$VENV/bin/python"
"$VPY" -m pip install -q ${PIP_ARGS:-} --upgrade pip
# pyspark>=4 needs Python >= 3.10 and Java 17/21; it ships its jars (no other download).
# pandas < 3: PySpark 4.3 warns that it does not fully support pandas 3 yet.
"$VPY" -m pip install -q ${PIP_ARGS:-} 'maturin>=1.9.4,<2' 'pyspark>=3.5' pytest pyarrow 'pandas<3'


step "building the wheel"
# Run from python/, where pyproject.toml points maturin at crates/attache-py. maturin checks
# the libraries the extension links and tags the wheel manylinux_2_X for this machine's glibc.
(cd python && "$VENV/bin/maturin" build --release --out "$WHEELS") 2>&1 | grep -v '^ *Compiling' | tail -4
"$VPY" -m pip install -q --no-deps --force-reinstall "$WHEELS"/attache-*.whl

if [ -z "${ATTACHE_BIN:-}" ]; then
    step "building the attache CLI (release) for the comparison"
    cargo build --release -q -p attache
    export ATTACHE_BIN="$TARGET/release/attache"
fi
export ATTACHE_REQUIRE_CLI=1

step "pytest python/tests"
# Run from outside the source tree so `import attache` is the installed wheel, not python/attache.
set +e
(cd "$WHEELS" && "$VPY" -m pytest -q -p no:cacheprovider "$ROOT/python/tests")
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "ci/python.sh: pytest collected no tests: failing" >&2
    exit 1
fi
exit "$rc"
