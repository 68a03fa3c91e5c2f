package org.tlsconf.registry;

/** A write named a key that does not exist (create it first). */
public class RegistryKeyNotFoundException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public RegistryKeyNotFoundException(RegistryPath key) {
        super("registry key not found: " + key);
    }
}
