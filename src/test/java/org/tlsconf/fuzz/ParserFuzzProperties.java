package org.tlsconf.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.regfile.RegFileParseException;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.registry.regfile.ScanAgreement;
import org.tlsconf.testing.RegText;

/**
 * Random and mutated input for the two parsers that read user files: only their typed parse errors may escape,
 * never another exception, and nothing may hang (the timeout guards against hangs; it is not a speed target).
 */
class ParserFuzzProperties {

    private static final List<byte[]> REG_SEEDS = List.of(
            RegText.resource("/corpus/02_psssl-schannel-default-export-utf16.reg"),
            RegText.resource("/corpus/09_natthasath-disable-tls10-inline-values.reg"),
            RegText.resource("/corpus/12_file-cleanup-manager-tls12-ws2012-comments.reg"),
            RegText.utf8("Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\A]\n\"b\"=hex(7):61,00,00,00,\\\n"
                    + "  00,00\n\"c\"=-\n@=\"x\\\\y\"\n[-HKLM\\SOFTWARE\\B]\n"),
            RegText.ansi("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"e\"=hex(2):41,00\r\n"));

    private static final ProfileLoader LOADER = new ProfileLoader(new ProfileCatalogue());
    private static final List<byte[]> PROFILE_SEEDS = List.of(
            new ProfileCatalogue().read("min-requirement").orElseThrow(),
            new ProfileCatalogue().read("max-protection").orElseThrow());

    @Property(tries = 1500)
    void regReaderOnlyThrowsParseErrors(@ForAll("regInputs") byte[] input) {
        guard(() -> {
            try {
                RegFileReader.parse(input, "fuzz.reg").replay("fuzz").snapshot();
            } catch (RegFileParseException expected) {
                // a typed, reported error is fine
            }
        });
    }

    @Property(tries = 800)
    void theReadOnlyScanAgreesWithTheFullReaderWithinItsScope(@ForAll("regInputs") byte[] input) {
        guard(() -> {
            try {
                ScanAgreement.check(input, scratch());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path scratchDir;

    private static synchronized Path scratch() throws IOException {
        if (scratchDir == null) {
            scratchDir = Files.createTempDirectory("tlsconf-scan-fuzz");
            scratchDir.toFile().deleteOnExit();
        }
        return scratchDir;
    }

    @Property(tries = 1500)
    void profileLoaderOnlyThrowsProfileErrors(@ForAll("profileInputs") byte[] input) {
        guard(() -> {
            try {
                LOADER.loadBytes(input, "fuzz.json");
            } catch (ProfileException expected) {
                // a typed, reported error is fine
            }
        });
    }

    private static void guard(Runnable r) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), r::run);
    }

    @Provide
    Arbitrary<byte[]> regInputs() {
        return Arbitraries.oneOf(randomBytes(), mutated(REG_SEEDS), tokenSoup(List.of(
                "Windows Registry Editor Version 5.00", "REGEDIT4", "\r\n", "\n", "[", "]", "[-", "HKLM\\", "\\",
                "HKEY_LOCAL_MACHINE\\SOFTWARE", "\"", "=", "dword:", "hex:", "hex(7):", "hex(b):", "hex(", "):",
                "00,", "ff", ",\\\n  ", "-", "@", ";", " ", "\\\"", "\\\\", "0x", "\u00e9", "\u2215")));
    }

    @Provide
    Arbitrary<byte[]> profileInputs() {
        return Arbitraries.oneOf(randomBytes(), mutated(PROFILE_SEEDS), tokenSoup(List.of(
                "{", "}", "[", "]", ",", ":", "\"name\"", "\"keys\"", "\"path\"", "\"values\"", "\"type\"",
                "\"data\"", "\"absent\"", "\"extends\"", "\"REG_DWORD\"", "\"REG_MULTI_SZ\"", "\"REG_BINARY\"",
                "\"REG_QWORD\"", "true", "null", "-1", "4294967296", "1e9", "\"0xFFFFFFFF\"", "\"0g\"",
                "\"HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\SCHANNEL\\\\Protocols\\\\TLS 1.2\\\\Server\"",
                "\"max-protection\"", "\"../x.json\"", "\"HKLM:\\\\\"", "\"Enabled\"", "[[[[[[[[[[")));
    }

    private static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    private static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, pos, b) -> new int[] {kind, pos, b}).list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(seed, edits).as(ParserFuzzProperties::mutate);
    }

    private static byte[] mutate(byte[] seed, List<int[]> edits) {
        byte[] data = seed.clone();
        for (int[] e : edits) {
            if (data.length == 0) {
                break;
            }
            int pos = e[1] % data.length;
            switch (e[0]) {
                case 0 -> data[pos] = (byte) e[2]; // flip a byte
                case 1 -> data = java.util.Arrays.copyOf(data, pos); // truncate
                case 2 -> { // duplicate a chunk
                    int len = Math.min(64, data.length - pos);
                    byte[] out = new byte[data.length + len];
                    System.arraycopy(data, 0, out, 0, pos + len);
                    System.arraycopy(data, pos, out, pos + len, data.length - pos);
                    data = out;
                }
                default -> { // delete a byte
                    byte[] out = new byte[data.length - 1];
                    System.arraycopy(data, 0, out, 0, pos);
                    System.arraycopy(data, pos + 1, out, pos, data.length - pos - 1);
                    data = out;
                }
            }
        }
        return data;
    }

    private static Arbitrary<byte[]> tokenSoup(List<String> tokens) {
        return Arbitraries.of(tokens).list().ofMaxSize(60)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
    }
}
