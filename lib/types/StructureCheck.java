package types;

import java.util.Optional;

/**
 * What a signature's bytes alone cannot tell, read from the header they start: each check reads a few
 * bytes at fixed places or at one place the header points to ({@link #pointer}), never more.
 */
enum StructureCheck {
    /** A PE image: the MS-DOS header's e_lfanew (at 0x3C) points to "PE\0\0" (Microsoft PE format, "MS-DOS stub"). */
    PE_HEADER("pe-header") {
        @Override
        boolean holds(Sample sample) {
            long at = pointer(sample);
            return at >= 0 && sample.bigEndian(at, 4) == PE_SIGNATURE;
        }

        @Override
        long pointer(Sample sample) {
            long at = sample.littleEndian(E_LFANEW, 4);
            return at >= MZ_HEADER_BYTES && at + 4 <= sample.size() ? at : -1;
        }
    },
    /** A Mach-O fat header: its nfat_arch, in the header's byte order, is a plausible count (a class file's version is not). */
    FAT_ARCH_COUNT("fat-arch-count") {
        @Override
        boolean holds(Sample sample) {
            long count = sample.byteAt(0) == 0xCA ? sample.bigEndian(4, 4) : sample.littleEndian(4, 4);
            return count >= 1 && count <= MAX_FAT_ARCHS;
        }
    },
    /** A Java class: its major version (bytes 6-7, big-endian) is one a JVM has defined (45 = Java 1.0.2). */
    CLASS_VERSION("class-version") {
        @Override
        boolean holds(Sample sample) {
            long major = sample.bigEndian(6, 2);
            return major >= MIN_CLASS_MAJOR && major <= MAX_CLASS_MAJOR;
        }
    },
    /** An MSI: the compound file's root storage has the Windows Installer CLSID (MS-CFB 2.6.2, the root directory entry). */
    OLE_MSI("ole-msi") {
        @Override
        boolean holds(Sample sample) {
            long at = pointer(sample);
            if (at < 0) {
                return false;
            }
            for (int i = 0; i < MSI_CLSID.length; i++) {
                if (sample.byteAt(at + i) != (MSI_CLSID[i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        long pointer(Sample sample) {
            long shift = sample.littleEndian(CFB_SECTOR_SHIFT, 2);
            long firstDirectorySector = sample.littleEndian(CFB_FIRST_DIRECTORY_SECTOR, 4);
            if ((shift != 9 && shift != 12) || firstDirectorySector < 0 || firstDirectorySector >= CFB_MAX_REGULAR_SECTOR) {
                return -1;
            }
            // Sector n starts at (n + 1) << shift: the header fills sector -1.
            long at = ((firstDirectorySector + 1) << shift) + CFB_ROOT_CLSID;
            return at + MSI_CLSID.length <= sample.size() ? at : -1;
        }
    },
    /** A zip: its end of central directory record is where the format puts it, within the last 64 KiB (APPNOTE 4.3.16). */
    ZIP_END("zip-end") {
        @Override
        boolean holds(Sample sample) {
            return sample.zipEndFound();
        }
    },
    /** An ISO base media box: its size (bytes 0-3, big-endian) is 0 (to the end), 1 (64-bit size follows) or 8 up to the file's size. */
    BOX_SIZE("box-size") {
        @Override
        boolean holds(Sample sample) {
            long size = sample.bigEndian(0, 4);
            return size == 0 || size == 1 || (size >= MIN_BOX_BYTES && size <= sample.size());
        }
    };

    /** Where the MS-DOS header keeps the offset of the PE signature. */
    static final int E_LFANEW = 0x3C;
    /** The MS-DOS header's size: the PE signature cannot start inside it. */
    static final int MZ_HEADER_BYTES = 0x40;
    /** "PE\0\0". */
    static final long PE_SIGNATURE = 0x50450000L;
    /** More architectures than any fat binary holds (a class file's major version, 45 and up, lands above it). */
    static final long MAX_FAT_ARCHS = 30;
    /** Java 1.0.2's class file version. */
    static final long MIN_CLASS_MAJOR = 45;
    /** Well past today's versions (Java 25 is 69), well below a fat header's magic read as a version. */
    static final long MAX_CLASS_MAJOR = 100;
    /** MS-CFB header fields: the sector shift (9 or 12) and the first directory sector. */
    static final int CFB_SECTOR_SHIFT = 0x1E;
    static final int CFB_FIRST_DIRECTORY_SECTOR = 0x30;
    /** Sector numbers from 0xFFFFFFFA up are markers, not sectors. */
    static final long CFB_MAX_REGULAR_SECTOR = 0xFFFFFFFAL;
    /** Where a directory entry holds its CLSID; the root entry is the directory's first. */
    static final int CFB_ROOT_CLSID = 0x50;
    /** {000C1084-0000-0000-C000-000000000046}, Windows Installer's CLSID, as a CFB stores it (little-endian fields). */
    static final byte[] MSI_CLSID = {(byte) 0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00,
            (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46};
    /** The smallest box: its size and type. */
    static final long MIN_BOX_BYTES = 8;
    /** Bytes a pointed-to check reads at most at its pointer. */
    static final int POINTED_BYTES = 16;

    private final String code;

    StructureCheck(String code) {
        this.code = code;
    }

    abstract boolean holds(Sample sample);

    /** Whether this check reads at a place the header points to ({@link #pointer}). */
    boolean points() {
        return this == PE_HEADER || this == OLE_MSI;
    }

    /** Where this check reads beyond the header, from what the header says; -1 where it reads nothing there. */
    long pointer(Sample sample) {
        return -1;
    }

    static Optional<StructureCheck> ofCode(String code) {
        for (StructureCheck check : values()) {
            if (check.code.equals(code)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }
}
