package org.tlsconf.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The profiles bundled in the jar (the repository's {@code profiles/} folder, on the classpath as /profiles). */
public final class ProfileCatalogue {

    private static final String FOLDER = "profiles/";
    private static final String SCHEMA = "schema.json";

    /** The names of the bundled profiles, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            Path location = location();
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(FOLDER);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(p -> p.getFileName().toString()).forEach(n -> addIfProfile(names, n));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(FOLDER) && entry.indexOf('/', FOLDER.length()) < 0) {
                            addIfProfile(names, entry.substring(FOLDER.length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the bundled profiles: " + e.getMessage(), e);
        }
        names.sort(String::compareTo);
        return names;
    }

    private static void addIfProfile(List<String> names, String fileName) {
        if (fileName.endsWith(".json") && !fileName.equals(SCHEMA)) {
            names.add(fileName.substring(0, fileName.length() - ".json".length()));
        }
    }

    /** The bundled profiles read so far (each is looked up more than once: is it a name or a file? then read). */
    private final Map<String, byte[]> read = new HashMap<>();

    /** The bytes of a bundled profile, if there is one of that name. */
    public Optional<byte[]> read(String name) {
        if (!isName(name)) {
            return Optional.empty();
        }
        if (!read.containsKey(name)) {
            try {
                read.put(name, readEntry(FOLDER + name + ".json"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled profile " + name + ": " + e.getMessage(), e);
            }
        }
        byte[] bytes = read.get(name);
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /**
     * The one rule for a profile's name (bundled or in a profile's {@code name}): a letter or digit, then letters,
     * digits, '.', '_' or '-', at most 64 in all.
     */
    public static boolean isName(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '.' && c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** The published JSON Schema for profiles. */
    public byte[] schema() {
        try {
            byte[] schema = readEntry(FOLDER + SCHEMA);
            if (schema == null) {
                throw new IllegalStateException("the profile schema is missing from the jar");
            }
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the profile schema: " + e.getMessage(), e);
        }
    }

    /** The jar (or, in a build, the classes folder) that this class was loaded from. */
    private static Path location() {
        try {
            return Path.of(ProfileCatalogue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundled profiles: " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of a file in the jar or the classes folder, or null. Read straight from the jar: the class loader's
     * resource lookup goes through URLs and a jar URL connection, which a short command pays for on every run.
     */
    private static byte[] readEntry(String name) throws IOException {
        Path location = location();
        if (Files.isDirectory(location)) {
            Path file = location.resolve(name);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
