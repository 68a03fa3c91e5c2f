package org.tlsconf.apply;

import java.nio.file.Path;

/**
 * Applying failed. {@link #rolledBack()} says whether every change was undone and verified (exit 3) or whether the
 * host may be half-changed (exit 4: restore from {@link #backupFile()}).
 */
public class ApplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean rolledBack;
    private final transient Path backupFile;

    public ApplyException(String message, Throwable cause, boolean rolledBack, Path backupFile) {
        super(message, cause);
        this.rolledBack = rolledBack;
        this.backupFile = backupFile;
    }

    public boolean rolledBack() {
        return rolledBack;
    }

    /** The backup of this run, or null when none was written. */
    public Path backupFile() {
        return backupFile;
    }
}
