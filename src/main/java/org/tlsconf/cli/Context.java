package org.tlsconf.cli;

import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;

/** What commands need from outside: the registry backends and the profile catalogue. */
public record Context(RegistryProvider registries, ProfileCatalogue catalogue) {

    public ProfileLoader loader() {
        return new ProfileLoader(catalogue);
    }
}
