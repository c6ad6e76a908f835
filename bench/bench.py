#!/usr/bin/env python3
"""prezip benchmark: ours against the Python baseline and zip -r, timed alternately in one run.

Prints medians, ratios against the baseline of the same run (machines here are noisy) and peak RSS.
Usage: bench/run.sh [RUNS] [SECTION...]   (sections: commit dry-run memory start secrets large deflate rebuild scan-quality redeliver types; default all)
PREZIP_BENCH_OUT=DIR: where the timed runs write their zips and staging (default bench/work/out).
"""
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SECTIONS = set(sys.argv[2:]) or {"commit", "dry-run", "memory", "start", "secrets", "large", "deflate", "rebuild", "scan-quality", "redeliver", "types"}
# The toolkit before the content scan (issue 15): "the same commit with the scan off", checked out once.
BEFORE_SCAN = "aa33dd7"
# The toolkit before large entries were deflated in blocks (issue 18): one deflate stream per entry.
BEFORE_BLOCKS = "023c081"
# The toolkit before its own deflate encoder (issue 24): the JDK's Deflater, called directly.
BEFORE_ENCODER = "c40c6fe"
# Fresh JVMs timed for the canary's cost (the first Deflaters.choice()).
CANARY_RUNS = 7
# The toolkit before the content scan knew its context (issue 27): its rules and scanner, measured beside ours.
BEFORE_QUALITY = "c40c6fe"
# Main just before issue 27 (the base of its branch, code-identical to main just before the merge): a commit's time
# before issue 27 against now's, each a first delivery (no earlier zip to reuse entries from).
BEFORE_27 = "7f626ca"
# The toolkit before content types (issue 30): the same runs without the type check.
BEFORE_TYPES = "a8106f8"
# The toolkit before the previous delivery was read beside the scan (issue 26): a re-commit's time before and now.
BEFORE_LOOKAHEAD = "e05af3d"
# Where the timed runs write their zips (and so their staging folders): another file system can be timed, a journaled
# ext4 for one, where creating a file does not scan past recently freed inodes (see the README's Performance).
OUT = os.environ.get("PREZIP_BENCH_OUT", os.path.join(WORK, "out"))
# The real-text corpus of the scan-quality section: built once from what the machine holds, never committed.
SCAN_CORPUS = os.environ.get("PREZIP_SCAN_CORPUS", os.path.expanduser("~/.cache/prezip/scan-corpus"))
# Planted credentials per kind in the scan-quality section's synthetic set.
PLANTED_PER_KIND = 50
# The peer, pinned: 13.0.6 has the profiler off unless --profile is given (secretlint#1673). 12.x marked every rule of
# every file and compared each mark with all before it, quadratic in the files of one run: 12.0.0 took 72 s for the
# 1,955 POMs of the corpus that 13.0.6 reads in 6 s, and ran 2 hours without an end over the whole corpus.
SECRETLINT_VERSION = "13.0.6"
# Files and bytes per secretlint process: the command line stays far below ARG_MAX and a process that hangs costs one batch.
SECRETLINT_BATCH_FILES = 2000
SECRETLINT_BATCH_BYTES = 64 << 20
# Wall-clock bound of one secretlint process (a batch reads in about 10 s here) and of all of them.
SECRETLINT_BATCH_SECONDS = 300
SECRETLINT_TOTAL_SECONDS = 40 * 60
# Files not scanned by secretlint named in the output (all are counted).
SHOWN_NOT_SCANNED = 20
# One finding of secretlint's unix format: PATH:LINE:COLUMN: [Rule] message [Error/preset > rule]
SECRETLINT_LINE = __import__("re").compile(r"^(?P<path>/.+?):(?P<where>\d+:\d+): .*> (?P<rule>[^ \]]+)\]$")


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, cwd=ROOT, **kw)


def corpus(name, kind, count):
    path = os.path.join(WORK, name)
    if not os.path.exists(path + ".done"):
        shutil.rmtree(path, ignore_errors=True)
        sh(f"python3 bench/gen_corpus.py {kind} {path} {count}")
        open(path + ".done", "w").close()
    return path


def data_dir():
    data = os.path.join(WORK, "data")
    os.makedirs(os.path.join(data, "projects"), exist_ok=True)
    shutil.copy(os.path.join(ROOT, "data", "global_bans.json"), data)
    shutil.copy(os.path.join(ROOT, "data", "secret_rules.json"), data)
    with open(os.path.join(data, "projects", "bench_allowed_ext.json"), "w") as f:
        json.dump({"projectId": "bench", "snapshotAt": "2026-01-01T00:00:00Z", "sourcePath": "bench",
                   "allowedExtensions": ["png", "txt"], "clientWhitelistOverrides": []}, f)
    return data


