import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Deterministic ZIP v1 entry order: unsigned bytes of the UTF-8 name. (String.compareTo compares UTF-16
 * units, which orders characters above U+FFFF differently, so it is not used.)
 */
final class PathOrder {
    static final Comparator<String> UTF8_BYTES = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private PathOrder() {}
}
