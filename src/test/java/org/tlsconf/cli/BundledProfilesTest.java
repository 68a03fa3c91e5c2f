package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.OrderSpec;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.TlsRegistry;

/**
 * Every bundled profile on fresh 2012 R2, 2016, 2019, 2022 and 2025 hosts (src/test/resources/hosts, made by
 * make-hosts.py): apply, then check exits 0, then a second apply plans nothing; and the rules every bundled profile
 * keeps on every build.
 */
class BundledProfilesTest {

    static final List<String> HOSTS = List.of("server-2012r2", "server-2016", "server-2019", "server-2022",
            "server-2025");
    static final List<Integer> BUILDS = List.of(9600, 14393, 17763, 20348, 26100);
    static final List<String> NEW = List.of("best-practices", "strict", "pci-dss-4", "fips-140", "cis-iis10-l1",
            "cis-iis10-l2", "stig-iis10", "os-defaults");

    private static final ProfileCatalogue CATALOGUE = new ProfileCatalogue();
    private final ProfileLoader loader = new ProfileLoader(CATALOGUE);

    @TempDir
    Path dir;

    static Stream<Arguments> profilesOnHosts() {
        return CATALOGUE.names().stream().flatMap(p -> HOSTS.stream().map(h -> Arguments.of(p, h)));
    }

