package io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/** Removal of what a run made: the whole tree, and never anything a link inside it points to. */
class TreeRemovalTest {
    @TempDir
    Path tmp;

    @Test
    void removalNeverFollowsALinkOutOfTheTree() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        TempTrees.file(outside, "keep/me.txt", "not staging's");
        Path tree = Files.createDirectories(tmp.resolve("tree/sub"));
        TempTrees.file(tree, "own.txt", "staging's");
        TempTrees.symlink(tree.resolve("link-to-folder"), outside);
        TempTrees.symlink(tree.resolve("link-to-file"), outside.resolve("keep/me.txt"));
        Path topLink = TempTrees.symlink(tmp.resolve("top-link"), outside);

        TreeRemoval.deleteTree(tmp.resolve("tree"));
        TreeRemoval.deleteTree(topLink);

        assertFalse(Files.exists(tmp.resolve("tree")));
        assertFalse(Files.exists(topLink, LinkOption.NOFOLLOW_LINKS));
        assertEquals("not staging's", Files.readString(outside.resolve("keep/me.txt")));
    }

    @Test
    void aMissingPathIsNothingToDo() {
        TreeRemoval.deleteTree(tmp.resolve("never-made"));
        assertFalse(Files.exists(tmp.resolve("never-made"), LinkOption.NOFOLLOW_LINKS));
    }
}
