package org.tlsconf.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tlsconf.registry.RegistryNames;

/**
 * Which TLS cipher suites and ECC curves SCHANNEL supports on which Windows builds, from the data file
 * {@code cipher-suites.txt} next to this class (transcribed from Microsoft's "TLS Cipher Suites in Windows ..." pages;
 * each section names its page and commit). Names are matched case-insensitively and written in Microsoft's spelling.
 */
public final class SuiteCatalogue {

    /** Cipher suites or ECC curves. */
    public enum Kind {
        SUITES("cipher suite", "builds"), CURVES("ECC curve", "curves");

        private final String noun;
        private final String header;

        Kind(String noun, String header) {
            this.noun = noun;
            this.header = header;
        }

        public String noun() {
            return noun;
        }
    }

    /** One build range of the data file: the Windows release, its source page and what it supports. */
    public record Section(Kind kind, BuildRange builds, String windows, String source, Map<String, String> names,
            List<String> defaults) {

        /** Microsoft's spelling of {@code name}, when this release supports it. */
        public Optional<String> canonical(String name) {
            return Optional.ofNullable(names.get(RegistryNames.fold(name)));
        }

        public boolean supports(String name) {
            return canonical(name).isPresent();
        }
    }

    private static final SuiteCatalogue INSTANCE = load();

    private final List<Section> sections;

    private SuiteCatalogue(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    public static SuiteCatalogue get() {
        return INSTANCE;
    }

    public List<Section> sections(Kind kind) {
        return sections.stream().filter(s -> s.kind == kind).toList();
    }

    /** The section that covers {@code build}, if the data file has one. */
    public Optional<Section> forBuild(Kind kind, int build) {
        return sections(kind).stream().filter(s -> s.builds.contains(build)).findFirst();
    }

    /** Microsoft's spelling of a name any covered build supports. */
    public Optional<String> canonical(Kind kind, String name) {
        return sections(kind).stream().map(s -> s.canonical(name)).flatMap(Optional::stream).findFirst();
    }

    /** Every name of this kind in the data file, in Microsoft's spelling, for suggestions. */
    public List<String> allNames(Kind kind) {
        TreeSet<String> all = new TreeSet<>();
        sections(kind).forEach(s -> all.addAll(s.names.values()));
        return List.copyOf(all);
    }

    /** True when some build inside {@code range} (as far as the data covers it) supports {@code name}. */
    public boolean supportedSomewhereIn(Kind kind, String name, BuildRange range) {
        return sections(kind).stream().anyMatch(s -> s.builds.overlaps(range) && s.supports(name));
    }

    /** The first build of every section and the first build after each: where support can change. */
    public TreeSet<Integer> breakpoints(Kind kind) {
        TreeSet<Integer> points = new TreeSet<>();
        for (Section s : sections(kind)) {
            s.builds.from().ifPresent(points::add);
            s.builds.upTo().ifPresent(u -> points.add(u + 1));
        }
        return points;
    }

    /**
     * The pre-shared-key suites Windows' own default order lists (Server 2016 and later end it with these six). The
     * data leaves PSK suites out (Windows offers them only to an application that asks for PSK), so tlsconf gives
     * these no verdict; any other name, a misspelt PSK one too, is judged as usual.
     */
    private static final java.util.Set<String> WINDOWS_PSK_SUITES = java.util.Set.of("TLS_PSK_WITH_AES_256_GCM_SHA384",
            "TLS_PSK_WITH_AES_128_GCM_SHA256", "TLS_PSK_WITH_AES_256_CBC_SHA384", "TLS_PSK_WITH_AES_128_CBC_SHA256",
            "TLS_PSK_WITH_NULL_SHA384", "TLS_PSK_WITH_NULL_SHA256");

    /** True for one of {@link #WINDOWS_PSK_SUITES} (in any case). */
    public static boolean isPsk(String suite) {
        return WINDOWS_PSK_SUITES.contains(RegistryNames.fold(suite));
    }

    /**
     * Why a suite is weak, or empty when it is not: RC4, DES, 3DES, RC2, NULL or EXPORT encryption, MD5 MACs, SSL 2.0
     * suites.
     */
    public static Optional<String> weakness(String suite) {
        String s = RegistryNames.fold(suite);
        if (s.contains("_NULL_")) {
            return Optional.of("no encryption (NULL)");
        }
        if (s.contains("EXPORT")) {
            return Optional.of("export-grade encryption");
        }
        if (s.contains("RC4")) {
            return Optional.of("RC4 is broken (RFC 7465)");
        }
        if (s.contains("3DES") || s.contains("DES_192_EDE3")) {
            return Optional.of("3DES has a 64-bit block (Sweet32)");
        }
        if (s.contains("_DES_")) {
            return Optional.of("single DES (56-bit key)");
        }
        if (s.contains("RC2")) {
            return Optional.of("RC2 is broken");
        }
        if (s.startsWith("SSL_CK_")) {
            return Optional.of("an SSL 2.0 suite");
        }
        if (s.endsWith("_MD5")) {
            return Optional.of("MD5 MAC");
        }
        return Optional.empty();
    }

    private static SuiteCatalogue load() {
        try (InputStream in = SuiteCatalogue.class.getResourceAsStream("cipher-suites.txt")) {
            if (in == null) {
                throw new IllegalStateException("cipher-suites.txt is missing from the jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SuiteCatalogue parse(BufferedReader reader) throws IOException {
        List<Section> sections = new ArrayList<>();
        Kind kind = null;
        BuildRange builds = null;
        String windows = null;
        String source = null;
        Map<String, String> names = null;
        List<String> defaults = null;
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (names != null) {
                    sections.add(new Section(kind, builds, windows, source, names, defaults));
                }
                String[] head = line.substring(1, line.length() - 1).split(" ", 3);
                kind = head[0].equals(Kind.SUITES.header) ? Kind.SUITES : Kind.CURVES;
                String[] range = head[1].split("-");
                builds = BuildRange.of(Integer.valueOf(range[0]), Integer.valueOf(range[1]));
                windows = head[2];
                source = null;
                names = new LinkedHashMap<>();
                defaults = new ArrayList<>();
            } else if (line.startsWith("source ")) {
                source = line.substring("source ".length());
            } else {
                String[] parts = line.split(" ");
                if (names == null || parts.length != 2 || !(parts[1].equals("default")
                        || parts[1].equals("supported"))) {
                    throw new IllegalStateException("cipher-suites.txt:" + n + ": bad line '" + line + "'");
                }
                names.put(RegistryNames.fold(parts[0]), parts[0]);
                if (parts[1].equals("default")) {
                    defaults.add(parts[0]);
                }
            }
        }
        if (names != null) {
            sections.add(new Section(kind, builds, windows, source, names, defaults));
        }
        return new SuiteCatalogue(sections);
    }
}
