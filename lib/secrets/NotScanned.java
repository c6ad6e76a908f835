package secrets;

/**
 * A file whose content the scan did not read, and why: the report lists them, so "no credential found"
 * never silently covers what was never looked at.
 *
 * @param path the file, relative to the content folder
 * @param reason {@link #MEDIA} or {@link #BINARY}
 */
public record NotScanned(String path, String reason) {
    /** A type the zip STORES as already compressed (images, video, audio, archives of media): not text. */
    public static final String MEDIA = "media";
    /** Content with NUL bytes that is no UTF-16 or UTF-32 text: not text either. */
    public static final String BINARY = "binary";
}
