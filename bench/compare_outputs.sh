#!/usr/bin/env bash
# Behaviour snapshot for refactorings: captures everything an operator sees from prezip_stager, inventory and
# verify_zip (and the dashboard they feed) on fixed inputs, normalized so that two captures of the same code
# are byte-identical. A capture of the restructured code must then be identical to one of the code before.
#
#   bench/compare_outputs.sh CHECKOUT OUTDIR     capture CHECKOUT (its ./jbang, data/, examples/, bench/gen_corpus.py)
#   bench/compare_outputs.sh --diff OUT_A OUT_B  compare two captures: the diff of each differing file, then counts
#
# Scratch files go to OUTDIR/work (inputs, outputs, data dirs: never the checkout), the normalized capture to
# OUTDIR/cap: cap/run/<case>/<step>.{out,err,rc} are a command's stdout, stderr and exit code; cap/out, cap/data
# and cap/inv are the files the commands wrote (zips, manifests, .sha256, reports, pages, data dirs); binary
# files (the zips) are not copied but listed with their sha256 in cap/binary.sha256. About 90 JVM runs: 1.5 min
# on an idle 2-core machine, several minutes on a busy one. Not part of ./jbang test.
set -euo pipefail

if [ "${1:-}" = --diff ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --diff OUT_A OUT_B" >&2; exit 2; }
  a=$2/cap b=$3/cap same=0 differ=0 total=0
  while IFS= read -r f; do
    total=$((total + 1))
    if cmp -s "$a/$f" "$b/$f"; then same=$((same + 1)); continue; fi
    differ=$((differ + 1))
    if [ ! -f "$a/$f" ] || [ ! -f "$b/$f" ]; then echo "=== only in $([ -f "$a/$f" ] && echo "$a" || echo "$b"): $f"; continue; fi
    echo "=== differs: $f"
    diff -u --label "A/$f" --label "B/$f" "$a/$f" "$b/$f" || true
  done < <({ (cd "$a" && find . -type f); (cd "$b" && find . -type f); } | sed 's|^\./||' | LC_ALL=C sort -u)
  echo "compared $total files: $same identical, $differ different"
  [ "$differ" -eq 0 ]
  exit
fi

[ $# -eq 2 ] || { echo "usage: $0 CHECKOUT OUTDIR  |  $0 --diff OUT_A OUT_B" >&2; exit 2; }
CHECKOUT=$(cd "$1" && pwd -P)
[ -x "$CHECKOUT/jbang" ] || { echo "$CHECKOUT has no ./jbang" >&2; exit 2; }
mkdir -p "$2"
OUTDIR=$(cd "$2" && pwd -P)
rm -rf "$OUTDIR/cap" "$OUTDIR/work"
# The same relative layout in every capture, so that only the OUTDIR prefix differs (and is replaced).
WORK=$OUTDIR/work
RAW=$WORK/run CORPUS=$WORK/corpus DATA=$WORK/data OUT=$WORK/out INV=$WORK/inv
START=$(date -u +%s)
export NO_COLOR=1   # and every command runs piped (stdout, stderr to files; stdin /dev/null): no terminal output
unset PREZIP_DATA_DIR

# run STEP CMD...: CMD from the checkout's folder; its stdout, stderr and exit code into work/run/STEP.{out,err,rc}.
run() {
  local step=$1; shift
  mkdir -p "$RAW/$(dirname "$step")"
  (cd "$CHECKOUT" && set +e && "$@" >"$RAW/$step.out" 2>"$RAW/$step.err" </dev/null; echo $? >"$RAW/$step.rc")
}

# The first run of new sources builds the command and says so on stderr: build before the capture.
for c in prezip_stager inventory verify_zip dashboard; do (cd "$CHECKOUT" && ./jbang "$c" --help >/dev/null 2>&1 </dev/null); done

# --- inputs: corpora from bench/gen_corpus.py (seeded: the same bytes every time), a data dir as bench.py makes
# one (the shipped bans, rules and presets, and allowlists), and a tree of refused files.
mkdir -p "$CORPUS" "$DATA/projects" "$OUT"
python3 "$CHECKOUT/bench/gen_corpus.py" many "$CORPUS/many" 1000   # 1,000 files: .png and .txt
python3 "$CHECKOUT/bench/gen_corpus.py" tiny "$CORPUS/tiny" 2000   # 2,000 small .txt in 1,000 folders
cp -r "$CHECKOUT/data/global_bans.json" "$CHECKOUT/data/secret_rules.json" "$CHECKOUT/data/policies" "$DATA/"
cp "$CHECKOUT/data/projects/mojo1_allowed_ext.json" "$DATA/projects/"
allowlist() {
  printf '{"projectId": "%s", "snapshotAt": "2026-01-01T00:00:00Z", "sourcePath": "bench", "allowedExtensions": [%s], "clientWhitelistOverrides": []}\n' \
    "$1" "$2" >"$DATA/projects/$1_allowed_ext.json"
}
allowlist bench '"png", "txt"'
allowlist refused '"png", "txt", "yaml"'
# Every kind of refusal: hidden files, banned types, an unknown type (splitting a companion pair), no extension,
# and a credential. The token is random (never a real one) but from a fixed seed, so its fingerprint is the
# same in every capture and is compared, not masked.
python3 - "$CORPUS/refused" <<'PY'
import os, random, sys
rng = random.Random(4242)
token = "ghp_" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(36))
files = {".env": "SECRET=1\n", ".cache/state.txt": "x\n", "docs/.notes.txt": "hidden\n", "logs/build.log": "ok\n",
         "tools/setup.exe": "MZ\n", "art/scene.xyz": "unknown type\n", "art/scene.png": "png-ish\n", "README": "no extension\n",
         "docs/readme.txt": "hello\n", "config/app.yaml": "name: app\n", "config/deploy.txt": f"GITHUB_TOKEN={token}\n"}
for path, text in files.items():
    os.makedirs(os.path.join(sys.argv[1], os.path.dirname(path)), exist_ok=True)
    with open(os.path.join(sys.argv[1], path), "w") as f:
        f.write(text)
PY

# stager CASE PROJECT CONTENT [FLAG...]: dry-run (human, --json, --html PAGE), commit (human into out/CASE/human/,
# --json into out/CASE/json/), then verify_zip on each zip written: plain, and with --content-dir, --project-id
# (the allowlist) and --scan-secrets; human and --json each.
stager() {
  local c=$1 p=$2 dir=$3; shift 3
  local s=(./jbang prezip_stager --project-id "$p" --data-dir "$DATA" --content-dir "$dir")
  mkdir -p "$OUT/$c/human" "$OUT/$c/json"
  run "$c/dry" "${s[@]}" --output-zip "$OUT/$c/human/$c.zip" "$@"
  run "$c/dry.json" "${s[@]}" --output-zip "$OUT/$c/human/$c.zip" --json "$@"
  run "$c/dry.html" "${s[@]}" --output-zip "$OUT/$c/human/$c.zip" --html "$OUT/$c/dry.html" "$@"
  run "$c/commit" "${s[@]}" --output-zip "$OUT/$c/human/$c.zip" --commit "$@"
  run "$c/commit.json" "${s[@]}" --output-zip "$OUT/$c/json/$c.zip" --commit --json "$@"
  local how v=(./jbang verify_zip --data-dir "$DATA")
  for how in human json; do
    [ -f "$OUT/$c/$how/$c.zip" ] || continue
    run "$c/verify_$how" "${v[@]}" --zip "$OUT/$c/$how/$c.zip"
    run "$c/verify_$how.json" "${v[@]}" --zip "$OUT/$c/$how/$c.zip" --json
    run "$c/verify_full_$how" "${v[@]}" --zip "$OUT/$c/$how/$c.zip" --content-dir "$dir" --project-id "$p" --scan-secrets
    run "$c/verify_full_$how.json" "${v[@]}" --zip "$OUT/$c/$how/$c.zip" --content-dir "$dir" --project-id "$p" --scan-secrets --json
  done
}

# --- prezip_stager and verify_zip
for c in prezip_stager inventory verify_zip dashboard; do run "help/$c" ./jbang "$c" --help; done
run help/preview_capability ./jbang prezip_stager --preview-capability zip_packaging
stager mojo1 mojo1 examples/mojo1/content --allow-unknown          # the quick start (its relative content path)
stager mojo1_refused mojo1 examples/mojo1/content                  # the same without --allow-unknown: refused
stager many bench "$CORPUS/many"
stager tiny bench "$CORPUS/tiny"
stager refused refused "$CORPUS/refused"                           # refused for the names and the credential
stager refused_unknown refused "$CORPUS/refused" --allow-unknown   # still refused: a credential always is
fp=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["secrets"][0]["fingerprint"])' "$RAW/refused/dry.json.out") || fp=none
run refused_approved/approve ./jbang prezip_stager --project-id refused --data-dir "$DATA" --content-dir "$CORPUS/refused" \
  --approve-secret "$fp" --note "synthetic token of compare_outputs.sh"
