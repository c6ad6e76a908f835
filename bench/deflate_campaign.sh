#!/usr/bin/env bash
# Deflate campaign: bench/deflate_campaign.sh SEED [MINUTES] [DIR...] (default 5 minutes). The toolkit's encoder against
# this JVM's Deflater (classic zlib) on the generated inputs of tests/deflate/ClassicZlibEncoderTest, for that long
# from that seed, then on the real files under each DIR. Run it on another classic zlib with
# LD_LIBRARY_PATH=../shared/zlib-builds/zlib-1.2.11, or on a JDK 25 with JAVA_HOME. Exit 0 when nothing differed.
# Not part of ./jbang test; one JVM, one thread.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ $# -lt 1 ]; then
  echo "usage: bench/deflate_campaign.sh SEED [MINUTES] [DIR...]" >&2
  exit 2
fi
exec ./jbang bench/deflate_campaign.java "$@"
