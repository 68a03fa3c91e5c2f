package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tlsconf.cli.ExitCodes;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.testing.ExternalTool;
import org.tlsconf.testing.Wine;

/**
 * The main job as a sysadmin does it, on a Windows JVM under Wine: the self-contained MSI (the pinned runtime
 * bundled) is installed into a fresh prefix seeded with examples/server-2016-fresh.reg, and {@code tlsconf} runs
 * from the PATH through {@code tlsconf.cmd}: check, apply (JNA writes the live registry), check, status, restore,
 * apply with a scheduled restart, cancel, uninstall. Then every branch of the launcher. Exit codes are what Linux
 * sees of the Windows code ({@code code & 0xFF}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowsEndToEndIT {
    private static final Path RUNTIME = Path.of("target/windows-runtime/jre");
    private static final String INSTALLED = "C:\\Program Files\\tlsconf";
    private static Path work;
    private static Path msi;
    private static Wine wine;
    private static String version;
    private static List<String> exportBeforeApply;

    @BeforeAll
    static void buildTheMsiAndStartWine() throws Exception {
        for (String tool : List.of("wixl", "wixl-heat")) {
            ExternalTool.require(tool, "wixl");
        }
        ExternalTool.require("msiextract", "msitools");
        if (!Files.isRegularFile(RUNTIME.resolve("bin/java.exe"))) {
            fail("the pinned Windows runtime is not at " + RUNTIME + ": mvn package fetches it (prepare-package)");
        }
        Properties p = new Properties();
        try (InputStream in = WindowsEndToEndIT.class.getResourceAsStream("/org/tlsconf/version.properties")) {
            p.load(in);
        }
        version = p.getProperty("version");
        work = Files.createTempDirectory("tlsconf-e2e");
        msi = work.resolve("tlsconf-" + version + ".msi");
        MsiInteropIT.run("bash", "installer/build-msi.sh", version, "target/tlsconf.jar", msi.toString(),
                RUNTIME.toString());
        wine = Wine.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (wine != null) {
            wine.close();
        }
        if (work != null) {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** {@code tlsconf ARGS} from a command prompt: cmd finds tlsconf.cmd on the PATH the MSI set. */
    private static Wine.Result tlsconf(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("cmd", "/c", "tlsconf"));
        cmd.addAll(List.of(args));
        return wine.wine(Map.of("JAVA_HOME", ""), cmd.toArray(String[]::new));
    }

    private static void assertExit(int windowsCode, Wine.Result r) {
        assertEquals(windowsCode & 0xFF, r.code(), "expected exit " + windowsCode + ":\n" + r.output());
    }

    /** reg export of every TLS root, as Wine's reg.exe writes it (a missing key is recorded as missing). */
    private static List<String> exportTlsRoots(String name) throws Exception {
        List<String> out = new ArrayList<>();
        for (var root : TlsRegistry.WRITABLE_ROOTS) {
            Path file = work.resolve(name + "-" + out.size() + ".reg");
            Wine.Result r = wine.wine("reg", "export", root.toLongString(), Wine.windowsPath(file), "/y");
            out.add(root + "\n" + (r.code() == 0 ? new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE)
                    : "(missing)"));
        }
        return out;
    }

    @Test
    @Order(1)
    void theMsiIsSelfContainedWithTheRuntimeAndItsLicences() throws Exception {
        assertTrue(Files.size(msi) <= 150L * 1024 * 1024, "the MSI is " + Files.size(msi) + " bytes");
        List<String> files = MsiInteropIT.run("msiextract", "-l", msi.toString()).lines().toList();
        for (String f : List.of("tlsconf/tlsconf.jar", "tlsconf/tlsconf.cmd", "tlsconf/runtime/bin/java.exe",
                "tlsconf/runtime/release", "tlsconf/runtime/NOTICE", "tlsconf/runtime/legal/java.base/LICENSE",
                "tlsconf/runtime/legal/java.base/ASSEMBLY_EXCEPTION")) {
            assertTrue(files.contains(f), f + " is not in the MSI");
        }
    }

    @Test
    @Order(2)
    void theMsiInstallsAndTlsconfRunsFromThePath() throws Exception {
        Wine.Result imported = wine.wine("reg", "import", Wine.windowsPath(Path.of("examples/server-2016-fresh.reg")));
        assertEquals(0, imported.code(), imported.output());
        assertExit(0, wine.wine("msiexec", "/i", msi.toString(), "/qn"));
        Path installDir = wine.driveC().resolve("Program Files/tlsconf");
        assertArrayEquals(Files.readAllBytes(RUNTIME.resolve("legal/java.base/LICENSE")),
                Files.readAllBytes(installDir.resolve("runtime/legal/java.base/LICENSE")));

        Wine.Result v = tlsconf("--version");
        assertExit(0, v);
        assertEquals("tlsconf " + version, v.output().strip());
        // the MSI carries no class-data archive, and only a check or a diff writes one (an archive of the few classes
        // --version loads would leave check slow for good): this first check (elevated, as Wine runs everything)
        assertEquals(List.of(), archiveFiles(installDir));
        assertExit(0, tlsconf("check", "--help")); // nor a check that only shows its help, nor one that stops early
        assertExit(ExitCodes.BAD_INPUT, tlsconf("check", "no-such-profile"));
        assertEquals(List.of(), archiveFiles(installDir));
        assertExit(ExitCodes.DRIFT, tlsconf("check", "max-protection"));
        assertEquals(List.of("tlsconf.jsa", "tlsconf.jsa.id"), archiveFiles(installDir));
    }

    /** The installed launcher and jar copied into C:\FOLDER (no runtime\ there, no archive yet). */
    private static Path copyOfTheProgram(String folder) throws IOException {
        Path installDir = wine.driveC().resolve("Program Files/tlsconf");
        Path copy = Files.createDirectories(wine.driveC().resolve(folder));
        Files.copy(installDir.resolve("tlsconf.cmd"), copy.resolve("tlsconf.cmd"));
        Files.copy(installDir.resolve("tlsconf.jar"), copy.resolve("tlsconf.jar"));
        return copy;
    }

    /** The files of the class-data archive in the install folder (tlsconf.jsa*), sorted. */
    private static List<String> archiveFiles(Path installDir) throws IOException {
        try (Stream<Path> list = Files.list(installDir)) {
            return list.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("tlsconf.jsa")).sorted()
                    .toList();
        }
    }

    /**
     * {@code LAUNCHER --version} with {@code -Xshare:on} (a JVM that cannot map the archive it is given stops) and the
     * class-load log: the lines of the classes that came from the launcher's archive (the JVM's "top" layer).
     */
    private static List<String> classesFromTheArchive(String launcher, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("TLSCONF_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:on -Xlog:class+load");
        Wine.Result r = wine.wine(all, "cmd", "/c", launcher, "--version");
        assertExit(0, r);
        assertTrue(r.output().lines().anyMatch(l -> l.equals("tlsconf " + version)), r.output());
        return r.output().lines().filter(l -> l.endsWith("source: shared objects file (top)")).toList();
    }

    @Test
    @Order(3)
    void theLauncherMapsItsClassDataArchiveAndReplacesADamagedOrStaleOne() throws Exception {
        // the installed launcher maps the archive its first run wrote. In C:\Program Files that archive holds only
        // Java's own classes: the pinned Java 17 leaves out classes from a jar whose path has a space (their URL has
        // %20, which Java 17's archiving does not decode)
        assertFalse(classesFromTheArchive("tlsconf", Map.of("JAVA_HOME", "")).isEmpty(),
                "the installed launcher did not map its archive");

        // a copy in a folder without a space, run with the installed runtime: tlsconf's own classes come from it
        Path home = copyOfTheProgram("tlsconf-cds");
        String launcher = "C:\\tlsconf-cds\\tlsconf.cmd";
        Map<String, String> env = Map.of("JAVA_HOME", INSTALLED + "\\runtime");
        Wine.Result first = wine.wine(env, "cmd", "/c", launcher, "check", "max-protection");
        assertExit(ExitCodes.DRIFT, first);
        assertEquals(List.of("tlsconf.jsa", "tlsconf.jsa.id"), archiveFiles(home));
        String tlsconfClass = "org.tlsconf.cli.TlsconfCommand source: shared objects file (top)";
        assertTrue(classesFromTheArchive(launcher, env).stream().anyMatch(l -> l.endsWith(tlsconfClass)),
                "tlsconf's classes were not loaded from the archive");

        // damaged (another size than the id records): the run still works, and writes a whole new archive
        Path jsa = home.resolve("tlsconf.jsa");
        Files.writeString(jsa, "not a class-data archive");
        assertChecks(env, launcher);
        assertTrue(Files.size(jsa) > 100_000, "the damaged archive was not replaced");
        assertTrue(classesFromTheArchive(launcher, env).stream().anyMatch(l -> l.endsWith(tlsconfClass)));

        // stale: a jar other than the one the archive was made for (the JVM would refuse the archive, silently)
        Path id = home.resolve("tlsconf.jsa.id");
        String before = Files.readString(id);
        Path jar = home.resolve("tlsconf.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(7200)));
        assertChecks(env, launcher);
        assertFalse(before.equals(Files.readString(id)), "the archive of the old jar was kept: " + before);
        assertTrue(classesFromTheArchive(launcher, env).stream().anyMatch(l -> l.endsWith(tlsconfClass)));
        assertEquals(List.of("tlsconf.jsa", "tlsconf.jsa.id"), archiveFiles(home), "temporary files left");
    }

    @Test
    @Order(4)
    void applyWritesEveryProfileValueThroughJnaAndCheckThenPasses() throws Exception {
        Wine.Result drift = tlsconf("check", "max-protection");
        assertExit(ExitCodes.DRIFT, drift);
        assertTrue(drift.output().contains("Host: Windows Server 2016 Standard (build 14393.693"), drift.output());

        exportBeforeApply = exportTlsRoots("before");
        Wine.Result apply = tlsconf("apply", "max-protection");
        assertExit(ExitCodes.REBOOT_REQUIRED, apply);

        // one reg query per key and view; the 32-bit twins are read the way a 32-bit .NET or WinHTTP client does
        Map<String, String> queried = new LinkedHashMap<>();
        for (DesiredValue d : new ProfileLoader(new ProfileCatalogue()).load("max-protection").values()) {
            String key = d.key().toString();
            String view = "/reg:64";
            if (key.contains("\\Wow6432Node\\")) {
                key = key.replace("\\Wow6432Node\\", "\\");
                view = "/reg:32";
            }
            String k = key;
            String v = view;
            String output = queried.computeIfAbsent(key + " " + view, x -> query(k, v));
            assertTrue(output.matches("(?s).*\\n\\s+" + java.util.regex.Pattern.quote(d.name()) + "\\s+"
                    + regQuery(d.value().orElseThrow()) + "\\n.*"), d + " in " + view + ":\n" + output);
        }
        assertExit(ExitCodes.OK, tlsconf("check", "max-protection"));
    }

    private static String query(String key, String view) {
        try {
            Wine.Result q = wine.wine("reg", "query", key, view);
            assertEquals(0, q.code(), key + " " + view + "\n" + q.output());
            return q.output();
        } catch (Exception e) {
            throw new AssertionError("reg query " + key + " " + view, e);
        }
    }

    /** How reg query prints a value: {@code REG_DWORD    0x1}. */
    private static String regQuery(RegistryValue v) {
        if (v instanceof RegistryValue.Dword d) {
            return "REG_DWORD\\s+0x" + Long.toHexString(d.value());
        }
        if (v instanceof RegistryValue.Sz s) {
            return "REG_SZ\\s+" + java.util.regex.Pattern.quote(s.value());
        }
        if (v instanceof RegistryValue.MultiSz m) {
            return "REG_MULTI_SZ\\s+" + java.util.regex.Pattern.quote(String.join("\\0", m.values()));
        }
        return v.type().name() + "\\s+.*";
    }

    @Test
    @Order(5)
    void statusReportsTheLiveHostAsJson() throws Exception {
        Wine.Result status = tlsconf("status", "--format", "json");
        assertExit(ExitCodes.OK, status);
        JsonNode json = new ObjectMapper().readTree(status.output());
        assertEquals("live registry", json.get("registry").asText());
        assertEquals(14393, json.get("host").get("build").asInt());
        Map<String, String> tls12 = new LinkedHashMap<>();
        for (JsonNode p : json.get("protocols")) {
            if (p.get("protocol").asText().equals("TLS 1.2")) {
                tls12.put(p.get("role").asText(), p.get("state").asText());
            }
        }
        assertEquals(Map.of("Client", "ENABLED", "Server", "ENABLED"), tls12, status.output());
    }

    @Test
    @Order(6)
    void restoreLastGivesTheHostBackExactly() throws Exception {
        Wine.Result restore = tlsconf("restore", "--last");
        assertExit(ExitCodes.REBOOT_REQUIRED, restore);
        assertEquals(exportBeforeApply, exportTlsRoots("restored"));
        assertExit(ExitCodes.DRIFT, tlsconf("check", "max-protection"));
    }

    @Test
    @Order(7)
    void applyCanScheduleTheRestartAndRebootCancelAbortsIt() throws Exception {
        Wine.Result apply = tlsconf("apply", "max-protection", "--reboot=600");
        assertExit(ExitCodes.REBOOT_INITIATED, apply);
        Wine.Result cancel = tlsconf("reboot", "--cancel");
        assertExit(ExitCodes.OK, cancel);
    }

    @Test
    @Order(8)
    void everyLauncherBranchFindsJavaOrSaysWhyNot() throws Exception {
        // a copy of the program without a bundled runtime, so that JAVA_HOME and the PATH are looked at
        Path bare = copyOfTheProgram("tlsconf-bare");
        Path installDir = wine.driveC().resolve("Program Files/tlsconf");
        String launcher = "C:\\tlsconf-bare\\tlsconf.cmd";
        String runtime = INSTALLED + "\\runtime";

        assertRunsTheJar(Map.of("JAVA_HOME", runtime), launcher);
        assertRunsTheJar(Map.of("JAVA_HOME", "", "WINEPATH", runtime + "\\bin"), launcher);

        // a runtime without a release file (as a java.exe stub on the PATH) is asked once: java -version
        Path noRelease = wine.driveC().resolve("jre-no-release");
        copyTree(installDir.resolve("runtime"), noRelease);
        Files.delete(noRelease.resolve("release"));
        assertRunsTheJar(Map.of("JAVA_HOME", "C:\\jre-no-release"), launcher);
        // a runtime without its own class-data archive (as jlink makes one): no archive is written on top of none
        // (the JVM would not start: "DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded")
        Files.delete(noRelease.resolve("bin/server/classes.jsa"));
        Files.delete(noRelease.resolve("bin/server/classes_nocoops.jsa"));
        Files.deleteIfExists(bare.resolve("tlsconf.jsa"));
        Files.deleteIfExists(bare.resolve("tlsconf.jsa.id"));
        assertChecks(Map.of("JAVA_HOME", "C:\\jre-no-release"), launcher); // a check, which would write one
        assertEquals(List.of(), archiveFiles(bare));

        // too old: a runtime folder whose release file says Java 11 (its java.exe is never started)
        Path old = wine.driveC().resolve("jre-11");
        Files.createDirectories(old.resolve("bin"));
        Files.copy(installDir.resolve("runtime/bin/java.exe"), old.resolve("bin/java.exe"));
        Files.writeString(old.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\r\nJAVA_VERSION=\"11.0.2\"\r\n");
        Wine.Result tooOld = wine.wine(Map.of("JAVA_HOME", "C:\\jre-11"), "cmd", "/c", launcher, "--version");
        assertExit(ExitCodes.NO_JAVA, tooOld);
        assertTrue(tooOld.output().contains("\"C:\\jre-11\\bin\\java.exe\" is Java 11.0.2; tlsconf needs Java 17 or "
                + "later"), tooOld.output());

        Wine.Result none = wine.wine(Map.of("JAVA_HOME", ""), "cmd", "/c", launcher, "--version");
        assertExit(ExitCodes.NO_JAVA, none);
        assertTrue(none.output().startsWith("tlsconf: no Java runtime found. Install Java 17 or later"),
                none.output());

        // the exit code of a failing command passes through the launcher too
        Wine.Result bad = tlsconf("apply", "no-such-profile");
        assertExit(ExitCodes.BAD_INPUT, bad);
    }

    @Test
    @Order(9)
    void uninstallingRemovesTheProgramAndKeepsTheBackups() throws Exception {
        Path backups = wine.driveC().resolve("ProgramData/tlsconf/backups");
        List<Path> before;
        try (Stream<Path> list = Files.list(backups)) {
            before = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(3, before.size(), "apply, restore and apply --reboot each back up first: " + before);
        assertExit(0, wine.wine("msiexec", "/x", msi.toString(), "/qn"));
        assertFalse(Files.exists(wine.driveC().resolve("Program Files/tlsconf")), "the program folder must go");
        for (Path b : before) {
            assertTrue(Files.exists(b), b + " must survive the uninstall");
        }
    }

    /** {@code LAUNCHER check max-protection} on Wine's registry ran the jar: a verdict, exit 0 or 1. */
    private static void assertChecks(Map<String, String> env, String launcher) throws Exception {
        Wine.Result r = wine.wine(env, "cmd", "/c", launcher, "check", "max-protection");
        assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.DRIFT, r.code() + ": " + r.output());
        assertTrue(r.output().startsWith("Compliant: ") || r.output().startsWith("Drift: "), r.output());
    }

    private static void assertRunsTheJar(Map<String, String> env, String launcher) throws Exception {
        Wine.Result r = wine.wine(env, "cmd", "/c", launcher, "--version");
        assertExit(0, r);
        assertEquals("tlsconf " + version, r.output().strip(), env.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
