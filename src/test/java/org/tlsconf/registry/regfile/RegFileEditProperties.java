package org.tlsconf.registry.regfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryScope;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.testing.RegText;

/**
 * Fuzzed edit sessions on {@code .reg} files: a random file (REGEDIT4 in ANSI, or version 5 in UTF-16LE or UTF-8;
 * repeated keys, {@code [-KEY]} deletions, value deletions, comments, ANSI {@code hex(1)/hex(2)/hex(7)} data,
 * undocumented types), then random edits through {@link RegFileRegistry} with saves in between. After every save
 * the file's bytes, parsed again on their own, must describe exactly the intended registry: the original file's
 * content with the accepted edits applied to an in-memory model. An edit the file cannot hold must be refused and
 * leave everything as it was.
 */
class RegFileEditProperties {

    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final RegistryPath ROOT = RegistryPath.of(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE", "T");
    /** Key names that collide or not under Windows' folding, and one with trailing Unicode white space. */
    private static final List<String> KEYS = List.of("A", "a", "A\\B", "Straße", "STRASSE", "\u0130", "i",
            "C\u3000");
    private static final List<String> NAMES = List.of("", "x", "X", "Enabled", "\u00e9", "\u00df", "SS", "\u0130",
            "i", "a b");
    /** Text with characters in and out of windows-1252, quotes, backslashes and line breaks. */
    private static final List<String> TEXT_PARTS = List.of("a", "Z", "\u00e9", "\u20ac", "\"", "\\", " ", "%x%",
            "\u2192", "\u4e2d", "\r\n", "\n", "\u0081");

    private enum Kind { REGEDIT4_ANSI, V5_UTF16, V5_UTF8 }

    /** One edit: what it does, on which key and name, with which value. */
    record Edit(int op, String key, String name, RegistryValue value) {
    }

    @Property(tries = 1000)
    void editsThenSaveReadBackAsTheIntendedRegistry(@ForAll("kinds") Kind kind, @ForAll("files") List<String> body,
            @ForAll("edits") List<Edit> edits, @ForAll("crlf") boolean crlf) throws IOException {
        Path dir = Files.createTempDirectory("regfuzz");
        try {
            Path file = dir.resolve("host.reg");
            byte[] original = encode(kind, body, crlf);
            Files.write(file, original);
            RegFileRegistry reg = RegFileRegistry.open(file);
            InMemoryRegistry model = RegFileReader.parse(original, "model").replay("model");
            KeyLines lines = KeyLines.of(body);

            reg.save(); // an untouched file comes back byte for byte
            assertArrayEquals(original, Files.readAllBytes(file));

            for (int i = 0; i < edits.size(); i++) {
                Edit e = edits.get(i);
                RegistryPath key = path(e.key());
                boolean accepted = true;
                try {
                    apply(reg, e, key);
                } catch (RegistryException refused) {
                    accepted = false; // refused: the file cannot hold it, or the key is missing or not empty
                }
                if (accepted) {
                    boolean existed = model.keyExists(key);
                    apply(model, e, key);
                    lines.follow(model, e, key, existed);
                }
                Statistics.label("edits").collect(accepted ? "accepted" : "refused");
                assertSame(model, view(reg), "after edit " + i + " " + e + (accepted ? "" : " (refused)"));
                if (i % 4 == 3 || i == edits.size() - 1) {
                    reg.save();
                    byte[] saved = Files.readAllBytes(file);
                    RegDocument reread = RegFileReader.parse(saved, "reread");
                    assertEquals(kind == Kind.REGEDIT4_ANSI ? RegFormat.REGEDIT4 : RegFormat.V5, reread.format());
                    assertSame(model, reread.replay("reread"), "file after edit " + i + ":\n" + text(kind, saved));
                    Statistics.label("saves").collect(kind);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** The scoped editor holds T\\A's subtree; T's other keys are lines it only copies. */
    private static final RegistryPath HELD = ROOT.child("A");
    private static final RegistryScope SCOPE = new RegistryScope(List.of(HELD), List.of());

    /**
     * The editor that holds only the keys in scope (what {@code apply} uses, so that a full {@code reg export HKLM}
     * takes little memory) accepts and refuses the same edits as the editor that holds the whole file, reports the
     * same keys and values in scope, and writes the very same bytes after every save.
     */
    @Property(tries = 1000)
    void aScopedEditorWritesWhatTheWholeFileEditorWrites(@ForAll("kinds") Kind kind,
            @ForAll("scopedFiles") List<String> body, @ForAll("scopedEdits") List<Edit> edits,
            @ForAll("crlf") boolean crlf) throws IOException {
        Path dir = Files.createTempDirectory("regscope");
        try {
            byte[] original = encode(kind, body, crlf);
            Path wholeFile = dir.resolve("whole.reg");
            Path scopedFile = dir.resolve("scoped.reg");
            Files.write(wholeFile, original);
            Files.write(scopedFile, original);
            RegFileRegistry whole = RegFileRegistry.open(wholeFile);
            RegFileRegistry scoped = RegFileRegistry.open(scopedFile, SCOPE);
            Statistics.label("lines not held").collect(scoped.document().items().stream()
                    .anyMatch(item -> item instanceof RegDocument.Opaque));
            scoped.save();
            assertArrayEquals(original, Files.readAllBytes(scopedFile));
            for (int i = 0; i < edits.size(); i++) {
                Edit e = edits.get(i);
                RegistryPath key = path(e.key());
                String a = outcome(whole, e, key);
                String b = outcome(scoped, e, key);
                assertEquals(a, b, "edit " + i + " " + e);
                assertSame(InMemoryRegistry.copyOf(whole, List.of(HELD)), InMemoryRegistry.copyOf(scoped,
                        List.of(HELD)), "after edit " + i + " " + e);
                assertEquals(whole.keyExists(ROOT), scoped.keyExists(ROOT), "T exists after edit " + i);
                if (i % 4 == 3 || i == edits.size() - 1) {
                    whole.save();
                    scoped.save();
                    assertArrayEquals(Files.readAllBytes(wholeFile), Files.readAllBytes(scopedFile),
                            "after edit " + i + ":\n" + text(kind, Files.readAllBytes(wholeFile)) + "\n---\n"
                            + text(kind, Files.readAllBytes(scopedFile)));
                    Statistics.label("scoped saves").collect(kind);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * What {@code apply} then {@code restore} do to a file: keys and values added (new ones only), the file saved
     * and read again, then those values deleted and the keys that were created removed, deepest first. The file
     * comes back byte for byte: comments, blank lines and a missing final newline included.
     */
    @Property(tries = 1000)
    void addingKeysAndValuesThenRemovingThemGivesTheFileBackByteForByte(@ForAll("kinds") Kind kind,
            @ForAll("files") List<String> body, @ForAll("edits") List<Edit> edits, @ForAll("crlf") boolean crlf,
            @ForAll("crlf") boolean finalNewline) throws IOException {
        // as regedit and reg export write them: no [-KEY] lines (a value set on a key that only a later subkey line
        // brings back after its deletion needs a section of its own, which stays when the value goes again)
        net.jqwik.api.Assume.that(body.stream().noneMatch(l -> l.startsWith("[-")));
        Path dir = Files.createTempDirectory("regundo");
        try {
            byte[] encoded = encode(kind, body, crlf);
            byte[] original = finalNewline ? encoded : java.util.Arrays.copyOf(encoded, encoded.length
                    - (crlf ? 2 : 1) * (kind == Kind.V5_UTF16 ? 2 : 1));
            Path file = dir.resolve("host.reg");
            Files.write(file, original);
            RegFileRegistry reg = RegFileRegistry.open(file);
            // keys with a [line] of their own; one that exists only through a subkey's line gains a section when a
            // value is set on it, and keeps that (empty) section when the value goes again
            java.util.Set<RegistryPath> ownLine = new java.util.HashSet<>();
            for (String l : body) {
                if (l.startsWith("[H")) {
                    ownLine.add(RegistryPath.parse(l.substring(1, l.length() - 1)));
                }
            }
            List<RegistryPath> created = new ArrayList<>();
            List<Tuple.Tuple2<RegistryPath, String>> added = new ArrayList<>();
            for (Edit e : edits) {
                RegistryPath key = path(e.key());
                if (reg.keyExists(key) && !ownLine.contains(key) && !created.contains(key)) {
                    continue;
                }
                try {
                    if (!reg.keyExists(key)) {
                        for (RegistryPath p : key.selfAndAncestors()) {
                            if (p.isAtOrBelow(ROOT) && !reg.keyExists(p)) {
                                created.add(p);
                            }
                        }
                        reg.createKey(key);
                    }
                    if (reg.readValue(key, e.name()).isEmpty()) {
                        reg.setValue(key, e.name(), e.value());
                        added.add(Tuple.of(key, e.name()));
                    }
                } catch (RegistryException refused) {
                    // a value this file cannot hold (REGEDIT4): not added
                }
            }
            reg.save();
            RegFileRegistry again = RegFileRegistry.open(file);
            for (Tuple.Tuple2<RegistryPath, String> v : added) {
                again.deleteValue(v.get1(), v.get2());
            }
            created.sort((a, b) -> b.names().size() - a.names().size());
            for (RegistryPath k : created) {
                again.deleteEmptyKey(k);
            }
            again.save();
            Statistics.label("added keys").collect(created.isEmpty() ? "none" : "some");
            assertArrayEquals(original, Files.readAllBytes(file), () -> {
                try {
                    return "added " + added + ", created " + created + ":\n" + text(kind, original) + "\n---\n"
                            + text(kind, Files.readAllBytes(file));
                } catch (IOException x) {
                    return x.toString();
                }
            });
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String outcome(RegFileRegistry r, Edit e, RegistryPath key) {
        try {
            apply(r, e, key);
            return "accepted";
        } catch (RegistryException refused) {
            return "refused: " + refused.getClass().getSimpleName();
        }
    }

    private static void apply(org.tlsconf.registry.Registry r, Edit e, RegistryPath key) {
        switch (e.op()) {
            case 0, 1, 2 -> r.setValue(key, e.name(), e.value());
            case 3 -> r.deleteValue(key, e.name());
            case 4 -> r.createKey(key);
            default -> r.deleteEmptyKey(key);
        }
    }

    /**
     * The oracle of which keys a {@code .reg} file makes exist, kept apart from the code under test: a key exists
     * while a {@code [line]} for it or for a key below it comes after its last deletion (its own or an ancestor's),
     * as when the file is read again. An ancestor that no line keeps and that holds nothing goes with the last
     * key below it, as it does when the saved file is read.
     */
    private static final class KeyLines {
        private final List<RegistryPath> paths = new ArrayList<>();
        private final List<Boolean> deletions = new ArrayList<>();

        static KeyLines of(List<String> body) {
            KeyLines lines = new KeyLines();
            String prefix = "HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\";
            for (String l : body) {
                if (l.startsWith("[")) {
                    boolean delete = l.startsWith("[-");
                    String k = l.substring(delete ? 2 : 1, l.length() - 1);
                    lines.add(path(k.substring(prefix.length())), delete);
                }
            }
            return lines;
        }

        private void add(RegistryPath key, boolean delete) {
            paths.add(key);
            deletions.add(delete);
        }

        /** After an accepted edit: new keys and keys given values get their own line; a deletion prunes. */
        void follow(InMemoryRegistry model, Edit e, RegistryPath key, boolean existed) {
            switch (e.op()) {
                case 0, 1, 2 -> add(key, false);
                case 3 -> { }
                case 4 -> {
                    if (!existed) {
                        add(key, false);
                    }
                }
                default -> {
                    if (!existed) {
                        return;
                    }
                    for (int i = paths.size() - 1; i > lastDeletionOf(key); i--) {
                        if (!deletions.get(i) && paths.get(i).isAtOrBelow(key)) {
                            paths.remove(i);
                            deletions.remove(i);
                        }
                    }
                    for (RegistryPath p = key.parent(); p != null && model.keyExists(p) && !makesExist(p)
                            && model.values(p).isEmpty() && model.subKeys(p).isEmpty();
                            p = p.names().size() > 1 ? p.parent() : null) {
                        model.deleteEmptyKey(p);
                    }
                }
            }
        }

        private int lastDeletionOf(RegistryPath key) {
            for (int i = paths.size() - 1; i >= 0; i--) {
                if (deletions.get(i) && key.isAtOrBelow(paths.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        private boolean makesExist(RegistryPath key) {
            for (int i = lastDeletionOf(key) + 1; i < paths.size(); i++) {
                if (!deletions.get(i) && paths.get(i).isAtOrBelow(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void assertSame(InMemoryRegistry expected, InMemoryRegistry actual, String when) {
        Optional<String> difference = expected.firstDifference(actual);
        assertEquals(Optional.empty(), difference, when);
    }

    /** What the file registry says it holds, copied key by key in the spelling it reports. */
    private static InMemoryRegistry view(RegFileRegistry reg) {
        return InMemoryRegistry.copyOf(reg, List.of(RegistryPath.of(Hive.HKEY_LOCAL_MACHINE, "SOFTWARE")));
    }

    private static RegistryPath path(String key) {
        RegistryPath p = ROOT;
        for (String n : key.split("\\\\")) {
            p = p.child(n);
        }
        return p;
    }

    // ---- the random file ------------------------------------------------------------------------------------

    private static byte[] encode(Kind kind, List<String> body, boolean crlf) {
        String nl = crlf ? "\r\n" : "\n";
        String header = kind == Kind.REGEDIT4_ANSI ? "REGEDIT4" : "Windows Registry Editor Version 5.00";
        String text = header + nl + nl + String.join("\n", body).replace("\n", nl) + nl;
        return switch (kind) {
            case REGEDIT4_ANSI -> text.getBytes(ANSI);
            case V5_UTF16 -> RegText.withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE);
            case V5_UTF8 -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String text(Kind kind, byte[] bytes) {
        return switch (kind) {
            case REGEDIT4_ANSI -> new String(bytes, ANSI);
            case V5_UTF16 -> new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
            case V5_UTF8 -> new String(bytes, StandardCharsets.UTF_8);
        };
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(Kind.class);
    }

    @Provide
    Arbitrary<Boolean> crlf() {
        return Arbitraries.of(true, false);
    }

    /** Lines of a file body, written by hand (not by the writer under test); all of it in windows-1252. */
    @Provide
    Arbitrary<List<String>> files() {
        return files(KEYS);
    }

    /** Keys in and out of the scoped editor's scope (below T\\A, and T's other keys). */
    private static final List<String> SCOPED_KEYS = scopedKeys();

    private static List<String> scopedKeys() {
        List<String> keys = new ArrayList<>(KEYS);
        for (String k : KEYS) {
            keys.add("A\\" + k);
            keys.add("a\\" + k);
        }
        return keys;
    }

    @Provide
    Arbitrary<List<String>> scopedFiles() {
        return files(SCOPED_KEYS);
    }

    @Provide
    Arbitrary<List<Edit>> scopedEdits() {
        return edits(SCOPED_KEYS.stream().filter(k -> k.length() > 2 && k.substring(0, 2).equalsIgnoreCase("A\\"))
                .toList());
    }

    private static Arbitrary<List<String>> files(List<String> keys) {
        Arbitrary<String> keyLine = Arbitraries.of(keys).filter(k -> !k.contains("\u3000") && !k.equals("\u0130"))
                .flatMap(k -> Arbitraries.of("[", "[", "[", "[-").map(open -> open + "HKEY_LOCAL_MACHINE\\SOFTWARE\\T\\"
                        + k + "]"));
        Arbitrary<String> name = Arbitraries.of("", "x", "X", "Enabled", "\u00e9", "\u00df", "SS", "i", "a b")
                .map(n -> n.isEmpty() ? "@" : "\"" + n + "\"");
        Arbitrary<String> hexBytes = Arbitraries.bytes().list().ofMaxSize(12).map(RegFileEditProperties::hexList);
        Arbitrary<String> data = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(v -> String.format("dword:%08x", v)),
                Arbitraries.strings().withChars("ab\u00e9\u20ac ").ofMaxLength(6).map(s -> "\"" + s + "\""),
                Arbitraries.of("\"a\\\\b\\\"c\"", "-"),
                hexBytes.map(h -> "hex:" + h),
                Arbitraries.of("1", "2", "7", "0", "b", "ffff0012").flatMap(t -> hexBytes.map(h -> "hex(" + t + "):" + h)),
                Arbitraries.of("hex(1):31,32", "hex(7):e9,00,81,00,00", "hex(2):80,00",
                        "hex:01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,18,19,1a,\\\n  1b,1c"));
        Arbitrary<String> valueLine = Combinators.combine(name, data).as((n, d) -> n + "=" + d);
        Arbitrary<String> trivia = Arbitraries.of("", "; comment \u00e9", "  ");
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(3, keyLine), Tuple.of(6, valueLine),
                Tuple.of(2, trivia));
        return Combinators.combine(keyLine.filter(l -> l.startsWith("[H")), line.list().ofMaxSize(25))
                .as((first, rest) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(first);
                    boolean deleted = false;
                    for (String l : rest) {
                        if (l.startsWith("[")) {
                            deleted = l.startsWith("[-");
                        } else if (deleted && !l.isBlank() && !l.startsWith(";")) {
                            continue; // regedit ignores values below [-KEY]; the reader rejects them
                        }
                        lines.add(l);
                    }
                    return lines;
                });
    }

    private static String hexList(List<Byte> bytes) {
        List<String> parts = new ArrayList<>();
        for (byte b : bytes) {
            parts.add(HexFormat.of().toHexDigits(b));
        }
        return String.join(",", parts);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return edits(KEYS);
    }

    private static Arbitrary<List<Edit>> edits(List<String> keys) {
        Arbitrary<String> text = Arbitraries.of(TEXT_PARTS).list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join("", parts));
        Arbitrary<RegistryValue> value = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(RegistryValue::dword),
                Arbitraries.longs().map(RegistryValue::qword),
                text.map(RegistryValue::sz),
                text.map(RegistryValue::expandSz),
                text.list().ofMaxSize(3).map(RegistryValue::multiSz),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(RegistryValue::binary),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5).map(b -> new RegistryValue.Binary(
                        ValueType.REG_SZ, b)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5).map(b -> new RegistryValue.Binary(
                        ValueType.of(0xffff0012), b)));
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.of(keys), Arbitraries.of(NAMES),
                value).as(Edit::new).list().ofMinSize(1).ofMaxSize(16);
    }
}
