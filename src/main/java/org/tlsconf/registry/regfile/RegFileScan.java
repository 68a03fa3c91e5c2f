package org.tlsconf.registry.regfile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryScope;

/**
 * Reads a {@code .reg} file for a command that only reads some keys (status, check, diff): the file is streamed,
 * every key line is parsed, but value lines are parsed only under the keys in scope; everything else is skipped
 * without being kept, so a full {@code reg export HKLM} of hundreds of MB is read in little memory. Key and value
 * lines are read by {@link RegFileReader}'s own rules, so what is read means exactly what the full reader makes of
 * it; problems are reported for the lines read (key lines, lines outside any key, values in scope).
 *
 * <p>The result is read-only and answers only within its scope: a read of a key outside it is a programming error
 * and fails loudly rather than answering "absent".
 */
public final class RegFileScan {

    private static final int HEADER_MAX = 200;

    private RegFileScan() {
    }

    /**
     * Reads {@code file} within {@code scope}.
     *
     * @throws RegFileParseException when a line it reads is malformed (every problem listed, with line numbers)
     * @throws RegistryException when the file cannot be read
     */
    public static Registry read(Path file, RegistryScope scope) {
        InMemoryRegistry state = new InMemoryRegistry(RegFileRegistry.describe(file));
        readInto(file, scope, state);
        return scope.view(state);
    }

    /**
     * Reads {@code file} within {@code scope} on top of {@code state}, as {@code reg import} would: its keys and
     * values are added, its deletions delete.
     *
     * @throws RegFileParseException when a line it reads is malformed (every problem listed, with line numbers)
     * @throws RegistryException when the file cannot be read
     */
    public static void readInto(Path file, RegistryScope scope, InMemoryRegistry state) {
        try {
            RegEncoding encoding = encodingOf(file);
            try {
                scan(file, encoding, scope, state);
            } catch (CharacterCodingException e) {
                throw new RegFileReader(file.toString()).notText(encoding.charset());
            }
        } catch (IOException e) {
            throw RegFileRegistry.cannotRead(file, e);
        }
    }

    /**
     * The encoding as {@link RegFileReader} chooses it: a byte order mark, REGEDIT4 (ANSI), else UTF-8 when the
     * whole file is valid UTF-8 (checked in a pass of its own, so that a scan never starts over), else ANSI.
     */
    private static RegEncoding encodingOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        for (RegEncoding e : new RegEncoding[] {RegEncoding.UTF16LE_BOM, RegEncoding.UTF16BE_BOM,
            RegEncoding.UTF8_BOM}) {
            if (RegEncoding.startsWith(head, e.bom())) {
                return e;
            }
        }
        if (RegEncoding.startsWith(head, RegFormat.REGEDIT4.header().getBytes(StandardCharsets.US_ASCII))) {
            return RegEncoding.ANSI;
        }
        try (Reader utf8 = strictUtf8(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            char[] sink = new char[1 << 14];
            while (utf8.read(sink) >= 0) {
                // decoding is the check
            }
            return RegEncoding.UTF8;
        } catch (CharacterCodingException e) {
            return RegEncoding.ANSI;
        }
    }

