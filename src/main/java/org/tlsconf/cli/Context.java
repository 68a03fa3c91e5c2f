package org.tlsconf.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.reboot.RebootScheduler;

/**
 * What commands need from outside: the registry backends, the profile catalogue, the reboot scheduler, a clock and
 * the default backup folder.
 */
public record Context(RegistryProvider registries, ProfileCatalogue catalogue, RebootScheduler reboots, Clock clock,
        Path defaultBackupDir) {

    public ProfileLoader loader() {
        return new ProfileLoader(catalogue);
    }
}
