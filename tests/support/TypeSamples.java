package support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

/**
 * Real samples of content types, made by the test: the JVM's own {@code java} binary (ELF), a jar and a class
 * file of the tests' own classes, key stores written by {@link KeyStore}, zips written by java.util.zip (plain,
 * OOXML, EPUB), images written by ImageIO, and the headers of formats this machine cannot write (PE, Mach-O,
 * MSI, KeePass, ISO 9660, tar) built byte by byte from their specifications.
 */
public final class TypeSamples {
    private TypeSamples() {}

    /** Each sample by the table's type name it must be detected as, with its honest extension. */
    public record Sample(String type, String extension, byte[] bytes) {}

    public static Map<String, Sample> all() {
        Map<String, Sample> all = new LinkedHashMap<>();
        add(all, "elf", "so", javaBinary());
        add(all, "pe", "exe", pe());
        add(all, "mach-o", "dylib", machO(false));
        add(all, "mach-o-fat", "dylib", machOFat());
        add(all, "java-class", "class", ownClass());
        add(all, "jar", "jar", jar());
        add(all, "msi", "msi", compoundFile(true));
        add(all, "ole", "doc", compoundFile(false));
        add(all, "jks", "jks", keyStore("JKS"));
        add(all, "jceks", "jceks", keyStore("JCEKS"));
        add(all, "pkcs12", "p12", keyStore("PKCS12"));
        add(all, "keepass", "kdbx", keePass());
        add(all, "zip", "zip", zip(Map.of("notes/a.txt", "hello")));
        add(all, "docx", "docx", zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")));
        add(all, "epub", "epub", epub());
        add(all, "gzip", "gz", gzip("hello, world\n".repeat(20)));
        add(all, "tar", "tar", tar());
        add(all, "iso9660", "iso", iso());
        add(all, "png", "png", image("png"));
        add(all, "jpeg", "jpg", image("jpeg"));
        add(all, "gif", "gif", image("gif"));
        add(all, "tiff", "tif", image("tiff"));
        add(all, "pdf", "pdf", "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        add(all, "sqlite", "sqlite", sqliteHeader());
        return all;
    }

    private static void add(Map<String, Sample> all, String type, String extension, byte[] bytes) {
        all.put(type, new Sample(type, extension, bytes));
    }

    public static byte[] javaBinary() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("java.home"), "bin", "java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This class's own class file, as the JVM loaded it. */
    public static byte[] ownClass() {
        try (InputStream in = TypeSamples.class.getResourceAsStream("TypeSamples.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("support/TypeSamples.class"));
            jar.write(ownClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A key store of that type holding one synthetic secret key (JKS holds none: it stays empty), under a random password. */
    public static byte[] keyStore(String type) {
        try {
            SecureRandom random = new SecureRandom();
            char[] password = Long.toHexString(random.nextLong()).toCharArray();
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            if (!type.equals("JKS")) {
                byte[] key = new byte[16];
                random.nextBytes(key);
                store.setEntry("k", new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")), new KeyStore.PasswordProtection(password));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An EPUB container: its mimetype first and stored, as the EPUB OCF says. */
    public static byte[] epub() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write("<container/>".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("OEBPS/chapter1.xhtml"));
            zip.write("<html/>".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff8800);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A PE image's headers (Microsoft PE format): the MS-DOS header whose e_lfanew points to "PE\0\0" and a COFF header for x64. */
    public static byte[] pe() {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z');
        b.putInt(0x3C, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        b.putShort(0x84, (short) 0x8664); // IMAGE_FILE_MACHINE_AMD64
        b.putShort(0x86, (short) 1); // one section
        b.putShort(0x94, (short) 0xF0); // size of the optional header
        b.putShort(0x96, (short) 0x22); // executable, large address aware
        b.putShort(0x98, (short) 0x20B); // PE32+
        return b.array();
    }

    /** A Mach-O header (loader.h): mach_header_64 of an x86-64 executable, in little-endian (CF FA ED FE) or big-endian. */
    public static byte[] machO(boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(64).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xFEEDFACF).putInt(0x01000007).putInt(3).putInt(2).putInt(0).putInt(0).putInt(0).putInt(0);
        return b.array();
    }

    /** A fat header (fat.h, always big-endian): two architectures, each a thin Mach-O at its offset. */
    public static byte[] machOFat() {
        ByteBuffer b = ByteBuffer.allocate(8192).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xCAFEBABE).putInt(2);
        b.putInt(0x01000007).putInt(3).putInt(4096).putInt(64).putInt(12);
        b.putInt(0x0100000C).putInt(0).putInt(4096 + 64).putInt(64).putInt(12);
        b.put(4096, machO(false));
        return b.array();
    }

    /** A compound file (MS-CFB): the header with 512-byte sectors, directory in sector 0, its root entry's CLSID MSI's or none. */
    public static byte[] compoundFile(boolean msi) {
        ByteBuffer b = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        b.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE).putShort(0x1E, (short) 9).putShort(0x20, (short) 6);
        b.putInt(0x30, 0); // the directory's first sector: sector 0, at 512
        byte[] root = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
        b.put(512, root);
        b.putShort(512 + 0x40, (short) (root.length + 2));
        b.put(512 + 0x42, (byte) 5); // root storage
        if (msi) {
            b.put(512 + 0x50, new byte[] {(byte) 0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46});
        }
        return b.array();
    }

    /** A KeePass 2 database's outer header (KDBX): its two signatures and version, then the header fields. */
    public static byte[] keePass() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x9AA2D903).putInt(0xB54BFB67).putInt(0x00040000);
        b.put((byte) 2).putShort((short) 16).put(new byte[16]);
        b.put((byte) 0).putShort((short) 4).put(new byte[] {13, 10, 13, 10});
        return b.array();
    }

    /** A POSIX ustar archive of one file: its header block ("ustar\0" "00" at 257) and data. */
    public static byte[] tar() {
        byte[] t = new byte[2048];
        put(t, 0, "notes.txt");
        put(t, 100, "0000644");
        put(t, 124, "00000000005");
        put(t, 156, "0");
        put(t, 257, "ustar");
        put(t, 263, "00");
        put(t, 512, "hello");
        return t;
    }

    /** An ISO 9660 image's first volume descriptor (ECMA-119): type 1, "CD001", version 1, at sector 16. */
    public static byte[] iso() {
        byte[] iso = new byte[40 * 1024];
        iso[32768] = 1;
        put(iso, 32769, "CD001");
        iso[32774] = 1;
        return iso;
    }

    public static byte[] sqliteHeader() {
        byte[] db = new byte[4096];
        put(db, 0, "SQLite format 3");
        db[16] = 0x10;
        return db;
    }

    private static void put(byte[] into, int at, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, into, at, bytes.length);
    }
}
