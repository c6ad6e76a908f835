package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import support.TypeSamples;

/** What a run does with a type: banned families, archives under other names, mismatches, the project's accepted names. */
class TypePolicyTest {
    static final ContentTypes TABLE = SnifferTest.TABLE;
    /** The shipped default: the executables and secrets groups ban their families. */
    static final TypePolicy DEFAULT = new TypePolicy(TABLE, Map.of(Family.EXECUTABLE, "executables", Family.KEYSTORE, "secrets"), Set.of(), false);

    static ContentType type(String name) {
        return TABLE.types().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBannedFamilyIsLeftOutWhateverItsNameAndSaysWhatItIs() {
        TypeFinding finding = DEFAULT.judge("img/photo.png", type("elf"));
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, finding.kind());
        assertTrue(finding.excluded());
        assertTrue(finding.detail().startsWith("an ELF executable or shared library, named .png"), finding.detail());
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, DEFAULT.judge("Main.class", type("java-class")).kind());
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, DEFAULT.judge("vault.dat", type("keepass")).kind());
    }

    @Test
    void anArchiveIsLeftOutUnlessItsNameSaysSoOrTheProjectAcceptedIt() {
        assertNull(DEFAULT.judge("a.zip", type("zip")));
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, DEFAULT.judge("img/archive.png", type("zip")).kind());
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, DEFAULT.judge("disk.bin", type("iso9660")).kind());
        TypePolicy accepting = new TypePolicy(TABLE, DEFAULT.bannedFamilies(), Set.of("cbz2"), false);
        assertNull(accepting.judge("comic.cbz2", type("zip")));
        // A plain zip named as a document built on zip is a mismatch, not a disguise: the content scan opens it anyway.
        assertEquals(TypeFinding.Kind.TYPE_MISMATCH, DEFAULT.judge("report.docx", type("zip")).kind());
    }

    @Test
    void contentThatContradictsItsNameIsAWarningUnlessThePolicyRefusesMismatches() {
        TypeFinding png = DEFAULT.judge("photo.jpg", type("png"));
        assertEquals(TypeFinding.Kind.TYPE_MISMATCH, png.kind());
        assertFalse(png.excluded());
        assertEquals(TypeFinding.Kind.TYPE_MISMATCH, DEFAULT.judge("data.csv", type("xlsx")).kind());
        TypeFinding text = DEFAULT.judge("scan.pdf", null);
        assertEquals(TypeFinding.Kind.TYPE_MISMATCH, text.kind());
        assertNull(text.detected());
        TypePolicy strict = new TypePolicy(TABLE, Map.of(Family.ARCHIVE, "policy strict"), Set.of(), true);
        assertTrue(strict.judge("photo.jpg", type("png")).excluded());
        assertEquals(TypeFinding.Kind.BANNED_CONTENT, strict.judge("a.zip", type("zip")).kind());
        assertNull(strict.judge("book.epub", type("epub")), "a document container is no archive");
    }

    @Test
    void honestFilesScriptsAndNamesTheTableDoesNotKnowAreNothing() {
        for (TypeSamples.Sample sample : TypeSamples.all().values()) {
            ContentType type = type(sample.type());
            if (type.family() != Family.EXECUTABLE && type.family() != Family.KEYSTORE) {
                assertNull(DEFAULT.judge("x." + sample.extension(), type), sample.type());
            }
        }
        assertNull(DEFAULT.judge("run.py", null), "a shebang is text");
        assertNull(DEFAULT.judge("notes", null));
        assertNull(DEFAULT.judge("archive.tar", null), "a pre-POSIX tar has no signature");
    }
}
