package verify;

import java.nio.charset.StandardCharsets;

/** One central directory entry and what reading it found, filled in as the checks run in their order. */
final class EntryState {
    final ZipStructure.CentralHeader central;
    final String name;
    /** The name as a message quotes it. */
    final String shown;
    ZipStructure.LocalHeader local;
    ZipStructure.DataDescriptor descriptor;
    long recordEnd;
    /** Its data cannot be located (no local header, or beyond the entry area): nothing more is read. */
    boolean unlocatable;
    /** Its bytes lie inside another entry's: never inflated, or overlapping entries multiply a bomb. */
    boolean overlapping;
    /** sha256 of the bytes read, when the whole entry was read and had its declared size. */
    String sha256Hex;
    long bytesRead = -1;

    EntryState(ZipStructure.CentralHeader central) {
        this.central = central;
        this.name = new String(central.rawName(), StandardCharsets.UTF_8);
        this.shown = VerifyFinding.quote(name);
    }
}
