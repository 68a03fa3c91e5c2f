package org.tlsconf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegDocument;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.registry.regfile.RegFileWriter;

/**
 * Parse throughput of the {@code .reg} reader on a generated regedit export (UTF-16LE) of a given size. Not a test:
 * run it with {@code bench/run.sh}. Usage: {@code ParseBenchmark OUTPUT.reg [MEGABYTES]}.
 */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long targetBytes = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1024 * 1024;
        if (!Files.exists(file) || Files.size(file) < targetBytes * 9 / 10) {
            generate(file, targetBytes);
        }
        byte[] data = Files.readAllBytes(file);
        System.out.printf("file: %s, %.1f MB (UTF-16LE regedit export)%n", file, data.length / 1e6);
        for (int round = 1; round <= 3; round++) {
            System.gc();
            long t0 = System.nanoTime();
            RegDocument doc = RegFileReader.parse(data, file.toString());
            long t1 = System.nanoTime();
            InMemoryRegistry reg = doc.replay("bench");
            long t2 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf("round %d: parse %.2f s (%.1f MB/s), replay %.2f s, %d keys, heap in use %.0f MB%n",
                    round, (t1 - t0) / 1e9, data.length / 1e6 / ((t1 - t0) / 1e9), (t2 - t1) / 1e9,
                    reg.snapshot().size(), used / 1e6);
        }
    }

    /** A large export shaped like a real one: many keys with DWORD, string, multi-string and binary values. */
    public static void generate(Path file, long targetBytes) throws IOException {
        List<RegistryPath> keys = new ArrayList<>();
        Map<RegistryPath, Map<String, RegistryValue>> values = new LinkedHashMap<>();
        long estimate = 0;
        int i = 0;
        while (estimate < targetBytes) {
            RegistryPath key = RegistryPath.parse("HKLM\\SOFTWARE\\Bench\\Group" + (i / 100) + "\\Key" + i);
            Map<String, RegistryValue> v = new LinkedHashMap<>();
            v.put("Enabled", RegistryValue.dword(i % 2));
            v.put("DisabledByDefault", RegistryValue.dword(0xFFFFFFFFL));
            v.put("Description", RegistryValue.sz("Generated value number " + i + " for C:\\Program Files\\x"));
            v.put("Functions", RegistryValue.multiSz(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")));
            v.put("Blob", RegistryValue.binary(new byte[64]));
            keys.add(key);
            values.put(key, v);
            estimate += 2 * 900; // roughly the UTF-16 size of one such key
            i++;
        }
        RegDocument doc = RegFileWriter.export(keys, values::get);
        Files.write(file, doc.toBytes());
    }
}
