package support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import json.Json;
import verify.DosTime;
import verify.ZipStructure;
import zip.ZipEntryV1;
import zip.ZipLayout;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/**
 * Writes zips byte for byte as DeterministicZipWriter does (the 1.1.0 layout of ZipLayout), with every
 * field of every record open to change, so each tampering test differs from a good v1 zip in exactly one
 * respect. Setting the data-descriptor flag writes a descriptor as 1.0.0 (Zip4j) did.
 * Also: manifests for hand-made zips, deflate bombs, and byte patching at header offsets.
 */
public final class ZipTamper {
    static final int V1_VERSION_MADE_BY = ZipLayout.VERSION_MADE_BY;
    public static final int VERSION_NEEDED_STORED = ZipLayout.VERSION_STORED;
    static final int VERSION_NEEDED_DEFLATED = ZipLayout.VERSION_DEFLATED;
    static final int V1_FLAGS = ZipLayout.FLAGS;
    static final int DEFLATE_BUFFER = 1 << 16;

    private ZipTamper() {}

    /** One entry as it will be written; starts as v1 writes it, and any field may be changed. */
    public static final class Entry {
        public byte[] name;
        public byte[] content;
        public int method;
        public int flags = V1_FLAGS;
        public int versionMadeBy = V1_VERSION_MADE_BY;
        public int versionNeeded;
        public int dosDate;
        public int dosTime;
        public long externalAttributes = ZipPolicyV1.EXTERNAL_ATTRIBUTES;
        public byte[] localExtra = new byte[0];
        public byte[] centralExtra = new byte[0];
        public byte[] comment = new byte[0];
        /** Written as the entry's data instead of the (compressed) content. */
        public byte[] rawData;
        /** Override what the headers declare; null means the truth. */
        Long declaredCrc;
        public Long declaredSize;
        /** A different name in the local header only. */
        public byte[] localName;
        /** Local header time, when it should differ from the central one. */
        Integer localDosTime;
        /** Writes zip64 records for this entry although it is small. */
        public boolean zip64;
        /** Written as a local record only, left out of the central directory (smuggled bytes). */
        public boolean unlisted;
        /** The data descriptor's CRC, when it should differ from the central one. */
        public Long descriptorCrc;

        public static Entry v1(String name, byte[] content) {
            Entry e = new Entry();
            e.name = name.getBytes(StandardCharsets.UTF_8);
            e.content = content;
            e.method = ZipPolicyV1.isStored(name) ? ZipStructure.METHOD_STORED : ZipStructure.METHOD_DEFLATED;
            e.versionNeeded = e.method == ZipStructure.METHOD_STORED ? VERSION_NEEDED_STORED : VERSION_NEEDED_DEFLATED;
            int[] dos = DosTime.fields(ZipPolicyV1.DEFAULT_EPOCH_MS);
            e.dosDate = dos[0];
            e.dosTime = dos[1];
            return e;
        }

        public static Entry v1(String name, String content) {
            return v1(name, content.getBytes(StandardCharsets.UTF_8));
        }

        public Entry with(Consumer<Entry> change) {
            change.accept(this);
            return this;
        }

        String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }

        byte[] data() {
            if (rawData != null) {
                return rawData;
            }
            return method == ZipStructure.METHOD_DEFLATED ? deflate(content) : content;
        }

        long crc() {
            CRC32 crc = new CRC32();
            crc.update(content);
            return declaredCrc != null ? declaredCrc : crc.getValue();
        }

        long size() {
            return declaredSize != null ? declaredSize : content.length;
        }

        /** What the local zip64 record says of the compressed size: 0 with a descriptor, as Zip4j wrote it. */
        long descriptorCompressedSize(byte[] data) {
            return (flags & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0 ? 0 : data.length;
        }
    }

    /** Raw deflate at the v1 level, as the writer produces it. */
    public static byte[] deflate(byte[] content) {
        return deflate(content, ZipPolicyV1.DEFLATE_LEVEL);
    }