def timed(cmd, before=None):
    """Wall seconds, peak RSS (MiB; max over the process tree GNU time waits for), user and system CPU seconds."""
    if before:
        before()
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "bash", "-c", cmd + " >/dev/null"], cwd=ROOT,
                         stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {cmd}\n{out.stderr}")
    seconds, kib, user, system = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024, float(user), float(system)


def compare(section, title, commands, baseline):
    """commands: list of (name, cmd, before); run alternately RUNS times, if the section was asked for."""
    if section not in SECTIONS:
        return None
    results = {name: [] for name, _, _ in commands}
    for _ in range(RUNS):
        for name, cmd, before in commands:
            results[name].append(timed(cmd, before))
    base = statistics.median(r[0] for r in results[baseline])
    base_rss = max(r[1] for r in results[baseline])
    print(f"\n{title}  (median of {RUNS}, ratios vs {baseline}; CPU: median user / system seconds)")
    print(f"  {'command':<26}{'median s':>10}{'ratio':>8}{'peak RSS MiB':>14}{'RSS ratio':>11}{'CPU user/sys s':>17}")
    for name, _, _ in commands:
        med = statistics.median(r[0] for r in results[name])
        rss = max(r[1] for r in results[name])
        cpu = f"{statistics.median(r[2] for r in results[name]):.1f} / {statistics.median(r[3] for r in results[name]):.1f}"
        print(f"  {name:<26}{med:>10.2f}{med / base:>8.2f}{rss:>14.0f}{rss / base_rss:>11.2f}{cpu:>17}")
    return {name: statistics.median(r[0] for r in results[name]) for name in results}


