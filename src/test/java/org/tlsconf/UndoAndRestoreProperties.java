package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import org.tlsconf.apply.Applier;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.registry.regfile.RegFileWriter;
import org.tlsconf.registry.regfile.RegFormat;
import org.tlsconf.testing.SameHost;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.TlsRegistry;
import picocli.CommandLine;

/**
 * Over random {@code .reg} exports — partial ones (ancestor keys missing or present), keys repeated, REGEDIT4 (ANSI)
 * and version 5 (UTF-16LE), keys and values tlsconf does not manage — and random profiles: after an apply, (1)
 * the undo {@code .reg} file imported with tlsconf's reader gives the original registry back (the keys the run
 * created stay, empty: the undo file deletes no key), and (2) {@code tlsconf restore --last} gives the original
 * bytes back.
 */
class UndoAndRestoreProperties {
    private static Path dir;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Applier APPLIER = new Applier(Clock.systemUTC());

    private static final List<RegistryPath> MANAGED = List.of(
            TlsRegistry.protocolKey(Protocol.TLS_1_0, Role.SERVER), TlsRegistry.protocolKey(Protocol.TLS_1_0,
                    Role.CLIENT), TlsRegistry.protocolKey(Protocol.TLS_1_2, Role.SERVER),
            TlsRegistry.protocolKey(Protocol.SSL_3_0, Role.CLIENT), TlsRegistry.CIPHERS.child("RC4 40/128"),
            TlsRegistry.View.NATIVE.dotNet("v4.0.30319"), TlsRegistry.View.WOW6432.dotNet("v2.0.50727"),
            TlsRegistry.View.WOW6432.winHttp(), TlsRegistry.POLICY_SSL.child("00010002"));
    /** Keys a partial export may or may not hold: ancestors of the managed keys, and keys nobody manages. */
    private static final List<RegistryPath> OTHERS = java.util.stream.Stream.of("HKLM\\SOFTWARE",
            "HKLM\\SOFTWARE\\Microsoft", "HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "HKLM\\SOFTWARE\\Wow6432Node",
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols",
            "HKLM\\SOFTWARE\\Vendor\\App", "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Other")
            .map(RegistryPath::parse).toList();
    private static final List<String> NAMES = List.of("Enabled", "DisabledByDefault", "SchUseStrongCrypto",
            "Other", "");

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("tlsconf-undo-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Value(String name, RegistryValue value) {
    }

    record Section(RegistryPath key, List<Value> values) {
    }

    /** A host as a regedit export: its format, and its sections in file order (a key may come more than once). */
    record Export(RegFormat format, List<Section> sections) {
        byte[] bytes() {
            StringBuilder sb = new StringBuilder(format.header()).append("\r\n\r\n");
            for (Section s : sections) {
                sb.append(RegFileWriter.keyLine(s.key(), false, "\r\n"));
                for (Value v : s.values()) {
                    sb.append(RegFileWriter.valueLine(v.name(), v.value(), format, "\r\n"));
                }
                sb.append("\r\n");
            }
            if (format == RegFormat.REGEDIT4) {
                return sb.toString().getBytes(Charset.forName("windows-1252"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_16LE));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return new String(bytes(), format == RegFormat.REGEDIT4 ? Charset.forName("windows-1252")
                    : StandardCharsets.UTF_16LE);
        }
    }

    @Provide
    Arbitrary<Export> exports() {
        return Arbitraries.of(RegFormat.values()).flatMap(format -> section(format).list().ofMaxSize(12)
                .map(sections -> new Export(format, sections)));
    }

