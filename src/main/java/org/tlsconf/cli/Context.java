package org.tlsconf.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.tlsconf.backup.FolderSecurity;
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

    /**
     * Takes that lock (see {@link TargetLock#acquire}); for the live registry, in a folder only Administrators and
     * SYSTEM may write, so that no standard user can hold it.
     */
    public TargetLock lock(Path registryFile) {
        if (registryFile != null) {
            RegistryProvider.requireRegistryFile(registryFile); // before a lock file is made beside it
        }
        Path lock = lockFile(registryFile);
        folderSecurity(registryFile == null).restrictToAdministrators(lock.getParent());
        return TargetLock.acquire(lock, ApplyFlow.target(registryFile));
    }

    /** The ACL policy for a run: the backend's for the live registry; a {@code .reg} file's own permissions else. */
    public FolderSecurity folderSecurity(boolean liveRegistry) {
        return liveRegistry ? registries.folderSecurity() : FolderSecurity.UNMANAGED;
    }
}
