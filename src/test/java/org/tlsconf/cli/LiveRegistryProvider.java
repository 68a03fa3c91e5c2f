package org.tlsconf.cli;

import java.nio.file.Path;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.registry.Registry;

/** A provider whose live registry is the given one (as on an elevated Windows host), for command-line tests. */
final class LiveRegistryProvider implements RegistryProvider {
    private final Registry registry;
    private final FolderSecurity security;

    LiveRegistryProvider(Registry registry, FolderSecurity security) {
        this.registry = registry;
        this.security = security;
    }

    @Override
    public Registry open(Path registryFile) {
        return registry;
    }

    @Override
    public boolean hasLiveRegistry() {
        return true;
    }

    @Override
    public void requireWriteAccess(Path registryFile) {
        // elevated
    }

    @Override
    public void commit(Registry r) {
        // the live registry needs no commit
    }

    @Override
    public FolderSecurity folderSecurity() {
        return security;
    }
}
