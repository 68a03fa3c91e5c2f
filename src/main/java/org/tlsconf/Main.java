package org.tlsconf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
        boolean windows = isWindows();
        Backends backends = windows
                ? new Backends(true, WindowsPlatform::liveRegistry, WindowsPlatform::isElevated,
                        WindowsPlatform::folderSecurity)
                : new Backends(false, () -> null, () -> false, () -> FolderSecurity.UNMANAGED);
        RebootScheduler reboots = windows ? new LazyReboot() : new NoReboot();
        return Cli.create(new Context(backends, new ProfileCatalogue(), reboots, Clock.systemUTC(),
                defaultBackupDir()), args);
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

    /** The {@code .reg} file backend, or the live registry on Windows. */
    static final class Backends implements RegistryProvider {
        private final boolean windows;
        private final Supplier<Registry> live;
        private final BooleanSupplier elevated;
        private final Supplier<FolderSecurity> folderSecurity;

        Backends(boolean windows, Supplier<Registry> live, BooleanSupplier elevated,
                Supplier<FolderSecurity> folderSecurity) {
            this.windows = windows;
            this.live = live;
            this.elevated = elevated;
            this.folderSecurity = folderSecurity;
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
            if (windows) {
                return live.get();
            }
            throw new CliException(ExitCodes.BAD_INPUT, "there is no Windows registry on this host ("
                    + System.getProperty("os.name") + "); pass --registry-file FILE with a regedit export, e.g. "
                    + "--registry-file examples/server-2016-fresh.reg");
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
            return folderSecurity.get();
        }

        @Override
        public boolean hasLiveRegistry() {
            return windows;
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
            } else if (windows && !elevated.getAsBoolean()) {
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
