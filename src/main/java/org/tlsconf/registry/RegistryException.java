package org.tlsconf.registry;

/** A registry operation failed. Subclasses say why; the message names the key (and value). */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
