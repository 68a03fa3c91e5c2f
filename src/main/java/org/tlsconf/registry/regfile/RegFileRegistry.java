package org.tlsconf.registry.regfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.AtomicFile;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryKeyNotFoundException;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryScope;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegDocument.Item;
import org.tlsconf.registry.regfile.RegDocument.KeyLine;
import org.tlsconf.registry.regfile.RegDocument.Opaque;
import org.tlsconf.registry.regfile.RegDocument.Trivia;
import org.tlsconf.registry.regfile.RegDocument.ValueLine;

/**
 * A registry held in a {@code .reg} file. Reads see the file as if it had been imported into an empty registry.
 * Writes change the file's lines in place (a changed value keeps its position; a new value goes to the end of its
 * key; a new key goes after its parent's subtree), so every line that was not changed — comments included — is
 * written back byte for byte, in the file's own encoding, header and line terminators. {@link #save()} replaces
 * the file atomically.
 */
public final class RegFileRegistry implements Registry {

    private final Path file;
    /** What was read of the file, or null for all of it. */
    private final RegistryScope scope;
    private RegDocument document;
    private final InMemoryRegistry state;
    /** The file's bytes as read (whole-file mode). */
    private byte[] onDisk;
    /** Scoped mode: the checksum of the file as read, and of its key and value lines out of scope. */
    private long fileChecksum;
    private final long opaqueChecksum;
    private boolean dirty;

    private RegFileRegistry(Path file, RegDocument document, byte[] onDisk) {
        this.file = file;
        this.scope = null;
        this.document = document;
        this.state = document.replay(describe(file));
        this.onDisk = onDisk;
        this.opaqueChecksum = 0;
    }

    private RegFileRegistry(Path file, RegistryScope scope, RegFileScan.Edited edited) {
        this.file = file;
        this.scope = scope;
        this.document = edited.document();
        this.state = document.replay(describe(file));
        this.fileChecksum = edited.fileChecksum();
        this.opaqueChecksum = edited.opaqueChecksum();
    }

    /**
     * Reads a {@code .reg} file for reading and changing the keys in {@code scope} only: every line is checked, but
     * only the sections in scope are held in memory (a full {@code reg export HKLM} of hundreds of MB takes little
     * memory); the rest is copied from the file when it is saved. Reads are answered within the scope; values may
     * be written, and keys created and removed, only below its subtrees.
     *
     * @throws RegFileParseException when the file is malformed (every problem listed, with line numbers)
     * @throws RegistryException when it cannot be read
     */
    public static RegFileRegistry open(Path file, RegistryScope scope) {
        return new RegFileRegistry(file, scope, RegFileScan.edit(file, scope));
    }

    /**
     * Reads a {@code .reg} file.
     *
     * @throws RegFileParseException when the file is malformed (every problem listed, with line numbers)
     * @throws RegistryException when it cannot be read
     */
    public static RegFileRegistry open(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        return new RegFileRegistry(file, RegFileReader.parse(data, file.toString()), data);
    }

