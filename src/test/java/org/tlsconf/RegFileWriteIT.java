package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} and {@code restore} on {@code .reg} files as a user runs them ({@code java -jar}): what ends up
 * on disk, byte for byte, and what happens to the file's mode, owner and links.
 */
class RegFileWriteIT {
    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final String TLS10 = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
            + "\\SCHANNEL\\Protocols\\TLS 1.0\\Server";

    @TempDir
    Path dir;

    private JarIT.Result apply(String profile, Path file) throws Exception {
        return JarIT.run("apply", profile, "--registry-file", file.toString(), "--backup-dir",
                dir.resolve("backups").toString());
    }

    /** Restores the backup the one apply made (by its file, so that only that run's backup is used). */
    private JarIT.Result restore(Path file) throws Exception {
        Path backup;
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            backup = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        return JarIT.run("restore", backup.toString(), "--registry-file", file.toString(), "--backup-dir",
                dir.resolve("backups").toString());
    }

    @Test
    void applyThenRestoreOnAFileWithAKeyAndItsDeletionGivesBackTheOriginalBytes() throws Exception {
        Path file = dir.resolve("deleted.reg");
        byte[] original = ("Windows Registry Editor Version 5.00\r\n\r\n[" + TLS10 + "]\r\n\"Enabled\"=dword:00000001"
                + "\r\n\r\n[-" + TLS10 + "]\r\n").getBytes(ANSI);
        Files.write(file, original);
        assertEquals(3010 & 0xFF, apply("max-protection", file).code());
        JarIT.Result r = restore(file);
        assertEquals(3010 & 0xFF, r.code(), r.err());
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void aRegedit4FileKeepsItsAnsiHexStringsThroughApplyAndRestore() throws Exception {
        Path file = dir.resolve("r4.reg");
        byte[] original = ("REGEDIT4\r\n\r\n[" + TLS10 + "]\r\n\"Enabled\"=hex(1):31,32\r\n\"Note\"=\"caf\u00e9\"\r\n"
                + "\"Odd\"=hex(7):e9,00,00\r\n").getBytes(ANSI);
        Files.write(file, original);
        JarIT.Result applied = apply("max-protection", file);
        assertEquals(3010 & 0xFF, applied.code(), applied.err());
        assertTrue(applied.out().contains("every value was read back as written"), applied.out());
        JarIT.Result r = restore(file);
        assertEquals(3010 & 0xFF, r.code(), r.err());
        assertArrayEquals(original, Files.readAllBytes(file), Files.readString(file, ANSI));
    }

    @Test
    void aValueARegedit4FileCannotHoldIsRefusedAndTheFileIsNotWritten() throws Exception {
        Path file = dir.resolve("r4.reg");
        byte[] original = ("REGEDIT4\r\n\r\n[" + TLS10 + "]\r\n\"Enabled\"=dword:00000000\r\n").getBytes(ANSI);
        Files.write(file, original);
        Path profile = dir.resolve("curves.json");
        Files.writeString(profile, "{\"name\": \"curves\", \"keys\": [{\"path\": \"HKLM\\\\SYSTEM\\\\CurrentControlSet"
                + "\\\\Control\\\\Cryptography\\\\Configuration\\\\Local\\\\SSL\\\\00010002\", \"values\": {\"EccCurves\": "
                + "{\"type\": \"REG_MULTI_SZ\", \"data\": [\"NistP256\u2192x\"]}}}]}");
        JarIT.Result r = apply(profile.toString(), file);
        assertEquals(3, r.code(), r.err());
        // the error starts a line (preflight warnings, if any, come before it)
        assertTrue(("\n" + r.err()).contains("\ntlsconf: " + file + " is a REGEDIT4 (ANSI) file and cannot hold "),
                r.err());
        assertTrue(r.err().contains("'\u2192' (U+2192) has no windows-1252 (ANSI) form"), r.err());
        assertArrayEquals(original, Files.readAllBytes(file));
    }

    @Test
    void applyKeepsTheFilesModeAndOwnerAndWritesThroughASymlink() throws Exception {
        Path real = dir.resolve("real.reg");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), real);
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        UserPrincipal owner = Files.getOwner(real);
        if ((Integer) Files.getAttribute(real, "unix:uid") == 0) {
            // as root, hand the file to another user: apply must not take it over
            owner = real.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(real, owner);
        }
        Path link = dir.resolve("link.reg");
        Files.createSymbolicLink(link, real.getFileName());
        byte[] before = Files.readAllBytes(real);

        JarIT.Result r = apply("max-protection", link);
        assertEquals(3010 & 0xFF, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(real.getFileName(), Files.readSymbolicLink(link));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(real)), "the link's target was changed");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(owner, Files.getOwner(real));
    }

    @Test
    void aReadOnlyFileIsRefusedWithExitFiveEvenForRoot() throws Exception {
        Path file = dir.resolve("ro.reg");
        Files.copy(Path.of("examples/server-2016-fresh.reg"), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        JarIT.Result r = apply("max-protection", file);
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().startsWith("tlsconf: cannot write " + file + ": the file is read-only"), r.err());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
