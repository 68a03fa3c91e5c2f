package org.tlsconf.registry.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.AccCtrl;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** {@link WinSecurityApi} through JNA (Advapi32 GetNamedSecurityInfo / SetNamedSecurityInfo and SDDL). */
final class JnaWinSecurityApi implements WinSecurityApi {
    private static final int SDDL_REVISION_1 = 1;
    private static final int OWNER_AND_DACL = WinNT.OWNER_SECURITY_INFORMATION | WinNT.DACL_SECURITY_INFORMATION;

    /** The SDDL conversions, which jna-platform 5.19.1 does not map. */
    interface Sddl extends StdCallLibrary {
        boolean ConvertSecurityDescriptorToStringSecurityDescriptor(Pointer sd, int revision, int information,
                PointerByReference sddl, IntByReference length);

        boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String sddl, int revision,
                PointerByReference sd, IntByReference size);

        boolean GetSecurityDescriptorOwner(Pointer sd, PointerByReference owner, IntByReference defaulted);

        boolean GetSecurityDescriptorDacl(Pointer sd, IntByReference present, PointerByReference dacl,
                IntByReference defaulted);
    }

    private final Sddl sddl = Native.load("advapi32", Sddl.class, W32APIOptions.DEFAULT_OPTIONS);

    @Override
    public String ownerAndDacl(String path) {
        PointerByReference sd = new PointerByReference();
        int rc = Advapi32.INSTANCE.GetNamedSecurityInfo(path, AccCtrl.SE_OBJECT_TYPE.SE_FILE_OBJECT, OWNER_AND_DACL,
                new PointerByReference(), null, new PointerByReference(), null, sd);
        if (rc != 0) {
            throw new WinError(rc, "GetNamedSecurityInfo(" + path + ")");
        }
        try {
            PointerByReference text = new PointerByReference();
            if (!sddl.ConvertSecurityDescriptorToStringSecurityDescriptor(sd.getValue(), SDDL_REVISION_1,
                    OWNER_AND_DACL, text, new IntByReference())) {
                throw new WinError(Kernel32.INSTANCE.GetLastError(),
                        "ConvertSecurityDescriptorToStringSecurityDescriptor(" + path + ")");
            }
            try {
                return text.getValue().getWideString(0);
            } finally {
                Kernel32Util.freeLocalMemory(text.getValue());
            }
        } finally {
            Kernel32Util.freeLocalMemory(sd.getValue());
        }
    }

    @Override
    public String currentUserSid() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_QUERY, token)) {
            throw new WinError(Kernel32.INSTANCE.GetLastError(), "OpenProcessToken");
        }
        try {
            return Advapi32Util.getTokenAccount(token.getValue()).sidString;
        } finally {
            Kernel32Util.closeHandle(token.getValue());
        }
    }

    @Override
    public void setOwnerAndProtectedDacl(String path, String sddlText) {
        PointerByReference sd = new PointerByReference();
        if (!sddl.ConvertStringSecurityDescriptorToSecurityDescriptor(sddlText, SDDL_REVISION_1, sd,
                new IntByReference())) {
            throw new WinError(Kernel32.INSTANCE.GetLastError(), "ConvertStringSecurityDescriptorToSecurityDescriptor");
        }
        try {
            PointerByReference owner = new PointerByReference();
            PointerByReference dacl = new PointerByReference();
            if (!sddl.GetSecurityDescriptorOwner(sd.getValue(), owner, new IntByReference())
                    || !sddl.GetSecurityDescriptorDacl(sd.getValue(), new IntByReference(), dacl,
                            new IntByReference())) {
                throw new WinError(Kernel32.INSTANCE.GetLastError(), "GetSecurityDescriptorOwner/Dacl");
            }
            int info = OWNER_AND_DACL | WinNT.PROTECTED_DACL_SECURITY_INFORMATION;
            int rc = Advapi32.INSTANCE.SetNamedSecurityInfo(path, AccCtrl.SE_OBJECT_TYPE.SE_FILE_OBJECT, info,
                    owner.getValue(), null, dacl.getValue(), null);
            if (rc != 0) {
                throw new WinError(rc, "SetNamedSecurityInfo(" + path + ")");
            }
        } finally {
            Kernel32Util.freeLocalMemory(sd.getValue());
        }
    }
}
