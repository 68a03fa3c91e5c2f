package org.tlsconf.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryScope;
import org.tlsconf.registry.exports.Exports;
import org.tlsconf.registry.regfile.RegFileScan;
import org.tlsconf.tls.WindowsVersion;

/**
 * Finds the host exports a fleet run reads, and reads one. A file named on the command line is one host (a regedit
 * {@code .reg} export or a HealthChecker {@code Export-Clixml} file). In a folder, every {@code .reg} and
 * {@code .xml} file is one host, and every subfolder is one host made of all the {@code .reg} files in it (what
 * {@code examples/ansible/collect.yml} fetches: one {@code reg export} per TLS key).
 */
public final class HostExports {
    private HostExports() {
    }

    /** What a host is read from: one file, or a folder of {@code .reg} files. */
    public record Source(Path path, boolean folder) {
        /** The file or folder name, without a {@code .reg}/{@code .xml} extension. */
        public String defaultName() {
            String n = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            return folder ? n : n.replaceFirst("(?i)\\.(reg|xml)$", "");
        }
    }

    /** Thrown for a command-line path that does not exist or holds no export. */
    public static final class NoExportsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoExportsException(String message) {
            super(message);
        }
    }

    /** The hosts the given files and folders hold, in command-line order (folder contents by name). */
    public static List<Source> find(List<Path> paths) {
        List<Source> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                out.add(new Source(p, false));
            } else if (Files.isDirectory(p)) {
                int before = out.size();
                for (Path entry : list(p)) {
                    if (Files.isDirectory(entry)) { // a host; one whose collection left no *.reg is a failed row
                        out.add(new Source(entry, true));
                    } else if (Files.isRegularFile(entry) && (isRegFile(entry) || hasExtension(entry, ".xml"))) {
                        out.add(new Source(entry, false));
                    }
                }
                if (out.size() == before) {
                    throw new NoExportsException("folder " + p + " holds no host export (*.reg, *.xml, or "
                            + "subfolders of *.reg files)");
                }
            } else {
                throw new NoExportsException(Files.exists(p) ? p + " is not a regular file or a folder (a pipe or "
                        + "a device): name the exports, or a folder of them" : "no such file or folder: " + p);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(x -> !x.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(x -> x.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new NoExportsException("cannot list folder " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isRegFile(Path p) {
        return Files.isRegularFile(p) && hasExtension(p, ".reg");
    }

    private static boolean hasExtension(Path p, String ext) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext);
    }

    /**
     * Reads a host: a file as {@link Exports#read}, a folder as all its {@code .reg} files imported in name order,
     * each read only within {@code scope}.
     *
     * @throws org.tlsconf.registry.RegistryInputException when a file is malformed
     * @throws org.tlsconf.registry.RegistryException when a file cannot be read
     */
    public static Exports.Export read(Source source, RegistryScope scope) {
        if (!source.folder()) {
            return Exports.read(source.path(), scope);
        }
        InMemoryRegistry registry = new InMemoryRegistry("exports in " + source.path());
        int files = 0;
        for (Path file : list(source.path())) {
            if (isRegFile(file)) {
                RegFileScan.readInto(file, scope, registry);
                files++;
            }
        }
        if (files == 0) {
            throw new RegistryException("host folder " + source.path() + " holds no .reg export (a host's exports "
                    + "are the *.reg files directly in its folder): its collection failed or went elsewhere");
        }
        return new Exports.Export(scope.view(registry), false);
    }

    /** The computer name an export carries, else the file's. */
    static String hostName(Registry registry, Source source) {
        return WindowsVersion.computerName(registry).orElseGet(source::defaultName);
    }
}
