package org.tlsconf.registry;

/** The input that describes a registry (a {@code .reg} file, say) is malformed; the user has to fix it. */
public abstract class RegistryInputException extends RegistryException {
    private static final long serialVersionUID = 1L;

    protected RegistryInputException(String message) {
        super(message);
    }

    /** Every problem, one per line, each naming the file and line. */
    public abstract String fullReport();
}
