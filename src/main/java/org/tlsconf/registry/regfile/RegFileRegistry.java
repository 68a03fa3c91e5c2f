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
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.AtomicFile;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryKeyNotFoundException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegDocument.Item;
import org.tlsconf.registry.regfile.RegDocument.KeyLine;
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
    private final RegDocument document;
    private final InMemoryRegistry state;
    private byte[] onDisk;
    private boolean dirty;

    private RegFileRegistry(Path file, RegDocument document, byte[] onDisk) {
        this.file = file;
        this.document = document;
        this.state = document.replay(describe(file));
        this.onDisk = onDisk;
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
        } catch (NoSuchFileException e) {
            throw new RegistryException("registry file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new RegistryAccessDeniedException("cannot read registry file " + file + ": access denied", e);
        } catch (IOException e) {
            throw new RegistryException("cannot read registry file " + file + ": " + e.getMessage(), e);
        }
        return new RegFileRegistry(file, RegFileReader.parse(data, file.toString()), data);
    }

    private static String describe(Path file) {
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
        return state.readValue(key, name);
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        return state.values(key);
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        return state.subKeys(key);
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        return state.keyExists(key);
    }

    @Override
    public void createKey(RegistryPath key) {
        for (RegistryPath p : key.selfAndAncestors()) {
            if (!state.keyExists(p)) {
                insertKeySection(p);
                state.createKey(p);
                dirty = true;
            }
        }
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        if (!state.keyExists(key)) {
            throw new RegistryKeyNotFoundException(key);
        }
        List<Item> items = document.mutableItems();
        String nl = document.newline();
        int last = lastItemAffecting(key, name);
        String storedName = state.values(key).keySet().stream()
                .filter(n -> RegistryNames.same(n, name)).findFirst().orElse(name);
        ValueLine line = new ValueLine(key, storedName, value,
                RegFileWriter.valueLine(storedName, value, document.format(), nl), 0);
        if (last >= 0 && items.get(last) instanceof ValueLine v && !v.isDeletion()) {
            items.set(last, line); // replace in place: the value keeps its position in the key
        } else {
            int section = lastSectionOf(key, Math.max(last, 0));
            if (section < 0) {
                insertKeySection(key);
                section = lastSectionOf(key, 0);
            }
            int at = endOfValues(section);
            endLineBefore(at);
            items.add(at, line);
        }
        state.setValue(key, storedName, value);
        dirty = true;
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        if (state.readValue(key, name).isEmpty()) {
            return;
        }
        document.mutableItems().removeIf(item -> item instanceof ValueLine v && !v.isDeletion()
                && v.key().equals(key) && RegistryNames.same(v.name(), name));
        state.deleteValue(key, name);
        dirty = true;
    }

    @Override
    public void deleteEmptyKey(RegistryPath key) {
        if (!state.keyExists(key)) {
            return;
        }
        state.deleteEmptyKey(key); // refuses a key with values or subkeys
        List<Item> items = document.mutableItems();
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof KeyLine k && !k.delete() && k.path().equals(key)) {
                items.remove(i);
                // drop the blank line that separated the removed section from the next one
                if (i < items.size() && isBlank(items.get(i)) && i > 0 && isBlank(items.get(i - 1))) {
                    items.remove(i);
                }
            }
        }
        dirty = true;
    }

    @Override
    public String describe() {
        return describe(file);
    }

    /**
     * Writes the file atomically: a temporary file next to it, flushed to disk, then renamed over the original.
     * Refuses when someone else changed the file since it was read (their change would be lost), and when the
     * patched document would not read back as intended.
     */
    public void save() {
        InMemoryRegistry reread = document.replay("check");
        if (!reread.snapshot().equals(state.snapshot())) {
            throw new RegistryException("internal error: the patched file would not read back as intended; "
                    + file + " was not changed");
        }
        try {
            if (!java.util.Arrays.equals(Files.readAllBytes(file), onDisk)) {
                throw new RegistryException(file + " was changed by someone else since tlsconf read it; it was not "
                        + "overwritten. Run the command again.");
            }
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + " again before saving: " + e.getMessage(), e);
        }
        byte[] bytes = document.toBytes();
        AtomicFile.write(file, bytes);
        onDisk = bytes;
        dirty = false;
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
        for (int i = section + 1; i < items.size() && !(items.get(i) instanceof KeyLine); i++) {
            if (items.get(i) instanceof ValueLine) {
                insert = i + 1;
            }
        }
        return insert;
    }

    /** Adds {@code [key]} after the subtree of its nearest ancestor in the file, or at the end. */
    private void insertKeySection(RegistryPath key) {
        List<Item> items = document.mutableItems();
        String nl = document.newline();
        int insertAt = items.size();
        if (key.names().size() > 1) {
            RegistryPath parent = key.parent();
            int lastInSubtree = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof KeyLine k && k.path().isAtOrBelow(parent)) {
                    lastInSubtree = i;
                }
            }
            if (lastInSubtree >= 0) {
                int end = lastInSubtree + 1;
                while (end < items.size() && !(items.get(end) instanceof KeyLine)) {
                    end++;
                }
                insertAt = end;
            }
        }
        // the item before the new section must end its line, and sections are separated by a blank line
        List<Item> added = new ArrayList<>();
        if (insertAt > 0) {
            endLineBefore(insertAt);
            if (!isBlank(items.get(insertAt - 1))) {
                added.add(new Trivia(nl));
            }
        }
        added.add(new KeyLine(key, false, RegFileWriter.keyLine(key, false, nl), 0));
        boolean atEnd = insertAt == items.size();
        if (!atEnd || regeditStyleEnding()) {
            added.add(new Trivia(nl));
        }
        items.addAll(insertAt, added);
    }

    /** Gives the item before {@code index} a line terminator if it is the file's unterminated last line. */
    private void endLineBefore(int index) {
        List<Item> items = document.mutableItems();
        if (index > 0) {
            Item before = items.get(index - 1);
            if (!before.raw().endsWith("\n") && !before.raw().endsWith("\r")) {
                items.set(index - 1, withNewline(before, document.newline()));
            }
        }
    }

    private boolean regeditStyleEnding() {
        List<Item> items = document.mutableItems();
        return !items.isEmpty() && isBlank(items.get(items.size() - 1));
    }

    private static boolean isBlank(Item item) {
        return item instanceof Trivia t && t.raw().isBlank();
    }

    private static Item withNewline(Item item, String nl) {
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
