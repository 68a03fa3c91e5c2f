package org.tlsconf.registry;

import java.util.List;
import java.util.Optional;

/**
 * A registry value type: its number, as Windows stores it and {@code hex(N):} writes it in {@code .reg} files.
 * The twelve documented types have constants; any other number (an application's private type such as
 * {@code 0xffff0012}) is a type too, so a value of that type is carried byte for byte with its number instead of
 * being refused. Numbers are unsigned 32-bit, held in an {@code int}'s bits.
 */
public final class ValueType {
    public static final ValueType REG_NONE = new ValueType(0, "REG_NONE");
    public static final ValueType REG_SZ = new ValueType(1, "REG_SZ");
    public static final ValueType REG_EXPAND_SZ = new ValueType(2, "REG_EXPAND_SZ");
    public static final ValueType REG_BINARY = new ValueType(3, "REG_BINARY");
    public static final ValueType REG_DWORD = new ValueType(4, "REG_DWORD");
    public static final ValueType REG_DWORD_BIG_ENDIAN = new ValueType(5, "REG_DWORD_BIG_ENDIAN");
    public static final ValueType REG_LINK = new ValueType(6, "REG_LINK");
    public static final ValueType REG_MULTI_SZ = new ValueType(7, "REG_MULTI_SZ");
    public static final ValueType REG_RESOURCE_LIST = new ValueType(8, "REG_RESOURCE_LIST");
    public static final ValueType REG_FULL_RESOURCE_DESCRIPTOR = new ValueType(9, "REG_FULL_RESOURCE_DESCRIPTOR");
    public static final ValueType REG_RESOURCE_REQUIREMENTS_LIST = new ValueType(10,
            "REG_RESOURCE_REQUIREMENTS_LIST");
    public static final ValueType REG_QWORD = new ValueType(11, "REG_QWORD");

    private static final List<ValueType> KNOWN = List.of(REG_NONE, REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD,
            REG_DWORD_BIG_ENDIAN, REG_LINK, REG_MULTI_SZ, REG_RESOURCE_LIST, REG_FULL_RESOURCE_DESCRIPTOR,
            REG_RESOURCE_REQUIREMENTS_LIST, REG_QWORD);
    private static final String UNKNOWN_PREFIX = "REG_TYPE_0x";

    private final int code;
    private final String name;

    private ValueType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The type with this number: one of the constants, or an undocumented type named {@code REG_TYPE_0x…}. */
    public static ValueType of(int code) {
        for (ValueType t : KNOWN) {
            if (t.code == code) {
                return t;
            }
        }
        return new ValueType(code, UNKNOWN_PREFIX + String.format("%08x", code));
    }

    /** The number, as an unsigned 32-bit value in an int's bits. */
    public int code() {
        return code;
    }

    /** {@code REG_DWORD} etc.; {@code REG_TYPE_0xffff0012} for an undocumented type. */
    public String name() {
        return name;
    }

    /** True for the twelve documented types. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** The tag regedit writes before the data bytes: {@code hex:} for REG_BINARY, else {@code hex(N):}. */
    public String hexTag() {
        return code == REG_BINARY.code ? "hex:" : "hex(" + Integer.toHexString(code) + "):";
    }

    /** Parses a {@link #name()}: a documented type's name or {@code REG_TYPE_0x} and up to 8 hex digits. */
    public static Optional<ValueType> fromName(String name) {
        for (ValueType t : KNOWN) {
            if (t.name.equals(name)) {
                return Optional.of(t);
            }
        }
        if (name.startsWith(UNKNOWN_PREFIX)) {
            String digits = name.substring(UNKNOWN_PREFIX.length());
            if (!digits.isEmpty() && digits.length() <= 8 && digits.chars().allMatch(c -> (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return Optional.of(of(Integer.parseUnsignedInt(digits, 16)));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueType t && t.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
