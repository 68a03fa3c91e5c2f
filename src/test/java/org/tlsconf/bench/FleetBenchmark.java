package org.tlsconf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegFileWriter;
import org.tlsconf.registry.regfile.RegFileWriter.Entry;
import org.tlsconf.registry.regfile.RegFileWriter.Section;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/**
 * Host exports for {@code tlsconf fleet}: regedit exports (UTF-16LE) of about 5 KB, as a host's TLS keys look
 * after some hardening (weak ciphers and MD5 off), with the computer name and Windows version. Not a test: {@code bench/run.sh}
 * times {@code tlsconf fleet} over them. Usage: {@code FleetBenchmark DIR COUNT}.
 *
 * <p>Host {@code i} is one of four configurations (i mod 4): max-protection applied, a fresh host, min-requirement
 * applied, or TLS 1.0 switched back on; and one of three builds (i mod 3).
 */
public final class FleetBenchmark {
    private FleetBenchmark() {
    }

    public static final int[] BUILDS = {14393, 17763, 20348};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long bytes = generate(dir, count);
        System.out.printf("%d host exports in %s, %.1f KB each on average%n", count, dir, bytes / 1024.0 / count);
    }

    /** Writes {@code count} exports {@code host-00001.reg}… into {@code dir}; returns their total size. */
    public static long generate(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        ProfileLoader loader = new ProfileLoader(new ProfileCatalogue());
        Profile max = loader.load("max-protection");
        Profile min = loader.load("min-requirement");
        long total = 0;
        for (int i = 1; i <= count; i++) {
            byte[] data = RegFileWriter.script(export(i, max, min)).toBytes();
            Files.write(dir.resolve(String.format("host-%05d.reg", i)), data);
            total += data.length;
        }
        return total;
    }

    /** The sections of host {@code i}'s export. */
    public static List<Section> export(int i, Profile max, Profile min) {
        Map<RegistryPath, List<Entry>> keys = new LinkedHashMap<>();
        keys.put(TlsRegistry.SCHANNEL, new ArrayList<>(List.of(entry("EventLogging", RegistryValue.dword(1)))));
        for (String c : List.of("DES 56/56", "NULL", "RC2 40/128", "RC4 128/128", "RC4 40/128", "Triple DES 168")) {
            keys.put(TlsRegistry.CIPHERS.child(c), new ArrayList<>(List.of(entry(TlsRegistry.ENABLED,
                    RegistryValue.dword(0)))));
        }
        keys.put(TlsRegistry.HASHES.child("MD5"), new ArrayList<>(List.of(entry(TlsRegistry.ENABLED,
                RegistryValue.dword(0)))));
        List<DesiredValue> applied = switch (i % 4) {
            case 1 -> max.values();
            case 3 -> min.values();
            default -> List.of();
        };
        for (DesiredValue d : applied) {
            List<Entry> entries = keys.computeIfAbsent(d.key(), k -> new ArrayList<>());
            d.value().ifPresent(v -> entries.add(entry(d.name(), v)));
        }
        if (i % 4 == 0) {
            RegistryPath tls10 = TlsRegistry.PROTOCOLS.child("TLS 1.0").child("Server");
            keys.put(tls10, new ArrayList<>(List.of(entry(TlsRegistry.ENABLED, RegistryValue.dword(1)),
                    entry(TlsRegistry.DISABLED_BY_DEFAULT, RegistryValue.dword(0)))));
        }
        int build = BUILDS[i % BUILDS.length];
        keys.put(WindowsVersion.CURRENT_VERSION, List.of(entry("CurrentBuildNumber", RegistryValue.sz("" + build)),
                entry("UBR", RegistryValue.dword(1000 + i % 7)),
                entry("ProductName", RegistryValue.sz(build == 14393 ? "Windows Server 2016 Standard"
                        : build == 17763 ? "Windows Server 2019 Standard" : "Windows Server 2022 Standard")),
                entry("InstallationType", RegistryValue.sz("Server"))));
        keys.put(RegistryPath.parse("HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName"),
                List.of(entry("ComputerName", RegistryValue.sz(String.format("SRV%05d", i)))));
        List<Section> sections = new ArrayList<>();
        keys.forEach((k, e) -> sections.add(new Section(k, false, e)));
        return sections;
    }

    private static Entry entry(String name, RegistryValue value) {
        return new Entry(name, Optional.of(value));
    }
}
