package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees, from the packaged jar run as a separate process: output, error messages and exit codes of the
 * rough edges found by trying tlsconf as a new user would (issue 12).
 */
class CliOutputIT {
    static final String EXAMPLE = "examples/server-2016-fresh.reg";

    @TempDir
    Path dir;

    static JarIT.Result run(String... args) throws Exception {
        return JarIT.run(args);
    }

    /** The error output is one line (plus its newline). */
    static void oneLine(JarIT.Result r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void anOsBuildThatContradictsTheFileIsAnErrorUnlessItIsAnOverride() throws Exception {
        JarIT.Result r = run("status", "--registry-file", EXAMPLE, "--os-build", "17763");
        assertEquals(2, r.code(), r.out());
        oneLine(r);
        assertTrue(r.err().contains("says build 14393") && r.err().contains("--os-build 17763 contradicts it")
                && r.err().contains("--override-os-build"), r.err());
        JarIT.Result override = run("status", "--registry-file", EXAMPLE, "--os-build", "17763",
                "--override-os-build");
        assertEquals(0, override.code(), override.err());
        assertTrue(override.out().contains("Host: Windows (build 17763; from --os-build, overriding build 14393 in "
                + "the registry file)"), override.out());
        JarIT.Result same = run("status", "--registry-file", EXAMPLE, "--os-build", "14393");
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("Host: Windows Server 2016 Standard (build 14393.693"), same.out());
    }

    @Test
    void aYearGivenAsOsBuildIsRejectedWithTheKnownBuilds() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.writeString(host, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControl"
                + "Set\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n");
        JarIT.Result r = run("status", "--registry-file", host.toString(), "--os-build", "2016");
        assertEquals(2, r.code(), r.out());
        oneLine(r);
        assertTrue(r.err().contains("--os-build 2016 is not a Windows build number (it looks like a year")
                && r.err().contains("14393 (Server 2016)") && r.err().contains("20348 (Server 2022)"), r.err());
        assertFalse(r.out().contains("Not supported"), r.out());
    }
}
