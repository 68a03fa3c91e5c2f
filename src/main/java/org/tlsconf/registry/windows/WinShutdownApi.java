package org.tlsconf.registry.windows;

/** The Win32 calls a scheduled restart needs, without JNA types. Each throws {@link WinError} on failure. */
public interface WinShutdownApi {

    /**
     * Asks to enable SeShutdownPrivilege in this process's token (required by InitiateSystemShutdownEx).
     * AdjustTokenPrivileges succeeds even when the token does not hold the privilege at all; then the last error
     * is ERROR_NOT_ALL_ASSIGNED (1300) and nothing was enabled.
     *
     * @return the last error after the successful call: 0, or {@link WinError#NOT_ALL_ASSIGNED}
     */
    int enableShutdownPrivilege();

    /** InitiateSystemShutdownEx on this machine: reboot after {@code timeoutSeconds}, showing {@code message}. */
    void initiateReboot(String message, int timeoutSeconds, int reason);

    /** AbortSystemShutdown on this machine. */
    void abortShutdown();
}
