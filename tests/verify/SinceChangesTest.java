package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.DeliveryChanges;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import support.HookTrees;
import support.StagerZipFixture;
import support.VerifyFixtures;

/** verify_zip --since: the changes from an earlier delivery, from the two manifests, each held to its zip. */
class SinceChangesTest extends StagerZipFixture {

    VerifyReport verified(Path zip) throws IOException {
        return VerifyReport.of(ZipVerifier.verify(new ZipVerifier.Request(zip, zip.resolveSibling(zip.getFileName() + ".manifest.json"),
                null, null, null)));
    }

    @Test
    void theChangesFromAnEarlierDeliveryToTheVerifiedOne() throws IOException {
        VerifyFixtures.Built later = VerifyFixtures.stagerZip(tmp.resolve("later"));
        DeliveryChanges same = SinceChanges.between(good.zip(), later.zip(), later.manifest(), verified(later.zip()));
        assertEquals(new DeliveryChanges.Totals(0, 0, 0, 4), same.totals());
        assertEquals(good.zip().toString(), same.previous().zip());
        StringWriter text = new StringWriter();
        SinceChanges.print(same, new PrintWriter(text));
        assertTrue(text.toString().contains("0 added, 0 removed, 0 changed, 4 unchanged"), text.toString());
    }

    @Test
    void aManifestThatDoesNotMatchItsZipIsNotCompared() throws IOException {
        VerifyFixtures.Built later = VerifyFixtures.stagerZip(tmp.resolve("later"));
        HookTrees.flipByte(good.zip(), 60);
        DeliveryChanges old = SinceChanges.between(good.zip(), later.zip(), later.manifest(), verified(later.zip()));
        assertTrue(old.notCompared().contains("does not match"), old.notCompared());
        HookTrees.flipByte(good.zip(), 60);
        HookTrees.flipByte(later.zip(), 60);
        DeliveryChanges verifiedOne = SinceChanges.between(good.zip(), later.zip(), later.manifest(), verified(later.zip()));
        assertTrue(verifiedOne.notCompared().contains("VZ_ZIP_SHA256"), verifiedOne.notCompared());
        assertTrue(Files.exists(later.zip()));
    }
}
