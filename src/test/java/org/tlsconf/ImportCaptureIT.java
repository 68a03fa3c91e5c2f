package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles import and profiles capture through the packaged jar as a process. */
class ImportCaptureIT {

    @TempDir
    Path dir;

    @Test
    void importWritesAProfileThatLoadsAndSaysWhatItConvertedAndCouldNotMap() throws Exception {
        Path out = dir.resolve("farm.json");
        JarIT.Result r = JarIT.run("profiles", "import", "src/test/resources/ictpl/v3-bsi-style.ictpl", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Wrote profile web-farm-tls12 (49 values, 1 order) to " + out), r.out());
        assertTrue(r.out().contains("note: IIS Crypto's 'enabled' for protocols (-1, i.e. Enabled=0xFFFFFFFF) was "
                + "written as Enabled=1"), r.out());
        assertTrue(r.out().contains("note: unknown cipher 'Camellia 256/256': not imported"), r.out());
        JarIT.Result show = JarIT.run("profiles", "show", out.toString(), "--os-build", "20348");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("\"TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,"), show.out());
    }

    @Test
    void importWithoutOutputPrintsTheProfileAndPutsTheNotesOnStandardError() throws Exception {
        JarIT.Result r = JarIT.run("profiles", "import", "src/test/resources/ictpl/v0-legacy-utf16.ictpl");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"legacy-servers\""), r.out());
        assertTrue(r.err().contains("note: unknown section <extras>: not imported"), r.err());
        Path saved = dir.resolve("legacy.json");
        Files.writeString(saved, r.out());
        assertEquals(0, JarIT.run("profiles", "validate", saved.toString()).code());
    }

    @Test
    void aFileThatIsNotATemplateExitsTwoWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.ictpl");
        Files.writeString(bad, "<iisCryptoTemplate>\n  <header>\n</iisCryptoTemplate>\n");
        JarIT.Result r = JarIT.run("profiles", "import", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith(bad + ":3:"), r.err());
        JarIT.Result missing = JarIT.run("profiles", "import", dir.resolve("none.ictpl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.ictpl: no such file"), missing.err());
    }

    @Test
    void aCaptureOfAHardenedHostReproducesItOnAFreshOne() throws Exception {
        Path golden = dir.resolve("golden.reg");
        Path fresh = dir.resolve("fresh.reg");
        Files.copy(Path.of("src/test/resources/hosts/server-2019.reg"), golden);
        Files.copy(Path.of("src/test/resources/hosts/server-2019.reg"), fresh);
        String backups = dir.resolve("b").toString();
        JarIT.run("apply", "pci-dss-4", "--registry-file", golden.toString(), "--backup-dir", backups);
        Path profile = dir.resolve("captured.json");
        JarIT.Result capture = JarIT.run("profiles", "capture", "--registry-file", golden.toString(), "-o",
                profile.toString(), "--name", "golden-2019");
        assertEquals(0, capture.code(), capture.err());
        assertTrue(capture.out().startsWith("Wrote profile golden-2019 ("), capture.out());
        JarIT.Result apply = JarIT.run("apply", profile.toString(), "--registry-file", fresh.toString(),
                "--backup-dir", backups);
        assertEquals(3010 & 0xFF, apply.code(), apply.err());
        JarIT.Result check = JarIT.run("check", "pci-dss-4", "--registry-file", fresh.toString());
        assertEquals(0, check.code(), check.out());
    }
}
