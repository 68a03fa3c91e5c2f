package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real ACL calls (Windows only, elevated; skips elsewhere): a restricted folder trusts only its own files. */
@EnabledOnOs(OS.WINDOWS)
class WindowsFolderSecurityIT {
    @TempDir
    Path dir;

    @Test
    void aRestrictedFolderIsAdminOnlyAndAFileWrittenInItIsTrusted() throws Exception {
        WindowsFolderSecurity security = new WindowsFolderSecurity(new JnaWinSecurityApi());
        Path backups = dir.resolve("backups");
        security.restrictToAdministrators(backups);
        String sddl = new JnaWinSecurityApi().ownerAndDacl(backups.toString());
        assertTrue(sddl.startsWith("O:BA") && sddl.contains("D:P"), sddl);
        assertEquals(List.of(), WindowsFolderSecurity.writers(backups, "the folder", sddl));
        Path file = backups.resolve("tlsconf-backup-x.json");
        Files.writeString(file, "{}");
        assertEquals(List.of(), security.otherWriters(file));
    }
}
