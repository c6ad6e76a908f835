#!/usr/bin/env python3
"""Deterministic benchmark corpora (same seed, same bytes on every machine).

  many:  20,000 files, ~24 KB average: half .png of random (incompressible) bytes, half .txt prose
  tiny: 100,000 files of ~100 bytes of text, spread over 1,000 folders
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


if __name__ == "__main__":
    kind, root = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else None
    os.makedirs(root, exist_ok=True)
    {"many": many, "tiny": tiny}[kind](root, *( [count] if count else []))
