package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OS-aware profiles and the cipher suite order, through the packaged jar as a process. */
class OsAwareProfilesIT {

    @TempDir
    Path dir;

    static final String POLICY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL"
            + "\\00010002";

    private Path template() throws Exception {
        Path p = dir.resolve("multi-os.json");
        Files.writeString(p, """
                {
                  "name": "multi-os",
                  "cipherSuites": {"unsupported": "drop", "reason": "AEAD first", "order": [
                    {"name": "TLS_AES_256_GCM_SHA384", "minBuild": 20348},
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]},
                  "keys": []
                }
                """);
        return p;
    }

    private Path reg(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "Windows Registry Editor Version 5.00\r\n\r\n" + body);
        return p;
    }

    @Test
    void profilesShowPrintsExactlyWhatOneBuildGetsAndWhatWasLeftOut() throws Exception {
        JarIT.Result r = JarIT.run("profiles", "show", template().toString(), "--os-build", "9600");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Resolved for Windows build 9600: exactly what tlsconf writes on that build."),
                r.out());
        assertTrue(r.out().contains("Functions  REG_SZ \"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384\""), r.out());
        assertTrue(r.out().contains("Left out on this build:\n  - dropped for build 9600: cipher suite "
                + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 is not supported on build 9600"), r.out());
        JarIT.Result on2022 = JarIT.run("profiles", "show", template().toString(), "--os-build", "20348");
        assertTrue(on2022.out().contains("\"TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\""), on2022.out());
    }

    @Test
    void aBuildDependentProfileOnARegistryWithoutItsBuildExitsTwoAskingForOsBuild() throws Exception {
        Path noBuild = reg("nobuild.reg", "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
                + "SecurityProviders\\SCHANNEL]\r\n\"EventLogging\"=dword:00000001\r\n");
        JarIT.Result r = JarIT.run("diff", template().toString(), "--registry-file", noBuild.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("profile multi-os depends on the Windows build") && r.err().contains(
                "pass --os-build N, e.g. 9600 (2012 R2), 14393 (2016)"), r.err());
        JarIT.Result given = JarIT.run("diff", template().toString(), "--registry-file", noBuild.toString(),
                "--os-build", "17763");
        assertEquals(0, given.code(), given.err());
        assertTrue(given.out().contains("+ Functions  (absent)  ->  REG_SZ (2 items)"), given.out());
    }

    @Test
    void diffShowsAnOrderChangeAsItemsThatAppearDisappearAndMove() throws Exception {
        Path host = reg("host.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                + "\"CurrentBuild\"=\"20348\"\r\n\r\n[" + POLICY + "]\r\n\"Functions\"=\""
                + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA,"
                + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"\r\n");
        JarIT.Result r = JarIT.run("diff", template().toString(), "--registry-file", host.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("~ Functions  REG_SZ (3 items)  ->  REG_SZ (3 items)\n"
                + "      1 added, 1 removed, 2 moved\n"
                + "      + TLS_AES_256_GCM_SHA384  (new at 1)\n"
                + "      - TLS_RSA_WITH_3DES_EDE_CBC_SHA  (was at 2)\n"
                + "      ~ TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384  3 -> 2\n"
                + "      ~ TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256  1 -> 3\n"), r.out());
        JarIT.Result json = JarIT.run("diff", template().toString(), "--registry-file", host.toString(),
                "--format", "json");
        assertTrue(json.out().contains("\"removed\" : [ {\n        \"name\" : \"TLS_RSA_WITH_3DES_EDE_CBC_SHA\""),
                json.out());
    }

    @Test
    void aSuiteTheHostsBuildLacksInASingleOsProfileIsBadInput() throws Exception {
        Path p = dir.resolve("one-os.json");
        Files.writeString(p, "{\"name\": \"one-os\", \"cipherSuites\": {\"order\": [\n"
                + "\"TLS_AES_256_GCM_SHA384\"]}, \"keys\": []}\n");
        JarIT.Result r = JarIT.run("check", p.toString(), "--registry-file", "examples/server-2016-fresh.reg");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith(p + ":2:1: $.cipherSuites.order[0]: cipher suite TLS_AES_256_GCM_SHA384 is "
                + "not supported on build 14393 (Windows 10 1607 / Server 2016)"), r.err());
    }

    @Test
    void aBundledProfileAppliedToA2012R2ExportChecksCleanAndASecondApplyDoesNothing() throws Exception {
        Path host = dir.resolve("server-2012r2.reg");
        Files.copy(Path.of("src/test/resources/hosts/server-2012r2.reg"), host);
        String backups = dir.resolve("backups").toString();
        JarIT.Result apply = JarIT.run("apply", "best-practices", "--registry-file", host.toString(), "--backup-dir",
                backups);
        assertEquals(3010 & 0xFF, apply.code(), apply.err());
        assertTrue(apply.out().contains("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384"), apply.out());
        JarIT.Result check = JarIT.run("check", "best-practices", "--registry-file", host.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        JarIT.Result again = JarIT.run("apply", "best-practices", "--registry-file", host.toString(), "--backup-dir",
                backups);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Nothing to do"), again.out());
    }

    @Test
    void profilesListSaysWhichBundledProfilesCarryAnOrderAndDependOnTheBuild() throws Exception {
        JarIT.Result r = JarIT.run("profiles", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("strict            67 values + cipher suite order + ECC curve order, by Windows "
                + "build"), r.out());
        assertTrue(r.out().contains("stig-iis10        28 values\n"), r.out());
    }
}
