package org.tlsconf.registry.regfile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * A {@code .reg} file as lines: its header, key lines, value lines and trivia (blank lines and comments), each
 * holding the exact text it was read from (line terminators included). Writing an unchanged document gives back
 * the same bytes; changed or added lines are written the way regedit writes them.
 */
public final class RegDocument {

    /** One logical line of the file (a hex value may span several physical lines). */
    public sealed interface Item permits Trivia, KeyLine, ValueLine, Opaque {
        /** The exact text, including continuation lines and the line terminator(s). */
        String raw();

        /** True when the item ends with a line terminator. */
        default boolean endsLine() {
            return raw().endsWith("\n") || raw().endsWith("\r");
        }
    }

    /** A blank line or a comment. */
    public record Trivia(String raw) implements Item {
    }

    /** {@code [KEY]}, or {@code [-KEY]} when {@code delete}. */
    public record KeyLine(RegistryPath path, boolean delete, String raw, int line) implements Item {
    }

    /** {@code "name"=data} under {@code key}; {@code value} is null for a deletion ({@code "name"=-}). */
    public record ValueLine(RegistryPath key, String name, RegistryValue value, String raw, int line)
            implements Item {
        public boolean isDeletion() {
            return value == null;
        }
    }

    /**
     * Lines {@code fromLine} to {@code toLine} (1-based, inclusive) of the file as it was read, not held in memory:
     * whole sections of keys outside what the document was read for (see {@link RegFileScan#edit}), ending with a
     * key or value line (blank lines and comments after them are separate items). Written back by copying those
     * lines from the file. {@code existence} lists, in order and once each, the deepest key in scope that each of
     * its key lines makes exist (with the spelling of its first line), so that the document still knows which keys
     * these lines create. {@code addNewline} when a line terminator has been added after the last line.
     */
    public record Opaque(int fromLine, int toLine, boolean terminated, boolean addNewline,
            List<RegistryPath> existence) implements Item {
        public Opaque {
            existence = List.copyOf(existence);
        }

        @Override
        public String raw() {
            throw new IllegalStateException("internal error: lines " + fromLine + "-" + toLine
                    + " of the file are not held in memory");
        }

        @Override
        public boolean endsLine() {
            return terminated || addNewline;
        }

        /** The first key in {@link #existence} at or below {@code key}, or null. */
        public RegistryPath firstAtOrBelow(RegistryPath key) {
            for (RegistryPath p : existence) {
                if (p.isAtOrBelow(key)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final RegEncoding encoding;
    private final RegFormat format;
    private final String header;
    private final String newline;
    private final List<Item> items;

    RegDocument(RegEncoding encoding, RegFormat format, String header, String newline, List<Item> items) {
        this.encoding = Objects.requireNonNull(encoding);
        this.format = Objects.requireNonNull(format);
        this.header = Objects.requireNonNull(header);
        this.newline = Objects.requireNonNull(newline);
        this.items = new ArrayList<>(items);
    }

    /** An empty document as regedit would start one: UTF-16LE with BOM, CRLF, version 5 header, blank line. */
    public static RegDocument newRegeditExport() {
        List<Item> items = new ArrayList<>();
        items.add(new Trivia("\r\n"));
        return new RegDocument(RegEncoding.UTF16LE_BOM, RegFormat.V5, RegFormat.V5.header() + "\r\n", "\r\n",
                items);
    }

    public RegEncoding encoding() {
        return encoding;
    }

    public RegFormat format() {
        return format;
    }

    /** The first line (the header), with its terminator if it has one. */
    String header() {
        return header;
    }

    /** The line terminator used for new lines: the file's own ({@code \r\n} or {@code \n}). */
    public String newline() {
        return newline;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    List<Item> mutableItems() {
        return items;
    }

    /** The registry state this file describes, as if imported into an empty registry. */
    public InMemoryRegistry replay(String description) {
        InMemoryRegistry reg = new InMemoryRegistry(description);
        importInto(reg);
        return reg;
    }

    /** Applies the file to an existing registry, as {@code reg import} does: in order, deletions included. */
    public void importInto(InMemoryRegistry reg) {
        for (Item item : items) {
            if (item instanceof KeyLine k) {
                if (k.delete()) {
                    reg.removeTree(k.path());
                } else {
                    reg.createKey(k.path());
                }
            } else if (item instanceof ValueLine v) {
                if (v.isDeletion()) {
                    reg.deleteValue(v.key(), v.name());
                } else {
                    reg.setValue(v.key(), v.name(), v.value());
                }
            } else if (item instanceof Opaque o) {
                o.existence().forEach(reg::createKey);
            }
        }
    }

    /** The whole file as text (header and every item). */
    public String text() {
        StringBuilder sb = new StringBuilder(header);
        if (!items.isEmpty() && !header.endsWith("\n") && !header.endsWith("\r")) {
            sb.append(newline); // a file that was only a header line, with content added since
        }
        for (Item item : items) {
            sb.append(item.raw());
        }
        return sb.toString();
    }

    /**
     * The file's bytes in its own encoding, with its byte order mark.
     *
     * @throws RegistryException when a character cannot be written in the file's encoding (an ANSI file)
     */
    public byte[] toBytes() {
        if (encoding == RegEncoding.ANSI) {
            try {
                return Ansi.encode(text()); // the exact inverse of how the reader decodes an ANSI file
            } catch (IllegalArgumentException e) {
                throw new RegistryException("the change cannot be written in this file's ANSI encoding ("
                        + e.getMessage() + "); convert the file to UTF-16 with regedit first", e);
            }
        }
        CharsetEncoder encoder = encoding.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer body;
        try {
            body = encoder.encode(CharBuffer.wrap(text()));
        } catch (CharacterCodingException e) {
            throw new RegistryException("the change cannot be written in this file's " + encoding
                    + " encoding (a character has no " + encoding.charset().name()
                    + " form); convert the file to UTF-16 with regedit first", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.remaining() + 3);
        out.writeBytes(encoding.bom());
        out.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
        return out.toByteArray();
    }
}
