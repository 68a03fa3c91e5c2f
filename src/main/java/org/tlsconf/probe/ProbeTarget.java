package org.tlsconf.probe;

import java.util.Locale;
import java.util.Map;

/** A host and port to probe, and how TLS starts there. */
public record ProbeTarget(String host, int port, StartTls mode) {

    /** How the TLS handshake begins. */
    public enum StartTls {
        /** The handshake starts right after connecting (HTTPS 443, IMAPS 993, POP3S 995, SMTPS 465, LDAPS 636). */
        NONE,
        /** SMTP: EHLO, then STARTTLS (ports 25, 587). */
        SMTP,
        /** IMAP: STARTTLS (port 143). */
        IMAP,
        /** POP3: STLS (port 110). */
        POP3;

        /** The mode {@code --starttls auto} picks for a port. */
        public static StartTls forPort(int port) {
            return switch (port) {
                case 25, 587 -> SMTP;
                case 143 -> IMAP;
                case 110 -> POP3;
                default -> NONE;
            };
        }
    }

    private static final Map<String, StartTls> NAMES = Map.of("none", StartTls.NONE, "implicit", StartTls.NONE,
            "smtp", StartTls.SMTP, "imap", StartTls.IMAP, "pop3", StartTls.POP3);

    /**
     * Parses {@code HOST}, {@code HOST:PORT} or {@code [IPv6]:PORT}; the port defaults to 443. {@code mode} is
     * {@code auto}, {@code none}, {@code smtp}, {@code imap} or {@code pop3}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ProbeTarget parse(String text, String mode) {
        String host = text.strip();
        int port = 443;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': missing ']' after an IPv6 address");
            }
            String rest = host.substring(close + 1);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), text);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': expected :PORT after ']'");
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(host.substring(host.indexOf(':') + 1), text);
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': no host name");
        }
        String m = mode.toLowerCase(Locale.ROOT);
        StartTls start = m.equals("auto") ? StartTls.forPort(port) : NAMES.get(m);
        if (start == null) {
            throw new IllegalArgumentException("unknown --starttls mode '" + mode + "' (auto, none, smtp, imap, pop3)");
        }
        return new ProbeTarget(host, port, start);
    }

    private static int port(String s, String text) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port must be a number from 1 to 65535");
        }
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return h + ":" + port + (mode == StartTls.NONE ? "" : " (" + mode.name().toLowerCase(Locale.ROOT)
                + " STARTTLS)");
    }
}
