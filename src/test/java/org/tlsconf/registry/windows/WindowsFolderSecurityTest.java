package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.registry.RegistryAccessDeniedException;

class WindowsFolderSecurityTest {
    @TempDir
    Path dir;

    private final WinSecurityApi api = mock(WinSecurityApi.class);
    private final WindowsFolderSecurity security = new WindowsFolderSecurity(api);

    @org.junit.jupiter.api.BeforeEach
    void runAsAnAdministrator() {
        when(api.currentUserSid()).thenReturn("S-1-5-21-7-7-7-500");
    }

    /** A folder created under %ProgramData% by a standard user: inherited ACL, Users may add files. */
    private static final String PROGRAMDATA_INHERITED = "O:S-1-5-21-1004336348-1177238915-682003330-1001"
            + "G:S-1-5-21-1004336348-1177238915-682003330-513D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;OICIIOID;GA;;;CO)"
            + "(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)";
    private static final String ADMIN_ONLY_FOLDER = "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
    private static final String ADMIN_ONLY_FILE = "O:BAD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)";

    @Test
    void theBackupFolderIsCreatedOwnedByAdministratorsWithAProtectedAdminAndSystemOnlyAcl() {
        Path backups = dir.resolve("tlsconf").resolve("backups");
        security.restrictToAdministrators(backups);
        assertTrue(Files.isDirectory(backups));
        verify(api).setOwnerAndProtectedDacl(backups.toAbsolutePath().toString(),
                "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)");
    }

    @Test
    void beingDeniedTheAclChangeIsAccessDenied() {
        doThrow(new WinError(WinError.ACCESS_DENIED, "SetNamedSecurityInfo")).when(api)
                .setOwnerAndProtectedDacl(anyString(), anyString());
        RegistryAccessDeniedException e = assertThrows(RegistryAccessDeniedException.class,
                () -> security.restrictToAdministrators(dir.resolve("b")));
        assertTrue(e.getMessage().contains("to Administrators and SYSTEM"), e.getMessage());
    }

    @Test
    void aBackupInTheAdminOnlyFolderOwnedByAdministratorsIsTrusted() {
        Path file = dir.resolve("tlsconf-backup-x.json");
        when(api.ownerAndDacl(file.toString())).thenReturn(ADMIN_ONLY_FILE);
        when(api.ownerAndDacl(dir.toString())).thenReturn(ADMIN_ONLY_FOLDER);
        assertEquals(List.of(), security.otherWriters(file));
    }

    @Test
    void aFolderWithProgramDatasInheritedAclLetsUsersPlantBackups() {
        Path file = dir.resolve("tlsconf-backup-x.json");
        when(api.ownerAndDacl(file.toString())).thenReturn(ADMIN_ONLY_FILE);
        when(api.ownerAndDacl(dir.toString())).thenReturn(PROGRAMDATA_INHERITED);
        List<String> others = security.otherWriters(file);
        assertTrue(others.stream().anyMatch(o -> o.startsWith("S-1-5-21-1004336348-1177238915-682003330-1001 owns "
                + "its folder")), others.toString());
        assertTrue(others.stream().anyMatch(o -> o.startsWith("BU may write its folder") && o.endsWith(
                "DCLCRPCR)")), others.toString());
        // Users' read-and-execute entry (0x1200a9) and CREATOR OWNER's inherit-only entry are not writers
        assertEquals(2, others.size(), others.toString());
    }

    @Test
    void aFileOwnedByAStandardUserIsNotTrustedEvenInTheAdminOnlyFolder() {
        Path file = dir.resolve("tlsconf-backup-x.json");
        when(api.ownerAndDacl(file.toString())).thenReturn("O:S-1-5-21-1-2-3-1001D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)");
        when(api.ownerAndDacl(dir.toString())).thenReturn(ADMIN_ONLY_FOLDER);
        assertEquals(List.of("S-1-5-21-1-2-3-1001 owns the file (" + file + ")"), security.otherWriters(file));
    }

    @Test
    void theAdministratorRunningTlsconfIsTrustedLikeAdministrators() {
        Path file = dir.resolve("tlsconf-backup-x.json");
        when(api.ownerAndDacl(file.toString())).thenReturn("O:S-1-5-21-7-7-7-500D:(A;;FA;;;S-1-5-21-7-7-7-500)");
        when(api.ownerAndDacl(dir.toString())).thenReturn(ADMIN_ONLY_FOLDER);
        assertEquals(List.of(), security.otherWriters(file));
    }

    @Test
    void rightsInHexAndUnknownLettersCountAsWritesWhenInDoubt() {
        assertEquals(0x1200a9L, WindowsFolderSecurity.rights("0x1200a9"));
        assertEquals(List.of(), WindowsFolderSecurity.writers(dir, "x", "O:SYD:(A;;0x1200a9;;;WD)", WindowsFolderSecurity.TRUSTED));
        assertEquals(1, WindowsFolderSecurity.writers(dir, "x", "O:SYD:(A;;0x1301bf;;;AU)", WindowsFolderSecurity.TRUSTED).size());
        assertEquals(1, WindowsFolderSecurity.writers(dir, "x", "O:SYD:(A;;ZZ;;;AU)", WindowsFolderSecurity.TRUSTED).size());
        assertEquals(List.of(), WindowsFolderSecurity.writers(dir, "x", "O:SYD:(D;;FA;;;WD)", WindowsFolderSecurity.TRUSTED),
                "deny grants nothing");
    }
}
