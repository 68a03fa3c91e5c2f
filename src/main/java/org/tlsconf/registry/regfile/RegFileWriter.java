package org.tlsconf.registry.regfile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;

/** Formats key and value lines exactly as regedit exports them. */
public final class RegFileWriter {

    /** regedit (and Wine, which copies it) starts a continuation once a hex line reaches this many characters. */
    private static final int MAX_HEX_CHARS = 77;

    private RegFileWriter() {
    }

    public static String keyLine(RegistryPath key, boolean delete, String newline) {
        return "[" + (delete ? "-" : "") + key.toLongString() + "]" + newline;
    }

    public static String deletionLine(String name, String newline) {
        return nameToken(name) + "=-" + newline;
    }

    /** {@code "name"=data} with the line terminator; long hex data wraps with {@code ,\} and two-space indents. */
    public static String valueLine(String name, RegistryValue value, RegFormat format, String newline) {
        String prefix = nameToken(name) + "=";
        if (value instanceof RegistryValue.Dword d) {
            return prefix + "dword:" + String.format("%08x", d.value()) + newline;
        }
        if (value instanceof RegistryValue.Sz s && s.value().indexOf('\n') < 0 && s.value().indexOf('\r') < 0
                && s.value().indexOf('\0') < 0) {
            return prefix + quote(s.value()) + newline;
        }
        return prefix + hex(value.type(), bytesFor(value, format), prefix.length(), newline) + newline;
    }

    /**
     * The data bytes a {@code hex} line holds. REGEDIT4 stores the string types ({@code hex(1)}, {@code hex(2)},
     * {@code hex(7)}, whatever the data) as single-byte ANSI text, terminators included: the exact inverse of
     * what {@link RegFileReader} does with them.
     *
     * @throws IllegalArgumentException when a REGEDIT4 file cannot hold the data, saying why
     */
    private static byte[] bytesFor(RegistryValue value, RegFormat format) {
        byte[] data = value.toBytes();
        if (format == RegFormat.REGEDIT4 && holdsAnsiText(value.type())) {
            if (data.length % 2 != 0) {
                throw new IllegalArgumentException("its " + data.length + " bytes of " + value.type()
                        + " data are not whole UTF-16 characters, and REGEDIT4 stores such data as ANSI text");
            }
            return Ansi.encode(new String(data, StandardCharsets.UTF_16LE));
        }
        return data;
    }

    /** The types whose {@code hex(N):} data a REGEDIT4 file holds as ANSI text rather than UTF-16. */
    static boolean holdsAnsiText(ValueType type) {
        return type.equals(ValueType.REG_SZ) || type.equals(ValueType.REG_EXPAND_SZ)
                || type.equals(ValueType.REG_MULTI_SZ);
    }

    private static String hex(ValueType type, byte[] data, int lineLength, String newline) {
        String tag = type.hexTag();
        StringBuilder sb = new StringBuilder(tag);
        int len = lineLength + tag.length();
        for (int i = 0; i < data.length; i++) {
            sb.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
            if (i == data.length - 1) {
                break;
            }
            sb.append(',');
            len += 3;
            if (len >= MAX_HEX_CHARS) {
                sb.append('\\').append(newline).append("  ");
                len = 2;
            }
        }
        return sb.toString();
    }

    static String nameToken(String name) {
        return name.isEmpty() ? "@" : quote(name);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One {@code [KEY]} (or {@code [-KEY]}) section of a script: values to set, or to delete when empty. */
    public record Section(RegistryPath key, boolean deleteKey, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
            if (deleteKey && !entries.isEmpty()) {
                throw new IllegalArgumentException("a [-KEY] section cannot hold values");
            }
        }
    }

    /** {@code "name"=data}, or {@code "name"=-} when {@code value} is empty. */
    public record Entry(String name, java.util.Optional<RegistryValue> value) {
    }

    /**
     * A regedit-style file (UTF-16LE with BOM, CRLF, version 5) that sets and deletes exactly what the sections
     * say, in order: what {@code reg import} or a double-click in Explorer applies.
     */
    public static RegDocument script(List<Section> sections) {
        return script(List.of(), sections);
    }

    /** As {@link #script(List)}, with {@code ;} comment lines after the header. */
    public static RegDocument script(List<String> comments, List<Section> sections) {
        RegDocument doc = RegDocument.newRegeditExport();
        String nl = doc.newline();
        List<RegDocument.Item> items = doc.mutableItems();
        for (String c : comments) {
            items.add(new RegDocument.Trivia("; " + c.replace("\r", " ").replace("\n", " ") + nl));
        }
        if (!comments.isEmpty()) {
            items.add(new RegDocument.Trivia(nl));
        }
        for (Section s : sections) {
            items.add(new RegDocument.KeyLine(s.key(), s.deleteKey(), keyLine(s.key(), s.deleteKey(), nl), 0));
            for (Entry e : s.entries()) {
                String raw = e.value().map(v -> valueLine(e.name(), v, doc.format(), nl))
                        .orElseGet(() -> deletionLine(e.name(), nl));
                items.add(new RegDocument.ValueLine(s.key(), e.name(), e.value().orElse(null), raw, 0));
            }
            items.add(new RegDocument.Trivia(nl));
        }
        return doc;
    }

    /** A complete regedit-style export (UTF-16LE, CRLF) of the given keys, each with its values. */
    public static RegDocument export(List<RegistryPath> keys, java.util.function.Function<RegistryPath,
            java.util.Map<String, RegistryValue>> valuesOf) {
        List<Section> sections = new java.util.ArrayList<>();
        for (RegistryPath key : keys) {
            List<Entry> entries = new java.util.ArrayList<>();
            valuesOf.apply(key).forEach((name, value) -> entries.add(new Entry(name, java.util.Optional.of(value))));
            sections.add(new Section(key, false, entries));
        }
        return script(sections);
    }
}
