package org.tlsconf.registry.windows;

/** The Win32 security calls tlsconf needs, without JNA types, in SDDL. Each throws {@link WinError} on failure. */
public interface WinSecurityApi {

    /** The owner and DACL of a file or folder (GetNamedSecurityInfo), as SDDL ("O:BAD:PAI(A;OICI;FA;;;SY)..."). */
    String ownerAndDacl(String path);

    /** The SID of the account this process runs as ("S-1-5-21-..."). */
    String currentUserSid();

    /** Sets the owner and a protected DACL of a file or folder from SDDL (SetNamedSecurityInfo). */
    void setOwnerAndProtectedDacl(String path, String sddl);
}
