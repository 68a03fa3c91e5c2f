package org.tlsconf.registry.windows;

/** The Win32 calls a scheduled restart needs, without JNA types. Each throws {@link WinError} on failure. */
public interface WinShutdownApi {

    /** Enables SeShutdownPrivilege in this process's token (required by InitiateSystemShutdownEx). */
    void enableShutdownPrivilege();

    /** InitiateSystemShutdownEx on this machine: reboot after {@code timeoutSeconds}, showing {@code message}. */
    void initiateReboot(String message, int timeoutSeconds, int reason);

    /** AbortSystemShutdown on this machine. */
    void abortShutdown();
}
