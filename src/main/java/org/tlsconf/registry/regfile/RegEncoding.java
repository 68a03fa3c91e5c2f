package org.tlsconf.registry.regfile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How a {@code .reg} file's bytes are encoded, including its byte order mark. */
public enum RegEncoding {
    /** What regedit and {@code reg export} write. */
    UTF16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
    UTF16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
    UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    UTF8(StandardCharsets.UTF_8, new byte[0]),
    /** REGEDIT4 files and hand-written files that are not valid UTF-8: the Windows ANSI code page. */
    ANSI(Charset.forName("windows-1252"), new byte[0]);

    private final Charset charset;
    private final byte[] bom;

    RegEncoding(Charset charset, byte[] bom) {
        this.charset = charset;
        this.bom = bom;
    }

    public Charset charset() {
        return charset;
    }

    public byte[] bom() {
        return bom.clone();
    }

    int bomLength() {
        return bom.length;
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
