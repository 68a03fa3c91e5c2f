package org.tlsconf.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.testing.SameHost;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;

/**
 * Over random hosts and random profiles: applying twice equals applying once; restoring the backup gives the
 * original host back; and the backup's {@code .reg} file, imported onto the changed host, gives the original too.
 */
class SafeApplyProperties {

    private static Path dir;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Applier APPLIER = new Applier(Clock.systemUTC());
    private static final Applier.Run RUN = new Applier.Run("random", "test registry", "0.1.0", "host");

    private static final List<RegistryPath> KEYS = List.of(
            TlsRegistry.protocolKey(Protocol.TLS_1_0, Role.SERVER), TlsRegistry.protocolKey(Protocol.TLS_1_0, Role.CLIENT),
            TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER), TlsRegistry.protocolKey(Protocol.SSL_3_0, Role.CLIENT),
            TlsRegistry.CIPHERS.child("RC4 40/128"), TlsRegistry.View.NATIVE.dotNet("v4.0.30319"),
            TlsRegistry.View.WOW6432.dotNet("v4.0.30319"), TlsRegistry.View.WOW6432.winHttp(),
            TlsRegistry.POLICY_SSL.child("00010002"));
    private static final List<String> NAMES = List.of("Enabled", "DisabledByDefault", "SchUseStrongCrypto",
            "Functions", "Other");

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("tlsconf-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Host(List<Slot> slots) {
        InMemoryRegistry build() {
            InMemoryRegistry r = new InMemoryRegistry();
            for (Slot s : slots) {
                r.createKey(s.key);
                s.value.ifPresent(v -> r.setValue(s.key, s.name, v));
            }
            return r;
        }
    }

    record Slot(RegistryPath key, String name, Optional<RegistryValue> value) {
    }

    @Provide
    Arbitrary<Host> hosts() {
        return slot().list().ofMaxSize(12).map(Host::new);
    }

    @Provide
    Arbitrary<List<DesiredValue>> profiles() {
        return slot().list().ofMinSize(1).ofMaxSize(10).uniqueElements(s -> s.key + "\\" + s.name.toUpperCase())
                .map(slots -> slots.stream().map(s -> new DesiredValue(s.key, s.name, s.value, "random")).toList());
    }

    private static Arbitrary<Slot> slot() {
        return Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(NAMES), value().optional(0.75))
                .as(Slot::new);
    }

    private static Arbitrary<RegistryValue> value() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 0xFFFFFFFFL, 2L).map(RegistryValue::dword),
                Arbitraries.longs().map(RegistryValue::qword),
                Arbitraries.of("1", "0", "", "C:\\x \"y\"").map(RegistryValue::sz),
                Arbitraries.of("%SystemRoot%").map(RegistryValue::expandSz),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(3)
                        .map(RegistryValue::multiSz),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(RegistryValue::binary),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3)
                        .map(b -> new RegistryValue.Binary(ValueType.REG_NONE, b)));
    }

    private static BackupStore store() {
        return new BackupStore(dir.resolve("run" + RUNS.incrementAndGet()));
    }

    @Property(tries = 1000)
    void applyingTwiceIsApplyingOnce(@ForAll("hosts") Host host, @ForAll("profiles") List<DesiredValue> profile) {
        InMemoryRegistry reg = host.build();
        APPLIER.apply(Planner.plan("p", profile, reg), reg, store(), RUN, false, () -> { });
        var once = reg.snapshot();
        Applier.Outcome second = APPLIER.apply(Planner.plan("p", profile, reg), reg, store(), RUN, false, () -> { });
        assertEquals(Applier.Outcome.Kind.NOTHING_TO_DO, second.kind());
        assertEquals(once, reg.snapshot());
    }

    @Property(tries = 1000)
    void restoringTheBackupGivesTheOriginalHostBack(@ForAll("hosts") Host host,
            @ForAll("profiles") List<DesiredValue> profile) {
        InMemoryRegistry reg = host.build();
        var original = reg.snapshot();
        Optional<Backup> backup = APPLIER.apply(Planner.plan("p", profile, reg), reg, store(), RUN, false, () -> { })
                .backup();
        if (backup.isEmpty()) {
            assertEquals(original, reg.snapshot()); // nothing to do: nothing changed
            return;
        }
        Backup loaded = BackupStore.load(backup.get().file());
        APPLIER.apply(RestorePlanner.plan(loaded, reg), reg, store(), RUN, false, () -> { });
        SameHost.assertSameHost(original, reg.snapshot(), SameHost.IMPLICIT_ANCESTORS);
    }

    @Property(tries = 1000)
    void theBackupRegFileImportedOntoTheChangedHostGivesTheOriginal(@ForAll("hosts") Host host,
            @ForAll("profiles") List<DesiredValue> profile) {
        InMemoryRegistry reg = host.build();
        var original = reg.snapshot();
        Optional<Backup> backup = APPLIER.apply(Planner.plan("p", profile, reg), reg, store(), RUN, false, () -> { })
                .backup();
        if (backup.isEmpty()) {
            return;
        }
        try {
            RegFileReader.parse(Files.readAllBytes(backup.get().regFile()), "backup.reg").importInto(reg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the undo file deletes no key: the keys the run created stay, empty
        SameHost.assertSameHost(original, reg.snapshot(),
                SameHost.IMPLICIT_ANCESTORS.or(backup.get().keysCreated()::contains));
        assertTrue(Files.exists(backup.get().file()));
    }

}
