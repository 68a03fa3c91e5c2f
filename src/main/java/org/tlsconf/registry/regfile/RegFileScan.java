package org.tlsconf.registry.regfile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

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

    /**
     * What a command reads: whole subtrees, and single keys (their values; not their subkeys). Whether the keys on
     * the way to them exist is known too.
     */
    public record Scope(List<RegistryPath> subtrees, List<RegistryPath> keys) {
        public Scope {
            subtrees = List.copyOf(subtrees);
            keys = List.copyOf(keys);
        }

        /** True when the values of {@code key} are read. */
        boolean reads(RegistryPath key) {
            return below(key) || keys.contains(key);
        }

        /** True when {@code key} lies in one of the subtrees (so its subkeys are known too). */
        boolean below(RegistryPath key) {
            for (RegistryPath root : subtrees) {
                if (key.isAtOrBelow(root)) {
                    return true;
                }
            }
            return false;
        }

        /** True when whether {@code key} exists is known: read, or on the way to something read. */
        boolean knowsExistence(RegistryPath key) {
            if (reads(key)) {
                return true;
            }
            for (RegistryPath p : subtrees) {
                if (p.isAtOrBelow(key)) {
                    return true;
                }
            }
            for (RegistryPath p : keys) {
                if (p.isAtOrBelow(key)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The deepest key whose existence {@code key}'s presence implies and this scope knows about, or null: the
         * key itself when it is read, else its deepest ancestor on the way to something read.
         */
        RegistryPath existenceOf(RegistryPath key) {
            if (reads(key)) {
                return key;
            }
            int deepest = Math.max(deepestCommon(key, subtrees), deepestCommon(key, keys));
            return deepest == 0 ? null : key.ancestor(deepest);
        }

        private static int deepestCommon(RegistryPath key, List<RegistryPath> roots) {
            int deepest = 0;
            for (RegistryPath root : roots) {
                deepest = Math.max(deepest, key.commonDepth(root));
            }
            return deepest;
        }
    }

    private static final int HEADER_MAX = 200;

    private RegFileScan() {
    }

    /**
     * Reads {@code file} within {@code scope}.
     *
     * @throws RegFileParseException when a line it reads is malformed (every problem listed, with line numbers)
     * @throws RegistryException when the file cannot be read
     */
    public static Registry read(Path file, Scope scope) {
        try {
            Charset charset = charsetOf(file);
            try {
                return scan(file, charset, scope);
            } catch (CharacterCodingException e) {
                if (charset != StandardCharsets.UTF_8 || bomLength(file) != 0) {
                    throw notText(file, charset);
                }
            }
            try {
                return scan(file, RegEncoding.ANSI.charset(), scope); // not UTF-8: the ANSI code page
            } catch (CharacterCodingException e) {
                throw notText(file, RegEncoding.ANSI.charset());
            }
        } catch (NoSuchFileException e) {
            throw new RegistryException("registry file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new RegistryAccessDeniedException("cannot read registry file " + file + ": access denied", e);
        } catch (IOException e) {
            throw new RegistryException("cannot read registry file " + file + ": " + e.getMessage(), e);
        }
    }

    private static RegFileParseException notText(Path file, Charset charset) {
        return new RegFileReader(file.toString()).notText(charset);
    }

    /** The charset as {@link RegFileReader} chooses it: a byte order mark, REGEDIT4 (ANSI), else UTF-8. */
    private static Charset charsetOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        for (RegEncoding e : new RegEncoding[] {RegEncoding.UTF16LE_BOM, RegEncoding.UTF16BE_BOM,
            RegEncoding.UTF8_BOM}) {
            if (RegEncoding.startsWith(head, e.bom())) {
                return e.charset();
            }
        }
        if (RegEncoding.startsWith(head, RegFormat.REGEDIT4.header().getBytes(StandardCharsets.US_ASCII))) {
            return RegEncoding.ANSI.charset();
        }
        return StandardCharsets.UTF_8;
    }

    private static int bomLength(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        for (RegEncoding e : RegEncoding.values()) {
            if (e.bomLength() > 0 && RegEncoding.startsWith(head, e.bom())) {
                return e.bomLength();
            }
        }
        return 0;
    }

    private static Registry scan(Path file, Charset charset, Scope scope) throws IOException {
        RegFileReader reader = new RegFileReader(file.toString());
        InMemoryRegistry state = new InMemoryRegistry(RegFileRegistry.describe(file));
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.skipNBytes(bomLength(file));
            Reader text = charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE
                    ? new Utf16Reader(raw, charset == StandardCharsets.UTF_16BE)
                    : new InputStreamReader(raw, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
            Lines lines = new Lines(text);
            reader.readHeader(lines.header());
            RegistryPath currentKey = null;
            boolean deleted = false;
            boolean broken = false;
            boolean inScope = false;
            while (lines.next() && reader.problems().size() < RegFileReader.MAX_PROBLEMS) {
                int first = lines.first();
                int lineNo = lines.number();
                if (first < 0 || first == ';') {
                    lines.skip();
                } else if (first == '[') {
                    String content = RegFileReader.trimBlanks(RegFileReader.stripEnd(lines.rest()));
                    RegDocument.KeyLine key = reader.parseKeyLine(content, content, lineNo);
                    if (key == null) {
                        currentKey = null;
                        broken = true;
                        inScope = false;
                        continue;
                    }
                    currentKey = key.path();
                    deleted = key.delete();
                    broken = false;
                    inScope = !deleted && scope.reads(currentKey);
                    if (deleted) {
                        state.removeTree(currentKey);
                    } else {
                        RegistryPath known = scope.existenceOf(currentKey);
                        if (known != null) {
                            state.createKey(known);
                        }
                    }
                } else if (first == '"' || first == '@') {
                    if (!inScope && !broken && currentKey != null && !deleted) {
                        lines.skip(); // its continuation lines, if any, are skipped with the out-of-scope lines
                        continue;
                    }
                    // in scope, or a line the full reader reports: read it as the full reader does
                    StringBuilder logical = new StringBuilder(RegFileReader.trimBlanks(RegFileReader.stripEnd(lines.rest())));
                    while (RegFileReader.isHexContinuation(logical) && lines.next()) {
                        logical.setLength(logical.length() - 1);
                        logical.append(RegFileReader.trimBlanks(RegFileReader.stripEnd(lines.rest())));
                    }
                    if (RegFileReader.isHexContinuation(logical)) {
                        reader.unfinishedContinuation(lineNo);
                    } else if (!broken && !reader.misplacedValue(currentKey, deleted, lineNo)) {
                        RegDocument.ValueLine value = reader.parseValueLine(currentKey, logical.toString(), "",
                                lineNo);
                        if (value != null && value.isDeletion()) {
                            state.deleteValue(currentKey, value.name());
                        } else if (value != null) {
                            state.setValue(currentKey, value.name(), value.value());
                        }
                    }
                } else if (inScope || currentKey == null) {
                    if (reader.strayLine(RegFileReader.trimBlanks(RegFileReader.stripEnd(lines.rest())), lineNo)) {
                        broken = true;
                        inScope = false;
                    }
                } else {
                    lines.skip(); // continuation lines of skipped hex values, and whatever else lies out of scope
                }
            }
        }
        if (!reader.problems().isEmpty()) {
            throw new RegFileParseException(reader.source(), reader.problems());
        }
        return new Scoped(state, scope);
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
        private boolean started;
        private boolean pending;

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
            started = true;
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
                pos++;
            }
            return -1;
        }

        /** The rest of the current line (without its terminator), consuming it. */
        String rest() throws IOException {
            StringBuilder sb = new StringBuilder();
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

        /** Consumes a line terminator: CRLF, LF or CR. */
        private void endLine() throws IOException {
            pending = false;
            if (!available()) {
                return;
            }
            char c = buf[pos++];
            if (c == '\r' && available() && buf[pos] == '\n') {
                pos++;
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

    /** The registry a scan read: read-only, and only within its scope. */
    private static final class Scoped implements Registry {
        private final InMemoryRegistry state;
        private final Scope scope;

        Scoped(InMemoryRegistry state, Scope scope) {
            this.state = state;
            this.scope = scope;
        }

        private void require(boolean known, RegistryPath key) {
            if (!known) {
                throw new IllegalStateException("internal error: " + key + " was not read from the file (a "
                        + "read-only command reads only the TLS keys)");
            }
        }

        @Override
        public Optional<RegistryValue> readValue(RegistryPath key, String name) {
            require(scope.reads(key), key);
            return state.readValue(key, name);
        }

        @Override
        public Map<String, RegistryValue> values(RegistryPath key) {
            require(scope.reads(key), key);
            return state.values(key);
        }

        @Override
        public List<String> subKeys(RegistryPath key) {
            require(scope.below(key), key);
            return state.subKeys(key);
        }

        @Override
        public boolean keyExists(RegistryPath key) {
            require(scope.knowsExistence(key), key);
            return state.keyExists(key);
        }

        @Override
        public void createKey(RegistryPath key) {
            throw readOnly();
        }

        @Override
        public void setValue(RegistryPath key, String name, RegistryValue value) {
            throw readOnly();
        }

        @Override
        public void deleteValue(RegistryPath key, String name) {
            throw readOnly();
        }

        @Override
        public void deleteEmptyKey(RegistryPath key) {
            throw readOnly();
        }

        private static IllegalStateException readOnly() {
            return new IllegalStateException("internal error: a registry file opened for reading was written to");
        }

        @Override
        public String describe() {
            return state.describe();
        }
    }
}
