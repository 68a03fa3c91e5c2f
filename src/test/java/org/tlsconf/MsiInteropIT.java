package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tlsconf.testing.ExternalTool;
import org.tlsconf.testing.Wine;

/**
 * The MSI as sysadmins deploy it: built by installer/build-msi.sh with Debian's wixl, inspected with msitools, and
 * installed, upgraded, downgraded and uninstalled with Wine's msiexec.
 */
class MsiInteropIT {
    private static Path work;
    private static Path msi01;
    private static Path msi02;

    @BeforeAll
    static void build() throws Exception {
        for (String tool : List.of("wixl", "wixl-heat")) {
            ExternalTool.require(tool, "wixl");
        }
        for (String tool : List.of("msibuild", "msiinfo", "msiextract")) {
            ExternalTool.require(tool, "msitools");
        }
        work = Files.createTempDirectory("tlsconf-msi");
        msi01 = work.resolve("tlsconf-0.1.0.msi");
        msi02 = work.resolve("tlsconf-0.2.0.msi");
        buildMsi("0.1.0", msi01);
        buildMsi("0.2.0", msi02);
    }

    @AfterAll
    static void clean() throws IOException {
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void buildMsi(String version, Path out) throws Exception {
        String output = run("bash", "installer/build-msi.sh", version, "target/tlsconf.jar", out.toString());
        assertTrue(Files.size(out) > 1_000_000, output);
    }

    /** Runs a Linux command, expecting exit 0; its output. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    private static List<String> rows(String idt) {
        List<String> rows = new ArrayList<>(List.of(idt.split("\n")));
        return rows.subList(Math.min(3, rows.size()), rows.size()); // skip the column, type and table header lines
    }

    @Test
    void theMsiHasTheTablesAndEveryFileSysadminsNeed() throws Exception {
        String tables = run("msiinfo", "tables", msi01.toString());
        for (String t : List.of("File", "Component", "Directory", "Environment", "Upgrade", "LaunchCondition",
                "Media")) {
            assertTrue(tables.lines().anyMatch(t::equals), t + " missing: " + tables);
        }
        String suminfo = run("msiinfo", "suminfo", msi01.toString());
        assertTrue(suminfo.contains("Template: x64;1033"), suminfo);
        for (String component : rows(run("msiinfo", "export", msi01.toString(), "Component"))) {
            assertEquals("256", component.split("\t")[3], "every component must be 64-bit: " + component);
        }
        assertTrue(run("msiinfo", "export", msi01.toString(), "Environment")
                .contains("envPath\t=-*PATH\t[~];[INSTALLDIR]\tcmpPath"));
        List<String> upgrade = rows(run("msiinfo", "export", msi01.toString(), "Upgrade"));
        assertEquals(2, upgrade.size(), upgrade.toString());
        assertTrue(upgrade.stream().allMatch(r -> r.startsWith("{27DAC408-CFCE-448E-9284-4C28D8EB3B5E}")), upgrade
                .toString());
        assertTrue(run("msiinfo", "export", msi01.toString(), "LaunchCondition").contains("NOT WIX_DOWNGRADE_DETECTED"));
        assertTrue(run("msiinfo", "export", msi01.toString(), "Directory").contains("ProgramFiles64Folder"));
        List<String> files = run("msiextract", "-l", msi01.toString()).lines().toList();
        List<String> expected = new ArrayList<>(List.of("tlsconf/tlsconf.jar", "tlsconf/tlsconf.cmd",
                "tlsconf/README.md"));
        try (Stream<Path> profiles = Files.list(Path.of("profiles"))) {
            profiles.forEach(p -> expected.add("tlsconf/profiles/" + p.getFileName()));
        }
        assertTrue(files.containsAll(expected), "missing from the MSI: " + expected + " vs " + files);
    }

    @Test
    void aRuntimeFolderIsBundledUnderRuntimeAndNoneBuildsWithoutOne() throws Exception {
        // a stand-in for a Windows JRE folder: the layout build-msi.sh checks and the launcher looks for
        Path runtime = work.resolve("jre-win64");
        Files.createDirectories(runtime.resolve("bin"));
        Files.createDirectories(runtime.resolve("lib"));
        Files.writeString(runtime.resolve("bin/java.exe"), "MZ stand-in");
        Files.writeString(runtime.resolve("lib/modules"), "modules stand-in");
        Files.writeString(runtime.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path msi = work.resolve("tlsconf-runtime.msi");
        run("bash", "installer/build-msi.sh", "0.1.0", "target/tlsconf.jar", msi.toString(), runtime.toString());
        List<String> files = run("msiextract", "-l", msi.toString()).lines().toList();
        assertTrue(files.containsAll(List.of("tlsconf/runtime/bin/java.exe", "tlsconf/runtime/lib/modules",
                "tlsconf/runtime/release", "tlsconf/tlsconf.jar")), files.toString());
        for (String component : rows(run("msiinfo", "export", msi.toString(), "Component"))) {
            assertEquals("256", component.split("\t")[3], component);
        }
        Path none = work.resolve("tlsconf-none.msi");
        run("bash", "installer/build-msi.sh", "0.1.0", "target/tlsconf.jar", none.toString(), "none");
        List<String> noRuntime = run("msiextract", "-l", none.toString()).lines().toList();
        assertTrue(noRuntime.contains("tlsconf/tlsconf.cmd"), noRuntime.toString());
        assertTrue(noRuntime.stream().noneMatch(f -> f.contains("/runtime/")), noRuntime.toString());

        Process bad = new ProcessBuilder("bash", "installer/build-msi.sh", "0.1.0", "target/tlsconf.jar",
                work.resolve("x.msi").toString(), work.toString()).redirectErrorStream(true).start();
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bad.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, bad.exitValue());
        assertTrue(out.contains("does not look like a Windows Java runtime"), out);
    }

    @Test
    void wineInstallsUpgradesRefusesADowngradeAndUninstallsCleanly() throws Exception {
        try (Wine wine = Wine.start()) {
            Path installDir = wine.driveC().resolve("Program Files/tlsconf");
            String tlsBefore = tlsState(wine);

            assertEquals(0, wine.wine("msiexec", "/i", msi01.toString(), "/qn").code());
            assertArrayEquals(Files.readAllBytes(Path.of("target/tlsconf.jar")),
                    Files.readAllBytes(installDir.resolve("tlsconf.jar")));
            assertTrue(Files.exists(installDir.resolve("tlsconf.cmd")));
            assertTrue(Files.exists(installDir.resolve("profiles/max-protection.json")));
            assertTrue(systemPath(wine).contains("C:\\Program Files\\tlsconf"), systemPath(wine));
            assertEquals(tlsBefore, tlsState(wine), "installing must not change any TLS setting");
            assertEquals(List.of("0.1.0"), installedVersions(wine));

            assertEquals(0, wine.wine("msiexec", "/i", msi02.toString(), "/qn").code());
            assertEquals(List.of("0.2.0"), installedVersions(wine), "a major upgrade leaves one product");

            Wine.Result downgrade = wine.wine("msiexec", "/i", msi01.toString(), "/qn");
            assertEquals(1603 & 0xFF, downgrade.code(), "a downgrade must fail with 1603: " + downgrade.output());
            assertEquals(List.of("0.2.0"), installedVersions(wine));

            Path backups = wine.driveC().resolve("ProgramData/tlsconf/backups");
            Files.createDirectories(backups);
            Files.writeString(backups.resolve("tlsconf-backup-x.json"), "{}");

            assertEquals(0, wine.wine("msiexec", "/x", msi02.toString(), "/qn").code());
            assertFalse(Files.exists(installDir), "the install folder must be gone");
            assertFalse(systemPath(wine).contains("tlsconf"), systemPath(wine));
            assertEquals(List.of(), installedVersions(wine));
            assertTrue(Files.exists(backups.resolve("tlsconf-backup-x.json")), "backups must survive an uninstall");
        }
    }

    private static String systemPath(Wine wine) throws Exception {
        return wine.wine("reg", "query", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment",
                "/v", "PATH").output();
    }

    private static List<String> installedVersions(Wine wine) throws Exception {
        String out = wine.wine("reg", "query", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall", "/s")
                .output();
        List<String> versions = new ArrayList<>();
        String[] blocks = out.split("\n\n");
        for (String block : blocks) {
            if (block.lines().anyMatch(l -> l.strip().matches("DisplayName\\s+REG_SZ\\s+tlsconf"))) {
                block.lines().filter(l -> l.strip().startsWith("DisplayVersion")).forEach(l -> versions.add(
                        l.strip().replaceAll("^DisplayVersion\\s+REG_SZ\\s+", "")));
            }
        }
        return versions;
    }

    /** Everything under the TLS roots Wine has, as exported text (empty when a key does not exist). */
    private static String tlsState(Wine wine) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String key : List.of("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework")) {
            sb.append(wine.wine("reg", "query", key, "/s").output());
        }
        return sb.toString();
    }
}
