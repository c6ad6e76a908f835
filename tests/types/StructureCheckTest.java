package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import support.TypeSamples;

/** Each check reads a few bytes the header fixes or points to, and says no where they are missing. */
class StructureCheckTest {
    static Sniffer sampled(byte[] bytes) {
        Sniffer sniffer = SnifferTest.TABLE.sniffer(bytes.length);
        sniffer.feed(bytes, 0, bytes.length);
        sniffer.finish();
        return sniffer;
    }

    @Test
    void eachCheckHoldsForItsFormatAndNotForTheOneThatSharesItsMagic() {
        assertTrue(StructureCheck.CLASS_VERSION.holds(sampled(TypeSamples.ownClass())));
        assertFalse(StructureCheck.FAT_ARCH_COUNT.holds(sampled(TypeSamples.ownClass())));
        assertTrue(StructureCheck.FAT_ARCH_COUNT.holds(sampled(TypeSamples.machOFat())));
        assertFalse(StructureCheck.CLASS_VERSION.holds(sampled(TypeSamples.machOFat())));
        assertTrue(StructureCheck.PE_HEADER.holds(sampled(TypeSamples.pe())));
        assertTrue(StructureCheck.OLE_MSI.holds(sampled(TypeSamples.compoundFile(true))));
        assertFalse(StructureCheck.OLE_MSI.holds(sampled(TypeSamples.compoundFile(false))));
        assertTrue(StructureCheck.ZIP_END.holds(sampled(TypeSamples.zip(java.util.Map.of("a.txt", "a")))));
        assertFalse(StructureCheck.ZIP_END.holds(sampled("PK\u0003\u0004 and PK\u0007\u0008 in text\n".getBytes())), "a zip has its end record");
    }

    @Test
    void pointersOutsideTheFileReadNothing() {
        byte[] pe = TypeSamples.pe();
        java.nio.ByteBuffer.wrap(pe).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x10);
        assertEquals(-1, StructureCheck.PE_HEADER.pointer(sampled(pe)));
        byte[] cfb = TypeSamples.compoundFile(true);
        java.nio.ByteBuffer.wrap(cfb).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x30, 0xFFFFFFFE);
        assertEquals(-1, StructureCheck.OLE_MSI.pointer(sampled(cfb)));
        assertFalse(StructureCheck.BOX_SIZE.holds(sampled("Not wide".getBytes())));
    }
}
