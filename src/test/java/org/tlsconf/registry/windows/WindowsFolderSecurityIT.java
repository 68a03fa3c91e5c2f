package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.testing.WindowsJvm;

/**
 * The real ACL calls through JNA on a Windows JVM (under Wine in CI): the SDDL round trip and a restricted folder
 * that trusts the files written in it. (Wine enforces no ACLs, so the refusals are tested with Mockito.)
 */
@Tag(WindowsJvm.TAG)
class WindowsFolderSecurityIT {
    @BeforeAll
    static void onWindows() {
        WindowsJvm.require();
    }

    @TempDir
    Path dir;

    @Test
    void aRestrictedFolderIsAdminOnlyAndAFileWrittenInItIsTrusted() throws Exception {
        WindowsFolderSecurity security = new WindowsFolderSecurity(new JnaWinSecurityApi());
        Path backups = dir.resolve("backups");
        security.restrictToAdministrators(backups);
        JnaWinSecurityApi api = new JnaWinSecurityApi();
        String sddl = api.ownerAndDacl(backups.toString());
        // on Windows: owner BA, protected DACL; Wine accepts the call but keeps the creator as owner and its own
        // DACL, which grants writing only to SYSTEM and the (administrator) account running the test
        assertTrue(sddl.startsWith("O:") && sddl.contains("D:"), sddl);
        java.util.Set<String> trusted = new java.util.HashSet<>(WindowsFolderSecurity.TRUSTED);
        trusted.add(api.currentUserSid());
        assertTrue(api.currentUserSid().startsWith("S-1-5-"), api.currentUserSid());
        assertEquals(List.of(), WindowsFolderSecurity.writers(backups, "the folder", sddl, trusted));
        Path file = backups.resolve("tlsconf-backup-x.json");
        Files.writeString(file, "{}");
        assertEquals(List.of(), security.otherWriters(file));
    }
}