def main():
    os.makedirs(OUT, exist_ok=True)
    many = corpus("many", "many", 20000)
    tiny = corpus("tiny", "tiny", 100000)
    tiny10k = corpus("tiny10k", "tiny", 10000)
    data = data_dir()
    out = OUT
    ours = f"./jbang prezip_stager --project-id bench --data-dir {data}"
    sh(f"{ours} --help >/dev/null")  # compile once, outside the timings

    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') >> 30} GiB; "
          f"corpus 'many': 20,000 files, {du(many)} MiB; 'tiny': 100,000 files")
    compare("commit", "commit, 20,000 files", [
        ("python baseline", f"python3 bench/baseline_stager.py {many} {out}/py.zip png,txt", rm_file(f"{out}/py.zip")),
        ("zip -r -X", f"cd {many} && zip -r -X -q {out}/zipr.zip .", rm_file(f"{out}/zipr.zip")),
        ("prezip --commit", f"{ours} --content-dir {many} --output-zip {out}/ours.zip --commit", rm_delivery(f"{out}/ours.zip")),
    ], "python baseline")
    compare("dry-run", "dry-run, 100,000 tiny files (JVM start included)", [
        ("python baseline", f"python3 bench/baseline_stager.py {tiny} {out}/x.zip txt --dry-run", None),
        ("prezip dry-run", f"{ours} --content-dir {tiny} --output-zip {out}/tiny.zip", None),
    ], "python baseline")
    compare("memory", "commit memory, 10,000 vs 100,000 tiny files", [
        ("prezip --commit 10k", f"{ours} --content-dir {tiny10k} --output-zip {out}/t10k.zip --commit", rm_delivery(f"{out}/t10k.zip")),
        ("prezip --commit 100k", f"{ours} --content-dir {tiny} --output-zip {out}/t100k.zip --commit", rm_delivery(f"{out}/t100k.zip")),
    ], "prezip --commit 10k")
    if "secrets" in SECTIONS:
        before = worktree("before-scan", BEFORE_SCAN)
        old = f"{before}/jbang prezip_stager --project-id bench --data-dir {data}"
        sh(f"{old} --help >/dev/null")
        print("\ncontent scanner alone, one thread, text with no findings:")
        sh("./jbang bench/scan_speed.java")
        compare("secrets", "commit, 20,000 files: content scan on (now) vs off (the toolkit before it)", [
            ("prezip before the scan", f"{old} --content-dir {many} --output-zip {out}/before.zip --commit", None),
            ("prezip --commit", f"{ours} --content-dir {many} --output-zip {out}/ours.zip --commit", rm_delivery(f"{out}/ours.zip")),
        ], "prezip before the scan")
        big = os.path.join(WORK, "big-text")
        if not os.path.exists(big + ".done"):
            shutil.rmtree(big, ignore_errors=True)
            for where in ("start", "end"):
                os.makedirs(os.path.join(big, where), exist_ok=True)
            line = b"frame,plate,shot,colour,grade,render,final,client,note,version,scene,camera,light\n" * 1000
            token = b"key,AKIA" + bytes(random_token(16)) + b"\n"
            with open(os.path.join(big, "end", "export.txt"), "wb") as f:
                for _ in range((2 << 30) // len(line)):
                    f.write(line)
                f.write(token)
            with open(os.path.join(big, "start", "export.txt"), "wb") as f:
                f.write(token + line)
            open(big + ".done", "w").close()
        with open(os.path.join(data, "projects", "big_allowed_ext.json"), "w") as f:
            json.dump({"projectId": "big", "snapshotAt": "2026-01-01T00:00:00Z", "sourcePath": "bench",
                       "allowedExtensions": ["txt"], "clientWhitelistOverrides": []}, f)
        heap = "JAVA_TOOL_OPTIONS=-Xmx64m"
        refused = "2>/dev/null || test $? -eq 1; }"
        compare("secrets", "a finding at the start of a small file vs the end of a 2 GiB one (dry-run, -Xmx64m, exit 1 expected)", [
            ("finding at the start", f"{{ {heap} ./jbang prezip_stager --project-id big --data-dir {data} --content-dir {big}/start "
                                     f"--output-zip {out}/big.zip {refused}", None),
            ("finding after 2 GiB", f"{{ {heap} ./jbang prezip_stager --project-id big --data-dir {data} --content-dir {big}/end "
                                    f"--output-zip {out}/big.zip {refused}", None),
        ], "finding at the start")
        compare("secrets", "dry-run, 100,000 tiny files: content scan vs names only", [
            ("prezip --names-only", f"{ours} --content-dir {tiny} --output-zip {out}/tiny.zip --names-only", None),
            ("prezip dry-run (scan)", f"{ours} --content-dir {tiny} --output-zip {out}/tiny.zip", None),
        ], "prezip --names-only")
    if "large" in SECTIONS:
        large_section(data, out)
    if "deflate" in SECTIONS:
        deflate_section(data, out, many)
    if "rebuild" in SECTIONS:
        rebuild_section(data, out, many)
    if "scan-quality" in SECTIONS:
        scan_quality_section()
    if "redeliver" in SECTIONS:
        redeliver_section(data, out, many)
    if "types" in SECTIONS:
        types_section(out, many, tiny)
    compare("start", "warm start", [
        ("java -version", "java -version 2>/dev/null", None),
        ("prezip_stager --help", "./jbang prezip_stager --help", None),
    ], "java -version")


def types_section(out, many, tiny):
    """The type check's cost: the same dry-run, commit and one-file run with it (now) and without (the toolkit before it)."""
    before = worktree("before-types", BEFORE_TYPES)
    # Both read the built-in bans, rules and (now) types: a data folder of projects only, which either toolkit reads.
    data = os.path.join(WORK, "data-types")
    os.makedirs(os.path.join(data, "projects"), exist_ok=True)
    shutil.copy(os.path.join(WORK, "data", "projects", "bench_allowed_ext.json"), os.path.join(data, "projects"))
    one = os.path.join(WORK, "one-file")
    os.makedirs(one, exist_ok=True)
    with open(os.path.join(one, "a.txt"), "w") as f:
        f.write("hello\n")
    old = f"{before}/jbang prezip_stager --project-id bench --data-dir {data}"
    new = f"./jbang prezip_stager --project-id bench --data-dir {data}"
    sh(f"{old} --help >/dev/null")
    compare("types", "dry-run, 100,000 tiny files: type check on (now) vs off (the toolkit before it)", [
        ("before types", f"{old} --content-dir {tiny} --output-zip {out}/tiny.zip", None),
        ("with types", f"{new} --content-dir {tiny} --output-zip {out}/tiny.zip", None),
    ], "before types")
    compare("types", "commit, 20,000 files: type check on vs off", [
        ("before types", f"{old} --content-dir {many} --output-zip {out}/before.zip --commit", None),
        ("with types", f"{new} --content-dir {many} --output-zip {out}/ours.zip --commit", None),
    ], "before types")
    compare("types", "start-up: a dry-run of one file (the table loaded once) on vs off", [
        ("before types", f"{old} --content-dir {one} --output-zip {out}/one.zip", None),
        ("with types", f"{new} --content-dir {one} --output-zip {out}/one.zip", None),
    ], "before types")


def worktree(name, commit):
    """The toolkit at an earlier commit, checked out once under bench/work/NAME."""
    path = os.path.join(WORK, name)
    if not os.path.exists(os.path.join(path, "jbang")):
        shutil.rmtree(path, ignore_errors=True)
        sh(f"git worktree add --force --detach {path} {commit} >/dev/null 2>&1 || git clone -q . {path} "
           f"&& git -C {path} checkout -q {commit}")
    return path


def large_allowlist(data):
    """The project of the large corpora: their one type, exr (DEFLATED)."""
    with open(os.path.join(data, "projects", "large_allowed_ext.json"), "w") as f:
        json.dump({"projectId": "large", "snapshotAt": "2026-01-01T00:00:00Z", "sourcePath": "bench",
                   "allowedExtensions": ["exr"], "clientWhitelistOverrides": []}, f)


def rebuild_section(data, out, many):
    """verify_zip --rebuild (issue 24): a delivery packed again and compared, against a plain verify and the commit itself."""
    large_allowlist(data)
    for project, content, title in (("bench", many, "20,000 files"),
                                    ("large", corpus("large", "large", 1), "one 300 MB compressible file (blocks)")):
        zip_path = f"{out}/rebuild-{project}.zip"
        verify = f"./jbang verify_zip --zip {zip_path} --data-dir {data} --content-dir {content}"
        compare("rebuild", f"{title}: the commit, verify_zip --content-dir, and with --rebuild", [
            ("prezip --commit", f"./jbang prezip_stager --project-id {project} --data-dir {data} --content-dir {content} "
                                f"--output-zip {zip_path} --commit", rm_delivery(zip_path)),
            ("verify_zip --content-dir", verify, None),
            ("verify_zip --rebuild", f"{verify} --rebuild", None),
        ], "prezip --commit")


def large_section(data, out):
    """Large DEFLATED entries (issue 18): one 300 MB file and four of 150 MB, against the baseline, zip and pigz."""
    large_allowlist(data)
    before = worktree("before-blocks", BEFORE_BLOCKS)
    old = f"{before}/jbang prezip_stager --project-id large --data-dir {data}"
    ours = f"./jbang prezip_stager --project-id large --data-dir {data}"
    sh(f"{old} --help >/dev/null")
    pigz = shutil.which("pigz") is not None
    for name, count in (("large", 1), ("large4", 4)):
        content = corpus(name, "large", count)
        files = " ".join(sorted(os.listdir(content)))
        commands = [
            ("python baseline", f"python3 bench/baseline_stager.py {content} {out}/py.zip exr", rm_file(f"{out}/py.zip")),
            ("zip -X -6", f"cd {content} && zip -X -6 -q {out}/zipx.zip {files}", rm_file(f"{out}/zipx.zip")),
        ]
        if pigz:
            commands.append(("pigz -6 (2 cores' bound)", f"cd {content} && pigz -6 -c {files} > {out}/p.gz", None))
        commands += [
            ("prezip one stream (before)", f"{old} --content-dir {content} --output-zip {out}/old.zip --commit", None),
            ("prezip --commit", f"{ours} --content-dir {content} --output-zip {out}/ours.zip --commit", rm_delivery(f"{out}/ours.zip")),
        ]
        compare("large", f"commit, {'one 300 MB' if count == 1 else 'four 150 MB'} compressible file(s), DEFLATED", commands,
                "python baseline")
        single, blocks = os.path.getsize(f"{out}/old.zip"), os.path.getsize(f"{out}/ours.zip")
        print(f"  zip size: one stream {single:,} B, blocks {blocks:,} B ({(blocks / single - 1) * 100:+.2f} %)")
    many = corpus("many", "many", 20000)
    small = f"--project-id bench --data-dir {data} --content-dir {many} --commit"
    compare("large", "commit, 20,000 small files: before blocks vs now (no file is large enough for blocks)", [
        ("prezip one stream (before)", f"{before}/jbang prezip_stager {small} --output-zip {out}/old20k.zip", None),
        ("prezip --commit", f"./jbang prezip_stager {small} --output-zip {out}/ours20k.zip", rm_delivery(f"{out}/ours20k.zip")),
    ], "prezip one stream (before)")


def deflate_section(data, out, many):
    """The toolkit's encoder (issue 24): its CPU time against the JDK's Deflater in one run, its memory, the canary's
    cost in fresh JVMs, and the 20,000-file commit with it forced against the JDK's Deflater now and before."""
    speed = "./jbang bench/deflate_speed.java"
    print("\ndeflate: the toolkit's encoder against the JDK's Deflater (this machine's zlib), one thread")
    sh(f"{speed} speed {many} {RUNS}")
    sh(f"{speed} memory")
    ng = os.path.join(ROOT, "..", "shared", "zlib-builds", "zlib-ng-2.2.2")
    for name, env in (("classic zlib", ""), ("zlib-ng", f"LD_LIBRARY_PATH={ng} ")):
        if name == "zlib-ng" and not os.path.exists(os.path.join(ng, "libz.so.1")):
            continue
        lines = [subprocess.run(f"{env}{speed} canary", shell=True, check=True, cwd=ROOT, capture_output=True, text=True)
                 .stdout.strip() for _ in range(CANARY_RUNS)]
        wall = [float(line.split()[0]) for line in lines]
        cpu = [float(line.split()[3]) for line in lines]
        print(f"canary, the first Deflaters.choice() in a fresh JVM, {name}: median {statistics.median(wall):.1f} ms wall "
              f"(min {min(wall):.1f}, max {max(wall):.1f}), {statistics.median(cpu):.1f} ms CPU, {CANARY_RUNS} JVMs; "
              f"{lines[0].split('; ', 1)[1]}")
    before = worktree("before-encoder", BEFORE_ENCODER)
    args = f"--project-id bench --data-dir {data} --content-dir {many} --commit"
    sh(f"{before}/jbang prezip_stager --help >/dev/null")
    compare("deflate", "commit, 20,000 files: the JDK's Deflater before issue 24 and now, and the toolkit's encoder forced", [
        ("prezip before issue 24", f"{before}/jbang prezip_stager {args} --output-zip {out}/before24.zip", None),
        ("prezip --commit (jdk)", f"./jbang prezip_stager {args} --output-zip {out}/jdk.zip", rm_delivery(f"{out}/jdk.zip")),
        ("PREZIP_DEFLATER=toolkit", f"PREZIP_DEFLATER=toolkit ./jbang prezip_stager {args} --output-zip {out}/toolkit.zip", rm_delivery(f"{out}/toolkit.zip")),
    ], "prezip --commit (jdk)")
    same = all(filecmp.cmp(f"{out}/jdk.zip", f"{out}/{name}.zip", shallow=False) for name in ("before24", "toolkit"))
    print(f"  the three zips are byte-identical: {'yes' if same else 'NO'}")
def scan_quality_section():
    """Issue 27: findings per GB on real text nobody here wrote, recall per kind on planted synthetic credentials,
    MB/s; the toolkit before issue 27 and secretlint (when npm can install it) on the same files in the same run."""
    if not os.path.exists(SCAN_CORPUS + ".done"):
        sh(f"python3 bench/scan_corpus.py {SCAN_CORPUS}")
        open(SCAN_CORPUS + ".done", "w").close()
    planted = os.path.join(WORK, "planted")
    shutil.rmtree(planted, ignore_errors=True)
    sh(f"./jbang bench/scan_quality.java plant {planted} {PLANTED_PER_KIND}")
    before = worktree("before-quality", BEFORE_QUALITY)
    # The measuring tool and its planted-set maker run against the old scanner as they are.
    for tool in ("bench/scan_quality.java", "tests/support/SecretCorpus.java"):
        shutil.copy(os.path.join(ROOT, tool), os.path.join(before, tool))
    for name, tree in (("before issue 27", before), ("now", ROOT)):
        print(f"\nprezip content scan, {name}:")
        subprocess.run(f"./jbang bench/scan_quality.java corpus {SCAN_CORPUS} | grep -v '^  finding' ; "
                       f"./jbang bench/scan_quality.java recall {planted} | tail -1", shell=True, cwd=tree, check=True)
    print("\nnow, every finding on the real corpus and recall per kind:")
    sh(f"./jbang bench/scan_quality.java corpus {SCAN_CORPUS} | grep '^  finding'; ./jbang bench/scan_quality.java recall {planted}")
    scan_cost_section()
    secretlint_figures(planted)


def scan_cost_section():
    """What issue 27 costs a commit and the scanner (target: commit within 5 %, >= 250 MB/s per core on prose): main
    just before it and now, each with its own shipped rules (a data folder holding only the allowlist)."""
    before = worktree("before-27", BEFORE_27)
    shutil.copy(os.path.join(ROOT, "bench", "scan_speed.java"), os.path.join(before, "bench", "scan_speed.java"))
    for name, tree in (("before issue 27", before), ("now", ROOT)):
        print(f"\ncontent scanner alone, one thread, text with no findings, {name} (its shipped rules):")
        subprocess.run("./jbang bench/scan_speed.java", shell=True, cwd=tree, check=True)
    many = corpus("many", "many", 20000)
    own = os.path.join(WORK, "data-own-rules")
    os.makedirs(os.path.join(own, "projects"), exist_ok=True)
    shutil.copy(os.path.join(WORK, "data", "projects", "bench_allowed_ext.json"), os.path.join(own, "projects"))
    out = OUT
    args = f"--project-id bench --data-dir {own} --content-dir {many} --commit"
    sh(f"{before}/jbang prezip_stager --help >/dev/null")
    old_zip, new_zip = f"{out}/before27.zip", f"{out}/now27.zip"
    compare("scan-quality", "commit, 20,000 files, a first delivery each time: main before issue 27 and now", [
        ("prezip before issue 27", f"{before}/jbang prezip_stager {args} --output-zip {old_zip}", flushed_first_delivery(old_zip)),
        ("prezip --commit", f"./jbang prezip_stager {args} --output-zip {new_zip}", flushed_first_delivery(new_zip)),
    ], "prezip before issue 27")


def flushed_first_delivery(zip_path):
    """rm_delivery, then the last run's writes put on disk: else the kernel charges their writeback to the next
    process (1.5x in system time and wall clock for whichever command ran second, here)."""
    remove = rm_delivery(zip_path)
    return lambda: (remove(), os.sync())


def secretlint_figures(planted):
    """secretlint (its recommended preset) on the same corpus and planted set, installed with npm into bench/work."""
    binary = secretlint_binary()
    if binary is None:
        print(f"\nsecretlint: not installed (npm install of {SECRETLINT_VERSION} failed); no figures of it in this run")
        return
    config = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(binary))), ".secretlintrc.json")
    with open(config, "w") as f:
        f.write('{"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}\n')
    print(f"\nsecretlint {SECRETLINT_VERSION} (recommended preset), {SECRETLINT_BATCH_FILES} files or "
          f"{SECRETLINT_BATCH_BYTES >> 20} MiB per process, each process bounded to {SECRETLINT_BATCH_SECONDS} s, "
          f"all of them to {SECRETLINT_TOTAL_SECONDS} s:")
    for name, folder in (("real corpus", SCAN_CORPUS), ("planted set", planted)):
        run = secretlint_run(binary, config, folder)
        if name == "real corpus":
            gb = run["bytes"] / 1e9
            print(f"secretlint on the real corpus: {run['files']:,} files, {gb:.3f} GB, {len(run['findings'])} findings, "
                  f"{len(run['findings']) / gb:.1f} per GB, {run['bytes'] / 1e6 / run['cpu']:.0f} MB/s per CPU second "
                  f"({run['bytes'] / 1e6 / run['wall']:.0f} MB/s wall, {run['wall']:.0f} s, {run['batches']} processes)")
            for rel, where, rule in run["findings"]:
                print(f"  finding {rel}:{where} {rule}")
        else:
            caught = {}
            for rel, _, _ in run["findings"]:
                caught.setdefault(rel.split("/")[0], set()).add(rel)
            kinds = sorted(os.listdir(folder))
            total = sum(len(os.listdir(os.path.join(folder, k))) for k in kinds)
            print(f"secretlint on the planted set: {sum(len(v) for v in caught.values())} / {total} files caught; per kind:")
            for kind in kinds:
                n = len(os.listdir(os.path.join(folder, kind)))
                print(f"  {kind:<34} {len(caught.get(kind, ())):>4} / {n:>4}")
        skipped = run["not_scanned"]
        print(f"  not scanned by secretlint (its process timed out or the time was up): {len(skipped)} files, "
              f"{sum(size for _, size in skipped) / 1e6:.1f} MB")
        for rel, size in skipped[:SHOWN_NOT_SCANNED]:
            print(f"    {rel} ({size:,} B)")