# The approval records who and when: captured as written (masked below), then pinned to fixed values, so that the
# sha256 of this input, which every later report, manifest and verify_zip lists, is the same in every capture.
if [ -f "$DATA/projects/refused_secrets_allow.json" ]; then
  cp "$DATA/projects/refused_secrets_allow.json" "$RAW/refused_approved/approve.written.json"
  python3 - "$DATA/projects/refused_secrets_allow.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for approval in doc["approvals"]:
    approval.update(approvedBy="operator", approvedAt="2026-01-01T00:00:00Z")
json.dump(doc, open(sys.argv[1], "w"), indent=2)
PY
fi
stager refused_approved refused "$CORPUS/refused" --allow-unknown   # ships, the finding listed as approved
run refused_approved/verify_secret_unapproved ./jbang verify_zip --data-dir "$DATA" --scan-secrets \
  --zip "$OUT/refused_approved/human/refused_approved.zip"          # VZ_SECRET: without --project-id nothing is approved

# verify_zip failures: the quick start's zip with one data byte flipped, in its first DEFLATED (8) entry (the
# stream breaks) and in its first STORED (0) one (CRC and manifest mismatch). Zips have no data descriptors.
for method in 8 0; do
  [ -f "$OUT/mojo1/human/mojo1.zip" ] || break
  mkdir -p "$OUT/tampered$method"
  cp "$OUT/mojo1/human/mojo1.zip" "$OUT/mojo1/human/mojo1.zip.manifest.json" "$OUT/tampered$method/"
  python3 - "$OUT/tampered$method/mojo1.zip" "$method" <<'PY'
