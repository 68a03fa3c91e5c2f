package org.tlsconf.backup;

/** A backup could not be written, or a backup file is unreadable, tampered with or truncated. */
public class BackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    private BackupException(String message, Throwable cause, boolean badInput) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** The backup file given is not a valid, intact tlsconf backup (the user's input is bad). */
    public static BackupException invalid(String message, Throwable cause) {
        return new BackupException(message, cause, true);
    }

    /** Writing or reading the backup folder failed. */
    public static BackupException io(String message, Throwable cause) {
        return new BackupException(message, cause, false);
    }

    public boolean isBadInput() {
        return badInput;
    }
}
