#!/usr/bin/env python3
"""The baseline: what the replaced Python prezip_stager did, in plain Python 3.

os.walk, classify (hidden / allowlist), shutil.copy2 into a staging folder, then zipfile with
DEFLATE level 6 for every entry, sorted names, one fixed time and mode 0644 (same policy and order).
Usage: baseline_stager.py CONTENT_DIR OUTPUT_ZIP EXT[,EXT...] [--dry-run]
"""
import os
import shutil
import sys
import tempfile
import zipfile


def main():
    content, output, exts = sys.argv[1], sys.argv[2], set(sys.argv[3].split(","))
    dry_run = "--dry-run" in sys.argv
    eligible, excluded = [], []
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), content)
            ext = name.rsplit(".", 1)[1].lower() if "." in name[1:] else ""
            if name.startswith(".") or ext not in exts:
                excluded.append(rel)
            else:
                eligible.append(rel)
    eligible.sort()
    if dry_run:
        print(f"eligible {len(eligible)} excluded {len(excluded)}")
        return
    staging = tempfile.mkdtemp(prefix=".staging-", dir=os.path.dirname(os.path.abspath(output)))
    try:
        for rel in eligible:
            target = os.path.join(staging, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(os.path.join(content, rel), target)
        with zipfile.ZipFile(output + ".tmp", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for rel in eligible:
                info = zipfile.ZipInfo(rel.replace(os.sep, "/"), date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(os.path.join(staging, rel), "rb") as src, zf.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 16)
        os.replace(output + ".tmp", output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    main()
