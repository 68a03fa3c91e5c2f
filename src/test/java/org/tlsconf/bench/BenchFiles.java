package org.tlsconf.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.regfile.RegDocument;
import org.tlsconf.registry.regfile.RegFileWriter;

/**
 * The input files of bench/run.sh (not a test), written once into a folder and reused:
 * <ul>
 * <li>{@code large.reg}: a UTF-16LE regedit export of about 112 MB — many keys outside the TLS roots, shaped like
 * a real export, then the TLS keys of {@code examples/server-2016-fresh.reg};</li>
 * <li>{@code hexline.reg}: the example export plus one REG_BINARY value under a TLS root whose hex data is a single
 * 50 MB line (no continuations), as some tools write them.</li>
 * </ul>
 * Usage: {@code BenchFiles DIR}; prints the two paths and sizes.
 */
public final class BenchFiles {
    static final long LARGE_BYTES = 112_000_000;
    static final long HEX_LINE_BYTES = 50_000_000;
    static final Path EXAMPLE = Path.of("examples/server-2016-fresh.reg");

    private BenchFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path large = dir.resolve("large.reg");
        if (!Files.exists(large) || Files.size(large) < LARGE_BYTES) {
            large(large, LARGE_BYTES);
        }
        Path hex = dir.resolve("hexline.reg");
        if (!Files.exists(hex) || Files.size(hex) < HEX_LINE_BYTES) {
            hexLine(hex, HEX_LINE_BYTES);
        }
        System.out.printf("%s %d%n%s %d%n", large, Files.size(large), hex, Files.size(hex));
    }

    /** The example's text without its header line (UTF-16LE with BOM, like every regedit export). */
    private static String exampleBody() throws IOException {
        byte[] bytes = Files.readAllBytes(EXAMPLE);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        return text.substring(text.indexOf("\r\n") + 2);
    }

    /** Many generated keys (DWORD, string, multi-string and binary values), then the example's TLS keys. */
    public static void large(Path file, long targetBytes) throws IOException {
        List<RegistryPath> keys = new ArrayList<>();
        Map<RegistryPath, Map<String, RegistryValue>> values = new LinkedHashMap<>();
        String body = exampleBody();
        long estimate = 2L * body.length();
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
            estimate += 2 * 960; // about the UTF-16 size of one such key
            i++;
        }
        RegDocument doc = RegFileWriter.export(keys, values::get);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(doc.toBytes());
            out.write(body.getBytes(StandardCharsets.UTF_16LE));
        }
    }

    /** The example plus {@code "Blob"=hex:00,01,...} on one line of about {@code lineBytes} bytes. */
    static void hexLine(Path file, long lineBytes) throws IOException {
        long dataBytes = lineBytes / 2 / 3; // UTF-16: two bytes a character; "xx," is three characters a byte
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_16LE)) {
            w.write('\uFEFF');
            w.write("Windows Registry Editor Version 5.00\r\n");
            w.write(exampleBody());
            w.write("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Bench]\r\n");
            w.write("\"Blob\"=hex:");
            char[] digits = "0123456789abcdef".toCharArray();
            for (long b = 0; b < dataBytes; b++) {
                int v = (int) (b * 31 & 0xFF);
                w.write(digits[v >> 4]);
                w.write(digits[v & 0xF]);
                if (b + 1 < dataBytes) {
                    w.write(',');
                }
            }
            w.write("\r\n\r\n");
        }
    }
}
