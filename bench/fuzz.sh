#!/usr/bin/env bash
# Fuzz campaign: bench/fuzz.sh [SEED] [SECONDS_PER_KIND] (default: a new seed, 60 s). Mutated zips,
# manifests and data files, as tests/FuzzTest.java makes them, for as long as asked, under -Xmx256m.
# Exit 0 when no case crashed, printed a stack trace, took over 10 s or (a zip) verified. Not part of ./jbang test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./jbang bench/fuzz_campaign.java "$@"