import struct, sys
data, at = bytearray(open(sys.argv[1], "rb").read()), 0
while struct.unpack_from("<H", data, at + 8)[0] != int(sys.argv[2]):   # walk the local headers to that method
    at += 30 + sum(struct.unpack_from("<HH", data, at + 26)) + struct.unpack_from("<I", data, at + 18)[0]
data[at + 30 + sum(struct.unpack_from("<HH", data, at + 26))] ^= 0x01
open(sys.argv[1], "wb").write(data)
PY
  run "tampered$method/verify" ./jbang verify_zip --data-dir "$DATA" --zip "$OUT/tampered$method/mojo1.zip"
  run "tampered$method/verify.json" ./jbang verify_zip --data-dir "$DATA" --zip "$OUT/tampered$method/mojo1.zip" --json
done

# --- inventory, into a data dir of its own. It has no dry-run: the runs that write nothing are its refusals.
i=(./jbang inventory --data-dir "$INV")
run inventory/missing_data_dir "${i[@]}" --project-id mojo1 --content-dir examples/mojo1/content
run inventory/create "${i[@]}" --project-id mojo1 --content-dir examples/mojo1/content --create-data-dir
run inventory/exists "${i[@]}" --project-id mojo1 --content-dir examples/mojo1/content
run inventory/exists.json "${i[@]}" --project-id mojo1 --content-dir examples/mojo1/content --json
run inventory/reinventory.json "${i[@]}" --project-id mojo1 --content-dir examples/mojo1/content --reinventory \
  --override psd --notes "second snapshot" --json
run inventory/add_override "${i[@]}" --project-id mojo1 --add-override exr TIF
run inventory/add_override.json "${i[@]}" --project-id mojo1 --add-override mov --json
for c in many tiny refused; do
  run "inventory/$c" "${i[@]}" --project-id "$c" --content-dir "$CORPUS/$c"
  run "inventory/$c.json" "${i[@]}" --project-id "${c}2" --content-dir "$CORPUS/$c" --json
done

