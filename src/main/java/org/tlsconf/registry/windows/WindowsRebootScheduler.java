package org.tlsconf.registry.windows;

import java.time.Duration;
import org.tlsconf.reboot.RebootScheduler;

/** Schedules a planned restart for reconfiguration with InitiateSystemShutdownEx; cancels with AbortSystemShutdown. */
public final class WindowsRebootScheduler implements RebootScheduler {
    /** SHTDN_REASON_FLAG_PLANNED | SHTDN_REASON_MAJOR_OPERATINGSYSTEM | SHTDN_REASON_MINOR_RECONFIG. */
    public static final int REASON_PLANNED_RECONFIGURATION = 0x80000000 | 0x00020000 | 0x00000004;
    /** MAX_SHUTDOWN_TIMEOUT: ten years. */
    static final long MAX_SECONDS = 10L * 365 * 24 * 60 * 60;

    private final WinShutdownApi api;

    public WindowsRebootScheduler(WinShutdownApi api) {
        this.api = api;
    }

    @Override
    public void schedule(Duration delay, String message) {
        long seconds = delay.toSeconds();
        if (seconds < 1 || seconds > MAX_SECONDS) {
            // with no delay Windows restarts at once and AbortSystemShutdown cannot stop it
            throw new RebootException("a restart can be scheduled from 1 second to 10 years ahead, not " + seconds);
        }
        try {
            requireShutdownPrivilege();
            api.initiateReboot(message, (int) seconds, REASON_PLANNED_RECONFIGURATION);
        } catch (WinError e) {
            throw new RebootException(e.function() + " failed with Win32 error " + e.code()
                    + (e.code() == WinError.ACCESS_DENIED ? " (access denied: run from an elevated prompt)" : ""));
        }
    }

    @Override
    public boolean cancel() {
        try {
            requireShutdownPrivilege();
            api.abortShutdown();
            return true;
        } catch (WinError e) {
            if (e.code() == WinError.NO_SHUTDOWN_IN_PROGRESS) {
                return false;
            }
            throw new RebootException(e.function() + " failed with Win32 error " + e.code());
        }
    }

    private void requireShutdownPrivilege() {
        if (api.enableShutdownPrivilege() == WinError.NOT_ALL_ASSIGNED) {
            throw new RebootException("this account may not restart Windows: its token does not hold "
                    + "SeShutdownPrivilege ('Shut down the system'; AdjustTokenPrivileges: Win32 error 1300, "
                    + "ERROR_NOT_ALL_ASSIGNED). Run tlsconf from an elevated prompt as an administrator, or have "
                    + "the privilege granted to this account");
        }
    }
}
