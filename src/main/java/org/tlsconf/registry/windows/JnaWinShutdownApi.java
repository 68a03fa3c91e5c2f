package org.tlsconf.registry.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;

/** {@link WinShutdownApi} through JNA. */
final class JnaWinShutdownApi implements WinShutdownApi {
    private final Advapi32Ext ext = Advapi32Ext.load();

    @Override
    public int enableShutdownPrivilege() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(),
                WinNT.TOKEN_ADJUST_PRIVILEGES | WinNT.TOKEN_QUERY, token)) {
            throw new WinError(Native.getLastError(), "OpenProcessToken");
        }
        try {
            WinNT.LUID luid = new WinNT.LUID();
            if (!Advapi32.INSTANCE.LookupPrivilegeValue(null, WinNT.SE_SHUTDOWN_NAME, luid)) {
                throw new WinError(Native.getLastError(), "LookupPrivilegeValue(SeShutdownPrivilege)");
            }
            WinNT.TOKEN_PRIVILEGES privileges = new WinNT.TOKEN_PRIVILEGES(1);
            privileges.Privileges[0] = new WinNT.LUID_AND_ATTRIBUTES(luid,
                    new WinDef.DWORD(WinNT.SE_PRIVILEGE_ENABLED));
            if (!Advapi32.INSTANCE.AdjustTokenPrivileges(token.getValue(), false, privileges, 0, null, null)) {
                throw new WinError(Native.getLastError(), "AdjustTokenPrivileges(SeShutdownPrivilege)");
            }
            return Native.getLastError(); // 1300 (ERROR_NOT_ALL_ASSIGNED) when the token lacks the privilege
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
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
