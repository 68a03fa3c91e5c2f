package org.tlsconf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * TLS peers on 127.0.0.1 for probe tests: openssl s_server limited to one version, and small servers of our own
 * that speak SMTP/IMAP/POP3 STARTTLS, answer in plaintext, or never answer. Everything stops on {@link #close()}.
 */
public final class LoopbackPeers implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<ServerSocket> sockets = new ArrayList<>();
    private SSLContext serverContext;

    public LoopbackPeers(Path dir) {
        this.dir = dir;
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** A self-signed RSA 2048 certificate for localhost, signed with {@code digest} (sha256, sha1). */
    public Path[] certificate(String name, String digest) throws Exception {
        ExternalTool.require("openssl", "openssl");
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-" + digest, "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "30", "-subj", "/CN=" + name + ".localhost");
        return new Path[] {cert, key};
    }

    /** {@code openssl s_server} on a free loopback port with the given extra arguments (e.g. -tls1_2). */
    public int openssl(Path[] certificate, String... args) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                certificate[0].toString(), "-key", certificate[1].toString(), "-www", "-quiet"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        waitForPort(port);
        return port;
    }

    private static void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port);
    }

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private SSLContext serverContext() throws Exception {
        if (serverContext == null) {
            Path ks = dir.resolve("server.p12");
            run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "s",
                    "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "30", "-storetype",
                    "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "changeit".toCharArray());
            serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);
        }
        return serverContext;
    }

    /** A mail server that upgrades to TLS 1.2/1.3 after STARTTLS (smtp, imap) or STLS (pop3). */
    public int startTls(String protocol) throws Exception {
        SSLContext ctx = serverContext();
        return serve(socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            switch (protocol) {
                case "smtp" -> {
                    say(out, "220 test ESMTP ready");
                    readLine(in);
                    say(out, "250-test greets you");
                    say(out, "250-PIPELINING");
                    say(out, "250 STARTTLS");
                    readLine(in);
                    say(out, "220 2.0.0 Ready to start TLS");
                }
                case "imap" -> {
                    say(out, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready");
                    String tag = readLine(in).split(" ")[0];
                    say(out, tag + " OK Begin TLS negotiation now");
                }
                default -> {
                    say(out, "+OK POP3 ready");
                    readLine(in);
                    say(out, "+OK Begin TLS negotiation");
                }
            }
            SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(socket, null, socket.getPort(), false);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
            tls.startHandshake();
            tls.close();
        });
    }

    /** A server that greets in plaintext and never speaks TLS (SMTP on a port probed as implicit TLS). */
    public int plaintext() throws Exception {
        return serve(socket -> {
            say(socket.getOutputStream(), "220 plain.example ESMTP not TLS");
            socket.getInputStream().read(new byte[512]);
        });
    }

    /** A server that accepts connections and never says anything. */
    public int silent() throws Exception {
        return serve(socket -> {
            byte[] buf = new byte[512];
            while (socket.getInputStream().read(buf) != -1) {
                // swallow the client's hello and wait until it gives up
            }
        });
    }

    private interface Handler {
        void handle(Socket socket) throws Exception;
    }

    private int serve(Handler handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        sockets.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread worker = new Thread(() -> {
                        try (s) {
                            s.setSoTimeout(15_000);
                            handler.handle(s);
                        } catch (Exception ignored) {
                            // a probe that gives up mid-dialogue is normal
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (ServerSocket s : sockets) {
            s.close();
        }
    }
}
