package org.tlsconf.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.audit.Audit;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.tls.WindowsVersion;

/** What a plan's result looks like, worked out without reading more of the host than the audit asks for. */
class SimulationTest {
    private static final RegistryPath PERFLIB = WindowsVersion.CURRENT_VERSION.child("Perflib").child("009");

    /**
     * A live registry has keys below Windows NT\CurrentVersion that cannot be listed (Perflib\009 answers
     * RegQueryInfoKey with error 6 under Wine); listing anything there, or any subtree walk, fails here.
     */
    static final class HostWithAnUnreadableKey extends InMemoryRegistry {
        final List<String> listed = new ArrayList<>();

        HostWithAnUnreadableKey(Registry host) {
            for (RegistryPath key : List.of(WindowsVersion.CURRENT_VERSION, PERFLIB)) {
                createKey(key);
            }
            setValue(WindowsVersion.CURRENT_VERSION, "CurrentBuildNumber", RegistryValue.sz("14393"));
            setValue(WindowsVersion.CURRENT_VERSION, "ProductName", RegistryValue.sz("Windows Server 2016 Standard"));
            setValue(WindowsVersion.CURRENT_VERSION, "InstallationType", RegistryValue.sz("Server"));
            copy(host, RegistryPath.parse("HKLM\\SYSTEM"));
            copy(host, RegistryPath.parse("HKLM\\SOFTWARE"));
        }

        private void copy(Registry from, RegistryPath key) {
            if (from.keyExists(key)) {
                createKey(key);
                from.values(key).forEach((n, v) -> setValue(key, n, v));
                from.subKeys(key).forEach(child -> copy(from, key.child(child)));
            }
        }

        private void refuse(String what, RegistryPath key) {
            listed.add(what + " " + key);
            if (key.isAtOrBelow(PERFLIB)) {
                throw new RegistryException("listing values of " + key + " failed: Win32 error 6 (RegQueryInfoKey)");
            }
        }

        @Override
        public Map<String, RegistryValue> values(RegistryPath key) {
            refuse("values", key);
            return super.values(key);
        }

        @Override
        public List<String> subKeys(RegistryPath key) {
            refuse("subKeys", key);
            return super.subKeys(key);
        }
    }

    @Test
    void auditingAPlansResultReadsOnlyWhatTheAuditAsksForNeverTheWholeCurrentVersionKey() {
        HostWithAnUnreadableKey host = new HostWithAnUnreadableKey(
                RegFileRegistry.open(Path.of("examples/server-2016-fresh.reg")));
        host.listed.clear();
        Plan plan = Planner.plan(new ProfileLoader(new ProfileCatalogue()).load("max-protection"), host);
        Registry after = Simulation.after(plan, host);
        Optional<WindowsVersion> version = WindowsVersion.read(after, "this host");
        assertEquals(14393, version.orElseThrow().build());

        Audit audit = Audit.of(after, version);

        assertTrue(audit.findings().stream().noneMatch(f -> f.id().startsWith("TLS12")), audit.findings().toString());
        assertTrue(host.listed.stream().noneMatch(l -> l.contains("Windows NT")), host.listed.toString());
        assertTrue(Planner.plan(new ProfileLoader(new ProfileCatalogue()).load("max-protection"), after).isEmpty());
    }
}
