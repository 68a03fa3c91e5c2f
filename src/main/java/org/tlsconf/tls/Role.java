package org.tlsconf.tls;

import java.util.Optional;
import org.tlsconf.registry.RegistryNames;

/** The two sides of a protocol key: outgoing connections (Client) and incoming ones (Server). */
public enum Role {
    CLIENT("Client"),
    SERVER("Server");

    private final String keyName;

    Role(String keyName) {
        this.keyName = keyName;
    }

    public String keyName() {
        return keyName;
    }

    public Role other() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    public static Optional<Role> fromKeyName(String name) {
        for (Role r : values()) {
            if (RegistryNames.same(r.keyName, name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
