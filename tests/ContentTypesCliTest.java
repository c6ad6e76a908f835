import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.StagerProject;
import support.TempTrees;
import support.TypeSamples;

/**
 * Content types end to end: every disguised executable, key store and archive is left out by name (refusing
 * the run, or left out under --allow-unknown), in the dry-run and the commit alike; every honest file ships;
 * a mismatch is a warning, refused under strict; a project accepts an archive's name.
 */
class ContentTypesCliTest extends StagerProject {
    /** Names a client's allowlist holds: what a disguise hides behind, and the honest samples' own. */
    static final List<String> ALLOWED = List.of("png", "jpg", "gif", "tif", "pdf", "txt", "dat", "bin", "docx", "epub", "zip", "gz",
            "tar", "iso", "doc", "sqlite", "csv", "class");

    ContentTypesCliTest() {
        super("types1", ALLOWED, "types1.zip");
    }

    /** Every sample under a misleading name and under its own: the expected reason of each path (null: ships). */
    private Map<String, String> plant() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (TypeSamples.Sample sample : TypeSamples.all().values()) {
            String family = familyOf(sample.type());
            boolean banned = family.equals("executable") || family.equals("keystore") || family.equals("archive") || family.equals("disk-image");
            String disguised = "disguised/" + sample.type() + (sample.type().equals("png") ? ".jpg" : ".png");
            write(disguised, sample.bytes());
            expected.put(disguised, banned ? "banned_content" : null);
            if (ALLOWED.contains(sample.extension())) {
                String honest = "honest/" + sample.type() + "." + sample.extension();
                write(honest, sample.bytes());
                expected.put(honest, family.equals("executable") ? "banned_content" : null);
            }
        }
        return expected;
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Files.createDirectories(content.resolve(relative).getParent());
        Files.write(content.resolve(relative), bytes);
    }

    private static String familyOf(String type) {
        return SNIFF_FAMILIES.get(type);
    }

    static final Map<String, String> SNIFF_FAMILIES = Map.ofEntries(Map.entry("elf", "executable"), Map.entry("pe", "executable"),
            Map.entry("mach-o", "executable"), Map.entry("mach-o-fat", "executable"), Map.entry("java-class", "executable"),
            Map.entry("jar", "executable"), Map.entry("msi", "executable"), Map.entry("ole", "document"), Map.entry("jks", "keystore"),
            Map.entry("jceks", "keystore"), Map.entry("pkcs12", "keystore"), Map.entry("keepass", "keystore"), Map.entry("zip", "archive"),
            Map.entry("docx", "document"), Map.entry("epub", "document"), Map.entry("gzip", "archive"), Map.entry("tar", "archive"),
            Map.entry("iso9660", "disk-image"), Map.entry("png", "image"), Map.entry("jpeg", "image"), Map.entry("gif", "image"),
            Map.entry("tiff", "image"), Map.entry("pdf", "document"), Map.entry("sqlite", "document"));

    private static Map<String, String> reasons(JsonNode report) {
        Map<String, String> reasons = new TreeMap<>();
        report.get("excluded").forEach(e -> reasons.put(e.get("path").asText(), e.get("reason").asText()));
        return reasons;
    }

    @Test
    void disguisedFilesAreLeftOutByNameAndHonestOnesShipInTheDryRunAndTheCommit() throws IOException {
        Map<String, String> expected = plant();
        CliRun dry = stager("--json");
        assertEquals(ExitCode.REFUSED, dry.exitCode(), dry.err());
        Map<String, String> got = reasons(dry.json());
        List<String> shipping = new ArrayList<>();
        expected.forEach((path, reason) -> {
            assertEquals(reason, got.get(path), path);
            if (reason == null) {
                shipping.add(path);
            }
        });
        assertTrue(dry.err().contains("PZ_REFUSED"), dry.err());
        // A file left out for its bytes is listed with its reason, not also as content not scanned.
        dry.json().get("notScanned").forEach(file -> assertEquals(null, got.get(file.get("path").asText()), file.toString()));
        CliRun refused = stager("--commit");
        assertEquals(ExitCode.REFUSED, refused.exitCode(), refused.err());
        assertTrue(!Files.exists(zip), "a refused commit ships nothing");
        CliRun commit = stager("--commit", "--allow-unknown", "--json");
        assertEquals(ExitCode.OK, commit.exitCode(), commit.err());
        assertEquals(got, reasons(commit.json()), "the commit leaves out what the dry-run said");
        List<String> entries = new ArrayList<>();
        try (ZipFile written = new ZipFile(zip.toFile())) {
            written.stream().forEach(e -> entries.add(e.getName()));
        }
        assertEquals(new java.util.TreeSet<>(shipping), new java.util.TreeSet<>(entries));
        assertTrue(entries.contains("honest/png.png") && entries.contains("honest/docx.docx") && entries.contains("disguised/png.jpg"));
        JsonNode mismatches = commit.json().get("typeMismatches");
        assertTrue(mismatches.toString().contains("disguised/png.jpg"), mismatches.toString());
        assertEquals(ExitCode.OK, CliRun.verifyZip("--zip", zip.toString(), "--data-dir", data.toString()).exitCode());
        // Against its content folder, with and without the project: what the stager left out for its bytes is not missing.
        assertValidAgainstItsContent();
    }

    /** verify_zip against the content folder, with and without the project: valid. */
    private void assertValidAgainstItsContent() {
        for (List<String> project : List.of(List.<String>of(), List.of("--project-id", "types1"))) {
            List<String> args = new ArrayList<>(List.of("--zip", zip.toString(), "--data-dir", data.toString(), "--content-dir",
                    content.toString()));
            args.addAll(project);
            CliRun verified = CliRun.verifyZip(args.toArray(String[]::new));
            assertEquals(ExitCode.OK, verified.exitCode(), project + verified.out() + verified.err());
        }
    }

    @Test
    void aBrokenTableInTheDataFolderStopsTheRunByNameBeforeAnythingIsRead() throws IOException {
        // Read on a thread of its own: its failure must still be the run's, with its code.
        java.nio.file.Path broken = TempTrees.dataDir(tmp.resolve("broken"), "types1", ALLOWED);
        Files.writeString(broken.resolve("content_types.json"), "{\"types\": []}");
        CliRun run = CliRun.stager(TempTrees.args("types1", content, broken, zip, "--commit"));
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_CONTENT_TYPES_INVALID") && run.err().contains("content_types.json"), run.err());
        assertTrue(!Files.exists(zip), "nothing is written");
    }

    @Test
    void aMismatchIsAWarningByDefaultAndRefusedUnderStrict() throws IOException {
        write("photo.jpg", TypeSamples.image("png"));
        TempTrees.file(content, "scan.pdf", "just text\n");
        TempTrees.file(content, "run.txt", "#!/bin/sh\necho hi\n");
        java.nio.file.Path page = tmp.resolve("page.html");
        CliRun warned = stager("--html", page.toString());
        assertEquals(ExitCode.OK, warned.exitCode(), warned.out() + warned.err());
        assertTrue(Files.readString(page).contains("id=\"type-mismatches\""), "the HTML page lists the mismatches");
        assertTrue(warned.out().contains("Type mismatches") && warned.out().contains("photo.jpg: a PNG image, named .jpg"), warned.out());
        CliRun strict = stager("--policy", "strict", "--json");
        assertEquals(ExitCode.REFUSED, strict.exitCode());
        assertEquals(Map.of("photo.jpg", "type_mismatch", "scan.pdf", "type_mismatch"), reasons(strict.json()));
        // Shipped under strict without them (and a zip, which strict bans under any name): verify_zip judges the
        // delivery by its manifest's preset, so what strict left out is not missing from the zip.
        write("bundle.zip", TypeSamples.zip(Map.of("a.txt", "hello\n")));
        CliRun committed = stager("--policy", "strict", "--commit", "--allow-unknown");
        assertEquals(ExitCode.OK, committed.exitCode(), committed.describe());
        assertValidAgainstItsContent();
    }

    @Test
    void verifyZipFailsAnEntryOfABannedFamilyAndInventoryWarnsOfAnExtensionNotAllWhatItSays() throws IOException {
        write("img/photo.png", TypeSamples.javaBinary());
        write("img/real.png", TypeSamples.image("png"));
        // A data folder whose bans name no family: the disguised program ships, as toolkit 1.3.0 shipped it.
        java.nio.file.Path lax = TempTrees.dataDir(tmp.resolve("lax"), "types1", ALLOWED);
        Files.writeString(lax.resolve("global_bans.json"), Files.readString(lax.resolve("global_bans.json")).replaceAll("\"bannedFamilies\": \\[[^]]*\\]", "\"bannedFamilies\": []"));
        CliRun shipped = CliRun.stager(TempTrees.args("types1", content, lax, zip, "--commit"));
        assertEquals(ExitCode.OK, shipped.exitCode(), shipped.describe());
        CliRun verified = CliRun.verifyZip("--zip", zip.toString(), "--project-id", "types1", "--data-dir", data.toString(), "--json");
        assertEquals(ExitCode.REFUSED, verified.exitCode(), verified.out());
        assertTrue(verified.out().contains("VZ_CONTENT_TYPE") && verified.out().contains("an ELF executable or shared library, named .png"),
                verified.out());
        CliRun inventory = CliRun.inventory("--project-id", "types2", "--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.OK, inventory.exitCode(), inventory.describe());
        assertTrue(inventory.out().contains("Warning: not what .png says: 1 of 2 .png files (first: img/photo.png: an ELF"),
                inventory.out());
    }

    @Test
    void aProjectAcceptsAnArchiveUnderANameTheTableDoesNotKnow() throws IOException {
        write("exports/board.dat", TypeSamples.zip(Map.of("page.json", "{}")));
        assertEquals(ExitCode.REFUSED, stager().exitCode());
        CliRun accept = CliRun.stager("--project-id", "types1", "--data-dir", data.toString(), "--accept-container", ".dat", "--note", "board exports");
        assertEquals(ExitCode.OK, accept.exitCode(), accept.err());
        CliRun dry = stager("--json");
        assertEquals(ExitCode.OK, dry.exitCode(), dry.err());
        assertTrue(dry.json().get("run").toString().contains("types1_containers.json"), "the acceptance is named in the provenance");
        assertEquals(ExitCode.REFUSED, stager("--policy", "strict").exitCode(), "strict bans archives under any name");
    }
}
