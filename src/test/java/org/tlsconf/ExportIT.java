package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegDocument;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.testing.Ansible;
import org.tlsconf.testing.ExternalTool;
import org.tlsconf.testing.Wine;

/**
 * {@code tlsconf export} as a process, each format checked by an independent implementation: the {@code .reg} file
 * by Wine's {@code reg import}/{@code reg export}, the playbook by Ansible (syntax check, module options) and the
 * Registry.pol by Samba's parser. Every output is mapped back to the profile's values one to one.
 */
class ExportIT {
    static final String EVERY_TYPE = "src/test/resources/profiles/export-every-type.json";
    static final String OS_AWARE = "src/test/resources/profiles/os-aware-order.json";

    @TempDir
    Path dir;

    private static Profile load(String reference) {
        return new ProfileLoader(new ProfileCatalogue()).load(reference);
    }

    /** A value as (key, name, value) with the key compared case-insensitively, for one-to-one comparisons. */
    private record Wanted(RegistryPath key, String name, Optional<RegistryValue> value) {
        static Wanted of(DesiredValue d) {
            return new Wanted(d.key(), d.name(), d.value());
        }
    }

    private static List<Wanted> wanted(Profile p) {
        return p.values().stream().map(Wanted::of).toList();
    }

    private static List<String> sorted(List<Wanted> values) {
        return values.stream().map(Wanted::toString).sorted().toList();
    }

    // ---- reg -------------------------------------------------------------------------------------------------