    /** Decodes all of {@code file}; throws {@link CharacterCodingException} where it is not text. */
    private static void requireText(Path file, RegEncoding encoding) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(encoding.bomLength());
            Reader text = text(in, encoding);
            char[] sink = new char[1 << 14];
            while (text.read(sink) >= 0) {
                // decoding is the check
            }
        }
    }

    private static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static Reader text(InputStream raw, RegEncoding encoding) {
        return switch (encoding) {
            case UTF16LE_BOM -> new Utf16Reader(raw, false);
            case UTF16BE_BOM -> new Utf16Reader(raw, true);
            case UTF8_BOM, UTF8 -> strictUtf8(raw);
            case ANSI -> Ansi.reader(raw);
        };
    }

    /** What an edit scan of a file gives: its document, and checksums to check a rewrite of it against. */
    record Edited(RegDocument document, long fileChecksum, long opaqueChecksum) {
    }

    /**
     * A 64-bit checksum: CRC-32C and CRC-32 (two polynomials) of the same bytes. It detects a changed, lost, added
     * or moved line as surely as tlsconf needs (it guards against mistakes, not adversaries: the file is locked),
     * and both CRCs are CPU instructions, where a SHA-256 took most of the time of an apply on a large file.
     */
    static final class Checksum64 {
        private final java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        private final java.util.zip.CRC32 d = new java.util.zip.CRC32();

        void update(byte[] b, int off, int len) {
            c.update(b, off, len);
            d.update(b, off, len);
        }

        long value() {
            return c.getValue() << 32 | d.getValue();
        }

        /** {@code in}, with every byte read added to this checksum. */
        InputStream over(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        update(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        update(buf, off, n);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = 0;
                    byte[] buf = new byte[8192];
                    while (skipped < n) {
                        int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                        if (r < 0) {
                            break;
                        }
                        skipped += r;
                    }
                    return skipped;
                }
            };
        }
    }

    /**
     * Reads {@code file} for changing it within {@code scope}: every line is checked as {@link RegFileReader} checks
     * it, but only the lines of keys in scope (and {@code [-KEY]} lines that touch them) are kept; the other
     * sections become {@link RegDocument.Opaque} items that stand for their lines in the file. Memory does not grow
     * with what lies out of scope.
     *
     * @throws RegFileParseException when a line is malformed (every problem listed, with line numbers)
     * @throws RegistryException when the file cannot be read
     */
    static Edited edit(Path file, RegistryScope scope) {
        return edit(file, scope, true);
    }

    /**
     * As {@link #edit(Path, RegistryScope)}; with {@code checkAll} false, value lines out of scope are not parsed,
     * only checksummed (for a file written from a checked one, whose checksum must match).
     */
    static Edited edit(Path file, RegistryScope scope, boolean checkAll) {
        try {
            RegEncoding encoding = encodingOf(file);
            Checksum64 fileChecksum = new Checksum64();
            try (InputStream raw = fileChecksum.over(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                raw.skipNBytes(encoding.bomLength());
                DocumentBuilder doc = new DocumentBuilder(encoding, checkAll);
                try {
                    scan(raw, encoding, file.toString(), scope, null, doc);
                } catch (RegFileParseException e) {
                    requireText(file, encoding); // as the whole-file reader: text that does not decode comes first
                    throw e;
                }
                raw.transferTo(OutputStream.nullOutputStream());
                return new Edited(doc.build(), fileChecksum.value(), doc.opaqueChecksum.value());
            } catch (CharacterCodingException e) {
                throw new RegFileReader(file.toString()).notText(encoding.charset());
            }
        } catch (IOException e) {
            throw RegFileRegistry.cannotRead(file, e);
        }
    }

    /**
     * Writes {@code document}, read by {@link #edit} from {@code original}, to {@code out}: its items as they are
     * now, and the lines each {@link RegDocument.Opaque} item stands for copied from {@code original} (decoded and
     * encoded again, which gives back the same bytes: every encoding is read strictly). Returns the checksum of
     * all of {@code original}'s bytes as read now, so that the caller can tell whether the file changed since.
     */
    static long write(RegDocument document, Path original, OutputStream out) throws IOException {
        RegEncoding encoding = document.encoding();
        Checksum64 checksum = new Checksum64();
        try (InputStream raw = checksum.over(new BufferedInputStream(Files.newInputStream(original), 1 << 16))) {
            raw.skipNBytes(encoding.bomLength());
            Lines lines = new Lines(text(raw, encoding));
            lines.header();
            lines.rest();
            out.write(encoding.bom());
            Writer text = encoding == RegEncoding.ANSI ? Ansi.writer(out)
                    : new OutputStreamWriter(out, encoding.charset().newEncoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            String header = document.header();
            text.write(header);
            List<RegDocument.Item> items = document.items();
            if (!items.isEmpty() && !header.endsWith("\n") && !header.endsWith("\r")) {
                text.write(document.newline());
            }
            for (RegDocument.Item item : items) {
                if (item instanceof RegDocument.Opaque o) {
                    while (lines.number() + 1 < o.fromLine()) {
                        if (!lines.next()) {
                            throw new IOException("line " + o.fromLine() + " is past the end of the file");
                        }
                        lines.skip();
                    }
                    while (lines.number() < o.toLine()) {
                        if (!lines.next()) {
                            throw new IOException("line " + o.toLine() + " is past the end of the file");
                        }
                        text.write(lines.rest());
                        text.write(lines.terminator());
                    }
                    if (o.addNewline()) {
                        text.write(document.newline());
                    }
                } else {
                    text.write(item.raw());
                }
            }
            text.flush();
            raw.transferTo(OutputStream.nullOutputStream());
        }
        return checksum.value();
    }

    private static void scan(Path file, RegEncoding encoding, RegistryScope scope, InMemoryRegistry state)
            throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.skipNBytes(encoding.bomLength());
            scan(raw, encoding, file.toString(), scope, state, null);
        }
    }

    /**
     * The one loop over a file's lines, as {@link RegFileReader} reads them. Either reads values in scope into
     * {@code state}, skipping other value lines unread ({@code doc} null), or checks every line and builds a
     * document of the lines in scope ({@code state} null).
     */
    private static void scan(InputStream raw, RegEncoding encoding, String source, RegistryScope scope,
            InMemoryRegistry state, DocumentBuilder doc) throws IOException {
        boolean edit = doc != null;
        RegFileReader reader = new RegFileReader(source);
        Lines lines = new Lines(text(raw, encoding));
        String header = lines.header();
        reader.readHeader(header);
        if (edit) {
            doc.header(header + lines.rest() + lines.terminator(), reader.format());
        }
        RegistryPath currentKey = null;
        boolean deleted = false;
        boolean broken = false;
        boolean inScope = false; // value lines are read (and, when editing, kept)
        while (lines.next() && reader.problems().size() < RegFileReader.MAX_PROBLEMS) {
            int first = lines.first();
            int lineNo = lines.number();
            if (first < 0 || first == ';') {
                if (edit) {
                    doc.trivia(lines.rest() + lines.terminator());
                } else {
                    lines.skip();
                }
            } else if (first == '[') {
                String rest = lines.rest();
                String rawLine = rest + lines.terminator();
                String content = RegistryNames.trimBlanks(RegFileReader.stripEnd(rest));
                RegDocument.KeyLine key = reader.parseKeyLine(content, rawLine, lineNo);
                if (key == null) {
                    currentKey = null;
                    broken = true;
                    inScope = false;
                    continue;
                }
                currentKey = key.path();
                deleted = key.delete();
                broken = false;
                if (edit) {
                    boolean kept = deleted ? scope.knowsExistence(currentKey) : scope.reads(currentKey);
                    inScope = kept && !deleted;
                    if (kept) {
                        doc.kept(key);
                    } else {
                        doc.opaque(rawLine, lineNo, lineNo, lines.terminated(),
                                deleted ? null : scope.existenceOf(currentKey));
                    }
                } else {
                    inScope = !deleted && scope.reads(currentKey);
                    if (deleted) {
                        state.removeTree(currentKey);
                    } else {
                        RegistryPath known = scope.existenceOf(currentKey);
                        if (known != null) {
                            state.createKey(known);
                        }
                    }
                }
            } else if (first == '"' || first == '@') {
                if (!edit && !inScope && !broken && currentKey != null && !deleted) {
                    lines.skip(); // its continuation lines, if any, are skipped with the out-of-scope lines
                    continue;
                }
                // in scope, or a line the full reader reports: read it as the full reader does
                String rest = lines.rest();
                StringBuilder rawAll = new StringBuilder(rest).append(lines.terminator());
                StringBuilder logical = new StringBuilder(RegistryNames.trimBlanks(RegFileReader.stripEnd(rest)));
                while (RegFileReader.isHexContinuation(logical) && lines.next()) {
                    logical.setLength(logical.length() - 1);
                    rest = lines.rest();
                    rawAll.append(rest).append(lines.terminator());
                    logical.append(RegistryNames.trimBlanks(RegFileReader.stripEnd(rest)));
                }
                if (RegFileReader.isHexContinuation(logical)) {
                    reader.unfinishedContinuation(lineNo);
                } else if (edit && !inScope && !doc.checkAll && !broken && currentKey != null && !deleted) {
                    doc.opaque(rawAll.toString(), lineNo, lines.number(), lines.terminated(), null);
                } else if (!broken && !reader.misplacedValue(currentKey, deleted, lineNo)) {
                    RegDocument.ValueLine value = reader.parseValueLine(currentKey, logical.toString(),
                            rawAll.toString(), lineNo);
                    if (value == null) {
                        continue;
                    }
                    if (edit && inScope) {
                        doc.kept(value);
                    } else if (edit) {
                        doc.opaque(value.raw(), lineNo, lines.number(), lines.terminated(), null);
                    } else if (value.isDeletion()) {
                        state.deleteValue(currentKey, value.name());
                    } else {
                        state.setValue(currentKey, value.name(), value.value());
                    }
                }
            } else if (edit || inScope || currentKey == null) {
                if (reader.strayLine(RegistryNames.trimBlanks(RegFileReader.stripEnd(lines.rest())), lineNo)) {
                    broken = true;
                    inScope = false;
                }
            } else {
                lines.skip(); // continuation lines of skipped hex values, and whatever else lies out of scope
            }
        }
        if (!reader.problems().isEmpty()) {
            throw new RegFileParseException(reader.source(), reader.problems());
        }
    }

    /**
     * Builds the document of an edit scan: kept lines become items; runs of lines out of scope become one
     * {@link RegDocument.Opaque} item each (blank lines and comments after a run's last key or value line stay
     * items of their own, as the editor looks at them), and their key and value lines go into a checksum.
     */
    private static final class DocumentBuilder {
        private final RegEncoding encoding;
        private final boolean checkAll;
        private final List<RegDocument.Item> items = new ArrayList<>();
        private final Checksum64 opaqueChecksum = new Checksum64();
        private String header;
        private RegFormat format;
        private String newline;
        private int from = -1;
        private int to;
        private boolean terminated;
        private final List<RegistryPath> existence = new ArrayList<>();
        private final Set<RegistryPath> seen = new HashSet<>();
        private final List<String> pending = new ArrayList<>();

        DocumentBuilder(RegEncoding encoding, boolean checkAll) {
            this.encoding = encoding;
            this.checkAll = checkAll;
        }

        void header(String raw, RegFormat format) {
            this.header = raw;
            this.format = format;
            noteNewline(raw);
        }

        /** The file's newline as {@link RegFileReader} finds it: from its first line feed. */
        private void noteNewline(String raw) {
            int lf = newline == null ? raw.indexOf('\n') : -1;
            if (lf >= 0) {
                newline = lf > 0 && raw.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
            }
        }

        void trivia(String raw) {
            noteNewline(raw);
            if (from >= 0) {
                pending.add(raw);
            } else {
                items.add(new RegDocument.Trivia(raw));
            }
        }

        void kept(RegDocument.Item item) {
            noteNewline(item.raw());
            close();
            items.add(item);
        }

        void opaque(String raw, int firstLine, int lastLine, boolean lastTerminated, RegistryPath exists) {
            noteNewline(raw);
            if (from < 0) {
                from = firstLine;
            }
            pending.clear(); // blank lines and comments between lines of the run belong to it
            to = lastLine;
            terminated = lastTerminated;
            checksum(raw);
            if (exists != null && seen.add(exists)) {
                existence.add(exists);
            }
        }

        private final byte[] chunk = new byte[1 << 12];

        /** Adds {@code text}'s UTF-16LE bytes to the checksum (through one buffer, not a byte array per line). */
        private void checksum(String text) {
            int n = text.length();
            for (int i = 0; i < n; ) {
                int len = Math.min(n - i, chunk.length / 2);
                for (int j = 0; j < len; j++) {
                    char c = text.charAt(i + j);
                    chunk[2 * j] = (byte) c;
                    chunk[2 * j + 1] = (byte) (c >>> 8);
                }
                opaqueChecksum.update(chunk, 0, 2 * len);
                i += len;
            }
        }

        private void close() {
            if (from < 0) {
                return;
            }
            items.add(new RegDocument.Opaque(from, to, terminated, false, existence));
            for (String t : pending) {
                items.add(new RegDocument.Trivia(t));
            }
            from = -1;
            existence.clear();
            seen.clear();
            pending.clear();
        }

        RegDocument build() {
            close();
            String nl = newline != null ? newline : header.endsWith("\r") ? "\r" : "\r\n";
            return new RegDocument(encoding, format, header, nl, items);
        }
    }

    /**
     * Physical lines of decoded text, read through a buffer: a line is looked at by its first non-blank character,
     * and only turned into a string when it is read.
     */
    private static final class Lines {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int end;
        private boolean eof;
        private int number;
        private boolean pending;
        private final StringBuilder lead = new StringBuilder();
        private String terminator = "";

        Lines(Reader in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            end = n;
            return true;
        }

        private boolean available() throws IOException {
            return pos < end || fill();
        }

        /** The first line, up to {@link #HEADER_MAX} characters (a longer one is not a header anyway). */
        String header() throws IOException {
            StringBuilder sb = new StringBuilder();
            while (available() && sb.length() < HEADER_MAX) {
                char c = buf[pos];
                if (c == '\n' || c == '\r') {
                    break;
                }
                sb.append(c);
                pos++;
            }
            number = 1;
            pending = true;
            return sb.toString();
        }

        /** Moves to the next line, past the rest of the current one; false at the end of the text. */
        boolean next() throws IOException {
            if (pending) {
                skip();
            }
            if (!available()) {
                return false;
            }
            number++;
            pending = true;
            lead.setLength(0);
            return true;
        }

        /** The current line's 1-based number. */
        int number() {
            return number;
        }

        /**
         * Skips leading blanks (spaces and tabs, as the reader trims lines) and returns the first other character of
         * the current line without consuming it, or -1 when the line has none.
         */
        int first() throws IOException {
            while (available()) {
                char c = buf[pos];
                if (c == '\n' || c == '\r') {
                    return -1;
                }
                if (c != ' ' && c != '\t') {
                    return c;
                }
                lead.append(c);
                pos++;
            }
            return -1;
        }

        /**
         * The rest of the current line without its terminator (with the blanks {@link #first} passed over),
         * consuming it and its terminator.
         */
        String rest() throws IOException {
            StringBuilder sb = new StringBuilder(lead);
            while (available()) {
                int start = pos;
                while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
                sb.append(buf, start, pos - start);
                if (pos < end) {
                    break;
                }
            }
            endLine();
            return sb.toString();
        }

        /** Consumes the rest of the current line and its terminator. */
        void skip() throws IOException {
            while (available()) {
                while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
                if (pos < end) {
                    break;
                }
            }
            endLine();
        }

        /** The terminator of the line last consumed: CRLF, LF, CR, or empty at the end of the text. */
        String terminator() {
            return terminator;
        }

        /** True when the line last consumed had a terminator. */
        boolean terminated() {
            return !terminator.isEmpty();
        }

        /** Consumes a line terminator: CRLF, LF or CR. */
        private void endLine() throws IOException {
            pending = false;
            terminator = "";
            if (!available()) {
                return;
            }
            char c = buf[pos++];
            if (c == '\r' && available() && buf[pos] == '\n') {
                pos++;
                terminator = "\r\n";
            } else {
                terminator = c == '\r' ? "\r" : "\n";
            }
        }
    }

    /**
     * Strict UTF-16 decoding (an unpaired surrogate or an odd last byte is malformed, as for the JDK's decoder with
     * {@code REPORT}) in a plain loop: the JDK's UTF-16 decoder reads a byte buffer one checked get at a time, which
     * made it most of a large export's reading time.
     */
    static final class Utf16Reader extends Reader {
        private final InputStream in;
        private final boolean bigEndian;
        private final byte[] bytes = new byte[1 << 16];
        private int held; // bytes carried over from the last read (an odd byte)
        private boolean highPending; // the last char given out was a high surrogate

        Utf16Reader(InputStream in, boolean bigEndian) {
            this.in = in;
            this.bigEndian = bigEndian;
        }

        @Override
        public int read(char[] out, int off, int len) throws IOException {
            int want = Math.min(len * 2, bytes.length);
            int n = held;
            while (n < 2) {
                int r = in.read(bytes, n, want - n);
                if (r < 0) {
                    if (n > 0 || highPending) {
                        throw new java.nio.charset.MalformedInputException(n > 0 ? n : 2);
                    }
                    return -1;
                }
                n += r;
            }
            int chars = n / 2;
            int lo = bigEndian ? 1 : 0;
            int hi = 1 - lo;
            for (int i = 0; i < chars; i++) {
                char c = (char) ((bytes[2 * i + lo] & 0xFF) | (bytes[2 * i + hi] & 0xFF) << 8);
                if (Character.isSurrogate(c)) {
                    boolean low = Character.isLowSurrogate(c);
                    if (low != highPending) {
                        throw new java.nio.charset.MalformedInputException(2);
                    }
                    highPending = !low;
                } else if (highPending) {
                    throw new java.nio.charset.MalformedInputException(2);
                }
                out[off + i] = c;
            }
            held = n - chars * 2;
            if (held > 0) {
                bytes[0] = bytes[n - 1];
            }
            return chars;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
