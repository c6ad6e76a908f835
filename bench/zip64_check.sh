#!/usr/bin/env bash
# Slow check of zip64, outside ./jbang test (about 10 minutes and 20 GB of disk):
#   bench/zip64_check.sh [WORKDIR]      (default bench/work/zip64, removed at the end)
# A: a 4.5 GiB compressible .txt and a small file after it: only the big entry's uncompressed size
#    overflows, so its central zip64 extra holds that one field, and there is no zip64 end record.
# B: a random .exr 100,000 bytes under 4 GiB, which deflates to more than 4 GiB, and a small file after
#    it: the compressed size overflows though the uncompressed size does not (the zip64 choice comes from
#    the real compressed size), the small file's offset overflows, and so does the central directory's,
#    so the zip64 end record appears with markers in exactly the classic fields that overflow.
# Each zip is checked field by field (bench/zip64_fields.py), by verify_zip, by unzip -t, by Python's
# zipfile, and by bsdtar fed from a pipe (a streaming reader).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=${1:-bench/work/zip64}
rm -rf "$work"
mkdir -p "$work/data/projects" "$work/a/content" "$work/b/content" "$work/out"
cp data/global_bans.json "$work/data/"
cat > "$work/data/projects/zip64_allowed_ext.json" <<'JSON'
{"projectId": "zip64", "snapshotAt": "2026-01-01T00:00:00Z", "sourcePath": "bench", "allowedExtensions": ["exr", "txt"], "clientWhitelistOverrides": []}
JSON

echo "generating A: 4.5 GiB of text"
# yes ends on SIGPIPE when head has enough: not a failure of the pipeline.
{ yes "a line of a large compressible text plate, the same again and again" || true; } | head -c $((4608 << 20)) > "$work/a/content/big.txt"
echo "after the big one" > "$work/a/content/z_after.txt"
echo "generating B: random bytes 100,000 under 4 GiB"
head -c $(((4 << 30) - 100000)) /dev/urandom > "$work/b/content/noise.exr"
echo "after the noise" > "$work/b/content/z_after.txt"

for case in a b; do
  zip="$work/out/$case.zip"
  echo "== $case: commit"
  /usr/bin/time -f "commit %e s, peak RSS %M KiB" ./jbang prezip_stager --project-id zip64 --data-dir "$work/data" \
    --content-dir "$work/$case/content" --output-zip "$zip" --commit --quiet
  ls -l "$zip"
  echo "== $case: fields"
  python3 bench/zip64_fields.py "$zip" "$case"
  echo "== $case: verify_zip"
  ./jbang verify_zip --zip "$zip" --content-dir "$work/$case/content" --quiet && echo "verify_zip: valid"
  echo "== $case: unzip -t"
  unzip -tq "$zip"
  echo "== $case: python zipfile"
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); print("python zipfile:", "ok" if bad is None else "bad " + bad); sys.exit(bad is not None)' "$zip"
  if command -v bsdtar >/dev/null 2>&1; then
    echo "== $case: bsdtar from a pipe"
    listed=$(cat "$zip" | bsdtar -tf -)
    [ "$listed" = "$(cd "$work/$case/content" && ls | LC_ALL=C sort)" ] && echo "bsdtar: $(echo "$listed" | tr '\n' ' ')"
    cat "$zip" | bsdtar -xOf - z_after.txt | cmp - "$work/$case/content/z_after.txt" && echo "bsdtar: last entry extracted"
  fi
done
rm -rf "$work"
echo "zip64 check passed"
