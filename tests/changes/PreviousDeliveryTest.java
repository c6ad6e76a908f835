package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import json.Json;
import org.junit.jupiter.api.Test;
import provenance.RunRecord;
import support.HookTrees;
import support.StagerZipFixture;
import support.TempTrees;
import zip.DeliveryJournal;
import zip.ZipManifest;

/** The delivery a run follows: found beside the output or by --since, and used only when its manifest is its zip's. */
class PreviousDeliveryTest extends StagerZipFixture {

    PreviousDelivery found(PreviousDelivery.Lookup lookup) {
        return assertInstanceOf(PreviousDelivery.Found.class, lookup).delivery();
    }

    String unusable(PreviousDelivery.Lookup lookup) {
        return assertInstanceOf(PreviousDelivery.Unusable.class, lookup).why();
    }

    @Test
    void noZipAtTheOutputIsAFirstDelivery() {
        assertInstanceOf(PreviousDelivery.None.class, PreviousDelivery.find(null, tmp.resolve("new.zip")));
    }

    @Test
    void theZipBeingReplacedIsReadWithItsManifestAndNamedForTheChain() throws Exception {
        PreviousDelivery previous = found(PreviousDelivery.find(null, good.zip()));
        String zipSha256 = TempTrees.sha256(Files.readAllBytes(good.zip()));
        assertEquals(zipSha256, previous.zipSha256());
        assertEquals(TempTrees.sha256(Files.readAllBytes(good.manifest())), previous.manifestSha256());
        assertEquals(List.of(new RunRecord.Input(PreviousDelivery.ZIP_ROLE, good.zip().toString(), zipSha256, null),
                new RunRecord.Input(PreviousDelivery.MANIFEST_ROLE, good.manifest().toString(), previous.manifestSha256(), null)),
                previous.inputs());
        DeliveryChanges.Previous named = previous.named();
        assertEquals("1.4.0", named.toolkitVersion());
        assertEquals(previous.header().run().endedAt(), named.madeAt());
        // Compared with itself, read again as a stream: nothing changed.
        try (ZipManifest.EntryReader entries = previous.entries()) {
            assertEquals(new DeliveryChanges.Totals(0, 0, 0, 4), previous.changesTo(ChangeMerge.of(entries::next)).totals());
        }
    }

    @Test
    void sinceAManifestComparesFromItAloneWhenNoZipIsBesideIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere")).resolve("delivery.zip.manifest.json");
        Files.copy(good.manifest(), elsewhere);
        PreviousDelivery alone = found(PreviousDelivery.find(elsewhere, tmp.resolve("ignored.zip")));
        assertNull(alone.zip());
        assertEquals(1, alone.inputs().size());
        // Beside its zip, the manifest finds it.
        assertEquals(good.zip(), found(PreviousDelivery.find(good.manifest(), null)).zip());
        PrezipException missing = assertThrows(PrezipException.class, () -> PreviousDelivery.find(tmp.resolve("none.zip"), null));
        assertEquals(ErrorCode.PZ_USAGE, missing.code());
    }

    @Test
    void aManifestThatIsMissingOrDoesNotMatchItsZipIsNotCompared() throws Exception {
        HookTrees.flipByte(good.zip(), 50);
        assertTrue(unusable(PreviousDelivery.find(null, good.zip())).contains("does not match"));
        Files.delete(good.manifest());
        assertTrue(unusable(PreviousDelivery.find(null, good.zip())).contains("no manifest"));
        Files.writeString(good.manifest(), "{ not json");
        assertTrue(unusable(PreviousDelivery.find(null, good.zip())).contains("not valid JSON"));
    }

    @Test
    void aManifestOutOfV1OrderOrAJournalBesideTheZipIsNotCompared() throws Exception {
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(good.manifest().toFile());
        ArrayNode entries = (ArrayNode) manifest.get("entries");
        entries.insert(0, entries.remove(2));
        Files.write(good.manifest(), Json.bytes(manifest));
        assertTrue(unusable(PreviousDelivery.find(null, good.zip())).contains("v1 path order"));
        Files.writeString(DeliveryJournal.pathFor(good.zip()), "{}");
        assertTrue(unusable(PreviousDelivery.find(null, good.zip())).contains("killed"));
    }

    @Test
    void aManifestThatChangesAfterItWasCheckedIsNotComparedRatherThanMisread() throws Exception {
        PreviousDelivery previous = found(PreviousDelivery.find(null, good.zip()));
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(good.manifest().toFile());
        ArrayNode entries = (ArrayNode) manifest.get("entries");
        entries.add(entries.get(0).deepCopy());
        Files.write(good.manifest(), Json.bytes(manifest));
        try (ZipManifest.EntryReader again = new ZipManifest.EntryReader(good.manifest(), 1 << 20)) {
            DeliveryChanges changes = previous.changesTo(ChangeMerge.of(again::next));
            assertTrue(changes.notCompared().contains("not in v1 path order, or twice"), changes.notCompared());
        }
    }
}
