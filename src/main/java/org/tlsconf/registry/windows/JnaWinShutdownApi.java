package org.tlsconf.registry.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;

/** {@link WinShutdownApi} through JNA. */
final class JnaWinShutdownApi implements WinShutdownApi {
    private final Advapi32Ext ext = Advapi32Ext.load();
    private Advapi32Util.Privilege privilege;

    @Override
    public void enableShutdownPrivilege() {
        try {
            privilege = new Advapi32Util.Privilege(WinNT.SE_SHUTDOWN_NAME).enable();
        } catch (Win32Exception e) {
            throw new WinError(e.getErrorCode(), "AdjustTokenPrivileges(SeShutdownPrivilege)");
        }
    }

    @Override
    public void initiateReboot(String message, int timeoutSeconds, int reason) {
        // forceAppsClosed as `shutdown /r /t N` does for N > 0: a scheduled maintenance restart must not hang
        if (!ext.InitiateSystemShutdownEx(null, message, timeoutSeconds, true, true, reason)) {
            throw new WinError(Kernel32.INSTANCE.GetLastError(), "InitiateSystemShutdownEx");
        }
    }

    @Override
    public void abortShutdown() {
        if (!ext.AbortSystemShutdown(null)) {
            throw new WinError(Kernel32.INSTANCE.GetLastError(), "AbortSystemShutdown");
        }
    }
}
