package scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
    @Test
    void extensionIsTextAfterLastDotLowercased() {
        assertEquals(Optional.of("png"), Extensions.of("Photo.PNG"));
        assertEquals(Optional.of("gz"), Extensions.of("archive.tar.gz"));
        assertEquals(Optional.of("env"), Extensions.of(".env"));
    }

    @Test
    void aPathsExtensionIsItsFileNamesNotAFolders() {
        assertEquals(Optional.of("png"), Extensions.ofPath("shots/v2.final/Photo.PNG"));
        assertEquals(Optional.empty(), Extensions.ofPath("shots/v2.final/LICENSE"));
        assertEquals(Optional.of("txt"), Extensions.ofPath("notes.txt"));
    }

    @Test
    void noDotOrTrailingDotMeansNoExtension() {
        assertEquals(Optional.empty(), Extensions.of("LICENSE"));
        assertEquals(Optional.empty(), Extensions.of("report."));
    }

    @Test
    void lowercasingIgnoresTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertEquals(Optional.of("ini"), Extensions.of("desktop.INI"));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void normalizeStripsTheDotAndCase() {
        assertEquals("png", Extensions.normalize(" .PNG "));
    }
}
