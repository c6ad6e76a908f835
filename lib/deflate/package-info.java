/**
 * Ground floor: raw DEFLATE streams with classic zlib's bytes on every JVM. {@code Deflaters} picks the
 * JDK's Deflater where the JVM's zlib proves classic on a built-in sample, else the toolkit's own
 * {@code ClassicZlibEncoder}; the zip writer gets either as a {@code RawDeflate}. May use nothing else of
 * the toolkit.
 */
package deflate;
