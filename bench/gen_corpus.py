#!/usr/bin/env python3
"""Deterministic benchmark corpora (same seed, same bytes on every machine).

  many:  20,000 files, ~24 KB average: half .png of random (incompressible) bytes, half .txt prose
  tiny: 100,000 files of ~100 bytes of text, spread over 1,000 folders
  large: one 300 MB file of compressible text (plate.exr), as a plate or CSV export would be
  large4: four such files of 150 MB
"""
import os
import random
import sys

WORDS = ("delivery client archive staging report manifest verify policy extension folder "
         "project content operator audit checksum deterministic timestamp permission "
         "entry order sorted invariant hidden banned pattern allowlist snapshot").split()


def text(rng, size):
    out, n = [], 0
    while n < size:
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    return (" ".join(out)[:size] + "\n").encode()


def many(root, files=20000):
    rng = random.Random(20000)
    for i in range(files):
        folder = os.path.join(root, f"d{i % 200:03d}", f"s{i % 7}")
        os.makedirs(folder, exist_ok=True)
        size = rng.randint(4000, 44000)
        if i % 2:
            data = rng.randbytes(size)
            name = f"img{i:05d}.png"
        else:
            data = text(rng, size)
            name = f"doc{i:05d}.txt"
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def tiny(root, files=100000):
    rng = random.Random(100000)
    for i in range(files):
        folder = os.path.join(root, f"t{i % 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"n{i:06d}.txt"), "wb") as f:
            f.write(text(rng, rng.randint(50, 150)))


def large_file(path, size, seed):
    """Lines of a few hundred distinct words in random order: deflates to about a sixth, as exports do."""
    rng = random.Random(seed)
    vocabulary = [f"{w}{rng.randint(0, 99)}".encode() for w in WORDS for _ in range(12)]
    with open(path, "wb") as f:
        written = 0
        while written < size:
            lines = [b" ".join(rng.choice(vocabulary) for _ in range(14)) + b"\n" for _ in range(2000)]
            data = b"".join(lines)[: size - written]
            f.write(data)
            written += len(data)


def large(root, count=1):
    """One 300 MB file, or that many of 150 MB."""
    size = 300_000_000 if count == 1 else 150_000_000
    for i in range(count):
        large_file(os.path.join(root, f"plate{i}.exr"), size, 300 + i)


if __name__ == "__main__":
    kind, root = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else None
    os.makedirs(root, exist_ok=True)
    {"many": many, "tiny": tiny, "large": large}[kind](root, *( [count] if count else []))