# --- the dashboard every commit above fed (each commit also rewrote its page).
run dashboard/render ./jbang dashboard --data-dir "$DATA"
run dashboard/render.json ./jbang dashboard --data-dir "$DATA" --json
END=$(date -u +%s)
echo "$((END - START))" >"$OUTDIR/capture_seconds"

# --- normalize: mirror work/ (but the corpora) into cap/, masking only values that differ from run to run.
python3 - "$WORK" "$OUTDIR/cap" "$CHECKOUT" "$OUTDIR" "$START" "$END" <<'PY'
import datetime, hashlib, os, pwd, re, socket, sys
work, cap, checkout, outdir = sys.argv[1:5]
start, end = int(sys.argv[5]) - 120, int(sys.argv[6]) + 120
utc = datetime.timezone.utc
user, host = pwd.getpwuid(os.getuid()).pw_name, socket.gethostname()   # as the JVM reads them
# Paths: every capture runs in its own folders (longest first, in case OUTDIR is inside the checkout).
paths = sorted([(outdir, "<OUTDIR>"), (checkout, "<CHECKOUT>")], key=lambda p: -len(p[0]))
# Times: only those inside this capture's window, so that the fixed ones (allowlists' snapshotAt, the zip's fixed
# entry time) are still compared. ISO-8601 as the reports write it, "2026-11-29 17:04:37Z" (dashboard), or a day.
def time(m):
    if m[3] is None:   # a bare day: the dashboard's refusals per day
        day = datetime.datetime.strptime(m[1], "%Y-%m-%d").replace(tzinfo=utc).timestamp()
        return "<DATE>" if start < day + 86400 and day <= end else m[0]
    at = datetime.datetime.strptime(m[1] + " " + m[3], "%Y-%m-%d %H:%M:%S").replace(tzinfo=utc).timestamp()
    return "<TIME>" if start <= at <= end else m[0]
masks = [
    (re.compile(r"\b(\d{4}-\d\d-\d\d)(?:([T ])(\d\d:\d\d:\d\d)(\.\d+)?Z)?\b"), time),
    # Durations: the run record's duration_ms, the project manifest's durationMs, the report page's "(1,234 ms)".
    (re.compile(r'("(?:duration_ms|durationMs)" ?: ?)\d+'), r"\1<MS>"),
    (re.compile(r"(<TIME> )\([\d,]+ ms\)"), r"\1(<MS> ms)"),
    # Who ran it: the run record's user and host, an approval's approvedBy, and "USER on HOST" in text and pages.
    (re.compile(r'("(?:user|host|approvedBy)" ?: ?)"[^"]*"'), r'\1"<WHO>"'),
    (re.compile(rf"\b{re.escape(user)} on {re.escape(host)}\b"), "<USER> on <HOST>"),
    # The JVM's own log lines (the wrapper lets its warnings through to stderr, e.g. an unusable class-data
    # archive): decorated with the JVM's uptime, and about the machine, not the toolkit.
    (re.compile(r"(?m)^\[\d+\.\d+s\]\[(?:warning|error) *\]\[[^\]]*\].*\n"), ""),
]
binary = []
for folder, dirs, files in os.walk(work):
    dirs[:] = [d for d in dirs if os.path.join(folder, d) != os.path.join(work, "corpus")]
    for name in files:
        rel = os.path.relpath(os.path.join(folder, name), work)
        data = open(os.path.join(work, rel), "rb").read()
        try:
            text = data.decode("utf-8")
            assert "\0" not in text
        except (UnicodeDecodeError, AssertionError):   # a zip: compared whole by its sha256, never masked
            binary.append(f"{hashlib.sha256(data).hexdigest()}  {rel}\n")
            continue
        for path, placeholder in paths:
            text = text.replace(path, placeholder)
        for pattern, replacement in masks:
            text = pattern.sub(replacement, text)
        os.makedirs(os.path.dirname(os.path.join(cap, rel)), exist_ok=True)
        with open(os.path.join(cap, rel), "w", encoding="utf-8") as f:
            f.write(text)
with open(os.path.join(cap, "binary.sha256"), "w") as f:
    f.writelines(sorted(binary, key=lambda line: line[66:]))
PY
echo "captured $(find "$OUTDIR/cap" -type f | wc -l) files into $OUTDIR/cap ($((END - START)) s of commands)"