def secretlint_binary():
    """secretlint at the pinned version, installed once under bench/work; None if npm cannot install it."""
    tool = os.path.join(WORK, f"secretlint-{SECRETLINT_VERSION}")
    binary = os.path.join(tool, "node_modules", ".bin", "secretlint")
    if not os.path.exists(binary):
        os.makedirs(tool, exist_ok=True)
        with open(os.path.join(tool, "package.json"), "w") as f:
            f.write('{"name": "bench-secretlint", "version": "1.0.0", "private": true}\n')
        subprocess.run(f"npm install --ignore-scripts --no-audit --no-fund secretlint@{SECRETLINT_VERSION} "
                       f"@secretlint/secretlint-rule-preset-recommend@{SECRETLINT_VERSION}", shell=True, cwd=tool)
    return binary if os.path.exists(binary) else None


def secretlint_batches(folder):
    """The folder's regular files (no link followed) in sorted order, as (relative path, size), cut into batches."""
    batch, size = [], 0
    for dirpath, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            length = os.path.getsize(path)
            if batch and (len(batch) == SECRETLINT_BATCH_FILES or size + length > SECRETLINT_BATCH_BYTES):
                yield batch
                batch, size = [], 0
            batch.append((os.path.relpath(path, folder), length))
            size += length
    if batch:
        yield batch


