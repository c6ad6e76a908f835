package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import support.NameTrees;

/** The long-path bound: Windows' count (UTF-16 units of the composed name) against the documented limit. */
class LongPathsTest {
    @Test
    void theBoundLeavesRoomForATypicalExtractionFolderUnderWindowsLimits() {
        String folder = "C:\\Users\\" + "u".repeat(20) + "\\Downloads\\" + "z".repeat(46) + "\\";
        assertEquals(87, folder.length());
        int maxPath = 260;
        int createDirectoryMax = maxPath - 12;
        assertTrue(folder.length() + LongPaths.MAX_CHARACTERS < maxPath, "every file's full path, with its NUL, fits MAX_PATH");
        assertTrue(folder.length() + LongPaths.MAX_CHARACTERS - 2 < createDirectoryMax, "every folder of a path fits CreateDirectory's limit");
    }

    @Test
    void aPathAtTheBoundIsNotLongAndOneCharacterMoreIs() {
        assertEquals(160, LongPaths.length(NameTrees.pathOf(160)));
        assertFalse(LongPaths.isLong(NameTrees.pathOf(160)));
        assertTrue(LongPaths.isLong(NameTrees.pathOf(161)));
        assertTrue(LongPaths.isLong(NameTrees.pathOf(280)));
        assertEquals(280, LongPaths.length(NameTrees.pathOf(280)));
    }

    @Test
    void charactersAreCountedAsWindowsDoesInTheComposedName() {
        // 81 decomposed e-acutes are 162 UTF-16 units on disk, 81 once composed: not long.
        String decomposed = "e\u0301".repeat(81) + ".txt";
        assertEquals(166, decomposed.length());
        assertEquals(85, LongPaths.length(decomposed));
        assertFalse(LongPaths.isLong(decomposed));
        // Outside the basic plane a character is two UTF-16 units, as Windows counts it.
        String emoji = "\uD83D\uDE00".repeat(79) + ".txt";
        assertEquals(162, LongPaths.length(emoji));
        assertTrue(LongPaths.isLong(emoji));
    }
}
