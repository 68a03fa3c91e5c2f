package org.tlsconf.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryValueTest {

    @Test
    void dwordIsUnsignedSoAllBitsSetIs4294967295() {
        RegistryValue v = RegistryValue.fromBytes(ValueType.REG_DWORD, new byte[] {-1, -1, -1, -1});
        assertEquals(RegistryValue.dword(4294967295L), v);
        assertEquals("4294967295 (0xffffffff)", v.display());
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, v.toBytes());
        assertThrows(IllegalArgumentException.class, () -> RegistryValue.dword(-1));
        assertThrows(IllegalArgumentException.class, () -> RegistryValue.dword(4294967296L));
    }

    @Test
    void qwordKeepsAllSixtyFourBits() {
        RegistryValue v = RegistryValue.fromBytes(ValueType.REG_QWORD, new byte[] {2, 0, 0, 0, 1, 0, 0, 0});
        assertEquals(RegistryValue.qword(0x1_0000_0002L), v);
        assertEquals("18446744073709551615", RegistryValue.qword(-1L).unsignedString());
    }

    @Test
    void stringTypesDecodeOnlyWhenTheBytesAreCanonical() {
        byte[] ok = "abc\0".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(RegistryValue.sz("abc"), RegistryValue.fromBytes(ValueType.REG_SZ, ok));
        byte[] unterminated = "abc".getBytes(StandardCharsets.UTF_16LE);
        RegistryValue raw = RegistryValue.fromBytes(ValueType.REG_SZ, unterminated);
        assertInstanceOf(RegistryValue.Binary.class, raw);
        assertEquals(ValueType.REG_SZ, raw.type());
        assertArrayEquals(unterminated, raw.toBytes());
    }

    @Test
    void multiStringRoundTripsThroughWindowsEncoding() {
        RegistryValue m = RegistryValue.multiSz(List.of("NistP384", "NistP256"));
        assertEquals(m, RegistryValue.fromBytes(ValueType.REG_MULTI_SZ, m.toBytes()));
        assertEquals(RegistryValue.multiSz(List.of()), RegistryValue.fromBytes(ValueType.REG_MULTI_SZ,
                new byte[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> RegistryValue.multiSz(List.of("a", "")));
    }

    @Test
    void sameDataOfAnotherTypeIsADifferentValue() {
        assertNotEquals(RegistryValue.sz("1"), RegistryValue.dword(1));
        assertNotEquals(new RegistryValue.Binary(ValueType.REG_NONE, new byte[] {1}),
                RegistryValue.binary(new byte[] {1}));
        assertEquals(RegistryValue.binary(new byte[] {1, 2}), RegistryValue.binary(new byte[] {1, 2}));
    }
}
