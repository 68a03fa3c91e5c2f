package org.tlsconf.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.TargetLock;

/**
 * What commands need from outside: the registry backends, the profile catalogue, the reboot scheduler, a clock and
 * the default backup folder.
 */
public record Context(RegistryProvider registries, ProfileCatalogue catalogue, RebootScheduler reboots, Clock clock,
        Path defaultBackupDir) {

    public ProfileLoader loader() {
        return new ProfileLoader(catalogue);
    }

    /**
     * The lock file of the registry a run changes: next to a {@code .reg} file, or for the live registry one per
     * machine beside the default backup folder ({@code %ProgramData%\tlsconf\tlsconf.lock}) — never in a
     * {@code --backup-dir}, so that runs with different backup folders exclude each other.
     */
    public Path lockFile(Path registryFile) {
        return registryFile != null ? TargetLock.besideFile(registryFile)
                : defaultBackupDir.toAbsolutePath().resolveSibling("tlsconf.lock");
    }

    /** Takes that lock (see {@link TargetLock#acquire}). */
    public TargetLock lock(Path registryFile) {
        return TargetLock.acquire(lockFile(registryFile), ApplyFlow.target(registryFile));
    }
}
