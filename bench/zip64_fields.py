#!/usr/bin/env python3
"""Checks the zip64 fields of bench/zip64_check.sh's two zips against the layout; exits 1 on any difference.

Usage: zip64_fields.py ZIP a|b   (reads only the end records and the central directory, and each local header)
"""
import struct
import sys

M32 = 0xFFFFFFFF


def read(f, at, n):
    f.seek(at)
    data = f.read(n)
    if len(data) != n:
        sys.exit(f"short read at {at}")
    return data


def main(path, case):
    failures = []

    def expect(what, actual, wanted):
        print(f"  {what}: {actual}" + ("" if actual == wanted else f"   EXPECTED {wanted}"))
        if actual != wanted:
            failures.append(what)

    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        end = read(f, size - 22, 22)
        sig, disk, cd_disk, here, total, cd_size, cd_offset, _ = struct.unpack("<IHHHHIIH", end)
        assert sig == 0x06054B50, "no end record where expected"
        expect("classic end: disks, count on this disk", (disk, cd_disk, here), (0, 0, total))
        locator = read(f, size - 42, 20)
        zip64_end = struct.unpack("<I", locator[:4])[0] == 0x07064B50
        expect("zip64 end record and locator", zip64_end, case == "b")
        if zip64_end:
            z64_offset = struct.unpack("<Q", locator[8:16])[0]
            z = read(f, z64_offset, 56)
            _, body, made_by, needed, _, _, _, total64, cd_size64, cd_offset64 = struct.unpack("<IQHHIIQQQQ", z)
            expect("zip64 end record body, made by, needed", (body, hex(made_by), needed), (44, "0x32d", 45))
            expect("classic end: count, size, offset", (total, cd_size, cd_offset), (total64, cd_size64, M32))
            cd_size, cd_offset, total = cd_size64, cd_offset64, total64
        at = cd_offset
        for _ in range(total):
            h = read(f, at, 46)
            (_, made_by, needed, flags, method, _, _, crc, csize, usize, nlen, xlen, clen, _, internal, _,
             offset) = struct.unpack("<IHHHHHHIIIHHHHHII", h)
            name = read(f, at + 46, nlen).decode()
            extra = read(f, at + 46 + nlen, xlen)
            print(f"{name}: made by {made_by:#06x}, needs {needed}, flags {flags:#06x}, method {method}")
            fields = []
            if xlen:
                _, elen = struct.unpack("<HH", extra[:4])
                fields = list(struct.unpack("<" + "Q" * (elen // 8), extra[4:4 + elen]))
            real = {}
            it = iter(fields)
            real["size"] = next(it) if usize == M32 else usize
            real["compressed"] = next(it) if csize == M32 else csize
            real["offset"] = next(it) if offset == M32 else offset
            overflowing = [k for k in ("size", "compressed", "offset") if real[k] >= M32]
            print(f"  sizes {real['size']} / {real['compressed']}, offset {real['offset']}")
            expect("central zip64 fields", [k for k, v in zip(("size", "compressed", "offset"), (usize, csize, offset)) if v == M32],
                   overflowing)
            expect("central zip64 extra bytes", xlen, 0 if not overflowing else 4 + 8 * len(overflowing))
            expect("version needed", needed, 45 if overflowing else (20 if method == 8 else 10))
            expect("flags, internal attributes", (flags, internal), (0x0800, 0))
            wanted = {("a", "big.txt"): ["size"], ("b", "noise.exr"): ["compressed"], ("b", "z_after.txt"): ["offset"]}
            expect("what overflows", overflowing, wanted.get((case, name), []))
            local = read(f, real["offset"], 30)
            lsig, lneeded, lflags, _, _, _, lcrc, lcsize, lusize, lnlen, lxlen = struct.unpack("<IHHHHHIIIHH", local)
            sizes_overflow = real["size"] >= M32 or real["compressed"] >= M32
            expect("local zip64 extra bytes", lxlen, 20 if sizes_overflow else 0)
            if sizes_overflow:
                lextra = read(f, real["offset"] + 30 + lnlen, lxlen)
                expect("local zip64 sizes", struct.unpack("<HHQQ", lextra)[2:], (real["size"], real["compressed"]))
            else:
                expect("local sizes", (lusize, lcsize), (real["size"], real["compressed"]))
            expect("local CRC and flags", (lcrc, lflags), (crc, 0x0800))
            at += 46 + nlen + xlen + clen
    if failures:
        sys.exit("zip64 fields differ from the layout: " + ", ".join(failures))
    print("  fields as the layout says")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
