package deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The choice: forced, the toolkit's encoder without a look at the JDK's; else the JDK's Deflater where it
 * writes the canary as classic zlib does, and the toolkit's encoder, naming the check that failed, where not.
 */
class DeflatersTest {
    /** The JDK's Deflater at another level: a deflater that is not classic zlib's level 6. */
    static RawDeflate jdkAtLevel(int level) {
        return new JdkDeflate(CanarySample.bytes().length * 2, level);
    }

    @Test
    void forcedTheToolkitsEncoderIsChosenWithoutTryingTheJdks() {
        AtomicInteger opened = new AtomicInteger();
        Deflaters.Choice choice = Deflaters.decide("toolkit", bytes -> {
            opened.incrementAndGet();
            return new JdkDeflate(bytes);
        });
        assertFalse(choice.jdk());
        assertEquals("toolkit", choice.deflater());
        assertEquals("PREZIP_DEFLATER=toolkit", choice.reason());
        assertEquals(0, opened.get(), "no canary when forced");
    }

    @Test
    void classicZlibPassesBothChecksAndDeflates() {
        // This machine's JDK links classic zlib (CanarySampleTest shows its digests are classic zlib's).
        AtomicInteger opened = new AtomicInteger();
        Deflaters.Choice choice = Deflaters.decide(null, bytes -> {
            opened.incrementAndGet();
            return new JdkDeflate(bytes);
        });
        assertTrue(choice.jdk(), choice.reason());
        assertEquals("jdk", choice.deflater());
        assertTrue(choice.reason().contains("passed both checks"), choice.reason());
        assertEquals(1, opened.get(), "one deflater for both checks");
    }

    @Test
    void anEmptyVariableIsNoForce() {
        assertTrue(Deflaters.decide("", JdkDeflate::new).jdk());
    }

    @Test
    void aValueTheToolkitDoesNotKnowIsSaidAndGivesTheToolkitsEncoder() {
        for (String value : new String[] {"jdk", "TOOLKIT", " toolkit"}) {
            Deflaters.Choice choice = Deflaters.decide(value, JdkDeflate::new);
            assertFalse(choice.jdk(), "'" + value + "'");
            assertEquals("PREZIP_DEFLATER='" + value + "' is not a value the toolkit knows (only 'toolkit' is)", choice.reason());
        }
    }

    @Test
    void aDeflaterThatDiffersOnTheSingleStreamIsReplacedAndTheCheckNamed() {
        Deflaters.Choice choice = Deflaters.decide(null, bytes -> jdkAtLevel(5));
        assertFalse(choice.jdk());
        assertEquals("toolkit", choice.deflater());
        assertTrue(choice.reason().contains("single-stream check"), choice.reason());
    }

    @Test
    void aDeflaterThatDiffersOnlyWithADictionaryOrASyncFlushFailsTheSecondCheck() {
        // Classic zlib's single stream, but the preset dictionary ignored (as JZlib refuses it on a raw stream).
        Deflaters.Choice noDictionary = Deflaters.decide(null, bytes -> new Forwarding(new JdkDeflate(bytes)) {
            @Override
            public void setDictionary(byte[] dictionary, int offset, int length) {
                // ignored
            }
        });
        assertFalse(noDictionary.jdk());
        assertTrue(noDictionary.reason().contains("dictionary and sync-flush check"), noDictionary.reason());

        // Classic zlib's blocks, but a second empty stored block after each sync flush's (as zlib writes when
        // called again after a flush that filled its output exactly).
        Deflaters.Choice secondMarker = Deflaters.decide(null, bytes -> new Forwarding(new JdkDeflate(bytes)) {
            @Override
            public void syncFlush(OutputStream sink) throws IOException {
                super.syncFlush(sink);
                sink.write(new byte[] {0x00, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF});
            }
        });
        assertFalse(secondMarker.jdk());
        assertTrue(secondMarker.reason().contains("dictionary and sync-flush check"), secondMarker.reason());
    }

    @Test
    void theProbeIsEndedWhateverTheOutcome() {
        for (int level : new int[] {5, 6}) {
            AtomicInteger ended = new AtomicInteger();
            Deflaters.decide(null, bytes -> new Forwarding(new JdkDeflate(bytes, level)) {
                @Override
                public void end() {
                    ended.incrementAndGet();
                    super.end();
                }
            });
            assertEquals(1, ended.get(), "level " + level);
            assertEquals(level == 6, Deflaters.decide(null, bytes -> new JdkDeflate(bytes, level)).jdk(),
                    "level " + level + ": only zlib's level 6 passes");
        }
    }

    @Test
    void thisJvmsChoiceIsMadeOnceByTheEnvironmentAndTheCanary() {
        Deflaters.chooseInBackground();
        Deflaters.Choice first = Deflaters.choice();
        Deflaters.chooseInBackground();
        org.junit.jupiter.api.Assertions.assertSame(first, Deflaters.choice(), "one decision per JVM");
        assertEquals(Deflaters.decide(System.getenv(Deflaters.FORCE_VARIABLE), JdkDeflate::new), first);
    }

    /** Another deflater's calls passed on: a test overrides one of them to make a deflater that differs there. */
    static class Forwarding implements RawDeflate {
        private final RawDeflate to;

        Forwarding(RawDeflate to) {
            this.to = to;
        }

        @Override
        public void reset() {
            to.reset();
        }

        @Override
        public void setDictionary(byte[] dictionary, int offset, int length) {
            to.setDictionary(dictionary, offset, length);
        }

        @Override
        public void write(byte[] bytes, int offset, int length, OutputStream sink) throws IOException {
            to.write(bytes, offset, length, sink);
        }

        @Override
        public void syncFlush(OutputStream sink) throws IOException {
            to.syncFlush(sink);
        }

        @Override
        public void finish(OutputStream sink) throws IOException {
            to.finish(sink);
        }

        @Override
        public void end() {
            to.end();
        }
    }
}
