package org.tlsconf.registry.regfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.regfile.RegFileParseException.Problem;

/**
 * Reads {@code .reg} files in every form regedit and people produce: version 5 in UTF-16LE (with BOM, as
 * {@code reg export} writes), UTF-8 or ANSI; REGEDIT4; CRLF, LF or CR; with or without a final newline; comments;
 * {@code @} default values; escaped strings; {@code dword:}; {@code hex:} and {@code hex(0)}…{@code hex(b)} with
 * continuations; value deletions {@code "x"=-} and key deletions {@code [-KEY]}; the same key more than once;
 * short hive names. Anything else is reported with its line number and a hint, never skipped silently.
 */
public final class RegFileReader {

    static final int MAX_PROBLEMS = 50;

    private final String source;
    private final List<Problem> problems = new ArrayList<>();
    private RegFormat format;

    RegFileReader(String source) {
        this.source = source;
    }

    /**
     * Parses a whole file.
     *
     * @param source the file name to use in messages
     * @throws RegFileParseException listing every problem found
     */
    public static RegDocument parse(byte[] data, String source) {
        return new RegFileReader(source).read(data);
    }

    private RegDocument read(byte[] data) {
        RegEncoding encoding = detectEncoding(data);
        String text = decode(data, encoding);
        List<String> lines = splitLines(text);
        readHeader(lines.isEmpty() ? "" : lines.get(0));
        String newline = detectNewline(text);
        List<RegDocument.Item> items = new ArrayList<>();
        RegistryPath currentKey = null;
        boolean currentKeyDeleted = false;
        boolean currentKeyBroken = false;
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            String raw = lines.get(i);
            int lineNo = i + 1;
            String content = RegistryNames.trimBlanks(stripEnd(raw));
            if (content.isEmpty() || content.startsWith(";")) {
                items.add(new RegDocument.Trivia(raw));
                continue;
            }
            if (content.startsWith("[")) {
                RegDocument.KeyLine key = parseKeyLine(content, raw, lineNo);
                if (key == null) {
                    currentKey = null;
                    currentKeyBroken = true;
                    continue;
                }
                items.add(key);
                currentKey = key.path();
                currentKeyDeleted = key.delete();
                currentKeyBroken = false;
                continue;
            }
            if (content.startsWith("\"") || content.startsWith("@")) {
                StringBuilder logical = new StringBuilder(content);
                StringBuilder rawAll = new StringBuilder(raw);
                int firstLine = lineNo;
                // hex data continues on the next line when the line ends with a backslash
                while (isHexContinuation(logical) && i + 1 < lines.size()) {
                    logical.setLength(logical.length() - 1);
                    i++;
                    rawAll.append(lines.get(i));
                    logical.append(RegistryNames.trimBlanks(stripEnd(lines.get(i))));
                }
                if (isHexContinuation(logical)) {
                    unfinishedContinuation(firstLine);
                    continue;
                }
                if (currentKeyBroken) {
                    continue; // the key line above is already reported
                }
                if (misplacedValue(currentKey, currentKeyDeleted, firstLine)) {
                    continue;
                }
                RegDocument.ValueLine value = parseValueLine(currentKey, logical.toString(), rawAll.toString(),
                        firstLine);
                if (value != null) {
                    items.add(value);
                }
                continue;
            }
            if (strayLine(content, lineNo)) {
                currentKeyBroken = true;
            }
        }
        if (!problems.isEmpty()) {
            throw new RegFileParseException(source, problems);
        }
        return new RegDocument(encoding, format, lines.get(0), newline, items);
    }

    /** Reads the header line: sets the format, or fails (the file is not a .reg file). */
    void readHeader(String firstLine) {
        String first = stripEnd(firstLine);
        if (RegistryNames.same(first, RegFormat.V5.header())) {
            format = RegFormat.V5;
        } else if (RegistryNames.same(first, RegFormat.REGEDIT4.header())) {
            format = RegFormat.REGEDIT4;
        } else {
            String what = first.isEmpty() ? "the first line is empty" : "the first line is '" + abbreviate(first) + "'";
            throw fail(1, "not a .reg file: " + what,
                    "a .reg file starts with the line 'Windows Registry Editor Version 5.00' (or 'REGEDIT4')");
        }
    }

    /** Reports a hex value whose last line ends with a continuation backslash. */
    void unfinishedContinuation(int lineNo) {
        problem(lineNo, "hex data ends with a line continuation '\\' but the file ends",
                "remove the trailing backslash or add the missing bytes");
    }

    /** Reports a value line with no key above it, or under a {@code [-KEY]} line; true when it did. */
    boolean misplacedValue(RegistryPath currentKey, boolean currentKeyDeleted, int lineNo) {
        if (currentKey == null) {
            problem(lineNo, "value outside any key",
                    "put a key line such as [HKEY_LOCAL_MACHINE\\SOFTWARE\\...] above the value");
            return true;
        }
        if (currentKeyDeleted) {
            problem(lineNo, "value under a key deletion [-" + currentKey.toLongString() + "]",
                    "regedit ignores values below a [-KEY] line; remove the '-' or the value");
            return true;
        }
        return false;
    }

    /** Reports a line that is not a key, value or comment; true when it looks like a key missing its brackets. */
    boolean strayLine(String content, int lineNo) {
        problem(lineNo, "not a key, value or comment line: '" + abbreviate(content) + "'", hintForStray(content));
        return looksLikeKeyPath(content);
    }

    /** The format {@link #readHeader} found. */
    RegFormat format() {
        return format;
    }

    List<Problem> problems() {
        return problems;
    }

    String source() {
        return source;
    }

    // ---- encoding and lines -------------------------------------------------------------------------------

    private static RegEncoding detectEncoding(byte[] data) {
        for (RegEncoding e : new RegEncoding[] {RegEncoding.UTF16LE_BOM, RegEncoding.UTF16BE_BOM,
            RegEncoding.UTF8_BOM}) {
            if (RegEncoding.startsWith(data, e.bom())) {
                return e;
            }
        }
        byte[] regedit4 = RegFormat.REGEDIT4.header().getBytes(StandardCharsets.US_ASCII);
        if (RegEncoding.startsWith(data, regedit4)) {
            return RegEncoding.ANSI; // regedit reads REGEDIT4 files in the ANSI code page, whatever they contain
        }
        try {
            strict(StandardCharsets.UTF_8, data, 0);
            return RegEncoding.UTF8;
        } catch (CharacterCodingException e) {
            return RegEncoding.ANSI;
        }
    }

    private String decode(byte[] data, RegEncoding encoding) {
        if (encoding == RegEncoding.ANSI) {
            return Ansi.decode(data); // every byte has its character, as Windows reads the code page
        }
        try {
            return strict(encoding.charset(), data, encoding.bomLength());
        } catch (CharacterCodingException e) {
            throw notText(encoding.charset());
        }
    }

    /** The failure for bytes that do not decode in the file's encoding. */
    RegFileParseException notText(Charset charset) {
        return fail(1, "the file is not valid " + charset.name() + " text",
                "save it again with regedit, or as UTF-16LE/UTF-8 in a text editor");
    }

    private static String strict(Charset cs, byte[] data, int offset) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data, offset, data.length - offset)).toString();
    }

    /** Physical lines, each with its own terminator ({@code \r\n}, {@code \n} or {@code \r}) if it has one. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String detectNewline(String text) {
        int lf = text.indexOf('\n');
        if (lf > 0 && text.charAt(lf - 1) == '\r') {
            return "\r\n";
        }
        if (lf >= 0) {
            return "\n";
        }
        return text.indexOf('\r') >= 0 ? "\r" : "\r\n";
    }

    /** Removes the line terminator and trailing blanks. */
    static String stripEnd(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r'
                || raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        return raw.substring(0, end);
    }

    static boolean isHexContinuation(CharSequence logical) {
        int len = logical.length();
        if (len == 0 || logical.charAt(len - 1) != '\\') {
            return false;
        }
        // only hex data continues; a string value never ends with an unquoted backslash. Searched in place (no
        // copy of the line so far): a long hex value has thousands of continuation lines
        if (logical instanceof StringBuilder sb) {
            return sb.indexOf("=hex") >= 0 || sb.indexOf("= hex") >= 0;
        }
        String text = logical.toString();
        return text.contains("=hex") || text.contains("= hex");
    }

    // ---- key lines ----------------------------------------------------------------------------------------

    RegDocument.KeyLine parseKeyLine(String content, String raw, int lineNo) {
        int close = content.lastIndexOf(']');
        if (close < 0) {
            problem(lineNo, "key line has no closing ']'", "write the key as [HKEY_LOCAL_MACHINE\\...]");
            return null;
        }
        String after = RegistryNames.trimBlanks(content.substring(close + 1));
        if (!after.isEmpty() && !after.startsWith(";")) {
            int first = content.indexOf(']');
            String trailing = RegistryNames.trimBlanks(content.substring(first + 1));
            problem(lineNo, "text after the key's closing ']': '" + abbreviate(trailing) + "'",
                    "regedit does not apply values written on the key line; put each value on its own line below it");
            return null;
        }
        String inner = RegistryNames.trimBlanks(content.substring(1, close));
        boolean delete = inner.startsWith("-");
        if (delete) {
            inner = RegistryNames.trimBlanks(inner.substring(1));
        }
        try {
            RegistryPath path = RegistryPath.parse(inner);
            if (path.isHiveRoot()) {
                problem(lineNo, "key line names a whole hive: [" + inner + "]", "name a key below the hive");
                return null;
            }
            return new RegDocument.KeyLine(path, delete, raw, lineNo);
        } catch (IllegalArgumentException e) {
            problem(lineNo, e.getMessage(), "write the key as [HKEY_LOCAL_MACHINE\\SYSTEM\\...]");
            return null;
        }
    }

    // ---- value lines --------------------------------------------------------------------------------------

    RegDocument.ValueLine parseValueLine(RegistryPath key, String s, String raw, int lineNo) {
        int pos;
        String name;
        if (s.startsWith("@")) {
            name = "";
            pos = 1;
        } else {
            StringBuilder sb = new StringBuilder();
            pos = readQuoted(s, 0, sb, lineNo, "value name");
            if (pos < 0) {
                return null;
            }
            name = sb.toString();
        }
        pos = skipBlanks(s, pos);
        if (pos >= s.length() || s.charAt(pos) != '=') {
            problem(lineNo, "expected '=' after the value name " + RegFileWriter.nameToken(name),
                    "write \"Name\"=dword:00000001, \"Name\"=\"text\" or \"Name\"=hex:...");
            return null;
        }
        pos = skipBlanks(s, pos + 1);
        String data = s.substring(pos);
        RegistryValue value;
        if (data.equals("-") || (data.startsWith("-") && RegistryNames.trimBlanks(data.substring(1)).startsWith(";"))) {
            value = null;
        } else if (data.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            int end = readQuoted(data, 0, sb, lineNo, "string data");
            if (end < 0) {
                return null;
            }
            String rest = RegistryNames.trimBlanks(data.substring(end));
            if (!rest.isEmpty() && !rest.startsWith(";")) {
                problem(lineNo, "unexpected text after the string: '" + abbreviate(rest) + "'",
                        "a string value ends with its closing quote; escape quotes inside it as \\\"");
                return null;
            }
            value = RegistryValue.sz(sb.toString());
        } else {
            // no lower-case copy of the data: a hex value can be tens of megabytes on one line
            String body = stripComment(data);
            if (data.regionMatches(true, 0, "dword:", 0, 6)) {
                value = parseDword(RegistryNames.trimBlanks(body.substring(6)), lineNo);
            } else if (data.regionMatches(true, 0, "hex:", 0, 4)) {
                value = parseHex(ValueType.REG_BINARY, body, 4, lineNo);
            } else if (data.regionMatches(true, 0, "hex(", 0, 4)) {
                value = parseTypedHex(body, lineNo);
            } else {
                problem(lineNo, "unrecognised value data '" + abbreviate(data) + "'",
                        hintForData(data.toLowerCase(Locale.ROOT)));
                return null;
            }
            if (value == null) {
                return null;
            }
        }
        return new RegDocument.ValueLine(key, name, value, raw, lineNo);
    }

    /** Reads a quoted string at {@code start}; returns the index after the closing quote, or -1 on error. */
    private int readQuoted(String s, int start, StringBuilder out, int lineNo, String what) {
        if (start >= s.length() || s.charAt(start) != '"') {
            problem(lineNo, what + " must start with a double quote", "write \"Name\"=...");
            return -1;
        }
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    break;
                }
                char e = s.charAt(++i);
                if (e == '\\' || e == '"') {
                    out.append(e);
                } else {
                    problem(lineNo, "unknown escape '\\" + e + "' in " + what,
                            "in .reg strings write \\\\ for a backslash and \\\" for a quote");
                    return -1;
                }
            } else {
                out.append(c);
            }
        }
        problem(lineNo, what + " has no closing double quote", "close it with \" on the same line");
        return -1;
    }

    private RegistryValue parseDword(String digits, int lineNo) {
        if (digits.toLowerCase(Locale.ROOT).startsWith("0x")) {
            problem(lineNo, "dword data '" + digits + "' has a 0x prefix",
                    "write dword:" + leftPad(digits.substring(2)) + " (8 hex digits, no 0x)");
            return null;
        }
        if (digits.isEmpty() || digits.length() > 8 || !isHex(digits)) {
            problem(lineNo, "dword data '" + abbreviate(digits) + "' is not 1 to 8 hex digits",
                    "write dword:00000001, or dword:ffffffff for 4294967295; decimal numbers are not allowed");
            return null;
        }
        return RegistryValue.dword(Long.parseLong(digits, 16));
    }

    private RegistryValue parseTypedHex(String body, int lineNo) {
        int close = body.indexOf("):");
        String code = close < 0 ? "" : body.substring(4, close);
        if (close < 0 || code.isEmpty() || code.length() > 8 || !isHex(code)) {
            problem(lineNo, "malformed hex(N): type in '" + abbreviate(body) + "'",
                    "write hex(2): for REG_EXPAND_SZ, hex(7): for REG_MULTI_SZ, hex(b): for REG_QWORD");
            return null;
        }
        // an undocumented type number is kept with its bytes, as Windows stores it
        return parseHex(ValueType.of(Integer.parseUnsignedInt(code, 16)), body, close + 2, lineNo);
    }

    /**
     * Decodes {@code 0a,ff,00} from {@code list} starting at {@code from}: blanks around bytes are allowed, and one
     * trailing comma. One pass over the characters, no string per byte (a value can have millions of bytes).
     */
    private RegistryValue parseHex(ValueType type, String list, int from, int lineNo) {
        int start = from;
        int end = list.length();
        while (start < end && isBlank(list.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(list.charAt(end - 1))) {
            end--;
        }
        if (end > start && list.charAt(end - 1) == ',') {
            end--;
        }
        int count = start == end ? 0 : 1;
        for (int i = start; i < end; i++) {
            if (list.charAt(i) == ',') {
                count++;
            }
        }
        byte[] bytes = new byte[count];
        int partStart = start;
        for (int b = 0; b < count; b++) {
            int partEnd = list.indexOf(',', partStart);
            if (partEnd < 0 || partEnd > end) {
                partEnd = end;
            }
            int ps = partStart;
            int pe = partEnd;
            while (ps < pe && isBlank(list.charAt(ps))) {
                ps++;
            }
            while (pe > ps && isBlank(list.charAt(pe - 1))) {
                pe--;
            }
            int hi = pe - ps == 2 ? hexValue(list.charAt(ps)) : pe - ps == 1 ? 0 : -1;
            int lo = pe - ps >= 1 ? hexValue(list.charAt(pe - 1)) : -1;
            if (hi < 0 || lo < 0) {
                problem(lineNo, "'" + abbreviate(list.substring(ps, pe)) + "' is not a hex byte (byte " + (b + 1)
                        + ")", "hex data is two-digit hex bytes separated by commas: hex:0a,ff,00");
                return null;
            }
            bytes[b] = (byte) (hi << 4 | lo);
            partStart = partEnd + 1;
        }
        if (format == RegFormat.REGEDIT4 && RegFileWriter.holdsAnsiText(type)) {
            // REGEDIT4 keeps these strings as ANSI bytes; Windows stores them as UTF-16LE
            bytes = Ansi.decode(bytes).getBytes(StandardCharsets.UTF_16LE);
        }
        return RegistryValue.fromBytes(type, bytes);
    }

    // ---- hints --------------------------------------------------------------------------------------------

    private static String hintForData(String lower) {
        if (lower.startsWith("qword:")) {
            return "regedit has no qword: form; write a REG_QWORD as hex(b): with 8 little-endian bytes";
        }
        if (lower.startsWith("(dword)") || lower.contains("0x")) {
            return "write a DWORD as dword:00000aa0 (8 hex digits, no 0x)";
        }
        if (lower.matches("\\d+")) {
            return "numbers need a type: dword:0000000" + (lower.length() == 1 ? lower : "1") + "";
        }
        return "expected \"text\", dword:XXXXXXXX, hex:.., hex(N):.. or - to delete the value";
    }

    private static String hintForStray(String content) {
        if (looksLikeKeyPath(content)) {
            return "key paths must be in square brackets: [" + stripTrailingBackslash(content) + "]";
        }
        if (content.contains("=")) {
            return "value names must be in double quotes: \"Name\"=dword:00000001";
        }
        return "lines are [KEY], \"Name\"=data, @=data, or ; comments";
    }

    private static boolean looksLikeKeyPath(String content) {
        int slash = content.indexOf('\\');
        String head = slash < 0 ? content : content.substring(0, slash);
        return Hive.fromName(RegistryNames.trimBlanks(head)).isPresent() && !content.contains("=");
    }

    private static String stripTrailingBackslash(String s) {
        return s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
    }

    private static String stripComment(String data) {
        int semi = data.indexOf(';');
        return RegistryNames.trimBlanks(semi < 0 ? data : data.substring(0, semi));
    }

    private static int skipBlanks(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    /** ASCII hex digits only: regedit rejects the full-width and other Unicode digits Java's parsers accept. */
    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (hexValue(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of one hex digit, or -1: the one rule for hex digits in {@code dword:}, {@code hex:} and types (ASCII
     * only: Windows rejects full-width digits).
     */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String leftPad(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        return h.length() >= 8 ? h : "0".repeat(8 - h.length()) + h;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    void problem(int line, String message, String hint) {
        problems.add(new Problem(line, message, hint));
    }

    RegFileParseException fail(int line, String message, String hint) {
        problems.add(new Problem(line, message, hint));
        return new RegFileParseException(source, problems);
    }
}
