package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.plan.Planner;
import org.tlsconf.plan.Simulation;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.report.ProfileReport;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/** A captured golden host, applied elsewhere, reproduces it; build-dependent parts stay conditional. */
class CaptureTest {
    private final ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());

    private static Registry host(String name) {
        return RegFileRegistry.open(Path.of("src/test/resources/hosts", name + ".reg"));
    }

    /** A 2022 host hardened with strict, captured, and the capture written out and loaded back as a file. */
    private Profile golden() {
        Registry source = host("server-2022");
        Registry hardened = Simulation.after(Planner.plan(loader.load("strict").resolve(Optional.of(20348)), source),
                source);
        Capture.Result r = Capture.of(hardened, WindowsVersion.read(hardened, "golden"), "golden host", "golden");
        return loader.loadBytes(ProfileReport.json(r.profile()).getBytes(StandardCharsets.UTF_8), "golden.json");
    }

    @Test
    void appliedToAnotherHostOfTheSameBuildTheCaptureReproducesTheGoldenHost() {
        Registry other = host("server-2022");
        Registry after = Simulation.after(Planner.plan(golden().resolve(Optional.of(20348)), other), other);
        assertTrue(Planner.plan(loader.load("strict").resolve(Optional.of(20348)), after).isEmpty());
        assertTrue(Planner.plan(golden().resolve(Optional.of(20348)), after).isEmpty());
    }

    @Test
    void onAnOlderBuildTheTls13PartsOfTheCaptureAreLeftOut() {
        Profile golden = golden();
        assertEquals(BuildRange.of(20348, null), golden.values().stream().filter(v -> v.key().equals(
                TlsRegistry.protocolKey(org.tlsconf.tls.Protocol.TLS_1_3, org.tlsconf.tls.Role.SERVER)))
                .findFirst().orElseThrow().builds());
        Profile on2016 = golden.resolve(Optional.of(14393));
        assertEquals(List.of(), on2016.notes());
        assertEquals(Optional.of(RegistryValue.dword(0x800)), on2016.values().stream().filter(v -> v.key().equals(
                TlsRegistry.View.NATIVE.winHttp())).findFirst().orElseThrow().value());
        Registry h2016 = host("server-2016");
        Registry after = Simulation.after(Planner.plan(on2016, h2016), h2016);
        assertTrue(Planner.plan(loader.load("strict").resolve(Optional.of(14393)), after).isEmpty());
    }

    @Test
    void withoutTheSourceBuildNothingIsLimitedAndTheCaptureSaysSo() {
        Registry source = host("server-2022");
        Registry hardened = Simulation.after(Planner.plan(loader.load("strict").resolve(Optional.of(20348)), source),
                source);
        Capture.Result r = Capture.of(hardened, Optional.empty(), "x.reg", "x");
        assertTrue(r.profile().values().stream().anyMatch(v -> v.key().toString().contains("TLS 1.3")));
        assertTrue(r.notes().get(0).startsWith("the source host's Windows build is unknown"), r.notes().toString());
        assertTrue(r.profile().values().stream().allMatch(v -> v.builds().isAlways()));
    }
}
