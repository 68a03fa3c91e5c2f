package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsconf.plan.OrderDiff;
import org.tlsconf.plan.Planner;
import org.tlsconf.plan.Simulation;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileRegistry;
import org.tlsconf.tls.WindowsVersion;

/**
 * Each compliance profile, applied to fresh 2012 R2 … 2025 hosts, satisfies its benchmark's own items, transcribed
 * as data in src/test/resources/benchmarks (see SOURCES.md there for where each row comes from).
 */
class BenchmarkItemsTest {

    record Item(String profile, String id, String builds, RegistryPath key, String value, String expected,
            String source) {

        boolean appliesTo(int build) {
            if (builds.equals("all")) {
                return true;
            }
            String[] r = builds.split("-", -1);
            return (r[0].isEmpty() || build >= Integer.parseInt(r[0])) && (r[1].isEmpty()
                    || build <= Integer.parseInt(r[1]));
        }
    }

    static List<Item> items(String file) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/benchmarks", file),
                StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertEquals(7, f.length, line);
            String key = f[3].replace("SCH\\", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\")
                    .replace("POL\\", "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002")
                    .replace("LSA\\", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\");
            items.add(new Item(f[0], f[1], f[2], RegistryPath.parse(key), f[4], f[5], f[6]));
        }
        return items;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cis.tsv", "stig.tsv", "pci.tsv", "fips.tsv"})
    void theProfileSatisfiesEveryTranscribedItemOnEveryHost(String file) throws IOException {
        ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());
        List<Item> items = items(file);
        assertFalse(items.isEmpty());
        int checked = 0;
        for (String host : List.of("server-2012r2", "server-2016", "server-2019", "server-2022", "server-2025")) {
            Registry registry = RegFileRegistry.open(Path.of("src/test/resources/hosts", host + ".reg"));
            int build = WindowsVersion.read(registry, host).orElseThrow().build();
            for (String profile : items.stream().map(Item::profile).distinct().toList()) {
                Profile p = loader.load(profile).resolve(Optional.of(build));
                Registry after = Simulation.after(Planner.plan(p, registry), registry);
                for (Item item : items) {
                    if (!item.profile().equals(profile) || !item.appliesTo(build)) {
                        continue;
                    }
                    String at = profile + " on " + host + ": " + item.id() + " " + item.key() + "\\" + item.value()
                            + " (" + item.source() + ")";
                    check(after.readValue(item.key(), item.value()), item.expected(), at);
                    checked++;
                }
            }
        }
        assertTrue(checked >= items.size(), "every item was checked at least once");
    }

    /** The CIS Level 2 profile contains every Level 1 item, so the L1 rows hold for it too (checked above). */
    static void check(Optional<RegistryValue> actual, String expected, String at) {
        if (expected.startsWith("=")) {
            assertEquals(Optional.of(RegistryValue.dword(Long.decode(expected.substring(1)))), actual, at);
            return;
        }
        assertTrue(actual.isPresent(), at + ": value missing");
        List<String> order = OrderDiff.items(actual.get());
        String arg = expected.substring(expected.indexOf('=') + 1);
        if (expected.startsWith("list=")) {
            assertEquals(List.of(arg.split(",")), order, at);
        } else if (expected.startsWith("excludes=")) {
            assertFalse(order.isEmpty(), at);
            for (String token : arg.split(",")) {
                assertTrue(order.stream().noneMatch(s -> s.contains(token)), at + ": has a " + token + " suite: "
                        + order);
            }
        } else if (expected.startsWith("only=")) {
            assertFalse(order.isEmpty(), at);
            Pattern allowed = Pattern.compile(arg);
            order.forEach(s -> assertTrue(allowed.matcher(s).matches(), at + ": " + s + " is not allowed"));
        } else {
            throw new AssertionError("unknown expectation " + expected + " at " + at);
        }
    }
}