    @Test
    void theCatalogueHoldsExactlyTheBundledProfilesTheIssueNames() {
        assertEquals(List.of("best-practices", "cis-iis10-l1", "cis-iis10-l2", "fips-140", "max-protection",
                "min-requirement", "os-defaults", "pci-dss-4", "stig-iis10", "strict"), CATALOGUE.names());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("profilesOnHosts")
    void applyThenCheckPassesAndASecondApplyPlansNothing(String profile, String host) throws Exception {
        Path reg = dir.resolve(host + ".reg");
        Files.copy(Path.of("src/test/resources/hosts", host + ".reg"), reg);
        String backups = dir.resolve("backups").toString();
        CliTest.Run apply = CliTest.run("apply", profile, "--registry-file", reg.toString(), "--backup-dir", backups);
        assertTrue(apply.code() == 0 || apply.code() == ExitCodes.REBOOT_REQUIRED, apply.err() + apply.out());
        CliTest.Run check = CliTest.run("check", profile, "--registry-file", reg.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        CliTest.Run again = CliTest.run("apply", profile, "--registry-file", reg.toString(), "--backup-dir", backups);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Nothing to do"), again.out());
    }

    @Test
    void onEveryBuildNoBundledProfileHalfDisablesAProtocolSplitsClientAndServerOrForgetsATwin() {
        for (String name : CATALOGUE.names()) {
            for (int build : BUILDS) {
                Profile p = loader.load(name).resolve(Optional.of(build));
                assertEquals(List.of(), p.warnings(), name + " on " + build);
                assertEquals(List.of(), p.notes(), name + " on " + build + " drops items it should gate by build");
            }
        }
    }

    @Test
    void everyBundledProfileSetsAllEightDotNetValuesAndBothWinHttpViewsAlike() {
        for (String name : CATALOGUE.names()) {
            Profile p = loader.load(name);
            for (TlsRegistry.View view : TlsRegistry.View.values()) {
                for (String clr : TlsRegistry.DOTNET_VERSIONS) {
                    for (String value : List.of(TlsRegistry.SCH_USE_STRONG_CRYPTO,
                            TlsRegistry.SYSTEM_DEFAULT_TLS_VERSIONS)) {
                        Optional<DesiredValue> v = p.values().stream().filter(d -> d.key().equals(view.dotNet(clr))
                                && d.name().equals(value)).findFirst();
                        assertTrue(v.isPresent(), name + " lacks " + view.dotNet(clr) + "\\" + value);
                        assertEquals(name.equals("os-defaults") ? Optional.empty()
                                : Optional.of(RegistryValue.dword(1)), v.get().value(), name);
                    }
                }
            }
            for (int build : BUILDS) {
                Profile r = p.resolve(Optional.of(build));
                List<Optional<RegistryValue>> winHttp = Stream.of(TlsRegistry.View.values()).map(view -> r.values()
                        .stream().filter(d -> d.key().equals(view.winHttp())).map(DesiredValue::value).findFirst()
                        .orElse(Optional.empty())).toList();
                assertEquals(winHttp.get(0), winHttp.get(1), name + " on " + build);
                winHttp.get(0).ifPresent(v -> assertEquals(build >= 20348, (((RegistryValue.Dword) v).value()
                        & 0x2000) != 0, name + ": the TLS 1.3 bit only where TLS 1.3 exists, build " + build));
            }
        }
    }

    @Test
    void everyValueOfTheNewBundledProfilesCarriesItsReason() {
        for (String name : NEW) {
            Profile p = loader.load(name);
            for (DesiredValue v : p.values()) {
                assertFalse(v.reason().isBlank(), name + ": " + v.key() + "\\" + v.name() + " has no reason");
            }
            for (OrderSpec o : p.orders()) {
                assertFalse(o.reason().isBlank(), name + ": " + o.member() + " has no reason");
            }
        }
    }

    @Test
    void osDefaultsRemovesEveryValueTheOtherBundledProfilesWriteAndNothingElse() {
        Profile defaults = loader.load("os-defaults");
        // except the one value a fresh install has, which it restores (QaPassIT checks it against fresh exports)
        assertEquals(List.of("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
                + "\\SSL 2.0\\Client\\DisabledByDefault=" + RegistryValue.dword(1)), defaults.values().stream()
                .filter(v -> !v.mustBeAbsent()).map(v -> v.key() + "\\" + v.name() + "=" + v.value().get()).toList());
        assertTrue(defaults.orders().isEmpty());
        Set<String> removed = new HashSet<>();
        defaults.values().forEach(v -> removed.add(id(v)));
        Set<String> written = new HashSet<>();
        for (String name : CATALOGUE.names()) {
            if (name.equals("os-defaults")) {
                continue;
            }
            for (int build : BUILDS) {
                loader.load(name).resolve(Optional.of(build)).values().forEach(v -> written.add(id(v)));
            }
        }
        assertEquals(written, removed);
    }

    private static String id(DesiredValue v) {
        return (v.key() + "\\" + v.name()).toUpperCase(Locale.ROOT);
    }

    @Test
    void theTlsValueMissingFixNamesExactlyTheBundledProfilesThatWriteBothValues() {
        org.tlsconf.registry.InMemoryRegistry empty = new org.tlsconf.registry.InMemoryRegistry();
        List<org.tlsconf.audit.Finding> findings = org.tlsconf.audit.Audit.of(empty, Optional.empty()).findings()
                .stream().filter(f -> f.id().equals("TLS-VALUE-MISSING")).toList();
        assertEquals(6, findings.size());
        for (org.tlsconf.audit.Finding f : findings) {
            org.tlsconf.tls.Protocol proto = org.tlsconf.tls.Protocol.fromKeyName(f.where().replaceAll(
                    ".*\\\\Protocols\\\\(.*)\\\\(Client|Server)$", "$1")).orElseThrow();
            List<String> without = new java.util.ArrayList<>();
            for (String name : CATALOGUE.names()) {
                boolean writes = true;
                for (int build : BUILDS) {
                    Profile p = loader.load(name).resolve(Optional.of(build));
                    for (org.tlsconf.tls.Role role : org.tlsconf.tls.Role.values()) {
                        for (String value : List.of(TlsRegistry.ENABLED, TlsRegistry.DISABLED_BY_DEFAULT)) {
                            writes &= p.values().stream().anyMatch(d -> d.key().equals(TlsRegistry.protocolKey(proto,
                                    role)) && d.name().equals(value) && !d.mustBeAbsent());
                        }
                    }
                }
                if (!writes) {
                    without.add(name);
                }
            }
            String example = proto == org.tlsconf.tls.Protocol.TLS_1_2 ? "min-requirement" : "max-protection";
            assertEquals("write both values explicitly (every bundled profile but " + String.join(" and ", without)
                    + " does, e.g. " + example + ")", f.fix(), f.where());
            assertFalse(without.contains(example));
        }
    }
}
