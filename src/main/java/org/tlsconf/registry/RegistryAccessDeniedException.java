package org.tlsconf.registry;

/** The caller may not read or write this key (Win32 ERROR_ACCESS_DENIED, or a read-only file). */
public class RegistryAccessDeniedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public RegistryAccessDeniedException(String message) {
        super(message);
    }

    public RegistryAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
