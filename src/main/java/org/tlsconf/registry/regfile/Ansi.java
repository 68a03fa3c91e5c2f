package org.tlsconf.registry.regfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Map;

/**
 * The Windows ANSI code page (windows-1252) one byte at a time: how ANSI {@code .reg} files are read and written,
 * and how REGEDIT4 files hold {@code hex(1)}, {@code hex(2)} and {@code hex(7)} string data. Every byte has exactly one character (the five bytes 1252 leaves
 * undefined map to U+0081, U+008D, U+008F, U+0090 and U+009D, as Windows maps them), so reading and writing give
 * back the same bytes; a character outside the code page has no byte and is refused, never replaced by {@code ?}.
 */
final class Ansi {
    private static final char[] TO_CHAR = new char[256];
    private static final Map<Character, Byte> TO_BYTE = new HashMap<>();

    static {
        CharsetDecoder decoder = RegEncoding.ANSI.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0; b < 256; b++) {
            char c;
            try {
                c = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
            } catch (CharacterCodingException e) {
                c = (char) b;
            }
            TO_CHAR[b] = c;
            TO_BYTE.put(c, (byte) b);
        }
    }

    private Ansi() {
    }

    static String decode(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /** A reader of ANSI text: one character per byte, as {@link #decode}. */
    static Reader reader(InputStream in) {
        return new Reader() {
            private final byte[] bytes = new byte[1 << 16];

            @Override
            public int read(char[] out, int off, int len) throws IOException {
                int n = in.read(bytes, 0, Math.min(len, bytes.length));
                for (int i = 0; i < n; i++) {
                    out[off + i] = TO_CHAR[bytes[i] & 0xFF];
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** A writer of ANSI text: one byte per character, as {@link #encode} (which refuses what has no byte). */
    static Writer writer(OutputStream out) {
        return new Writer() {
            @Override
            public void write(char[] chars, int off, int len) throws IOException {
                try {
                    out.write(encode(java.nio.CharBuffer.wrap(chars, off, len)));
                } catch (IllegalArgumentException e) {
                    throw new java.nio.charset.UnmappableCharacterException(1);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** @throws IllegalArgumentException naming the first character that has no byte in the code page */
    static byte[] encode(CharSequence text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            Byte b = TO_BYTE.get(text.charAt(i));
            if (b == null) {
                throw new IllegalArgumentException(describe(text, i) + " has no windows-1252 (ANSI) form");
            }
            out[i] = b;
        }
        return out;
    }

    /** The first character of {@code text} that the code page cannot hold, or -1. */
    static int firstUnmappable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!TO_BYTE.containsKey(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static String describe(CharSequence text, int i) {
        return "the character '" + CharBuffer.wrap(text, i, i + 1) + "' (U+" + String.format("%04X",
                (int) text.charAt(i)) + ")";
    }
}
