package org.tlsconf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.regfile.RegDocument;
import org.tlsconf.registry.regfile.RegFileReader;

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
            BenchFiles.large(file, targetBytes);
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
}
