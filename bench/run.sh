#!/usr/bin/env bash
# Benchmark: bench/run.sh [RUNS] [SECTION...] (commit dry-run memory start secrets large deflate; default all). Generates the corpora once under bench/work/ (gitignored), then times
# prezip against the Python baseline and zip -r alternately. Not part of ./jbang test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec python3 bench/bench.py "$@"