    /** Raw deflate of the whole content as one stream at {@code level}, as another zip tool would write it. */
    public static byte[] deflate(byte[] content, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[DEFLATE_BUFFER];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * A raw deflate stream that inflates to {@code mebibytes} MiB of zeros, built without holding them:
     * one MiB of zeros deflated with SYNC_FLUSH ends byte-aligned on a non-final block, so the same
     * compressed chunk can be repeated (its back-references only ever see zeros), then a final empty block.
     */
    public static byte[] deflateBombOfZeros(int mebibytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        byte[] buffer = new byte[DEFLATE_BUFFER];
        try {
            deflater.setInput(new byte[1 << 20]);
            for (int n; (n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0; ) {
                chunk.write(buffer, 0, n);
            }
            deflater.reset();
            deflater.finish();
            ByteArrayOutputStream last = new ByteArrayOutputStream();
            while (!deflater.finished()) {
                last.write(buffer, 0, deflater.deflate(buffer));
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] one = chunk.toByteArray();
            for (int i = 0; i < mebibytes; i++) {
                all.write(one, 0, one.length);
            }
            all.write(last.toByteArray(), 0, last.size());
            return all.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] write(List<Entry> entries) {
        return write(entries, new byte[0]);
    }

    /** The zip of these entries in this order (no sorting: order is a knob too). */
    public static byte[] write(List<Entry> entries, byte[] archiveComment) {
        Out out = new Out();
        List<Long> offsets = new ArrayList<>();
        boolean anyZip64 = false;
        for (Entry e : entries) {
            offsets.add((long) out.size());
            anyZip64 |= e.zip64;
            byte[] data = e.data();
            byte[] localName = e.localName != null ? e.localName : e.name;
            byte[] localExtra = e.zip64 ? concat(zip64Extra(e.size(), e.descriptorCompressedSize(data)), e.localExtra) : e.localExtra;
            out.u32(ZipStructure.LOCAL_HEADER_SIGNATURE).u16(e.versionNeeded).u16(e.flags).u16(e.method)
                    .u16(e.localDosTime != null ? e.localDosTime : e.dosTime).u16(e.dosDate);
            boolean descriptor = (e.flags & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0;
            if (descriptor) {
                // Zip4j knows the size up front (setEntrySize) but not the CRC or compressed size; going
                // zip64 it writes both sizes as markers and the real ones in the zip64 record.
                if (e.zip64) {
                    out.u32(0).u32(ZipStructure.ZIP64_MARKER_32).u32(ZipStructure.ZIP64_MARKER_32);
                } else {
                    out.u32(0).u32(0).u32(e.size());
                }
            } else {
                out.u32(e.crc()).u32(e.zip64 ? ZipStructure.ZIP64_MARKER_32 : data.length)
                        .u32(e.zip64 ? ZipStructure.ZIP64_MARKER_32 : e.size());
            }
            out.u16(localName.length).u16(localExtra.length).bytes(localName).bytes(localExtra).bytes(data);
            if (descriptor) {
                out.u32(ZipStructure.DATA_DESCRIPTOR_SIGNATURE).u32(e.descriptorCrc != null ? e.descriptorCrc : e.crc());
                if (e.zip64) {
                    out.u64(data.length).u64(e.size());
                } else {
                    out.u32(data.length).u32(e.size());
                }
            }
        }
        long centralOffset = out.size();
        int listed = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.unlisted) {
                continue;
            }
            listed++;
            long compressed = e.data().length;
            byte[] extra = e.zip64 ? concat(zip64CentralExtra(e.size(), compressed, offsets.get(i)), e.centralExtra) : e.centralExtra;
            out.u32(ZipStructure.CENTRAL_HEADER_SIGNATURE).u16(e.versionMadeBy).u16(e.versionNeeded).u16(e.flags)
                    .u16(e.method).u16(e.dosTime).u16(e.dosDate).u32(e.crc())
                    .u32(e.zip64 ? ZipStructure.ZIP64_MARKER_32 : compressed)
                    .u32(e.zip64 ? ZipStructure.ZIP64_MARKER_32 : e.size())
                    .u16(e.name.length).u16(extra.length).u16(e.comment.length)
                    .u16(e.zip64 ? ZipStructure.ZIP64_MARKER_16 : 0).u16(0).u32(e.externalAttributes)
                    .u32(e.zip64 ? ZipStructure.ZIP64_MARKER_32 : offsets.get(i))
                    .bytes(e.name).bytes(extra).bytes(e.comment);
        }
        long centralSize = out.size() - centralOffset;
        if (anyZip64 || listed >= ZipStructure.ZIP64_MARKER_16) {
            long zip64End = out.size();
            out.u32(ZipStructure.ZIP64_END_SIGNATURE).u64(ZipStructure.ZIP64_END_MIN_BODY_BYTES)
                    .u16(ZipLayout.VERSION_MADE_BY).u16(ZipLayout.VERSION_ZIP64).u32(0).u32(0)
                    .u64(listed).u64(listed).u64(centralSize).u64(centralOffset);
            out.u32(ZipStructure.ZIP64_LOCATOR_SIGNATURE).u32(0).u64(zip64End).u32(1);
        }
        int count = Math.min(listed, ZipStructure.ZIP64_MARKER_16);
        out.u32(ZipStructure.END_SIGNATURE).u16(0).u16(0).u16(count).u16(count)
                .u32(centralSize).u32(centralOffset).u16(archiveComment.length).bytes(archiveComment);
        return out.toByteArray();
    }

    /** Local zip64 record: both sizes (APPNOTE 4.5.3). */
    private static byte[] zip64Extra(long size, long compressed) {
        return new Out().u16(ZipStructure.ZIP64_EXTRA_ID).u16(16).u64(size).u64(compressed).toByteArray();
    }

    /** Central zip64 record with every field Zip4j defers: sizes, offset, disk. */
    private static byte[] zip64CentralExtra(long size, long compressed, long offset) {
        return new Out().u16(ZipStructure.ZIP64_EXTRA_ID).u16(28).u64(size).u64(compressed).u64(offset).u32(0).toByteArray();
    }

    /** An extra field with another id (e.g. 0x5455, the extended timestamp many zippers add). */
    public static byte[] extraField(int id, byte[] data) {
        return new Out().u16(id).u16(data.length).bytes(data).toByteArray();
    }

    public static Path writeZip(Path zip, List<Entry> entries) {
        return writeBytes(zip, write(entries));
    }

    public static Path writeBytes(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <zip>.manifest.json} listing {@code listed} (in that order), with the zip file's real digest. */
    public static Path writeManifest(Path zip, List<Entry> listed) {
        return writeManifest(zip, listed, ZipPolicyV1.DEFAULT_EPOCH_MS);
    }

    public static Path writeManifest(Path zip, List<Entry> listed, long fixedEpochMs) {
        byte[] zipBytes = TempTrees.readBytes(zip);
        ZipManifest manifest = new ZipManifest(ZipPackagingMetadataV1.current(fixedEpochMs), null, null,
                listed.stream().map(e -> ZipEntryV1.of(e.nameString(), TempTrees.sha256(e.content), e.content.length)).toList(),
                zipBytes.length, TempTrees.sha256(zipBytes));
        return writeBytes(ZipManifest.pathFor(zip), Json.bytes(manifest));
    }

    /** A manifest's JSON without its run record: what two runs over the same tree must agree on. */
    public static JsonNode manifestWithoutRun(Path manifest) {
        return manifestWithoutRun(TempTrees.readBytes(manifest));
    }

    public static JsonNode manifestWithoutRun(byte[] manifest) {
        ObjectNode root = (ObjectNode) HookTrees.parseJson(new String(manifest, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(root.has("run"), "a manifest since 1.2.0 records its run");
        root.remove("run");
        return root;
    }

    /** Rewrites a manifest's JSON, e.g. to change metadata.schema_version. */
    public static void editManifest(Path manifest, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
            edit.accept(root);
            Files.write(manifest, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-records the zip's size and sha256 in its manifest after a patch, so only the patch is visible. */
    public static void refreshZipDigest(Path zip) {
        byte[] bytes = TempTrees.readBytes(zip);
        editManifest(ZipManifest.pathFor(zip), root -> {
            root.put("zip_bytes", bytes.length);
            root.put("zip_sha256", TempTrees.sha256(bytes));
        });
    }

    // Byte patching of existing zips -------------------------------------------------------------

    public static int localHeaderOffset(byte[] zip, String name) {
        return headerOffset(zip, name, ZipStructure.LOCAL_HEADER_SIGNATURE, 26, ZipStructure.LOCAL_HEADER_FIXED_BYTES);
    }

    public static int centralHeaderOffset(byte[] zip, String name) {
        return headerOffset(zip, name, ZipStructure.CENTRAL_HEADER_SIGNATURE, 28, ZipStructure.CENTRAL_HEADER_FIXED_BYTES);
    }

    /** The offset of the first record with this signature whose name is {@code name}. */
    private static int headerOffset(byte[] zip, String name, int signature, int nameLengthAt, int fixed) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + fixed <= zip.length; i++) {
            if (b.getInt(i) == signature && Short.toUnsignedInt(b.getShort(i + nameLengthAt)) == wanted.length
                    && i + fixed + wanted.length <= zip.length
                    && Arrays.equals(zip, i + fixed, i + fixed + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no record for " + name);
    }

    /** Offset of the entry's data (right after its local header). */
    public static int dataOffset(byte[] zip, String name) {
        int local = localHeaderOffset(zip, name);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        return local + ZipStructure.LOCAL_HEADER_FIXED_BYTES + Short.toUnsignedInt(b.getShort(local + 26))
                + Short.toUnsignedInt(b.getShort(local + 28));
    }

    public static void putShort(byte[] zip, int offset, int value) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
    }

    public static void putInt(byte[] zip, int offset, long value) {
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Little-endian record writer. */
    private static final class Out {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Out u16(long v) {
            buffer.write((int) v & 0xFF);
            buffer.write((int) (v >>> 8) & 0xFF);
            return this;
        }

        Out u32(long v) {
            return u16(v & 0xFFFF).u16((v >>> 16) & 0xFFFF);
        }

        Out u64(long v) {
            return u32(v & 0xFFFFFFFFL).u32(v >>> 32);
        }

        Out bytes(byte[] b) {
            buffer.write(b, 0, b.length);
            return this;
        }

        int size() {
            return buffer.size();
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }
    }
}
