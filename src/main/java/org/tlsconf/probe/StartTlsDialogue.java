package org.tlsconf.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The plaintext exchange that upgrades a mail connection to TLS (RFC 3207 SMTP, RFC 3501 IMAP, RFC 2595 POP3). */
final class StartTlsDialogue {
    private StartTlsDialogue() {
    }

    /** Thrown when the server does not agree to start TLS; the message quotes what it said. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static void run(Socket socket, ProbeTarget.StartTls mode) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        switch (mode) {
            case SMTP -> {
                expect(smtpReply(in), "220", "SMTP greeting");
                send(out, "EHLO tlsconf-probe.invalid");
                String ehlo = smtpReply(in);
                expect(ehlo, "250", "EHLO");
                if (!ehlo.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
                    throw new Refused("the SMTP server does not offer STARTTLS (EHLO said: " + oneLine(ehlo) + ")");
                }
                send(out, "STARTTLS");
                expect(smtpReply(in), "220", "STARTTLS");
            }
            case IMAP -> {
                expect(line(in), "* OK", "IMAP greeting");
                send(out, "a1 STARTTLS");
                String reply;
                do {
                    reply = line(in);
                } while (reply.startsWith("*"));
                expect(reply, "a1 OK", "STARTTLS");
            }
            case POP3 -> {
                expect(line(in), "+OK", "POP3 greeting");
                send(out, "STLS");
                expect(line(in), "+OK", "STLS");
            }
            case NONE -> {
                // implicit TLS: nothing to say first
            }
        }
    }

    private static void expect(String reply, String prefix, String step) throws Refused {
        if (!reply.startsWith(prefix)) {
            throw new Refused(step + " failed: the server said '" + oneLine(reply) + "'");
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line, without its terminator; reads byte by byte so no TLS bytes are consumed. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
            if (sb.length() > 8192) {
                throw new Refused("the server sent an over-long line");
            }
        }
        if (c == -1 && sb.length() == 0) {
            throw new Refused("the server closed the connection");
        }
        return sb.toString();
    }

    /** A complete SMTP reply (continuation lines have a '-' after the code). */
    private static String smtpReply(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        String l;
        do {
            l = line(in);
            all.append(l).append('\n');
        } while (l.length() > 3 && l.charAt(3) == '-');
        return all.toString();
    }

    private static String oneLine(String s) {
        String t = s.strip().replace('\n', ' ');
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
