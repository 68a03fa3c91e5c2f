package org.tlsconf.cli;

import java.nio.file.Path;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.registry.Registry;

/**
 * Opens the registry a command works on: the given {@code .reg} file, or (when {@code registryFile} is null) the
 * live registry of this host. Implemented by the composition root, so that commands never know the backends.
 */
public interface RegistryProvider {

    Registry open(Path registryFile);

    /**
     * The one check that a {@code --registry-file} names a file that is there (exit 2 otherwise, saying whether it
     * is a folder or missing); every command that opens or locks a file goes through it.
     */
    static void requireRegistryFile(Path registryFile) {
        if (registryFile.toString().isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--registry-file is empty: pass the .reg export (or "
                    + "HealthChecker export), e.g. --registry-file examples/server-2016-fresh.reg");
        }
        if (java.nio.file.Files.isDirectory(registryFile)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--registry-file " + registryFile + " is a folder; pass the "
                    + ".reg export (or HealthChecker export) itself, e.g. --registry-file "
                    + registryFile.resolve("host.reg"));
        }
        if (!java.nio.file.Files.isRegularFile(registryFile)) {
            throw new CliException(ExitCodes.BAD_INPUT, java.nio.file.Files.exists(registryFile)
                    ? "--registry-file " + registryFile + " is not a regular file (a pipe or a device): pass the .reg "
                            + "export (or HealthChecker export) itself"
                    : "registry file not found: " + registryFile);
        }
    }

    /**
     * Opens the registry for {@code apply} or {@code restore}, dry run or not: as {@link #open}, but refuses
     * (exit 2) input that can be read but never changed (a HealthChecker export), so that a dry run says exactly
     * what the real run says.
     */
    default Registry openForChange(Path registryFile) {
        java.util.Optional<String> refusal = whyUnchangeable(registryFile);
        if (refusal.isPresent()) {
            throw new CliException(ExitCodes.BAD_INPUT, refusal.get());
        }
        return open(registryFile);
    }

    /**
     * Why {@code apply}/{@code restore} refuse this input (it can be read but never changed: a HealthChecker
     * export), or empty when it may be changed. The one rule behind that refusal, and behind every hint that
     * suggests an {@code apply}: a command that would be refused is never suggested.
     */
    default java.util.Optional<String> whyUnchangeable(Path registryFile) {
        return java.util.Optional.empty();
    }

    /**
     * The registry for a command that only reads the TLS settings (status, check, diff): may read less than
     * {@link #open} — a large {@code .reg} export is read only for the TLS keys — and cannot be written.
     */
    default Registry openForReading(Path registryFile) {
        return open(registryFile);
    }

    /** True when this host has a live registry to open without a file (Windows). */
    boolean hasLiveRegistry();

    /** Exit 2 when there is nothing to work on: no {@code --registry-file}, and no live registry on this host. */
    default void requireRegistry(Path registryFile) {
        if (registryFile == null && !hasLiveRegistry()) {
            throw noLiveRegistry();
        }
    }

    /** The one message for a command given no {@code --registry-file} where there is no Windows registry. */
    static CliException noLiveRegistry() {
        return new CliException(ExitCodes.BAD_INPUT, "there is no Windows registry on this host ("
                + System.getProperty("os.name") + "); pass --registry-file FILE with a regedit export, e.g. "
                + "--registry-file examples/server-2016-fresh.reg");
    }

    /**
     * Fails (exit 5) when this process may not write the registry: not elevated on Windows, or a read-only file.
     * Called before anything is written.
     */
    void requireWriteAccess(Path registryFile);

    /**
     * Who may write the backups and the lock of the live registry: on Windows, Administrators and SYSTEM only.
     * Used only when the live registry is changed.
     */
    default FolderSecurity folderSecurity() {
        return FolderSecurity.UNMANAGED;
    }

    /**
     * Makes the writes made through {@code registry} durable (a {@code .reg} file is replaced atomically; the live
     * registry needs nothing).
     */
    void commit(Registry registry);
}
