package verify;

/**
 * The checks verify_zip runs. Each name is a stable code printed with every failure: scripts and
 * auditors match on it, so a code is never renamed or reused (README lists them all). Declaration
 * order is report order: structure first, then entry policy, then the manifest, then the sources.
 */
public enum VerifyCheck {
    /** Not a zip, truncated, a broken end record or central directory, a missing local header, or entry data that cannot be decoded. */
    VZ_ZIP_UNREADABLE("the file parses as a single-disk zip and every entry's data decodes"),
    /** Bytes that belong to no entry: gaps, overlapping entries, data before the first entry or after the end record, an archive comment. */
    VZ_LAYOUT("the file is exactly the entries, in central-directory order, then the central directory and the end records"),
    /** The bytes read do not give the central directory's CRC-32, or are fewer than its declared size. */
    VZ_CRC_MISMATCH("every entry's bytes match its CRC-32 and declared size"),
    /** Name, method, flags, time, version needed, CRC or sizes (also via the data descriptor) differ between the local and central headers. */
    VZ_LOCAL_HEADER_MISMATCH("local headers and data descriptors agree with the central directory"),
    /** Decoding produced more bytes than the entry declares; reading stopped there (zip bomb defence). */
    VZ_DECLARED_SIZE_EXCEEDED("no entry inflates past its declared size"),
    /** The same name twice, or two names equal after case folding and NFC, or a name that is both a file and a folder. */
    VZ_DUPLICATE_NAME("no two entries land on the same path on any client file system"),
    /** A name that escapes or breaks extraction: '..', absolute, drive letter, backslash, empty component, control character, bad UTF-8. */
    VZ_UNSAFE_NAME("every name is a safe, portable relative path"),
    /** A path component starting with '.'. */
    VZ_HIDDEN_ENTRY("no hidden entries"),
    /** A directory entry (name ending in '/' or a directory mode); v1 zips hold files only. */
    VZ_DIRECTORY_ENTRY("no directory entries"),
    /** The Unix mode in the external attributes says symbolic link. */
    VZ_SYMLINK_ENTRY("no symbolic-link entries"),
    /** General-purpose flag bit 0, 6 or 13 set: the data cannot be checked and the client may not open it. */
    VZ_ENCRYPTED_ENTRY("no encrypted entries"),
    /** Entries not sorted by the unsigned bytes of their UTF-8 names. */
    VZ_ENTRY_ORDER("entries are in v1 order (unsigned UTF-8 bytes of the name)"),
    /** DOS date/time differs from the manifest's fixed_epoch_ms as UTC wall clock. */
    VZ_ENTRY_TIME("every entry carries the one fixed v1 time"),
    /** External attributes are not exactly mode 0100644 in the high 16 bits. */
    VZ_ENTRY_MODE("every entry has mode 0100644 and no DOS attributes"),
    /** "Version made by" host byte is not 3 (Unix), so readers would ignore the mode. */
    VZ_HOST_BYTE("every entry's host byte is Unix"),
    /** An extra field other than zip64 (0x0001) in a local or central header, a malformed extra block, or an entry comment. */
    VZ_EXTRA_FIELD("no extra fields but zip64, no entry comments"),
    /** Not STORED for a stored extension, not DEFLATED for the rest. */
    VZ_COMPRESSION_METHOD("stored extensions are STORED, everything else DEFLATED"),
    /** A manifest with entry_name_form "nfc" (since 1.4.0): a name not in Unicode NFC, which libarchive would extract under another name. */
    VZ_NAME_FORM("every name is in the manifest's entry_name_form (Unicode NFC), so every reader extracts it unchanged"),
    /** 1.1.0 layout: general-purpose flags other than exactly bit 11 (a data descriptor's bit 3, patched data, ...). */
    VZ_ENTRY_FLAGS("every entry's general-purpose flags are exactly bit 11 (UTF-8): no data descriptor"),
    /** 1.1.0 layout: a version needed other than 1.0 STORED / 2.0 DEFLATED / 4.5 zip64, or another version made by. */
    VZ_ENTRY_VERSION("every entry's version needed and made by are the layout's"),
    /** 1.1.0 layout: internal attributes other than 0. */
    VZ_INTERNAL_ATTRIBUTES("every entry's internal attributes are 0"),
    /** 1.1.0 layout: a zip64 extra where nothing overflows, or not holding exactly the overflowing fields. */
    VZ_ZIP64_EXTRA("zip64 extras only where a value does not fit, holding exactly those values"),
    /** 1.1.0 layout: a zip64 end record where nothing overflows (or none where needed), wrong markers, versions or disks. */
    VZ_END_RECORDS("the end records are the layout's: zip64 ones only where needed, one disk"),
    /** The manifest is missing, is not JSON, or lacks or misstates a required v1 field. */
    VZ_MANIFEST_INVALID("the manifest is present and well-formed"),
    /** The manifest's metadata.schema_version is not one this verifier knows. */
    VZ_MANIFEST_VERSION("the manifest's schema_version is known"),
    /** Manifest entries differ from the zip's: paths, order, sizes, modes or sha256 of the bytes read. */
    VZ_MANIFEST_MISMATCH("the manifest lists exactly the zip's entries, in order, with their sizes and sha256"),
    /** The zip file's size or sha256 differs from the manifest's zip_bytes / zip_sha256. */
    VZ_ZIP_SHA256("the zip file's size and sha256 are the manifest's"),
    /** {@code <zip>.contents.sha256} is beside the zip and is not, line for line, the manifest's entries in sha256sum's format. */
    VZ_CONTENTS_FILE("the contents file beside the zip lists exactly the manifest's entries and digests, for sha256sum -c"),
    /** With --public-key: {@code <manifest>.sig} is missing or is not a valid Ed25519 signature of the manifest's bytes. */
    VZ_MANIFEST_SIGNATURE("the manifest carries a valid signature by the given key"),
    /** With --content-dir: an entry has no regular source file at its path, or different bytes. */
    VZ_SOURCE_MISMATCH("every entry equals its source file"),
    /** With --content-dir: an eligible source file is not in the zip. */
    VZ_SOURCE_MISSING("no eligible source file is missing from the zip"),
    /**
     * With --rebuild: the zip cannot be made again by this toolkit: a layout before 1.1.0, a policy value
     * other than the ones it writes, a large entry of a manifest before blocks (1.3.0), or no regular
     * source file for an entry. Never "valid": what cannot be rebuilt is not proven.
     */
    VZ_REBUILD_REFUSED("this toolkit can pack the manifest's entries again: its layout and policy values, every source a regular file"),
    /** With --rebuild: the manifest's entries packed again from the content folder are not the zip's bytes. */
    VZ_REBUILD_DIFFERS("the manifest's entries packed again from the content folder give the zip byte for byte (same sha256)"),
    /**
     * With --project-id: an entry whose bytes are of a banned family (an executable, a keystore), or an
     * archive under a name that does not say so (DATA/content_types.json).
     */
    VZ_CONTENT_TYPE("with --project-id, no entry's bytes are of a banned family or an archive under a name that does not say so"),
    /** With --project-id: an entry the project's allowlist or the global bans would not ship. */
    VZ_POLICY("every entry passes the project's allowlist and the global bans"),
    /** With --scan-secrets: an entry's content holds a credential (DATA/secret_rules.json) the project did not approve. */
    VZ_SECRET("no entry's content holds a credential, unless the project approved it"),
    /** A delivery journal is left beside the zip: a commit was killed while putting the zip and its sidecars into place. */
    VZ_INTERRUPTED_DELIVERY("no commit was killed while putting this delivery into place");

    private final String passes;

    VerifyCheck(String passes) {
        this.passes = passes;
    }

    /** What holds when the check passes, for --verbose and README. */
    String passes() {
        return passes;
    }
}
