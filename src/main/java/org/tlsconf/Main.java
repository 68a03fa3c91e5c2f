package org.tlsconf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.cli.Cli;
import org.tlsconf.cli.CliException;
import org.tlsconf.cli.Context;
import org.tlsconf.cli.ExitCodes;
import org.tlsconf.cli.RegistryProvider;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.AtomicFile;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.exports.Exports;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.registry.windows.WindowsPlatform;
import org.tlsconf.tls.TlsRegistry;
import picocli.CommandLine;

/** The composition root: picks the registry backend, builds the command line, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(commandLine(args), args));
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command tree for one run: only the subcommand that {@code args} name, when they name one. */
    public static CommandLine commandLine(String[] args) {
        quietPicocli();
        boolean windows = isWindows();
        Backends backends = new Backends(windows ? new LiveWindows() : null);
        RebootScheduler reboots = windows ? new LazyReboot() : new NoReboot();
        return Cli.create(new Context(backends, new ProfileCatalogue(), reboots, Clock.systemUTC(),
                defaultBackupDir()), args);
    }

    /**
     * Two documented picocli switches, unless the user set them: no built-in converters for {@code java.time} and
     * {@code java.sql} types (no option has one, and registering them initialises java.time's parsers on every run),
     * and no lookup of Groovy's closure class (a failed class lookup, on every run).
     */
    private static void quietPicocli() {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
        }
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** {@code %ProgramData%\tlsconf\backups} on Windows; {@code $XDG_STATE_HOME/tlsconf/backups} elsewhere. */
    static Path defaultBackupDir() {
        if (isWindows()) {
            String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "tlsconf", "backups");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("tlsconf").resolve("backups");
    }

    /** What only a Windows host has (a seam for tests, which cannot elevate or set ACLs). */
    interface WindowsHost {
        Registry liveRegistry();

        boolean isElevated();

        FolderSecurity folderSecurity();
    }

    /** This Windows host, through JNA (loaded only when one of these is first called). */
    static final class LiveWindows implements WindowsHost {
        @Override
        public Registry liveRegistry() {
            return WindowsPlatform.liveRegistry();
        }

        @Override
        public boolean isElevated() {
            return WindowsPlatform.isElevated();
        }

        @Override
        public FolderSecurity folderSecurity() {
            return WindowsPlatform.folderSecurity();
        }
    }

    /** The {@code .reg} file backend, or the live registry on Windows. */
    static final class Backends implements RegistryProvider {
        private final WindowsHost windows;

        /** {@code windows} is null on any other OS. */
        Backends(WindowsHost windows) {
            this.windows = windows;
        }

        @Override
        public Registry open(Path registryFile) {
            if (registryFile != null) {
                RegistryProvider.requireRegistryFile(registryFile);
                if (Exports.isHealthChecker(registryFile)) {
                    return Exports.readHealthChecker(registryFile);
                }
                return RegFileRegistry.open(registryFile, TlsRegistry.EDIT_SCOPE);
            }
            if (windows != null) {
                return windows.liveRegistry();
            }
            throw RegistryProvider.noLiveRegistry();
        }

        @Override
        public Registry openForReading(Path registryFile) {
            if (registryFile == null) {
                return open(null);
            }
            RegistryProvider.requireRegistryFile(registryFile);
            return Exports.read(registryFile, TlsRegistry.READ_SCOPE).registry();
        }

        @Override
        public java.util.Optional<String> whyUnchangeable(Path registryFile) {
            if (registryFile != null && Files.isRegularFile(registryFile) && Exports.isHealthChecker(registryFile)) {
                return java.util.Optional.of(registryFile + " is a HealthChecker export: it can be audited and "
                        + "compared (status, check, diff) but not changed");
            }
            return java.util.Optional.empty();
        }

        @Override
        public FolderSecurity folderSecurity() {
            return windows != null ? windows.folderSecurity() : FolderSecurity.UNMANAGED;
        }

        @Override
        public boolean hasLiveRegistry() {
            return windows != null;
        }

        @Override
        public void requireWriteAccess(Path registryFile) {
            if (registryFile != null) {
                if (!Files.exists(registryFile)) {
                    return; // open() says it is missing, with exit 2
                }
                java.util.Optional<String> never = whyUnchangeable(registryFile); // bad input before permissions
                if (never.isPresent()) {
                    throw new CliException(ExitCodes.BAD_INPUT, never.get());
                }
                if (AtomicFile.isReadOnly(registryFile)) { // checked on the mode bits: root may write anything
                    throw new CliException(ExitCodes.ACCESS_DENIED, AtomicFile.readOnlyMessage(registryFile));
                }
                if (!Files.isWritable(registryFile)) {
                    throw new CliException(ExitCodes.ACCESS_DENIED, "cannot write " + registryFile
                            + ": access denied (check the file's permissions)");
                }
            } else if (windows != null && !windows.isElevated()) {
                throw new CliException(ExitCodes.ACCESS_DENIED, "changing the registry needs administrator rights: "
                        + "run tlsconf from an elevated prompt (Run as administrator); nothing was changed");
            }
        }

        @Override
        public void commit(Registry registry) {
            if (registry instanceof RegFileRegistry file && file.isDirty()) {
                file.save();
            }
        }
    }

    /** Where no restart can be scheduled (not Windows). */
    static final class NoReboot implements RebootScheduler {
        @Override
        public void schedule(Duration delay, String message) {
            throw new RebootException("restarting is only possible on Windows");
        }

        @Override
        public boolean cancel() {
            throw new CliException(ExitCodes.BAD_INPUT, "there is no Windows restart to cancel on "
                    + System.getProperty("os.name"));
        }
    }

    /** The Windows scheduler, loaded only when a restart is scheduled or cancelled. */
    static final class LazyReboot implements RebootScheduler {
        @Override
        public void schedule(Duration delay, String message) {
            WindowsPlatform.rebootScheduler().schedule(delay, message);
        }

        @Override
        public boolean cancel() {
            return WindowsPlatform.rebootScheduler().cancel();
        }
    }
}
