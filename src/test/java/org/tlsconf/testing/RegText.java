package org.tlsconf.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds {@code .reg} file bytes the way different tools write them, and reads test resources. */
public final class RegText {
    private RegText() {
    }

    public static final String V5 = "Windows Registry Editor Version 5.00";

    /** As regedit writes: UTF-16LE with BOM; {@code \n} in the text becomes CRLF. */
    public static byte[] utf16(String text) {
        return withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.replace("\n", "\r\n"), StandardCharsets.UTF_16LE);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ansi(String text) {
        return text.getBytes(Charset.forName("windows-1252"));
    }

    public static byte[] withBom(byte[] bom, String text, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(cs));
        return out.toByteArray();
    }

    public static byte[] resource(String name) {
        try (InputStream in = RegText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
