package org.tlsconf.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Connects to a target once per protocol version (SSL 3.0 … TLS 1.3), each time offering only that version, and
 * records whether the server accepted it, the suite, and the certificate. The certificate is inspected, not
 * validated: the probe asks "can we still talk", and reports what a Windows peer would dislike.
 */
public final class Prober {

    /** Protocol versions probed, oldest first, with their JSSE names. */
    static final List<String[]> VERSIONS = List.of(new String[] {"SSL 3.0", "SSLv3"},
            new String[] {"TLS 1.0", "TLSv1"}, new String[] {"TLS 1.1", "TLSv1.1"},
            new String[] {"TLS 1.2", "TLSv1.2"}, new String[] {"TLS 1.3", "TLSv1.3"});

    private final Duration timeout;
    private final SSLSocketFactory factory;

    /**
     * @throws IllegalStateException when this Java runtime cannot set up TLS at all
     */
    public Prober(Duration timeout) {
        this.timeout = timeout;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new InspectOnly()}, new SecureRandom());
            this.factory = ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Lets this JVM offer SSL 3.0, TLS 1.0 and 1.1 and old algorithms, so a probe can find out what a server still
     * accepts. Must run before anything in the process uses TLS, and so before a Prober is made; tlsconf calls it
     * only for the probe command.
     */
    public static void allowLegacyProtocols() {
        Security.setProperty("jdk.tls.disabledAlgorithms", "");
        Security.setProperty("jdk.certpath.disabledAlgorithms", "");
        Security.setProperty("jdk.tls.legacyAlgorithms", "");
    }

    /** Probes targets concurrently, at most {@code parallel} at a time; results in the order given. */
    public List<ProbeResult> probeAll(List<ProbeTarget> targets, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, targets.size())), r -> {
            Thread t = new Thread(r, "tlsconf-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (ProbeTarget t : targets) {
                futures.add(pool.submit(() -> probe(t)));
            }
            List<ProbeResult> out = new ArrayList<>();
            for (Future<ProbeResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("probe failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public ProbeResult probe(ProbeTarget target) {
        List<ProbeResult.VersionResult> versions = new ArrayList<>();
        Optional<CertificateInfo> certificate = Optional.empty();
        for (String[] v : VERSIONS) {
            Attempt a = attempt(target, v[1]);
            if (a.unreachable != null) {
                return new ProbeResult(target, Optional.of(a.unreachable), List.of(), Optional.empty());
            }
            versions.add(new ProbeResult.VersionResult(v[0], a.outcome, Optional.ofNullable(a.suite), a.detail));
            if (certificate.isEmpty() && a.certificate != null) {
                certificate = Optional.of(a.certificate);
            }
        }
        return new ProbeResult(target, Optional.empty(), versions, certificate);
    }

    private record Attempt(ProbeResult.Outcome outcome, String suite, String detail, CertificateInfo certificate,
            String unreachable) {
    }

    private Attempt attempt(ProbeTarget target, String jsseVersion) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(target.host(), target.port()), millis);
            } catch (UnknownHostException e) {
                return unreachable("unknown host " + target.host());
            } catch (ConnectException e) {
                return unreachable("connection refused by " + target.host() + ":" + target.port()
                        + " (nothing listens there, or a firewall rejects it)");
            } catch (SocketTimeoutException e) {
                return unreachable("no answer from " + target.host() + ":" + target.port() + " within "
                        + timeout.toSeconds() + " s (filtered port or host down)");
            } catch (NoRouteToHostException e) {
                return unreachable("no route to " + target.host());
            }
            plain.setSoTimeout(millis);
            try {
                StartTlsDialogue.run(plain, target.mode());
            } catch (StartTlsDialogue.Refused e) {
                return unreachable(e.getMessage());
            } catch (SocketTimeoutException e) {
                return unreachable("the server did not answer the " + target.mode().name().toLowerCase(Locale.ROOT)
                        + " greeting within " + timeout.toSeconds() + " s (is this really a "
                        + target.mode().name() + " port? try --starttls none)");
            }
            try (SSLSocket tls = (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true)) {
                if (!List.of(tls.getSupportedProtocols()).contains(jsseVersion)) {
                    return new Attempt(ProbeResult.Outcome.NOT_TESTED, null, "this Java runtime cannot offer "
                            + jsseVersion, null, null);
                }
                tls.setEnabledProtocols(new String[] {jsseVersion});
                tls.setEnabledCipherSuites(tls.getSupportedCipherSuites());
                tls.setSoTimeout(millis);
                tls.startHandshake();
                var session = tls.getSession();
                CertificateInfo cert = null;
                if (session.getPeerCertificates().length > 0
                        && session.getPeerCertificates()[0] instanceof X509Certificate x) {
                    cert = CertificateInfo.of(x);
                }
                return new Attempt(ProbeResult.Outcome.ACCEPTED, session.getCipherSuite(), "negotiated "
                        + session.getProtocol(), cert, null);
            }
        } catch (SSLHandshakeException e) {
            return new Attempt(ProbeResult.Outcome.REFUSED, null, describe(e), null, null);
        } catch (SSLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
                return unreachable("the server answered in plaintext, not TLS (\"unexpected packet format\"): it "
                        + "probably expects STARTTLS on this port (try --starttls smtp, imap or pop3), or it is "
                        + "not a TLS port");
            }
            return new Attempt(ProbeResult.Outcome.REFUSED, null, describe(e), null, null);
        } catch (SocketTimeoutException e) {
            return new Attempt(ProbeResult.Outcome.ERROR, null, "the handshake timed out after "
                    + timeout.toSeconds() + " s", null, null);
        } catch (EOFException e) {
            return new Attempt(ProbeResult.Outcome.REFUSED, null, "the server closed the connection", null, null);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Connection reset") || m.contains("Broken pipe")) {
                return new Attempt(ProbeResult.Outcome.REFUSED, null, "the server reset the connection", null, null);
            }
            return new Attempt(ProbeResult.Outcome.ERROR, null, e.getClass().getSimpleName() + ": " + m, null, null);
        }
    }

    private static Attempt unreachable(String why) {
        return new Attempt(ProbeResult.Outcome.ERROR, null, why, null, why);
    }

    /** Turns JSSE's messages into what the server did. */
    static String describe(SSLException e) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")
                || lower.contains("protocol version")) {
            return "the server does not accept this version (alert protocol_version)";
        }
        if (lower.contains("handshake_failure")) {
            return "handshake failure (alert 40): no common cipher suite or signature algorithm for this version";
        }
        if (lower.contains("insufficient_security")) {
            return "the server requires stronger parameters (alert 71)";
        }
        if (lower.contains("internal_error")) {
            return "the server reported an internal error (alert 80), typical of a version its security level forbids";
        }
        if (lower.contains("remote host terminated") || lower.contains("connection closed")) {
            return "the server closed the connection during the handshake";
        }
        return m;
    }

    /** Accepts any certificate: the probe reports on certificates, it does not trust anything it receives. */
    private static final class InspectOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