def secretlint_run(binary, config, folder):
    """Every batch in a process of its own (literal paths: no glob, no .gitignore), each under its timeout; a batch
    that times out, or comes after the total time is up, is listed as not scanned. CPU time is the children's."""
    import resource
    import time
    report = os.path.join(WORK, "secretlint-report.txt")
    findings, not_scanned = [], []
    files = size = batches = 0
    started = time.monotonic()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for batch in secretlint_batches(folder):
        left = SECRETLINT_TOTAL_SECONDS - (time.monotonic() - started)
        if left <= 0:
            not_scanned += batch
            continue
        batches += 1
        # To a file, not a pipe: node exits before a pipe has taken all of a long report (it stops at 64 KiB).
        with open(report, "w") as out:
            try:
                subprocess.run([binary, "--secretlintrc", config, "--format", "unix", "--no-color", "--no-glob",
                                "--no-gitignore"] + [rel for rel, _ in batch], cwd=folder, stdout=out,
                               stderr=subprocess.DEVNULL, timeout=min(SECRETLINT_BATCH_SECONDS, left))
            except subprocess.TimeoutExpired:
                not_scanned += batch
                continue
        files += len(batch)
        size += sum(length for _, length in batch)
        with open(report) as f:
            for line in f.read().splitlines():
                found = SECRETLINT_LINE.match(line)
                if found:
                    findings.append((os.path.relpath(found["path"], os.path.realpath(folder)), found["where"], found["rule"]))
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"findings": findings, "not_scanned": not_scanned, "files": files, "bytes": size, "batches": batches,
            "wall": time.monotonic() - started, "cpu": max(cpu, 1e-9)}


