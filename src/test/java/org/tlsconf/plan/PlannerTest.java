package org.tlsconf.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

class PlannerTest {

    private final ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());
    private final Profile min = loader.load("min-requirement");
    private final Profile max = loader.load("max-protection");

    private static final RegistryPath TLS12_SERVER = TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER);

    /** A host as a fresh install leaves it: SCHANNEL with SSL 2.0\Client only, .NET keys present but empty. */
    static InMemoryRegistry freshHost() {
        InMemoryRegistry r = new InMemoryRegistry();
        r.createKey(TlsRegistry.protocolKey(Protocol.SSL_2_0, Role.CLIENT));
        r.setValue(TlsRegistry.protocolKey(Protocol.SSL_2_0, Role.CLIENT), "DisabledByDefault", RegistryValue.dword(1));
        for (TlsRegistry.View view : TlsRegistry.View.values()) {
            for (String v : TlsRegistry.DOTNET_VERSIONS) {
                r.createKey(view.dotNet(v));
            }
        }
        return r;
    }

    @Test
    void onAFreshHostMinRequirementAddsAllTwelveValuesAndCreatesTheTls12Keys() {
        Plan plan = Planner.plan(min, freshHost());
        assertEquals(12, plan.changes().size());
        assertEquals(12, plan.count(Change.Action.ADD));
        assertEquals(0, plan.unchanged());
        assertEquals(List.of(TLS12_SERVER.parent().parent().child("TLS 1.2"),
                TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.CLIENT), TLS12_SERVER), plan.keysToCreate());
        assertEquals(2, plan.changes().stream().filter(Change::createsKey).count());
    }

    @Test
    void onAFreshHostMaxProtectionAddsTwentySevenAndKeepsTheOneAlreadyRight() {
        Plan plan = Planner.plan(max, freshHost());
        assertEquals(27, plan.changes().size());
        assertEquals(1, plan.unchanged()); // SSL 2.0\Client DisabledByDefault=1 is there already
        assertEquals("max-protection", plan.profile());
    }

    @Test
    void aCompliantHostNeedsNothingAndApplyingAPlanMakesItCompliant() {
        InMemoryRegistry fresh = freshHost();
        Registry host = Simulation.after(Planner.plan(max, fresh), fresh);
        Plan again = Planner.plan(max, host);
        assertTrue(again.isEmpty());
        assertEquals(28, again.unchanged());
        assertTrue(Planner.plan(min, host).isEmpty());
    }

    @Test
    void wrongTypesAndAllBitsSetAreModificationsEvenWhenTheyLookEqual() {
        InMemoryRegistry host = freshHost();
        host.createKey(TLS12_SERVER);
        host.setValue(TLS12_SERVER, "Enabled", RegistryValue.sz("1"));
        host.setValue(TLS12_SERVER, "DisabledByDefault", RegistryValue.dword(0));
        RegistryPath client = TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.CLIENT);
        host.createKey(client);
        host.setValue(client, "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        Plan plan = Planner.plan(min, host);
        Change server = plan.changes().stream().filter(c -> c.key().equals(TLS12_SERVER)).findFirst().get();
        assertEquals(Change.Action.MODIFY, server.action());
        assertTrue(server.typeOnly());
        assertEquals(Optional.of(RegistryValue.sz("1")), server.before());
        Change clientEnabled = plan.changes().stream().filter(c -> c.key().equals(client)
                && c.name().equals("Enabled")).findFirst().get();
        assertEquals(Change.Action.MODIFY, clientEnabled.action());
        assertFalse(clientEnabled.typeOnly());
        assertFalse(clientEnabled.createsKey());
    }

    @Test
    void aValueThatMustBeAbsentIsDeletedWhenPresentAndIgnoredWhenNot() {
        InMemoryRegistry host = freshHost();
        host.createKey(TLS12_SERVER);
        host.setValue(TLS12_SERVER, "Legacy", RegistryValue.dword(1));
        List<DesiredValue> desired = List.of(
                new DesiredValue(TLS12_SERVER, "legacy", Optional.empty(), "t"),
                new DesiredValue(TLS12_SERVER, "NeverThere", Optional.empty(), "t"),
                new DesiredValue(TLS12_SERVER.parent().child("Nowhere"), "x", Optional.empty(), "t"));
        Plan plan = Planner.plan("t", desired, host);
        assertEquals(1, plan.changes().size());
        assertEquals(Change.Action.DELETE, plan.changes().get(0).action());
        assertEquals(2, plan.unchanged());
        assertEquals(List.of(), plan.keysToCreate());
    }

    @Test
    void planningNeverWrites() {
        InMemoryRegistry host = freshHost();
        var before = host.snapshot();
        Planner.plan(max, host);
        assertEquals(before, host.snapshot());
    }
}