    /** The failure for a {@code .reg} file that cannot be read: missing, access denied (exit 5), or else. */
    static RegistryException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new RegistryException("registry file not found: " + file);
        }
        if (e instanceof AccessDeniedException) {
            return new RegistryAccessDeniedException("cannot read registry file " + file + ": access denied", e);
        }
        return new RegistryException("cannot read registry file " + file + ": " + e.getMessage(), e);
    }

    static String describe(Path file) {
        return "registry file " + file;
    }

    public Path file() {
        return file;
    }

    public RegDocument document() {
        return document;
    }

    /** True when a write has changed the file since it was opened or last saved. */
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public Optional<RegistryValue> readValue(RegistryPath key, String name) {
        require(scope == null || scope.reads(key), key);
        return state.readValue(key, name);
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        require(scope == null || scope.reads(key), key);
        return state.values(key);
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        require(scope == null || scope.below(key), key);
        return state.subKeys(key);
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        require(scope == null || scope.knowsExistence(key), key);
        return state.keyExists(key);
    }

    /** In scoped mode, a key outside the scope is a programming error: fail loudly rather than answer "absent". */
    private void require(boolean known, RegistryPath key) {
        if (!known) {
            throw new IllegalStateException("internal error: " + key + " was not read from " + file
                    + " (only the TLS keys are)");
        }
    }

    /**
     * In scoped mode, writes stay strictly below the scope's subtrees: all the lines of the key and of its parent's
     * subtree are held, so a new line goes where it goes in whole-file mode.
     */
    private void requireWritable(RegistryPath key) {
        require(scope == null || key.names().size() > 1 && scope.below(key.parent()), key);
    }

    @Override
    public void createKey(RegistryPath key) {
        requireWritable(key);
        requireEncodable(RegFileWriter.keyLine(key, false, document.newline()), "key " + key);
        if (!state.keyExists(key)) {
            // one [key] line; missing ancestors come with it, as when the file is imported (a partial export lacks
            // them, and adding [HKEY_LOCAL_MACHINE\SOFTWARE] etc. would change the file for nothing)
            insertKeySection(key);
            state.createKey(key);
            dirty = true;
        }
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        requireWritable(key);
        if (!state.keyExists(key)) {
            throw new RegistryKeyNotFoundException(key);
        }
        List<Item> items = document.mutableItems();
        String nl = document.newline();
        int last = lastItemAffecting(key, name);
        String storedName = state.values(key).keySet().stream()
                .filter(n -> RegistryNames.same(n, name)).findFirst().orElse(name);
        String text;
        try {
            text = RegFileWriter.valueLine(storedName, value, document.format(), nl);
        } catch (IllegalArgumentException e) {
            throw cannotHold(key + "\\" + storedName + " = " + value.display(), e.getMessage());
        }
        requireEncodable(text, key + "\\" + storedName + " = " + value.display());
        ValueLine line = new ValueLine(key, storedName, value, text, 0);
        if (last >= 0 && items.get(last) instanceof ValueLine v && !v.isDeletion()) {
            items.set(last, line); // replace in place: the value keeps its position in the key
        } else {
            // after a deletion of the value ("name"=-) in a section of this key: at the end of that section
            int section = last >= 0 && items.get(last) instanceof ValueLine ? sectionStart(last) : -1;
            if (section < 0 || !(items.get(section) instanceof KeyLine k) || k.delete() || !k.path().equals(key)) {
                section = lastSectionOf(key, Math.max(last, 0));
            }
            if (section < 0) {
                insertKeySection(key);
                section = lastSectionOf(key, 0);
            }
            insert(endOfValues(section), List.of(line));
        }
        state.setValue(key, storedName, value);
        dirty = true;
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        requireWritable(key);
        if (state.readValue(key, name).isEmpty()) {
            return;
        }
        // only lines after the last [-KEY] that covers the key, and after the last "name"=- line, hold it; earlier
        // ones are history and stay
        List<Item> items = document.mutableItems();
        int history = lastDeletionOf(key);
        for (int i = items.size() - 1; i > history; i--) { // a "name"=- line ends the history too
            if (items.get(i) instanceof ValueLine v && v.isDeletion() && v.key().equals(key)
                    && RegistryNames.same(v.name(), name)) {
                history = i;
            }
        }
        boolean unterminated = endsUnterminated();
        for (int i = items.size() - 1; i > history; i--) {
            if (items.get(i) instanceof ValueLine v && !v.isDeletion() && v.key().equals(key)
                    && RegistryNames.same(v.name(), name)) {
                items.remove(i);
            }
        }
        keepUnterminated(unterminated);
        state.deleteValue(key, name);
        dirty = true;
    }

    @Override
    public void deleteEmptyKey(RegistryPath key) {
        requireWritable(key);
        if (!state.keyExists(key)) {
            return;
        }
        state.deleteEmptyKey(key); // refuses a key with values or subkeys
        // Only the sections after the last [-KEY] line that deletes this key (or an ancestor) make it exist: its
        // own, and those of keys below it (already deleted again, as the key is empty, but each line creates its
        // ancestors). The ones before are history the deletion already undid, and keep their value lines.
        List<Item> items = document.mutableItems();
        int live = lastDeletionOf(key) + 1;
        int removedAt = -1;
        for (int i = items.size() - 1; i >= live; i--) {
            if (items.get(i) instanceof KeyLine k && !k.delete() && k.path().isAtOrBelow(key)) {
                removedAt = removeSection(i);
                i = Math.min(removedAt, items.size()); // the section may have taken the blank line before it along
            }
        }
        // ancestors that existed only because of this key (no [line] of their own, nothing else below them) are
        // gone with it, as when the file is read again
        for (RegistryPath p = key.names().size() > 1 ? key.parent() : null; p != null
                && !fileMakesExist(p) && state.values(p).isEmpty() && state.subKeys(p).isEmpty();
                p = p.names().size() > 1 ? p.parent() : null) {
            state.deleteEmptyKey(p);
        }
        // the nearest ancestor that still exists (it holds something else) may have had its spelling, or that of
        // one of its own ancestors, from a removed line: then its own key line takes the removed line's place
        RegistryPath survivor = key.names().size() > 1 ? key.parent() : null;
        while (survivor != null && !state.keyExists(survivor)) {
            survivor = survivor.names().size() > 1 ? survivor.parent() : null;
        }
        if (removedAt >= 0 && survivor != null && !ancestorsReadBackAsStored(survivor)) {
            RegistryPath stored = spelledAsStored(survivor);
            insert(Math.min(removedAt, items.size()),
                    List.of(new KeyLine(stored, false, RegFileWriter.keyLine(stored, false, document.newline()), 0)));
        }
        dirty = true;
    }

    /** True when some [line] still makes {@code key} exist: its own or a subkey's, after any deletion of it. */
    private boolean fileMakesExist(RegistryPath key) {
        List<Item> items = document.mutableItems();
        for (int i = lastDeletionOf(key) + 1; i < items.size(); i++) {
            if (firstCreating(items.get(i), key) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first key that {@code item} makes exist at or below {@code key}: a key line's own key, or the first such
     * key of a run of lines not held in memory; null when it makes none.
     */
    private static RegistryPath firstCreating(Item item, RegistryPath key) {
        if (item instanceof KeyLine k) {
            return !k.delete() && k.path().isAtOrBelow(key) ? k.path() : null;
        }
        return item instanceof Opaque o ? o.firstAtOrBelow(key) : null;
    }

    /** True when {@code item} starts a section: a key line, or a run of whole sections not held in memory. */
    private static boolean startsSection(Item item) {
        return item instanceof KeyLine || item instanceof Opaque;
    }

    @Override
    public String describe() {
        return describe(file);
    }

    /**
     * Writes the file atomically: a temporary file next to it, flushed to disk, then renamed over the original.
     * A verified save: the exact bytes about to be written are parsed again with {@link RegFileReader} and must
     * describe exactly the registry this object holds (every key and value, spelling, type and data), in the
     * same format and encoding; otherwise nothing is written. Also refuses when someone else changed the file
     * since it was read (their change would be lost).
     *
     * @throws RegistryException when the check fails; the file is then unchanged
     */
    public void save() {
        if (scope != null) {
            saveScoped();
            return;
        }
        byte[] bytes = document.toBytes();
        verifyReadsBackAsIntended(bytes);
        try {
            if (!java.util.Arrays.equals(Files.readAllBytes(file), onDisk)) {
                throw changedMeanwhile();
            }
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + " again before saving: " + e.getMessage(), e);
        }
        AtomicFile.write(file, bytes);
        onDisk = bytes;
        dirty = false;
    }

    private RegistryException changedMeanwhile() {
        return new RegistryException(file + " was changed by someone else since tlsconf read it; it was not "
                + "overwritten. Run the command again.");
    }

    /**
     * The scoped save: the file is written to a temporary file (lines held in memory as they are now, the others
     * copied from the file), which is then read again on its own and must hold exactly the intended keys and values
     * in scope and the very same key and value lines out of scope, in the same format and encoding; the file must
     * still be what was read. Only then is it renamed over the file.
     */
    private void saveScoped() {
        RegFileScan.Edited[] reread = new RegFileScan.Edited[1];
        AtomicFile.write(file, out -> {
            if (RegFileScan.write(document, file, out) != fileChecksum) {
                throw changedMeanwhile();
            }
        }, tmp -> {
            String problem;
            try {
                reread[0] = RegFileScan.edit(tmp, scope, false); // lines out of scope: by their checksum
                problem = reread[0].opaqueChecksum() != opaqueChecksum
                        ? "the lines outside the TLS keys would not be the same"
                        : readBackProblem(reread[0].document());
            } catch (RegFileParseException e) {
                problem = "it would not parse: " + e.getMessage();
            }
            failIf(problem);
        });
        document = reread[0].document(); // its opaque lines now stand for lines of the new file
        fileChecksum = reread[0].fileChecksum();
        dirty = false;
    }

    private void verifyReadsBackAsIntended(byte[] bytes) {
        String problem;
        try {
            problem = readBackProblem(RegFileReader.parse(bytes, file.toString()));
        } catch (RegFileParseException e) {
            problem = "it would not parse: " + e.getMessage();
        }
        failIf(problem);
    }

    /** How the file as read back differs from what it should be (format, encoding, keys, values), or null. */
    private String readBackProblem(RegDocument reread) {
        if (reread.format() != document.format() || reread.encoding() != document.encoding()) {
            return "it would read as " + reread.format() + " in " + reread.encoding() + ", not " + document.format()
                    + " in " + document.encoding();
        }
        return state.firstDifference(reread.replay("check")).orElse(null);
    }

    private void failIf(String problem) {
        if (problem != null) {
            throw new RegistryException("the file tlsconf was about to write does not read back as intended ("
                    + problem + "); " + file + " was not changed");
        }
    }

    /** Refuses a line the file's encoding cannot hold (an ANSI file and a character outside its code page). */
    private void requireEncodable(String line, String what) {
        if (document.encoding() == RegEncoding.ANSI) {
            int bad = Ansi.firstUnmappable(line);
            if (bad >= 0) {
                throw cannotHold(what, Ansi.describe(line, bad) + " has no windows-1252 (ANSI) form");
            }
        } else if (!document.encoding().charset().newEncoder().canEncode(line)) {
            throw cannotHold(what, "it is not valid Unicode text (an unpaired surrogate)");
        }
    }

    private RegistryException cannotHold(String what, String reason) {
        String kind = document.format() == RegFormat.REGEDIT4 ? "a REGEDIT4 (ANSI) file"
                : "a " + document.encoding() + " file";
        return new RegistryException(file + " is " + kind + " and cannot hold " + what + ": " + reason
                + ". Nothing was written to it; export the key again with regedit (version 5, Unicode) and use "
                + "that file");
    }

    // ---- document patching --------------------------------------------------------------------------------

    /** Index of the last item that decides this value: a line for it, or a deletion of its key or an ancestor. */
    private int lastItemAffecting(RegistryPath key, String name) {
        List<Item> items = document.mutableItems();
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            if (item instanceof ValueLine v && v.key().equals(key) && RegistryNames.same(v.name(), name)) {
                return i;
            }
            if (item instanceof KeyLine k && k.delete() && key.isAtOrBelow(k.path())) {
                return i;
            }
        }
        return -1;
    }

    /** {@code key} with each name spelled as the registry holds it. */
    private RegistryPath spelledAsStored(RegistryPath key) {
        RegistryPath out = RegistryPath.of(key.hive());
        for (int depth = 1; depth <= key.names().size(); depth++) {
            out = out.child(state.storedName(key.ancestor(depth)).orElse(key.names().get(depth - 1)));
        }
        return out;
    }

    /**
     * True when the document's lines make {@code key} and each of its ancestors exist with the spelling the registry
     * holds: the first key line that creates each (after its last deletion) names it so.
     */
    private boolean ancestorsReadBackAsStored(RegistryPath key) {
        List<Item> items = document.mutableItems();
        RegistryPath stored = spelledAsStored(key);
        for (RegistryPath p : stored.selfAndAncestors()) {
            int depth = p.names().size();
            String spelling = null;
            for (int i = lastDeletionOf(p) + 1; i < items.size() && spelling == null; i++) {
                RegistryPath created = firstCreating(items.get(i), p);
                if (created != null) {
                    spelling = created.names().get(depth - 1);
                }
            }
            if (!p.leaf().equals(spelling)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the last {@code [-KEY]} line that deletes {@code key} or an ancestor, or -1. */
    private int lastDeletionOf(RegistryPath key) {
        List<Item> items = document.mutableItems();
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof KeyLine k && k.delete() && key.isAtOrBelow(k.path())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Removes the key line at {@code index} with every value line of its section (they can only be deletions or
     * values deleted again later: the key is empty), so no value line is left to fall under the key above it.
     * Comments stay. Returns where the section was (the index of what now follows it).
     */
    private int removeSection(int index) {
        List<Item> items = document.mutableItems();
        boolean unterminated = endsUnterminated();
        items.remove(index);
        for (int i = index; i < items.size() && !startsSection(items.get(i)); ) {
            if (items.get(i) instanceof ValueLine) {
                items.remove(i);
            } else {
                i++;
            }
        }
        // drop the blank line that separated the removed section from the next one, or from the one before (at the
        // end of the file, or when the next line is a key or comment line right after it), so that a section added
        // and removed again leaves the file as it was (see insertKeySection)
        if (index > 0 && index < items.size() && isBlank(items.get(index)) && isBlank(items.get(index - 1))) {
            items.remove(index);
        } else if (index > 0 && index == items.size() && isBlank(items.get(index - 1))
                && (!unterminated || items.get(index - 1).raw().strip().isEmpty()
                && items.get(index - 1).raw().replace("\r", "").replace("\n", "").isEmpty())) {
            // (in a file without a final newline, a last blank line with spaces in it is the file's own)
            items.remove(index - 1);
            index--;
        } else if (index > 1 && index < items.size() && isBlank(items.get(index - 1))
                && !isBlank(items.get(index - 2)) && (startsSection(items.get(index)) || isComment(items.get(index)))) {
            items.remove(index - 1);
            index--;
        }
        keepUnterminated(unterminated);
        return index;
    }

    /** Index of the key line of the section that holds the item at {@code index}, or -1. */
    private int sectionStart(int index) {
        List<Item> items = document.mutableItems();
        for (int i = index; i >= 0; i--) {
            if (startsSection(items.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last (non-deleting) key line for {@code key} at or after {@code from}, or -1. */
    private int lastSectionOf(RegistryPath key, int from) {
        List<Item> items = document.mutableItems();
        for (int i = items.size() - 1; i >= from; i--) {
            if (items.get(i) instanceof KeyLine k && !k.delete() && k.path().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The insertion point after the last value line of the section whose key line is at {@code section}. */
    private int endOfValues(int section) {
        List<Item> items = document.mutableItems();
        int insert = section + 1;
        for (int i = section + 1; i < items.size() && !startsSection(items.get(i)); i++) {
            if (items.get(i) instanceof ValueLine) {
                insert = i + 1;
            }
        }
        return insert;
    }

    /**
     * Adds {@code [key]} after the subtree of its parent in the file (after the last deletion of the key or an
     * ancestor), or at the end.
     */
    private void insertKeySection(RegistryPath asGiven) {
        // spelled as the registry already holds its existing ancestors: a line with another spelling could become
        // the first to name one of them, and the file would then read back with that spelling
        RegistryPath key = spelledAsStored(asGiven);
        List<Item> items = document.mutableItems();
        String nl = document.newline();
        int insertAt = items.size();
        if (key.names().size() > 1) {
            RegistryPath parent = key.parent();
            int lastInSubtree = -1;
            // only lines after the last deletion of the key (or an ancestor) count: a section placed before that
            // [-KEY] line would be deleted again when the file is read
            for (int i = lastDeletionOf(key) + 1; i < items.size(); i++) {
                if (items.get(i) instanceof KeyLine k && k.path().isAtOrBelow(parent)) {
                    lastInSubtree = i;
                }
            }
            if (lastInSubtree >= 0) {
                int end = lastInSubtree + 1;
                while (end < items.size() && !startsSection(items.get(end))) {
                    end++;
                }
                // comments right above the next key line are that key's: the new section goes before them
                while (end < items.size() && end > lastInSubtree + 1 && isComment(items.get(end - 1))) {
                    end--;
                }
                insertAt = end;
            }
        }
        // one blank line separates the new section from what it follows: the one already there (then one is added
        // after it, before the next section), or a new one; removeSection undoes exactly this
        List<Item> added = new ArrayList<>();
        boolean blankBefore = insertAt > 0 && isBlank(items.get(insertAt - 1));
        if (insertAt > 0 && !blankBefore) {
            added.add(new Trivia(nl));
        }
        added.add(new KeyLine(key, false, RegFileWriter.keyLine(key, false, nl), 0));
        boolean atEnd = insertAt == items.size();
        if (atEnd ? regeditStyleEnding() : blankBefore) {
            added.add(new Trivia(nl));
        }
        insert(insertAt, added);
    }

    /**
     * Inserts lines at {@code index}: the line before gets a terminator if it had none; at the end of a file that
     * does not end with a line terminator, the new last line has none either (so that removing it again gives the
     * file back as it was).
     */
    private void insert(int index, List<Item> added) {
        List<Item> items = document.mutableItems();
        boolean unterminatedEnd = index == items.size() && endsUnterminated();
        endLineBefore(index);
        items.addAll(index, added);
        keepUnterminated(unterminatedEnd);
    }

    /** True when the file's last line has no line terminator. */
    private boolean endsUnterminated() {
        List<Item> items = document.mutableItems();
        return !items.isEmpty() && !items.get(items.size() - 1).endsLine();
    }

    /** When the file ended without a line terminator, its (new) last line has none either. */
    private void keepUnterminated(boolean unterminated) {
        List<Item> items = document.mutableItems();
        if (!unterminated || items.isEmpty()) {
            return;
        }
        int last = items.size() - 1;
        Item item = items.get(last);
        if (item instanceof Opaque o) {
            if (o.addNewline()) {
                items.set(last, new Opaque(o.fromLine(), o.toLine(), o.terminated(), false, o.existence()));
            }
            return;
        }
        String raw = item.raw();
        String bare = raw.endsWith("\r\n") ? raw.substring(0, raw.length() - 2)
                : raw.endsWith("\n") || raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (item instanceof Trivia) {
            items.set(last, new Trivia(bare));
        } else if (item instanceof KeyLine k) {
            items.set(last, new KeyLine(k.path(), k.delete(), bare, k.line()));
        } else if (item instanceof ValueLine v) {
            items.set(last, new ValueLine(v.key(), v.name(), v.value(), bare, v.line()));
        }
    }

    /** Gives the item before {@code index} a line terminator if it is the file's unterminated last line. */
    private void endLineBefore(int index) {
        List<Item> items = document.mutableItems();
        if (index > 0) {
            Item before = items.get(index - 1);
            if (!before.endsLine()) {
                items.set(index - 1, withNewline(before, document.newline()));
            }
        }
    }

    private boolean regeditStyleEnding() {
        List<Item> items = document.mutableItems();
        return !items.isEmpty() && isBlank(items.get(items.size() - 1)) && items.get(items.size() - 1).endsLine();
    }

    private static boolean isBlank(Item item) {
        return item instanceof Trivia t && t.raw().isBlank();
    }

    private static boolean isComment(Item item) {
        return item instanceof Trivia t && t.raw().strip().startsWith(";");
    }

    private static Item withNewline(Item item, String nl) {
        if (item instanceof Opaque o) {
            return new Opaque(o.fromLine(), o.toLine(), o.terminated(), true, o.existence());
        }
        if (item instanceof Trivia t) {
            return new Trivia(t.raw() + nl);
        }
        if (item instanceof KeyLine k) {
            return new KeyLine(k.path(), k.delete(), k.raw() + nl, k.line());
        }
        ValueLine v = (ValueLine) item;
        return new ValueLine(v.key(), v.name(), v.value(), v.raw() + nl, v.line());
    }
}
