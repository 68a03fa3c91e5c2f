package org.tlsconf.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of one registry value, typed. DWORDs are unsigned 32-bit ({@code 0xFFFFFFFF} is 4294967295) and QWORDs
 * unsigned 64-bit (held in a {@code long}'s bits). Any type regedit can write but tlsconf does not interpret
 * (REG_NONE, REG_LINK, resource lists, or data that does not decode cleanly as its type) is kept byte for byte as a
 * {@link Binary} with its original type, so nothing a host had is ever lost.
 */
public sealed interface RegistryValue {

    ValueType type();

    /** The bytes Windows stores for this value (little-endian numbers, UTF-16LE strings with terminators). */
    byte[] toBytes();

    /** Short human form: {@code 1 (0x00000001)}, {@code "text"}, {@code ["a", "b"]}, {@code hex:01,02}. */
    String display();

    /**
     * True when {@code other} is the same registry value: the same type and the same bytes. Two forms of one value
     * (a {@code Binary} of type REG_SZ and the {@code Sz} its bytes decode to) are the same value, as they are to
     * Windows.
     */
    default boolean sameAs(RegistryValue other) {
        return other != null && type().equals(other.type()) && Arrays.equals(toBytes(), other.toBytes());
    }

    static Dword dword(long value) {
        return new Dword(value);
    }

    static Qword qword(long bits) {
        return new Qword(bits);
    }

    static Sz sz(String value) {
        return new Sz(value);
    }

    static ExpandSz expandSz(String value) {
        return new ExpandSz(value);
    }

    static MultiSz multiSz(List<String> values) {
        return new MultiSz(values);
    }

    static Binary binary(byte[] data) {
        return new Binary(ValueType.REG_BINARY, data);
    }

    /**
     * Decodes stored bytes of the given type into the typed form when the bytes are exactly what that form encodes
     * to; otherwise keeps them as {@link Binary} with that type so they round-trip unchanged.
     */
    static RegistryValue fromBytes(ValueType type, byte[] data) {
        RegistryValue decoded = null;
        if (type.equals(ValueType.REG_DWORD) && data.length == 4) {
            decoded = new Dword(Integer.toUnsignedLong(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt()));
        } else if (type.equals(ValueType.REG_QWORD) && data.length == 8) {
            decoded = new Qword(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong());
        } else if (type.equals(ValueType.REG_SZ) || type.equals(ValueType.REG_EXPAND_SZ)) {
            Optional<String> s = Strings.single(data);
            if (s.isPresent()) {
                decoded = type.equals(ValueType.REG_SZ) ? new Sz(s.get()) : new ExpandSz(s.get());
            }
        } else if (type.equals(ValueType.REG_MULTI_SZ)) {
            Optional<List<String>> m = Strings.multi(data);
            if (m.isPresent()) {
                decoded = new MultiSz(m.get());
            }
        }
        if (decoded != null && Arrays.equals(decoded.toBytes(), data)) {
            return decoded;
        }
        return new Binary(type, data);
    }

    /** {@code bits} as lower-case hex, zero-padded to {@code width} digits (String.format costs start-up time). */
    private static String hexDigits(long bits, int width) {
        String hex = Long.toHexString(bits);
        return "0".repeat(Math.max(0, width - hex.length())) + hex;
    }

    /** REG_DWORD, unsigned: 0 to 4294967295. */
    record Dword(long value) implements RegistryValue {
        public static final long MAX = 0xFFFF_FFFFL;

        public Dword {
            if (value < 0 || value > MAX) {
                throw new IllegalArgumentException("DWORD out of range 0..4294967295: " + value);
            }
        }

        @Override
        public ValueType type() {
            return ValueType.REG_DWORD;
        }

        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
        }

        @Override
        public String display() {
            return value + " (0x" + hexDigits(value, 8) + ")";
        }

        // equals and hashCode are written out (here and in the other records): a record's generated ones are
        // linked through invokedynamic on first use, which costs a short command milliseconds of start-up
        @Override
        public boolean equals(Object o) {
            return o instanceof Dword d && d.value == value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value);
        }
    }

    /** REG_QWORD, unsigned 64-bit held in a long's bits. */
    record Qword(long bits) implements RegistryValue {
        @Override
        public ValueType type() {
            return ValueType.REG_QWORD;
        }

        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bits).array();
        }

        public String unsignedString() {
            return Long.toUnsignedString(bits);
        }

        @Override
        public String display() {
            return unsignedString() + " (0x" + hexDigits(bits, 16) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Qword q && q.bits == bits;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(bits);
        }
    }

    record Sz(String value) implements RegistryValue {
        public Sz {
            Objects.requireNonNull(value);
        }

        @Override
        public ValueType type() {
            return ValueType.REG_SZ;
        }

        @Override
        public byte[] toBytes() {
            return Strings.encodeSingle(value);
        }

        @Override
        public String display() {
            return Strings.quote(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sz z && z.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    record ExpandSz(String value) implements RegistryValue {
        public ExpandSz {
            Objects.requireNonNull(value);
        }

        @Override
        public ValueType type() {
            return ValueType.REG_EXPAND_SZ;
        }

        @Override
        public byte[] toBytes() {
            return Strings.encodeSingle(value);
        }

        @Override
        public String display() {
            return Strings.quote(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExpandSz z && z.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** REG_MULTI_SZ: a list of non-empty strings (an empty string would end the list in Windows' encoding). */
    record MultiSz(List<String> values) implements RegistryValue {
        public MultiSz {
            values = List.copyOf(values);
            for (String v : values) {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("REG_MULTI_SZ cannot hold an empty string");
                }
            }
        }

        @Override
        public ValueType type() {
            return ValueType.REG_MULTI_SZ;
        }

        @Override
        public byte[] toBytes() {
            StringBuilder sb = new StringBuilder();
            for (String v : values) {
                sb.append(v).append('\0');
            }
            sb.append('\0');
            return sb.toString().getBytes(StandardCharsets.UTF_16LE);
        }

        @Override
        public String display() {
            List<String> q = new ArrayList<>();
            for (String v : values) {
                q.add(Strings.quote(v));
            }
            return "[" + String.join(", ", q) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MultiSz m && m.values.equals(values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }
    }

    /** Raw bytes of any type: REG_BINARY, or a type tlsconf keeps verbatim (undocumented type numbers too). */
    record Binary(ValueType type, byte[] data) implements RegistryValue {
        public Binary {
            Objects.requireNonNull(type);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public byte[] toBytes() {
            return data.clone();
        }

        public String hex() {
            return HexFormat.of().formatHex(data);
        }

        @Override
        public String display() {
            return type.hexTag() + HexFormat.ofDelimiter(",").formatHex(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && b.type.equals(type) && Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Binary[" + type + ", " + hex() + "]";
        }
    }

    /** UTF-16LE string helpers shared by the string types. */
    final class Strings {
        private Strings() {
        }

        static byte[] encodeSingle(String s) {
            return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
        }

        static Optional<String> single(byte[] data) {
            if (data.length < 2 || data.length % 2 != 0) {
                return java.util.Optional.empty();
            }
            String s = new String(data, StandardCharsets.UTF_16LE);
            if (!s.endsWith("\0") || s.indexOf('\0') != s.length() - 1) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(s.substring(0, s.length() - 1));
        }

        static Optional<List<String>> multi(byte[] data) {
            if (data.length < 2 || data.length % 2 != 0) {
                return java.util.Optional.empty();
            }
            String s = new String(data, StandardCharsets.UTF_16LE);
            if (!s.endsWith("\0")) {
                return java.util.Optional.empty();
            }
            if (s.equals("\0")) {
                return java.util.Optional.of(List.of());
            }
            if (!s.endsWith("\0\0")) {
                return java.util.Optional.empty();
            }
            String body = s.substring(0, s.length() - 2);
            List<String> parts = List.of(body.split("\0", -1));
            for (String p : parts) {
                if (p.isEmpty()) {
                    return java.util.Optional.empty();
                }
            }
            return java.util.Optional.of(parts);
        }

        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
