#!/usr/bin/env python3
"""Builds the real-text corpus of the scan-quality benchmark from text this machine already holds.

Usage: bench/scan_corpus.py OUT [NPM_DIR]
  OUT      the corpus folder (outside the repository; it is never committed), rebuilt from scratch
  NPM_DIR  a folder with node_modules/ (default: a scratch folder where the 400 most downloaded npm
           packages of the machine's package list are installed with `npm install --ignore-scripts`)

Sources, each in a folder of its own under OUT: Debian's docs and man pages (gzip decompressed),
Python's library, docs and tests, JSON/YAML/markdown/text of npm packages (JavaScript and TypeScript saved
as .txt, as a delivery may hold it), Maven POMs of ~/.m2. Nobody here wrote any of it: what the scanner
finds in it is, barring a real leak in a public package, a false positive.
"""
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys

# Types of text a delivery holds; everything else in those trees is left out.
TEXT_TYPES = {".txt", ".md", ".markdown", ".rst", ".json", ".yaml", ".yml", ".html", ".htm", ".xml", ".csv",
              ".ini", ".cfg", ".conf", ".toml", ".properties", ".py", ".pom", ".1", ".5", ".8", ".tex", ""}
# Code saved as text (minified bundles, sources, type declarations): deliveries hold it as .txt, and it is
# the hardest text for a credential scanner (assignments everywhere).
CODE_TYPES = {".js", ".mjs", ".cjs", ".ts", ".map"}
# A file larger than this is cut: a few huge generated files would otherwise be most of the corpus.
MAX_FILE_BYTES = 8 << 20
NPM_PACKAGES = 400
# Packages built for one platform (esbuild's, sharp's): npm refuses the others, and the whole install with them.
PLATFORM = re.compile(r"linux|darwin|win32|musl|arm64|x64|android|freebsd|sunos|openbsd|netbsd|aix|ia32|gnu|arm|wasm32|ppc64|s390|riscv|loong|mips")


def copy(src, dst, data=None):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if data is None:
        with open(src, "rb") as f:
            data = f.read(MAX_FILE_BYTES)
    with open(dst, "wb") as f:
        f.write(data[:MAX_FILE_BYTES])
    return len(data[:MAX_FILE_BYTES])


def gunzip(src):
    try:
        with gzip.open(src, "rb") as f:
            return f.read(MAX_FILE_BYTES)
    except (OSError, EOFError):
        return None


def walk(root):
    for dirpath, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if os.path.isfile(path) and not os.path.islink(path):
                yield path


def take_tree(root, out, keep):
    total = 0
    for path in walk(root):
        rel = os.path.relpath(path, root)
        if path.endswith(".gz"):
            data = gunzip(path)
            if data is not None and keep(rel[:-3]):
                total += copy(path, os.path.join(out, rel[:-3]), data)
        elif keep(rel):
            total += copy(path, os.path.join(out, rel))
    return total


def text_type(rel):
    ext = os.path.splitext(rel)[1].lower()
    return ext in TEXT_TYPES


def npm_dir(default):
    if os.path.isdir(os.path.join(default, "node_modules")):
        return default
    os.makedirs(default, exist_ok=True)
    lists = glob.glob("/work/.library/env/packages/npm.tsv")
    if not lists:
        sys.exit("no npm package list to pick popular packages from; pass NPM_DIR")
    rows = []
    with open(lists[0], encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2].isdigit() and not cols[0].startswith("@types/") and not PLATFORM.search(cols[0]):
                rows.append((int(cols[2]), cols[0]))
    names = [n for _, n in sorted(rows, reverse=True)[:NPM_PACKAGES]]
    with open(os.path.join(default, "package.json"), "w") as f:
        f.write('{"name": "corpus", "version": "1.0.0", "private": true}\n')
    subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps",
                    "--omit=optional", "--force"] + names, cwd=default, check=False)
    return default


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = os.path.abspath(sys.argv[1])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    sizes = {}
    sizes["debian-doc"] = take_tree("/usr/share/doc", os.path.join(out, "debian-doc"), lambda rel: True)
    sizes["man"] = take_tree("/usr/share/man", os.path.join(out, "man"), lambda rel: True)
    for py in sorted(glob.glob("/usr/lib/python3*")):
        sizes["python/" + os.path.basename(py)] = take_tree(py, os.path.join(out, "python", os.path.basename(py)), text_type)
    npm = npm_dir(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(out), "scan27-npm"))
    modules = os.path.join(npm, "node_modules")
    total = 0
    for path in walk(modules):
        rel = os.path.relpath(path, modules)
        if os.path.splitext(rel)[1] in CODE_TYPES:
            total += copy(path, os.path.join(out, "npm", rel + ".txt"))
        elif text_type(rel) and not rel.endswith(".py"):
            total += copy(path, os.path.join(out, "npm", rel))
    sizes["npm"] = total
    sizes["maven-pom"] = take_tree(os.path.expanduser("~/.m2/repository"), os.path.join(out, "maven-pom"),
                                   lambda rel: rel.endswith(".pom"))
    for name, size in sizes.items():
        print(f"{name:<24}{size / 1e6:>10.1f} MB")
    print(f"{'total':<24}{sum(sizes.values()) / 1e6:>10.1f} MB in {out}")


if __name__ == "__main__":
    main()
