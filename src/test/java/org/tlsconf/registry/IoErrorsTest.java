package org.tlsconf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void namesWhatWentWrongNotOnlyThePath() {
        assertEquals("permission denied: robk/.tlsconf.lock",
                IoErrors.describe(new AccessDeniedException("robk/.tlsconf.lock")));
        assertEquals("no such file or folder: x.reg", IoErrors.describe(new NoSuchFileException("x.reg")));
        assertEquals("permission denied: b.json", IoErrors.describe(new RegistryException("cannot write b.json",
                new AccessDeniedException("b.json"))));
    }

    @Test
    void aTargetThatCannotBeLockedSaysWhy() throws Exception {
        // as root every folder is writable, so the failure here is a lock file that is a folder; the words come
        // from the same place as "permission denied"
        Path lock = dir.resolve("host.reg.tlsconf.lock");
        Files.createDirectories(lock);
        RegistryException e = assertThrows(RegistryException.class, () -> TargetLock.acquire(lock, "registry file"));
        assertTrue(e.getMessage().startsWith("cannot take the lock " + lock + " for the registry file: is a directory: "),
                e.getMessage());
    }
}