def redeliver_section(data, out, many):
    """Re-delivery (issue 26): re-commits of the 20,000 files against the zip they replace, and the diff of two 1M-entry manifests."""
    changed = changed_copy(many)
    ours = f"./jbang prezip_stager --project-id bench --data-dir {data} --commit"
    previous = f"{out}/re-prev.zip"
    if not os.path.exists(previous):
        sh(f"{ours} --content-dir {many} --output-zip {previous} --quiet")

    def replaced_by_previous(zip_path):
        def restore():
            for suffix in ("", ".manifest.json"):
                shutil.copy(previous + suffix, zip_path + suffix)
            os.sync()  # the copy's writeback is not the timed run's
        return restore

    def first_delivery(zip_path):
        def remove():
            rm_delivery(zip_path)()
            os.sync()
        return remove

    compare("redeliver", "re-commit of 20,000 files with 1 % of them changed, against the zip it replaces", [
        ("python baseline", f"python3 bench/baseline_stager.py {changed} {out}/py.zip png,txt", rm_file(f"{out}/py.zip")),
        ("prezip full commit", f"{ours} --content-dir {changed} --output-zip {out}/re-full.zip", first_delivery(f"{out}/re-full.zip")),
        ("prezip re-commit", f"{ours} --content-dir {changed} --output-zip {out}/re-1pc.zip", replaced_by_previous(f"{out}/re-1pc.zip")),
    ], "python baseline")
    before = worktree("before-lookahead", BEFORE_LOOKAHEAD)
    old = f"{before}/jbang prezip_stager --project-id bench --data-dir {data} --commit"
    sh(f"{old} --help >/dev/null")
    compare("redeliver", "re-commit of 20,000 files with nothing changed", [
        ("prezip full commit", f"{ours} --content-dir {many} --output-zip {out}/re-full.zip", first_delivery(f"{out}/re-full.zip")),
        ("re-commit, before lookahead", f"{old} --content-dir {many} --output-zip {out}/re-old.zip", replaced_by_previous(f"{out}/re-old.zip")),
        ("prezip re-commit", f"{ours} --content-dir {many} --output-zip {out}/re-same.zip", replaced_by_previous(f"{out}/re-same.zip")),
    ], "prezip full commit")
    old, new = million_manifests()
    print("\ndiff of two manifests of 1,000,000 entries (1 % changed, 0.5 % added, 0.5 % removed), -Xmx64m:")
    diff = f"JAVA_TOOL_OPTIONS=-Xmx64m ./jbang bench/diff_speed.java {old} {new}"
    sh(diff)  # compiles it once, and shows its counts and the comparison's own time
    compare("redeliver", "diff of two 1,000,000-entry manifests (through JBang: its JVM and start included)", [
        ("diff_speed -Xmx64m", diff, None),
    ], "diff_speed -Xmx64m")


