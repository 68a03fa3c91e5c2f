package org.tlsconf.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.bench.FleetBenchmark;
import org.tlsconf.fleet.FleetHost.Status;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileWriter;
import org.tlsconf.registry.regfile.RegFileWriter.Entry;
import org.tlsconf.registry.regfile.RegFileWriter.Section;
import org.tlsconf.tls.WindowsVersion;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;

class FleetTest {
    @TempDir
    Path dir;

    private static final ProfileLoader LOADER = new ProfileLoader(new ProfileCatalogue());
    private static final Profile MAX = LOADER.load("max-protection");
    private static final Profile MIN = LOADER.load("min-requirement");

    private Path write(String name, int variant) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, RegFileWriter.script(FleetBenchmark.export(variant, MAX, MIN)).toBytes());
        return f;
    }

    private static Fleet.Result run(List<Path> paths, Optional<Profile> profile) {
        return Fleet.run(HostExports.find(paths), profile, Optional.empty());
    }

    @Test
    void eachHostGetsItsComputerNameBuildComplianceDriftAndFindings() throws Exception {
        write("a.reg", 1); // max-protection applied, build 17763
        write("b.reg", 2); // fresh, build 20348
        Fleet.Result r = run(List.of(dir), Optional.of(MAX));
        FleetHost a = r.hosts().get(0);
        FleetHost b = r.hosts().get(1);
        assertEquals("SRV00001", a.name());
        assertEquals(Optional.of(17763), a.build());
        assertEquals(Status.COMPLIANT, a.status());
        assertEquals(0, a.drift());
        assertEquals(MAX.values().size(), a.checked());
        assertEquals(Status.DRIFT, b.status());
        assertEquals(MAX.values().size(), b.drift(), "a fresh host lacks every value of the profile");
        assertEquals(Optional.of(20348), b.build());
        assertTrue(b.findings().total() > 0 && b.findings().total() > a.findings().total(), b.findings().toString());
        assertEquals("Disabled", a.protocol(Protocol.TLS_1_0, Role.SERVER).orElseThrow().effective().label());
        assertEquals(1, r.count(Status.COMPLIANT));
        assertEquals(1, r.count(Status.DRIFT));
        assertTrue(!r.allGood());
    }

    @Test
    void hostsWithIdenticalValuesShareAGroupWhateverTheirNamesAndKeyCase() throws Exception {
        write("a.reg", 1);
        write("e.reg", 5); // same configuration as 1, other computer name and build
        write("b.reg", 2);
        Path upper = dir.resolve("c.reg");
        String text = new String(Files.readAllBytes(dir.resolve("a.reg")), StandardCharsets.UTF_16LE)
                .replace("SCHANNEL\\Protocols", "schannel\\PROTOCOLS").replace("\"Enabled\"", "\"enabled\"");
        Files.write(upper, text.getBytes(StandardCharsets.UTF_16LE));
        Fleet.Result r = run(List.of(dir), Optional.of(MAX));
        assertEquals(2, r.groups().size(), r.groups().toString());
        Fleet.Group big = r.groups().get(0);
        assertEquals(List.of("SRV00001", "SRV00001", "SRV00005"), big.members().stream().sorted().toList());
        assertEquals(Status.COMPLIANT, big.status());
        assertEquals(List.of("SRV00002"), r.groups().get(1).members());
    }

    @Test
    void aFileThatCannotBeReadIsOneFailedRowAndTheRunGoesOn() throws Exception {
        write("a.reg", 1);
        Files.writeString(dir.resolve("broken.reg"), "Windows Registry Editor Version 5.00\r\n\r\n[HKLM\\X\r\n");
        Files.writeString(dir.resolve("empty.xml"), "<Objs><Obj/></Objs>");
        write("z.reg", 5);
        Fleet.Result r = run(List.of(dir), Optional.of(MAX));
        assertEquals(List.of("SRV00001", "broken", "empty", "SRV00005"), r.hosts().stream().map(FleetHost::name)
                .toList());
        FleetHost broken = r.hosts().get(1);
        assertEquals(Status.FAILED, broken.status());
        assertTrue(broken.error().startsWith(dir.resolve("broken.reg") + ":3:"), broken.error());
        assertTrue(r.hosts().get(2).error().contains("not a HealthChecker TLS export"), r.hosts().get(2).error());
        assertEquals(2, r.count(Status.COMPLIANT));
        assertEquals(2, r.count(Status.FAILED));
        assertEquals(1, r.groups().size(), "failed rows form no configuration group");
        assertTrue(!r.allGood());
    }

    @Test
    void aHealthCheckerExportIsComparedOnlyOnTheValuesItRecords() throws Exception {
        Path hc = dir.resolve("exch01.xml");
        Files.copy(Path.of("src/test/resources/corpus/14_css-exchange-healthchecker-GetAllTlsSettings1.clixml.xml"),
                hc);
        Fleet.Result r = run(List.of(hc), Optional.of(MAX));
        FleetHost h = r.hosts().get(0);
        assertEquals("healthchecker", h.kind());
        assertEquals("exch01", h.name());
        // max-protection's SSL 2.0/3.0 values are not in a HealthChecker export: not collected, not drift
        assertEquals(8, h.notCollected());
        assertEquals(MAX.values().size() - 8, h.checked());
        // what `check` reports beyond those 8: SchUseStrongCrypto=0 in both views, TLS 1.0 Client Enabled=0xFFFFFFFF
        assertEquals(3, h.drift());
        assertEquals(Status.DRIFT, h.status());
    }

    @Test
    void aSubfolderOfRegExportsIsOneHostMadeOfAllItsFiles() throws Exception {
        Path host = Files.createDirectories(dir.resolve("web01"));
        List<Section> all = FleetBenchmark.export(1, MAX, MIN);
        // one file per key, as `reg export` writes them
        for (int i = 0; i < all.size(); i++) {
            Files.write(host.resolve(String.format("%02d.reg", i)), RegFileWriter.script(List.of(all.get(i)))
                    .toBytes());
        }
        write("whole.reg", 1);
        Fleet.Result r = run(List.of(dir), Optional.of(MAX));
        assertEquals(2, r.hosts().size());
        FleetHost folder = r.hosts().get(0);
        assertEquals("folder", folder.kind());
        assertEquals(Status.COMPLIANT, folder.status());
        assertEquals(r.hosts().get(1).configuration(), folder.configuration());
    }

    /** A host with WinHTTP DefaultSecureProtocols 0x800 in both views, and the build when given. */
    private Path winHttpHost(String name, Integer build) throws Exception {
        List<Section> sections = new java.util.ArrayList<>();
        for (String view : List.of("", "Wow6432Node\\")) {
            sections.add(new Section(RegistryPath.parse("HKLM\\SOFTWARE\\" + view + "Microsoft\\Windows\\"
                    + "CurrentVersion\\Internet Settings\\WinHttp"), false, List.of(new Entry(
                    "DefaultSecureProtocols", Optional.of(RegistryValue.dword(0x800))))));
        }
        if (build != null) {
            sections.add(new Section(WindowsVersion.CURRENT_VERSION, false, List.of(new Entry("CurrentBuildNumber",
                    Optional.of(RegistryValue.sz(build.toString()))))));
        }
        Path f = dir.resolve(name);
        Files.write(f, RegFileWriter.script(sections).toBytes());
        return f;
    }

    @Test
    void anOsAwareProfileIsCheckedAsWrittenOnEachHostsBuild() throws Exception {
        Profile osAware = LOADER.load("src/test/resources/profiles/os-aware.json");
        winHttpHost("old.reg", 17763);
        winHttpHost("new.reg", 20348);
        winHttpHost("unknown.reg", null);
        Fleet.Result r = run(List.of(dir), Optional.of(osAware));
        FleetHost old = r.hosts().get(1);
        FleetHost neu = r.hosts().get(0);
        FleetHost unknown = r.hosts().get(2);
        assertEquals(List.of("new", "old", "unknown"), r.hosts().stream().map(FleetHost::name).toList());
        assertEquals(Status.COMPLIANT, old.status(), "0x800 is what 17763 gets");
        assertEquals(2, old.checked());
        assertEquals(Status.DRIFT, neu.status());
        assertEquals(6, neu.checked(), "20348 also gets TLS 1.3 Client and Server");
        assertEquals(6, neu.drift(), "0x2800 in both views and four TLS 1.3 values");
        assertEquals(Status.FAILED, unknown.status());
        assertTrue(unknown.error().contains("--os-build"), unknown.error());
        // --os-build gives the build of exports that carry none
        Fleet.Result withBuild = Fleet.run(HostExports.find(List.of(dir.resolve("unknown.reg"))), Optional.of(osAware),
                Optional.of(14393));
        assertEquals(Status.COMPLIANT, withBuild.hosts().get(0).status());
    }

    @Test
    void withoutAProfileHostsAreAuditedOnly() throws Exception {
        write("b.reg", 2);
        Fleet.Result r = run(List.of(dir), Optional.empty());
        assertEquals(Status.AUDITED, r.hosts().get(0).status());
        assertTrue(r.allGood());
    }

    @Test
    void aMissingPathOrAFolderWithoutExportsIsABadArgument() throws Exception {
        assertThrows(HostExports.NoExportsException.class, () -> HostExports.find(List.of(dir.resolve("nope"))));
        Files.writeString(dir.resolve("notes.txt"), "x");
        HostExports.NoExportsException e = assertThrows(HostExports.NoExportsException.class,
                () -> HostExports.find(List.of(dir)));
        assertTrue(e.getMessage().contains("holds no host export"), e.getMessage());
    }
}
