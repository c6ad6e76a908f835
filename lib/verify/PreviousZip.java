package verify;

import errors.PrezipException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import scan.PathOrder;
import zip.PreviousEntries;
import zip.ZipEntryV1;
import zip.ZipManifest;

/**
 * The zip of the delivery a commit replaces, opened so that its unchanged entries' deflated data can be
 * copied: its structure and manifest checked first as verify_zip checks them ({@link ZipVerifier#checkStructure}:
 * every check but reading the entries' data, which the commit does itself for each entry it copies), then
 * its central directory and its manifest walked side by side in v1 order, one record of each at a time.
 */
public final class PreviousZip implements PreviousEntries {
    private final FileChannel channel;
    private final CentralDirectory.Cursor directory;
    private final ZipManifest.EntryReader manifest;
    /** Where the entries end: a local header must lie before it. */
    private final long centralOffset;
    private ZipStructure.CentralHeader current;
    private String currentName;
    private ZipEntryV1 currentListed;
    private boolean started;

    private PreviousZip(FileChannel channel, ZipStructure.End end, ZipManifest.EntryReader manifest) {
        this.channel = channel;
        this.directory = new CentralDirectory.Cursor(channel, end);
        this.manifest = manifest;
        this.centralOffset = end.centralOffset();
    }

    /** The previous zip opened for copying, or why it may not be copied from. */
    public record Opened(PreviousZip zip, String refused) {}

    /**
     * Checks the zip's structure against its manifest and opens it. The caller has held the zip's sha256 to
     * the manifest's (the manifest's digests then speak for the zip's bytes).
     *
     * @param manifestMaxBytes the bound the manifest was read to
     */
    public static Opened open(Path zip, Path manifestFile, long manifestMaxBytes) {
        FileChannel channel = null;
        try {
            List<String> problems = ZipVerifier.checkStructure(zip, manifestFile);
            if (!problems.isEmpty()) {
                return new Opened(null, "its structure fails verify_zip's checks (" + problems.get(0)
                        + (problems.size() > 1 ? "; " + (problems.size() - 1) + " more" : "") + ")");
            }
            channel = FileChannel.open(zip, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            ZipStructure.End end = EndRecords.read(channel);
            return new Opened(new PreviousZip(channel, end, new ZipManifest.EntryReader(manifestFile, manifestMaxBytes)), null);
        } catch (IOException | ZipStructure.MalformedZipException | PrezipException e) {
            closeQuietly(channel);
            return new Opened(null, "it cannot be read again: " + e.getMessage());
        }
    }

    @Override
    public Entry find(String path) throws IOException {
        if (!started) {
            advance();
            started = true;
        }
        while (current != null && PathOrder.UTF8_BYTES.compare(currentName, path) < 0) {
            advance();
        }
        if (current == null || !currentName.equals(path) || current.method() != ZipStructure.METHOD_DEFLATED) {
            return null;
        }
        try {
            ZipStructure.LocalHeader local = LocalRecords.readHeader(channel, current.localHeaderOffset(), centralOffset,
                    VerifyFinding.quote(path));
            return new Entry(path, current.uncompressedSize(), (int) current.crc(),
                    currentListed.sha256OrBlake3().substring(ZipEntryV1.SHA256_PREFIX.length()), current.compressedSize(),
                    local.dataOffset());
        } catch (ZipStructure.MalformedZipException e) {
            throw new IOException("the previous zip changed since it was checked: " + e.getMessage(), e);
        }
    }

    /** The next record of the directory and the manifest entry listing it (the structure check made them the same paths). */
    private void advance() throws IOException {
        try {
            current = directory.next();
        } catch (ZipStructure.MalformedZipException e) {
            throw new IOException("the previous zip changed since it was checked: " + e.getMessage(), e);
        }
        currentListed = manifest.next();
        currentName = current == null ? null : new String(current.rawName(), StandardCharsets.UTF_8);
        boolean same = current == null ? currentListed == null
                : currentListed != null && currentName.equals(currentListed.relativePath())
                        && currentListed.sha256OrBlake3() != null && currentListed.sha256OrBlake3().startsWith(ZipEntryV1.SHA256_PREFIX);
        if (!same) {
            throw new IOException("the previous zip or its manifest changed since they were checked: they no longer list the same entries");
        }
    }

    @Override
    public void read(long position, ByteBuffer buffer) throws IOException {
        ZipStructure.readFully(channel, position, buffer);
    }

    @Override
    public void close() {
        manifest.close();
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Read only: nothing to lose.
        }
    }
}
