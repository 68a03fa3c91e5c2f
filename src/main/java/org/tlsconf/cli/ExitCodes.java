package org.tlsconf.cli;

/**
 * tlsconf's exit codes. They are an API: SCCM, Intune and scripts read them. Windows exit codes are 32-bit; a
 * POSIX parent sees only the low 8 bits (3010 as 194, 1641 as 105).
 */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    /** {@code check} found the host differs from the profile. */
    public static final int DRIFT = 1;
    /** Bad usage or bad input: unknown option, malformed profile, {@code .reg} file or backup. */
    public static final int BAD_INPUT = 2;
    /** A runtime failure; every write was rolled back. */
    public static final int FAILED_ROLLED_BACK = 3;
    /** Rolling back failed too: restore by hand from the printed backup. */
    public static final int ROLLBACK_FAILED = 4;
    /** Not elevated, or access denied. */
    public static final int ACCESS_DENIED = 5;
    /**
     * No usable Java: the MSI's launcher {@code tlsconf.cmd} found no Java runtime, or only one older than 17. The
     * jar never returns it; it is listed here so that the codes stay one list.
     */
    public static final int NO_JAVA = 6;
    /** Applied; a reboot is required for it to take effect (ERROR_SUCCESS_REBOOT_REQUIRED). */
    public static final int REBOOT_REQUIRED = 3010;
    /** Applied; a reboot has been scheduled (ERROR_SUCCESS_REBOOT_INITIATED). */
    public static final int REBOOT_INITIATED = 1641;

    /** The exit code list shown at the end of {@code --help}. */
    public static final String HELP_TEXT = """
            Exit codes:
              0     success
              1     check: the host does not match the profile (drift); status --fail-on:
                    a finding of that severity or worse; probe: a BROKEN verdict
              2     bad usage or bad input (profile, .reg file, backup)
              3     runtime failure; every change was rolled back
              4     rollback failed; restore by hand from the backup named in the message
              5     not elevated / access denied
              6     the launcher (tlsconf.cmd, tlsconf) found no Java 17 or later
              3010  applied; reboot required (seen as 194 by a POSIX shell)
              1641  applied; reboot scheduled (seen as 105 by a POSIX shell)""";
}
