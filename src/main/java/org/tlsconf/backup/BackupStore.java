package org.tlsconf.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.tlsconf.json.JsonErrors;
import org.tlsconf.registry.IoErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.tlsconf.registry.AtomicFile;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileWriter;

/**
 * A folder of backups. Each backup is a JSON file (machine-restorable, with a SHA-256 of its content) and a
 * {@code .reg} file beside it that regedit or {@code reg import} applies on its own to undo the run. Both are
 * written atomically; the JSON file is written last, so a backup exists only once it is complete on disk.
 */
public final class BackupStore {
    static final String FORMAT = "tlsconf-backup/1";
    private static final String PREFIX = "tlsconf-backup-";
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;

    public BackupStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A new backup id: sortable by time, unique enough for one host. */
    public static String newId(Instant now) {
        return STAMP.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** This host's name, for the record. */
    public static String hostName() {
        for (String var : List.of("COMPUTERNAME", "HOSTNAME")) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Writes a new backup (the {@code .reg} first, then the JSON) and returns it with its file set.
     *
     * @throws BackupException when it cannot be written; then nothing of it is left behind
     */
    public Backup write(Backup backup) {
        String base = PREFIX + backup.id() + "-" + safe(backup.profile());
        Backup placed = backup.withFile(dir.resolve(base + ".json"));
        try {
            Files.createDirectories(dir);
            AtomicFile.writePrivate(placed.regFile(), regFile(placed));
            AtomicFile.writePrivate(placed.file(), json(placed));
            return placed;
        } catch (IOException | RegistryException e) {
            try {
                Files.deleteIfExists(placed.regFile());
            } catch (IOException ignored) {
                // nothing more can be done; the message below says what failed
            }
            throw BackupException.io("cannot write the backup to " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    /** Rewrites a backup's JSON file (its status changed); atomically, with a new checksum. */
    public Backup update(Backup backup) {
        try {
            AtomicFile.writePrivate(backup.file(), json(backup));
            return backup;
        } catch (RegistryException e) {
            throw BackupException.io("cannot update the backup " + backup.file() + ": " + IoErrors.describe(e), e);
        }
    }

    /**
     * Reads a backup and checks it is intact.
     *
     * @throws BackupException (bad input) when it is not a tlsconf backup, is truncated or was modified
     */
    public static Backup load(Path file) {
        if (Files.isDirectory(file)) {
            throw BackupException.invalid(file + " is a folder, not a backup: name a backup file in it (tlsconf "
                    + "backups list --backup-dir " + file + "), or use --last", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BackupException.invalid("backup file not found: " + file, e);
        } catch (IOException e) {
            throw BackupException.io("cannot read backup " + file + ": " + IoErrors.describe(e), e);
        }
        JsonNode root;
        try {
            root = COMPACT.readTree(bytes);
        } catch (IOException e) {
            throw BackupException.invalid(file + ": not a readable tlsconf backup (truncated or not JSON): "
                    + (e instanceof JsonProcessingException j ? JsonErrors.describe(j)
                    : IoErrors.describe(e)), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("content").isObject()) {
            throw BackupException.invalid(file + ": not a tlsconf backup (expected \"format\": \"" + FORMAT + "\")",
                    null);
        }
        String expected = root.path("sha256").asText();
        String actual = sha256(root.get("content"));
        if (!actual.equals(expected)) {
            throw BackupException.invalid(file + ": checksum mismatch: the backup was modified or damaged "
                    + "(sha256 " + actual + ", recorded " + expected + "); refusing to restore from it", null);
        }
        try {
            return fromJson(root.get("content"), file);
        } catch (RuntimeException e) {
            throw BackupException.invalid(file + ": malformed backup content: " + e.getMessage(), e);
        }
    }

    /** A backup file that could not be read, and why. */
    public record Unreadable(Path file, String reason) {
    }

    /** Every backup in the folder, oldest first, and the files that look like backups but do not load. */
    public record Listing(List<Backup> backups, List<Unreadable> unreadable) {
    }

    /** One file in the folder: a backup, or (when {@code backup} is null) a damaged one and why. */
    public record Item(Path file, Instant time, Backup backup, String damage) {
        public boolean damaged() {
            return backup == null;
        }
    }

    public Listing list() {
        List<Backup> backups = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Item i : items()) {
            if (i.damaged()) {
                unreadable.add(new Unreadable(i.file(), i.damage()));
            } else {
                backups.add(i.backup());
            }
        }
        return new Listing(backups, unreadable);
    }

    /**
     * Every file in the folder that looks like a backup, oldest first: by the time the backup records (for a
     * damaged file, the time in its name), then by when the file was first written (its name's order).
     */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return items;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw BackupException.io("cannot list backups in " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            try {
                Backup b = load(f);
                items.add(new Item(f, b.createdAt(), b, null));
            } catch (BackupException e) {
                items.add(new Item(f, timeInName(f), null, e.getMessage()));
            }
        }
        items.sort(java.util.Comparator.comparing(Item::time)); // stable: equal times keep the names' order
        return items;
    }

    /** The backup {@code restore --last} restores, and the newer ones of the same target it passed over. */
    public record Selection(Backup backup, List<Backup> passedOver) {
    }

    /**
     * The backup {@code restore --last} restores: the newest backup of a <em>completed</em> run for this target
     * ({@link Backup#isFor}). Newer backups of the same target whose run was rolled back (they changed nothing)
     * are passed over and returned; backups of other targets are ignored. It never falls back silently: when a
     * damaged backup is newer than that one (its target cannot be known), or the newest backup of this target is
     * from a run that did not finish, it stops and names the file and the choices.
     *
     * @throws BackupException (bad input) when there is no such backup or the choice is not safe to make
     */
    public Selection lastCompleted(String target, String host) {
        List<Item> items = new ArrayList<>(items());
        java.util.Collections.reverse(items);
        List<Backup> passed = new ArrayList<>();
        java.util.Set<String> others = new java.util.TreeSet<>();
        String choices = " Choose one yourself: tlsconf restore BACKUP.json (see: tlsconf backups list --backup-dir \""
                + dir + "\").";
        for (Item i : items) {
            if (i.damaged()) {
                throw BackupException.invalid("a backup newer than any complete one is damaged: " + i.damage()
                        + ". restore --last does not skip it and take an older backup (it may be this target's last"
                        + " run)." + choices + " Or move " + i.file() + " out of the folder and run restore --last "
                        + "again.", null);
            }
            Backup b = i.backup();
            if (!b.isFor(target, host)) {
                others.add(b.target());
                continue;
            }
            switch (b.status()) {
                case COMPLETE:
                    if (b.isOfRestore()) { // --last undoes the newest apply: run twice, it does not redo it
                        passed.add(b);
                        break;
                    }
                    return new Selection(b, passed);
                case ROLLED_BACK:
                    passed.add(b);
                    break;
                default:
                    throw BackupException.invalid("the newest backup for the " + b.target() + ", " + b.file()
                            + ", is from a run that did not finish (" + statusLabel(b.status()) + "): the registry "
                            + "may be half-changed, and restore --last will not pick an older backup instead. Undo "
                            + "that run with: tlsconf restore \"" + b.file() + "\" (try --dry-run first)."
                            + choices, null);
            }
        }
        throw BackupException.invalid("no backup of a completed run for the " + target + " in " + dir
                + (passed.isEmpty() ? "" : " (the " + passed.size() + " run(s) found for it were restores or "
                        + "rolled back)")
                + (others.isEmpty() ? "" : "; the folder holds backups of: " + String.join(", ", others)
                        + ". To put one of those into this registry, name its file and pass --force"), null);
    }

    /** How a status reads in messages and listings: "complete", "rolled back", "pending", "rollback failed". */
    public static String statusLabel(Backup.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Instant timeInName(Path f) {
        String n = f.getFileName().toString().substring(PREFIX.length());
        try {
            return Instant.from(STAMP.parse(n.substring(0, Math.min(n.length(), "yyyyMMddTHHmmss.SSSZ".length()))));
        } catch (RuntimeException e) {
            return Instant.EPOCH; // no time in the name: sorts as the oldest, still listed as damaged
        }
    }

    /** Backups whose run never finished: the process died between backing up and verifying. */
    public List<Backup> interrupted() {
        return list().backups().stream().filter(b -> b.status() == Backup.Status.PENDING).toList();
    }

    // ---- JSON --------------------------------------------------------------------------------------------

    private static byte[] json(Backup b) {
        ObjectNode content = toJson(b);
        ObjectNode root = COMPACT.createObjectNode();
        root.put("format", FORMAT);
        root.put("sha256", sha256(content));
        root.set("content", content);
        try {
            return (PRETTY.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the content's compact JSON form. */
    static String sha256(JsonNode content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(COMPACT.writeValueAsBytes(content)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode toJson(Backup b) {
        ObjectNode o = COMPACT.createObjectNode();
        o.put("id", b.id());
        o.put("createdAt", b.createdAt().toString());
        o.put("host", b.host());
        o.put("toolVersion", b.toolVersion());
        o.put("profile", b.profile());
        o.put("registry", b.registry());
        o.put("status", b.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode changes = o.putArray("changes");
        for (Backup.Change c : b.changes()) {
            ObjectNode n = changes.addObject();
            n.put("action", c.action());
            n.put("key", c.key().toString());
            n.put("value", c.name());
            n.set("before", c.before().map(v -> (JsonNode) ValueCodec.encode(v)).orElse(null));
            n.set("after", c.after().map(v -> (JsonNode) ValueCodec.encode(v)).orElse(null));
        }
        ArrayNode entries = o.putArray("entries");
        for (Backup.Entry e : b.entries()) {
            ObjectNode n = entries.addObject();
            n.put("key", e.key().toString());
            n.put("value", e.name());
            n.set("before", e.before().map(v -> (JsonNode) ValueCodec.encode(v)).orElse(null));
        }
        b.keysCreated().forEach(k -> o.withArray("keysCreated").add(k.toString()));
        o.withArray("keysCreated");
        b.keysRemoved().forEach(k -> o.withArray("keysRemoved").add(k.toString()));
        o.withArray("keysRemoved");
        return o;
    }

    private static Backup fromJson(JsonNode c, Path file) {
        List<Backup.Change> changes = new ArrayList<>();
        for (JsonNode n : c.withArray("changes")) {
            changes.add(new Backup.Change(n.get("action").asText(), RegistryPath.parse(n.get("key").asText()),
                    n.get("value").asText(), value(n.get("before")), value(n.get("after"))));
        }
        List<Backup.Entry> entries = new ArrayList<>();
        for (JsonNode n : c.withArray("entries")) {
            entries.add(new Backup.Entry(RegistryPath.parse(n.get("key").asText()), n.get("value").asText(),
                    value(n.get("before"))));
        }
        return new Backup(c.get("id").asText(), Instant.parse(c.get("createdAt").asText()), c.get("host").asText(),
                c.get("toolVersion").asText(), c.get("profile").asText(), c.get("registry").asText(),
                Backup.Status.valueOf(c.get("status").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
                changes, entries, paths(c.withArray("keysCreated")), paths(c.withArray("keysRemoved")), file);
    }

    private static Optional<RegistryValue> value(JsonNode n) {
        return n == null || n.isNull() ? Optional.empty() : Optional.of(ValueCodec.decode(n));
    }

    private static List<RegistryPath> paths(JsonNode array) {
        List<RegistryPath> out = new ArrayList<>();
        array.forEach(n -> out.add(RegistryPath.parse(n.asText())));
        return out;
    }

    // ---- .reg --------------------------------------------------------------------------------------------

    /**
     * A {@code .reg} file that undoes the run: every value back as it was, {@code "x"=-} for the values the run
     * added, empty keys the run removed created again. It never deletes a key (no {@code [-KEY]} line): a
     * {@code .reg} file cannot say "only when empty", and importing it must not be able to delete anything but the
     * values the run added. The keys the run created are named in a comment; {@code tlsconf restore} removes them
     * once they are empty.
     */
    static byte[] regFile(Backup b) {
        Map<RegistryPath, List<RegFileWriter.Entry>> byKey = new LinkedHashMap<>();
        for (Backup.Entry e : b.entries()) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new RegFileWriter.Entry(e.name(), e.before()));
        }
        List<RegFileWriter.Section> sections = new ArrayList<>();
        for (RegistryPath k : b.keysRemoved()) {
            sections.add(new RegFileWriter.Section(k, false, List.of()));
        }
        byKey.forEach((k, entries) -> sections.add(new RegFileWriter.Section(k, false, entries)));
        List<String> comments = new ArrayList<>(List.of(
                "tlsconf backup " + b.id() + ", taken " + b.createdAt() + " on " + b.host() + " (tlsconf "
                        + b.toolVersion() + ")",
                "before applying profile " + b.profile() + " to the " + b.registry() + ".",
                "Importing this file (reg import FILE, or regedit /s FILE) puts back every value that run changed",
                "and deletes the values it added. It deletes no key."));
        if (!b.keysCreated().isEmpty()) {
            comments.add("That run created these keys; they stay (empty) after importing this file.");
            comments.add("'tlsconf restore' removes them when they are empty:");
            b.keysCreated().forEach(k -> comments.add("  " + k));
        }
        return RegFileWriter.script(comments, sections).toBytes();
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