def changed_copy(many):
    """The 20,000 files with every 100th (in path order) replaced by other bytes of its size: hard links for the rest."""
    changed = os.path.join(WORK, "many-changed")
    if not os.path.exists(changed + ".done"):
        shutil.rmtree(changed, ignore_errors=True)
        sh(f"cp -al {many} {changed}")
        rng = __import__("random").Random(26)
        files = sorted(os.path.relpath(os.path.join(d, f), changed) for d, _, fs in os.walk(changed) for f in fs)
        for name in files[::100]:
            path = os.path.join(changed, name)
            size = os.path.getsize(path)
            os.remove(path)  # a new file: the hard-linked original stays as it was
            with open(path, "wb") as f:
                f.write(rng.randbytes(size) if name.endswith(".png") else (b"changed " * size)[:size])
        open(changed + ".done", "w").close()
    return changed


def million_manifests():
    """Two v1 manifests of 1,000,000 entries in path order, as a re-delivery's: 1 % changed, 0.5 % added and removed."""
    old, new = os.path.join(WORK, "million-old.manifest.json"), os.path.join(WORK, "million-new.manifest.json")
    if not os.path.exists(new):
        metadata = {"schema_version": 1, "format": "zip", "entry_order": "lexicographic_path", "timestamp_policy": "fixed_epoch_ms",
                    "permission_policy": "normalized_posix_mode", "fixed_epoch_ms": 315532800000,
                    "fixed_time_utc": "1980-01-01T00:00:00Z", "file_mode": "0100644", "stored_extensions": [], "deflate_level": 6,
                    "toolchain": {"toolkit_version": "1.4.0", "java_version": "17", "java_vendor": "bench"}}
        for path, version in ((old, 0), (new, 1)):
            with open(path, "w") as f:
                f.write('{"metadata": ' + json.dumps(metadata) + ', "entries": [\n')
                first = True
                for i in range(1_005_000):
                    if (version == 0 and i >= 1_000_000) or (version == 1 and 5_000 <= i < 10_000):
                        continue  # removed from the old, added to the new
                    digest = f"{(i * 2654435761 + (version if i % 100 == 50 else 0)) % (1 << 64):064x}"
                    entry = {"relative_path": f"shots/s{i // 1000:04d}/frame{i:07d}.exr", "sha256_or_blake3": "sha256:" + digest,
                             "uncompressed_bytes": 1000 + i % 5000, "normalized_mode": "0644"}
                    f.write(("" if first else ",\n") + json.dumps(entry))
                    first = False
                f.write('\n], "zip_bytes": 0, "zip_sha256": "' + "0" * 64 + '"}\n')
    return old, new


def rm_delivery(zip_path):
    """Before a timed commit: its zip and manifest gone, so it times a first delivery (beside an earlier one of the
    same tree it would be a re-delivery, copying the unchanged entries' deflated data)."""
    return lambda: [os.remove(zip_path + s) for s in ("", ".manifest.json") if os.path.exists(zip_path + s)]


def rm_file(path):
    return lambda: os.path.exists(path) and os.remove(path)


def random_token(n):
    """Synthetic: base32 characters from a fixed seed, in the AWS access key id format (never a real key)."""
    rng = __import__("random").Random(15)
    return [ord(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")) for _ in range(n)]


def du(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total >> 20


if __name__ == "__main__":
    main()
