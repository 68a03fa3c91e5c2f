package org.tlsconf.registry.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** Advapi32 functions that jna-platform 5.19.1 does not map. Loaded only on Windows (the W variants). */
interface Advapi32Ext extends StdCallLibrary {

    static Advapi32Ext load() {
        return Native.load("advapi32", Advapi32Ext.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    /** RegDeleteKeyExW: deletes a key without subkeys in the given view (KEY_WOW64_64KEY). */
    int RegDeleteKeyEx(WinReg.HKEY hKey, String subKey, int samDesired, int reserved);

    /** InitiateSystemShutdownExW on this machine (machine name null). */
    boolean InitiateSystemShutdownEx(String machineName, String message, int timeoutSeconds, boolean forceAppsClosed,
            boolean rebootAfterShutdown, int reason);

    /** AbortSystemShutdownW on this machine (machine name null). */
    boolean AbortSystemShutdown(String machineName);
}