    private static Arbitrary<Section> section(RegFormat format) {
        Arbitrary<RegistryPath> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(MANAGED)), net.jqwik.api.Tuple.of(1, Arbitraries.of(OTHERS)));
        // an export may hold values of a type no documentation names; they are kept as raw bytes with their number
        Arbitrary<RegistryValue> undocumented = Arbitraries.bytes().array(byte[].class).ofMaxSize(5)
                .map(b -> new RegistryValue.Binary(ValueType.of(0xffff0012), b));
        Arbitrary<Value> value = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, value(format)), net.jqwik.api.Tuple.of(1, undocumented))).as(Value::new);
        return Combinators.combine(key, value.list().ofMaxSize(4).uniqueElements(v -> v.name().toUpperCase(
                java.util.Locale.ROOT))).as(Section::new);
    }

    private static Arbitrary<RegistryValue> value(RegFormat format) {
        Arbitrary<String> text = format == RegFormat.REGEDIT4
                ? Arbitraries.of("1", "0", "", "C:\\x \"y\"", "plain text")
                : Arbitraries.of("1", "0", "", "C:\\x \"y\"", "caf\u00e9", "NistP256\u2192x", "\u4e2d");
        List<Arbitrary<RegistryValue>> kinds = new java.util.ArrayList<>(List.of(
                Arbitraries.of(0L, 1L, 0xFFFFFFFFL, 0x10L).map(RegistryValue::dword),
                Arbitraries.longs().map(RegistryValue::qword),
                text.map(RegistryValue::sz),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(RegistryValue::binary),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3)
                        .map(b -> new RegistryValue.Binary(ValueType.REG_NONE, b))));
        if (format == RegFormat.V5) { // hex(2)/hex(7) strings in REGEDIT4 files are the .reg writer's part
            kinds.add(text.map(RegistryValue::expandSz));
            kinds.add(text.filter(s -> !s.isEmpty()).list().ofMaxSize(3).map(RegistryValue::multiSz));
        }
        return Arbitraries.oneOf(kinds);
    }

    @Provide
    Arbitrary<List<DesiredValue>> profiles() {
        return Combinators.combine(Arbitraries.of(MANAGED), Arbitraries.of(NAMES), value(RegFormat.REGEDIT4))
                .as((k, n, v) -> new DesiredValue(k, n, Optional.of(v), "random")).list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(d -> d.key() + "\\" + d.name().toUpperCase(java.util.Locale.ROOT));
    }

    @Property(tries = 1000)
    void theUndoFileGivesTheOriginalRegistryAndRestoreLastTheOriginalBytes(@ForAll("exports") Export export,
            @ForAll("profiles") List<DesiredValue> profile) throws IOException {
        int n = RUNS.incrementAndGet();
        Path file = dir.resolve("host" + n + ".reg");
        Path backups = dir.resolve("backups" + n);
        byte[] original = export.bytes();
        Files.write(file, original);
        InMemoryRegistry before = RegFileReader.parse(original, "original").replay("original");

        RegFileRegistry reg = RegFileRegistry.open(file);
        Optional<Backup> backup = APPLIER.apply(Planner.plan("random", profile, reg), reg, new BackupStore(backups),
                new Applier.Run("random", "registry file " + file.toAbsolutePath().normalize(), "test",
                        BackupStore.hostName()), false, reg::save).backup();
        if (backup.isEmpty()) {
            assertArrayEquals(original, Files.readAllBytes(file), "nothing to do, nothing written");
            return;
        }

        // (1) the undo .reg, imported into the changed registry, with tlsconf's reader
        InMemoryRegistry undone = RegFileReader.parse(Files.readAllBytes(file), "applied").replay("applied");
        RegFileReader.parse(Files.readAllBytes(backup.get().regFile()), "undo").importInto(undone);
        SameHost.assertSameHost(before.snapshot(), undone.snapshot(),
                SameHost.IMPLICIT_ANCESTORS.or(backup.get().keysCreated()::contains));

        // (2) restore --last, as the command line runs it
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("restore", "--last", "--force", "--registry-file", file.toString(), "--backup-dir",
                backups.toString());
        assertTrue(code == 0 || code == 3010, code + ": " + out + err);
        assertArrayEquals(original, Files.readAllBytes(file), () -> "restore --last did not give the original "
                + "bytes back:\n--- original\n" + export + "\n--- now\n" + new String(readQuietly(file),
                export.format() == RegFormat.REGEDIT4 ? Charset.forName("windows-1252") : StandardCharsets.UTF_16LE));
        assertEquals(Backup.Status.COMPLETE, BackupStore.load(backup.get().file()).status());
    }

    private static byte[] readQuietly(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
