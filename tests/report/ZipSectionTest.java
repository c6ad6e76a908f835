package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import policy.PolicyPreset;
import support.HtmlPages;
import support.StagerProject;
import zip.ZipEntryV1;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

/** The zip as the manifest describes it (or why there is none), and the packaging policy it was built with. */
class ZipSectionTest extends StagerProject {
    ZipSectionTest() {
        super("z1", List.of("txt"), "z1.zip");
    }

    static StagerReport report(String mode, String status) {
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", mode, status, List.of(), List.of(),
                new StagerReport.Totals(0, 0, Map.of(), Map.of()), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static String zip(StagerReport report, ZipManifest manifest) {
        return PageStreamTest.text(b -> ZipSection.zip(b, report, manifest));
    }

    @Test
    void thePolicyBlockIsTheManifests() {
        support.TempTrees.file(content, "a.txt", "alpha");
        assertEquals(0, stager("--commit").exitCode());
        String page = HtmlPages.read(HtmlReport.pathFor(zip));
        JsonNode metadata = HtmlPages.json(ZipManifest.pathFor(zip)).get("metadata");
        assertEquals(metadata.get("schema_version").asText(), HtmlPages.idText(page, "policy-schema-version"));
        assertEquals(metadata.get("entry_order").asText(), HtmlPages.idText(page, "policy-entry-order"));
        assertEquals(metadata.get("entry_name_form").asText(), HtmlPages.idText(page, "policy-entry-name-form"));
        assertEquals(metadata.get("timestamp_policy").asText(), HtmlPages.idText(page, "policy-timestamp-policy"));
        assertEquals(metadata.get("fixed_time_utc").asText(), HtmlPages.idText(page, "policy-fixed-time-utc"));
        assertEquals(metadata.get("permission_policy").asText(), HtmlPages.idText(page, "policy-permission-policy"));
        assertEquals(metadata.get("file_mode").asText(), HtmlPages.idText(page, "policy-file-mode"));
        assertEquals(metadata.get("deflate_level").asText(), HtmlPages.idText(page, "policy-deflate-level"));
        List<String> stored = new ArrayList<>();
        metadata.get("stored_extensions").forEach(e -> stored.add(e.asText()));
        assertEquals(String.join(", ", stored), HtmlPages.idText(page, "policy-stored-extensions"));
        assertTrue(HtmlPages.idText(page, "policy-toolchain").contains(metadata.get("toolchain").get("java_version").asText()));
    }

    @Test
    void anOlderManifestsMissingFieldsAreSaidNotRecorded() {
        ZipPackagingMetadataV1 sparse = new ZipPackagingMetadataV1(1, "f", "o", "t", "p", 0, null, null, null, 6, null, null, null, null);
        String html = PageStreamTest.text(b -> ZipSection.policy(b, new ZipManifest(sparse, null, null, List.of(), 1, "s")));
        assertEquals(Html.NOT_RECORDED, HtmlPages.idText(html, "policy-fixed-time-utc"));
        assertEquals(Html.NOT_RECORDED, HtmlPages.idText(html, "policy-stored-extensions"));
        assertEquals(Html.NOT_RECORDED, HtmlPages.idText(html, "policy-toolchain"));
        assertEquals(Html.NOT_RECORDED, HtmlPages.idText(html, "policy-entry-name-form"));
        assertEquals("6", HtmlPages.idText(html, "policy-deflate-level"));
    }

    @Test
    void withoutAZipTheSectionSaysWhy() {
        assertEquals("<h2>Zip</h2>\n<p id=\"no-zip\">This was a dry-run: nothing was packed.</p>\n",
                zip(report(StagerReport.DRY_RUN, StagerReport.OK), null));
        assertEquals("The commit did not complete (refused): no zip was written, and any zip already at the output path was left untouched.",
                HtmlPages.idText(zip(report(StagerReport.COMMIT, StagerReport.REFUSED), null), "no-zip"));
    }

    @Test
    void aWrittenZipShowsItsDigestSizeEntriesAndPreset() {
        ZipManifest manifest = new ZipManifest(ZipPackagingMetadataV1.current(0), new PolicyPreset.Applied("strict", "cd".repeat(32)), null,
                List.of(ZipEntryV1.of("a.txt", "00".repeat(32), 5), ZipEntryV1.of("b.txt", "11".repeat(32), 6)), 2_048, "ab".repeat(32));
        String html = zip(report(StagerReport.COMMIT, StagerReport.OK), manifest);
        assertEquals("ab".repeat(32), HtmlPages.idText(html, "zip-sha256"));
        assertEquals("2", HtmlPages.idValue(html, "zip-entries"));
        assertTrue(html.contains("<dt>size</dt><dd>2.0 KiB <span class=\"muted\">(2,048 bytes)</span></dd>"), html);
        assertTrue(html.contains("<dt>preset</dt><dd>strict <span class=\"muted mono\">sha256 " + "cd".repeat(32) + "</span></dd>"), html);
    }
}