    @Test
    void regGoesToStandardOutputAsUtf16WithBomAndCrlfSettingAndDeletingValuesButNoKey() throws Exception {
        JarIT.Result r = JarIT.run("export", EVERY_TYPE, "--format", "reg");
        assertEquals(0, r.code(), r.err());
        byte[] b = r.bytes();
        assertEquals(List.of(0xFF, 0xFE), List.of(b[0] & 0xFF, b[1] & 0xFF), "UTF-16LE byte order mark");
        String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n"), text);
        assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"),
                "every line ends with CRLF");
        assertFalse(text.contains("\r\n[-"), "no key is deleted");
        assertTrue(text.contains("\"EventLogging\"=-\r\n"), text);
        // what the file does, as reg import applies it to an empty registry: exactly the profile's values
        // one section per key (a key the profile names twice, through extends, is written once): the same values
        assertEquals(sorted(wanted(load(EVERY_TYPE))), sorted(regValues(b)));
        // -o writes the same bytes
        Path file = dir.resolve("out.reg");
        JarIT.Result o = JarIT.run("export", EVERY_TYPE, "--format", "reg", "-o", file.toString());
        assertEquals(0, o.code(), o.err());
        assertArrayEquals(b, Files.readAllBytes(file));
        assertTrue(o.err().startsWith("Wrote " + file), o.err());
    }

    @Test
    void wineImportsTheRegExportIntoAHostAndTheResultComplies() throws Exception {
        Path reg = dir.resolve("export.reg");
        assertEquals(0, JarIT.run("export", EVERY_TYPE, "--format", "reg", "-o", reg.toString()).code());
        Path before = dir.resolve("before.reg");
        Path after = dir.resolve("after.reg");
        try (Wine wine = Wine.start()) {
            Wine.Result seed = wine.wine("reg", "import", Wine.windowsPath(Path.of("examples/server-2016-fresh.reg")));
            assertEquals(0, seed.code(), seed.output());
            exportTls(wine, before);
            Wine.Result imported = wine.wine("reg", "import", Wine.windowsPath(reg));
            assertEquals(0, imported.code(), imported.output());
            exportTls(wine, after);
        }
        JarIT.Result was = JarIT.run("check", EVERY_TYPE, "--registry-file", before.toString());
        assertEquals(1, was.code(), "the seeded host drifts before the import: " + was.out() + was.err());
        JarIT.Result now = JarIT.run("check", EVERY_TYPE, "--registry-file", after.toString());
        assertEquals(0, now.code(), now.out() + now.err());
        // no key was deleted: every key of the host before the import is still there
        var keysBefore = RegFileReader.parse(Files.readAllBytes(before), "before").replay("b").snapshot().keySet();
        var keysAfter = RegFileReader.parse(Files.readAllBytes(after), "after").replay("a").snapshot().keySet();
        assertTrue(keysAfter.containsAll(keysBefore), "keys lost: " + keysBefore.stream()
                .filter(k -> !keysAfter.contains(k)).toList());
    }

    /** {@code reg export} of the keys the profile touches, joined into one regedit file (one header). */
    private static void exportTls(Wine wine, Path target) throws Exception {
        StringBuilder all = new StringBuilder("Windows Registry Editor Version 5.00\r\n");
        for (String key : List.of("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
                "HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework",
                "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL")) {
            Path part = Files.createTempFile(target.getParent(), "part", ".reg");
            Wine.Result r = wine.wine("reg", "export", key, Wine.windowsPath(part), "/y");
            if (r.code() == 0) {
                byte[] b = Files.readAllBytes(part);
                String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
                all.append(text.substring(text.indexOf("\r\n") + 2));
            }
        }
        byte[] body = all.toString().getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        Files.write(target, out);
    }

    // ---- ansible ---------------------------------------------------------------------------------------------

    @Test
    void ansiblePlaybookPassesSyntaxCheckUsesOnlyDocumentedOptionsAndMapsToTheProfileOneToOne() throws Exception {
        Ansible.require();
        JarIT.Result r = JarIT.run("export", EVERY_TYPE, "--format", "ansible");
        assertEquals(0, r.code(), r.err());
        Path yml = Files.writeString(dir.resolve("tls.yml"), r.out());
        Ansible.Result syntax = Ansible.syntaxCheck(yml);
        assertEquals(0, syntax.code(), syntax.output());
        JsonNode playbook = Ansible.read(yml);
        List<String> problems = new ArrayList<>();
        List<Wanted> tasks = new ArrayList<>();
        Profile profile = load(EVERY_TYPE);
        for (JsonNode t : Ansible.tasks(playbook)) {
            problems.addAll(Ansible.optionProblems(t));
            if (Ansible.module(t).equals("ansible.windows.win_regedit")) {
                Wanted w = fromTask(t.get("ansible.windows.win_regedit"));
                tasks.add(w);
                boolean reboot = w.key().isAtOrBelow(RegistryPath.parse(
                        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"))
                        || w.key().isAtOrBelow(RegistryPath.parse("HKLM\\SOFTWARE\\Policies\\Microsoft"));
                assertEquals(reboot, t.has("notify"), "reboot handler notified for " + w);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(wanted(profile), tasks);
        // each task's name says what it sets: the protocol (or .NET version, cipher ...), the side and the value
        List<String> names = new ArrayList<>();
        for (JsonNode t : Ansible.tasks(playbook)) {
            if (Ansible.module(t).equals("ansible.windows.win_regedit")) {
                JsonNode a = t.get("ansible.windows.win_regedit");
                List<String> path = List.of(a.get("path").asText().split("\\\\"));
                String expected = path.get(path.size() - 2) + "\\" + path.get(path.size() - 1) + "\\"
                        + (a.get("name").asText().isEmpty() ? "(Default)" : a.get("name").asText());
                assertTrue(t.get("name").asText().startsWith(expected), t.get("name").asText() + " / " + expected);
                names.add(t.get("name").asText());
            }
        }
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "task names are distinct: " + names);
        JsonNode handler = playbook.get(0).get("handlers").get(0);
        assertTrue(handler.has("ansible.windows.win_reboot"), handler.toString());
        for (JsonNode t : Ansible.tasks(playbook)) {
            if (t.has("notify")) {
                assertEquals(handler.get("name").asText(), t.get("notify").asText());
            }
        }
    }

    /** A win_regedit task's options as the value they write, per the module's documentation. */
    private static Wanted fromTask(JsonNode a) {
        String path = a.get("path").asText();
        assertTrue(path.startsWith("HKLM:\\"), path);
        RegistryPath key = RegistryPath.parse("HKLM\\" + path.substring("HKLM:\\".length()));
        String name = a.get("name").asText();
        if (a.get("state").asText().equals("absent")) {
            assertFalse(a.has("data") || a.has("type") || a.has("delete_key"), a.toString());
            return new Wanted(key, name, Optional.empty());
        }
        assertEquals("present", a.get("state").asText());
        JsonNode d = a.get("data");
        RegistryValue v = switch (a.get("type").asText()) {
            case "dword" -> {
                assertTrue(d.isIntegralNumber() && d.asLong() >= 0 && d.asLong() <= 0xFFFFFFFFL, d.toString());
                yield RegistryValue.dword(d.asLong());
            }
            case "qword" -> {
                assertTrue(d.isIntegralNumber() && d.bigIntegerValue().signum() >= 0, d.toString());
                yield RegistryValue.qword(d.bigIntegerValue().longValue());
            }
            case "string" -> RegistryValue.sz(d.asText());
            case "expandstring" -> RegistryValue.expandSz(d.asText());
            case "multistring" -> {
                List<String> items = new ArrayList<>();
                d.forEach(x -> items.add(x.asText()));
                yield RegistryValue.multiSz(items);
            }
            case "binary" -> {
                assertTrue(d.asText().startsWith("hex:"), d.toString());
                yield RegistryValue.binary(HexFormat.of().parseHex(d.asText().substring(4).replace(",", "")));
            }
            default -> throw new AssertionError("type " + a.get("type"));
        };
        return new Wanted(key, name, Optional.of(v));
    }

    @Test
    void ansibleCarriesEveryBuildWithConditionsThatAnsibleEvaluatesToTheProfileAsResolvedForThatBuild()
            throws Exception {
        Ansible.require();
        // a template for several Windows versions (orders drop what a build lacks), and one that cannot be written
        // for builds without suite data or without its suite (a fail task stops those hosts)
        Path strict = Files.writeString(dir.resolve("strict-order.json"), "{\"name\": \"strict-order\", "
                + "\"description\": \"test\", \"cipherSuites\": {\"order\": [\"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\"]},"
                + " \"keys\": []}");
        // and one that does not depend on the build, with text Jinja2 must leave alone (!unsafe)
        for (String reference : List.of(OS_AWARE, strict.toString(), EVERY_TYPE)) {
            Profile template = load(reference);
            JarIT.Result r = JarIT.run("export", reference, "--format", "ansible");
            assertEquals(0, r.code(), r.err());
            Path yml = Files.writeString(dir.resolve("tls.yml"), r.out());
            Ansible.Result syntax = Ansible.syntaxCheck(yml);
            assertEquals(0, syntax.code(), syntax.output());
            JsonNode playbook = Ansible.read(yml);
            for (JsonNode t : Ansible.tasks(playbook)) {
                assertEquals(List.of(), Ansible.optionProblems(t));
            }
            Path probe = Files.writeString(dir.resolve("probe.yml"), asDebugPlaybook(r.out()));
            for (int build : template.dependsOnBuild() ? List.of(7601, 9600, 14393, 17763, 20348, 26100)
                    : List.of(17763)) {
                Path facts = Files.writeString(dir.resolve("facts.json"), "{\"ansible_facts\": "
                        + "{\"distribution_version\": \"10.0." + build + ".0\"}}");
                Ansible.Result run = Ansible.runJson(dir, List.of("ansible-playbook", "-i", "localhost,",
                        probe.toString(), "-e", "@" + facts));
                assertTrue(run.code() == 0 || run.code() == 2, run.output());
                List<String> ran = new ArrayList<>();
                for (JsonNode task : new ObjectMapper().readTree(run.output()).get("plays").get(0).get("tasks")) {
                    JsonNode result = task.get("hosts").get("localhost");
                    if (result.path("failed").asBoolean(false)) {
                        ran.add("FAIL");
                    } else if (!result.path("skipped").asBoolean(false)) {
                        ran.add(fromTask(result.get("msg")).toString());
                    }
                }
                assertEquals(ran.contains("FAIL") ? 2 : 0, run.code(), run.output());
                List<String> expected;
                try {
                    expected = wanted(template.resolve(Optional.of(build))).stream().map(Wanted::toString).toList();
                } catch (org.tlsconf.profile.ProfileException e) {
                    expected = List.of("FAIL");
                }
                assertEquals(expected.stream().sorted().toList(), ran.stream().sorted().toList(),
                        reference + " on build " + build);
            }
        }
    }

    /**
     * The exported playbook's own text, run on localhost: every win_regedit task becomes a debug task that prints its
     * options (indented one level more, under {@code msg:}); tags such as {@code !unsafe}, the fail task and the
     * conditions stay as exported, so Ansible itself decides which tasks run on a build and what they print.
     */
    private static String asDebugPlaybook(String yaml) {
        StringBuilder out = new StringBuilder();
        boolean args = false;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  handlers:")) {
                break;
            }
            if (args && !line.startsWith("        ")) {
                args = false;
            }
            if (line.startsWith("  hosts: ")) {
                out.append("  hosts: localhost\n  connection: local\n");
            } else if (line.equals("  gather_facts: true")) {
                out.append("  gather_facts: false\n");
            } else if (line.equals("      ansible.windows.win_regedit:")) {
                out.append("      ansible.builtin.debug:\n        msg:\n");
                args = true;
            } else if (line.startsWith("      notify: ")) {
                continue;
            } else {
                out.append(args ? "  " : "").append(line).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void regAndGpoOfABuildDependentProfileNeedOsBuildAndThenHoldExactlyThatBuildsValues() throws Exception {
        for (String format : List.of("reg", "gpo")) {
            JarIT.Result r = JarIT.run("export", OS_AWARE, "--format", format, "-o", dir.resolve("x").toString());
            assertEquals(2, r.code(), format);
            assertTrue(r.err().contains("pass --os-build N"), r.err());
            assertFalse(Files.exists(dir.resolve("x")));
        }
        Profile template = load(OS_AWARE);
        for (int build : List.of(17763, 20348)) {
            JarIT.Result r = JarIT.run("export", OS_AWARE, "--format", "reg", "--os-build", "" + build);
            assertEquals(0, r.code(), r.err());
            assertEquals(sorted(wanted(template.resolve(Optional.of(build)))), sorted(regValues(r.bytes())));
            assertTrue(new String(r.bytes(), StandardCharsets.UTF_16LE).contains("for Windows build " + build));
        }
    }

    private static List<Wanted> regValues(byte[] b) {
        List<Wanted> lines = new ArrayList<>();
        for (RegDocument.Item item : RegFileReader.parse(b, "export.reg").items()) {
            if (item instanceof RegDocument.ValueLine v) {
                lines.add(new Wanted(v.key(), v.name(), Optional.ofNullable(v.value())));
            }
        }
        return lines;
    }

    // ---- gpo -------------------------------------------------------------------------------------------------

    @Test
    void registryPolIsParsedBySambaEntryForEntryAsTheProfile() throws Exception {
        ExternalTool.require("python3", "python3");
        Path pol = dir.resolve("Registry.pol");
        JarIT.Result r = JarIT.run("export", EVERY_TYPE, "--format", "gpo", "-o", pol.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = samba(List.of(pol)).get(pol.toString());
        assertEquals("PReg", root.get("signature").asText());
        assertEquals(1, root.get("version").asInt());
        assertTrue(root.get("repacked").asBoolean(), "Samba writes the same bytes back");
        Profile profile = load(EVERY_TYPE);
        assertEquals(profile.values().stream().map(ExportIT::polEntry).toList(), entries(root));
    }

    /** Samba's reading of Registry.pol files (one Python run for all), by file name. */
    private static JsonNode samba(List<Path> files) throws Exception {
        ExternalTool.require("python3", "python3");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", String.join("\n",
                "import json, sys",
                "try:",
                "    from samba.ndr import ndr_unpack, ndr_pack",
                "    from samba.dcerpc import preg",
                "except ImportError:",
                "    print('NO-SAMBA'); sys.exit(3)",
                "result = {}",
                "for name in sys.argv[1:]:",
                "    data = open(name, 'rb').read()",
                "    f = ndr_unpack(preg.file, data)",
                "    out = {'signature': f.header.signature, 'version': f.header.version,",
                "           'repacked': ndr_pack(f) == data, 'entries': []}",
                "    for e in f.entries:",
                "        d = e.data",
                "        if isinstance(d, int): d = {'int': d}",
                "        elif isinstance(d, str): d = {'str': d}",
                "        else: d = {'hex': bytes(d).hex()}",
                "        out['entries'].append({'key': e.keyname, 'value': e.valuename, 'type': e.type, 'data': d})",
                "    result[name] = out",
                "print(json.dumps(result))")));
        files.forEach(f -> cmd.add(f.toString()));
        Ansible.Result parsed = Ansible.run(null, cmd);
        if (parsed.output().contains("NO-SAMBA")) {
            ExternalTool.require("samba-python-module-missing", "python3-samba");
        }
        assertEquals(0, parsed.code(), parsed.output());
        return new ObjectMapper().readTree(parsed.output());
    }

    private static List<String> entries(JsonNode pol) {
        List<String> actual = new ArrayList<>();
        for (JsonNode e : pol.get("entries")) {
            JsonNode d = e.get("data");
            String data = d.has("int") ? "int:" + d.get("int").asText() : d.has("str") ? "str:" + d.get("str")
                    .asText() : "hex:" + d.get("hex").asText();
            actual.add(e.get("key").asText() + " | " + e.get("value").asText() + " | " + e.get("type").asInt()
                    + " | " + data);
        }
        return actual;
    }

    // ---- every bundled profile ---------------------------------------------------------------------------------

    static final List<Integer> BUILDS = List.of(7601, 9600, 14393, 17763, 20348, 26100);

    @Test
    void everyBundledProfileOnEveryBuildIsARegistryPolThatSambaReadsAsThatBuildsValues() throws Exception {
        List<Path> files = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        for (String name : new ProfileCatalogue().names()) {
            Profile template = load(name);
            for (int build : BUILDS) {
                Profile resolved;
                try {
                    resolved = template.resolve(Optional.of(build));
                } catch (org.tlsconf.profile.ProfileException e) {
                    continue; // cannot be written for this build: export exits 2 (tested above)
                }
                Path f = dir.resolve(name + "-" + build + ".pol");
                Files.write(f, org.tlsconf.export.GpoExport.of(resolved));
                files.add(f);
                expected.add(resolved.values().stream().map(ExportIT::polEntry).toList());
            }
        }
        JsonNode all = samba(files);
        for (int i = 0; i < files.size(); i++) {
            JsonNode pol = all.get(files.get(i).toString());
            assertTrue(pol.get("repacked").asBoolean(), files.get(i).toString());
            assertEquals(expected.get(i), entries(pol), files.get(i).toString());
        }
    }

    @Test
    void everyBundledProfilesPlaybookRunsExactlyThatBuildsValuesOnHostsOfEveryBuild() throws Exception {
        Ansible.require();
        // one host per build, all local; the build as a host variable instead of the facts (tested above)
        StringBuilder inventory = new StringBuilder("[windows]\n");
        for (int build : BUILDS) {
            inventory.append("b").append(build).append(" ansible_connection=local windows_build=").append(build)
                    .append('\n');
        }
        Path hosts = Files.writeString(dir.resolve("hosts.ini"), inventory);
        for (String name : new ProfileCatalogue().names()) {
            Profile template = load(name);
            String yaml = org.tlsconf.export.AnsibleExport.of(template);
            Path yml = Files.writeString(dir.resolve(name + ".yml"), yaml);
            Ansible.Result syntax = Ansible.syntaxCheck(yml);
            assertEquals(0, syntax.code(), syntax.output());
            for (JsonNode t : Ansible.tasks(Ansible.read(yml))) {
                assertEquals(List.of(), Ansible.optionProblems(t), name);
            }
            String probe = asDebugPlaybook(yaml).replace("  hosts: localhost\n  connection: local\n",
                    "  hosts: windows\n").replaceAll("(?m)^  vars:\n    windows_build: .*\n", "");
            Ansible.Result run = Ansible.runJson(dir, List.of("ansible-playbook", "-i", hosts.toString(),
                    Files.writeString(dir.resolve(name + "-probe.yml"), probe).toString()));
            JsonNode tasks = new ObjectMapper().readTree(run.output()).get("plays").get(0).get("tasks");
            for (int build : BUILDS) {
                List<String> ran = new ArrayList<>();
                for (JsonNode task : tasks) {
                    JsonNode result = task.get("hosts").get("b" + build);
                    if (result == null) {
                        continue; // the host had failed before this task
                    }
                    if (result.path("failed").asBoolean(false)) {
                        ran.add("FAIL");
                    } else if (!result.path("skipped").asBoolean(false)) {
                        ran.add(fromTask(result.get("msg")).toString());
                    }
                }
                List<String> expected;
                try {
                    expected = sorted(wanted(template.resolve(Optional.of(build))));
                } catch (org.tlsconf.profile.ProfileException e) {
                    expected = List.of("FAIL");
                }
                assertEquals(expected, ran.stream().sorted().toList(), name + " on build " + build);
            }
        }
    }

    /** How Samba shows the entry a profile value must become: numbers as numbers, strings as text. */
    private static String polEntry(DesiredValue d) {
        String key = d.key().names().stream().collect(Collectors.joining("\\"));
        RegistryValue v = d.value().orElse(RegistryValue.sz(" "));
        String data = v instanceof RegistryValue.Dword x ? "int:" + x.value()
                : v instanceof RegistryValue.Qword x ? "int:" + x.unsignedString()
                : v instanceof RegistryValue.Sz x ? "str:" + x.value()
                : v instanceof RegistryValue.ExpandSz x ? "str:" + x.value()
                : "hex:" + HexFormat.of().formatHex(v.toBytes());
        return key + " | " + (d.mustBeAbsent() ? "**del." : "") + d.name() + " | " + v.type().code() + " | " + data;
    }

    // ---- usage -----------------------------------------------------------------------------------------------

    @Test
    void gpoWithoutAnOutputFileAndUnknownFormatsAreUsageErrors() throws Exception {
        JarIT.Result gpo = JarIT.run("export", "max-protection", "--format", "gpo");
        assertEquals(2, gpo.code());
        assertEquals("tlsconf: --format gpo writes a binary Registry.pol: give the file with -o, e.g. -o "
                + "Registry.pol" + System.lineSeparator(), gpo.err());
        assertEquals(0, gpo.bytes().length);
        JarIT.Result bad = JarIT.run("export", "max-protection", "--format", "xml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("reg, ansible, gpo"), bad.err());
        JarIT.Result none = JarIT.run("export", "no-such-profile", "--format", "reg");
        assertEquals(2, none.code());
        assertFalse(none.err().contains("Exception"), none.err());
    }
}
