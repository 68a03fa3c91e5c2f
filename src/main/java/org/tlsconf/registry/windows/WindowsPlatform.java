package org.tlsconf.registry.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.Registry;

/**
 * The Windows host as the composition root needs it. Nothing here loads native code until it is called, and it is
 * called only on Windows.
 */
public final class WindowsPlatform {
    private WindowsPlatform() {
    }

    public static Registry liveRegistry() {
        return new WindowsRegistry(new JnaWinRegistryApi());
    }

    /** True when the process token is elevated (an administrator's full token). */
    public static boolean isElevated() {
        return Advapi32Util.isCurrentProcessElevated();
    }

    /** ACLs of tlsconf's folders under %ProgramData% and trust in backup files. */
    public static FolderSecurity folderSecurity() {
        return new WindowsFolderSecurity(new JnaWinSecurityApi());
    }

    public static RebootScheduler rebootScheduler() {
        return new WindowsRebootScheduler(new JnaWinShutdownApi());
    }
}
