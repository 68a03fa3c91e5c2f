package org.tlsconf.explain;

import java.util.List;
import java.util.Map;

/** The knowledge base: hardening-risks.md §4 and seed 002 (Mail.dll's "TLS" posts). */
final class KnownErrors {
    private KnownErrors() {
    }

    private static final String NET_FIX = "set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under "
            + ".NETFramework\\v2.0.50727 and \\v4.0.30319, in both HKLM\\SOFTWARE\\Microsoft and HKLM\\SOFTWARE\\"
            + "Wow6432Node\\Microsoft: tlsconf apply min-requirement (check first: tlsconf check min-requirement)";

    static final List<KnownError> ALL = List.of(
            new KnownError("UNDERLYING-CONNECTION-CLOSED", "The underlying connection was closed",
                    List.of("underlying connection was closed", "unexpected error occurred on a send",
                            "unexpected error occurred on a receive"),
                    List.of("a .NET Framework client offered only SSL 3.0/TLS 1.0 (the application targets .NET < 4.6 "
                            + "or hard-codes ServicePointManager.SecurityProtocol) to a server that now requires TLS 1.2",
                            "the same message comes from the server side when TLS 1.0 was disabled there"),
                    List.of(NET_FIX, "install the .NET 3.5 TLS updates (KB3154518/19/20) on 2008 R2/2012/2012 R2",
                            "restart the application or service (IIS: iisreset), then tlsconf probe HOST:PORT to see "
                                    + "what the server accepts")),
            new KnownError("SECURE-CHANNEL", "Could not create SSL/TLS secure channel",
                    List.of("could not create ssl/tls secure channel", "securechannelfailure"),
                    List.of("the handshake failed: no common protocol version, no common cipher suite (e.g. a 2012 R2 "
                            + "client and a GCM/ECDHE-only server), no common signature algorithm, or a certificate "
                            + "problem"),
                    List.of("tlsconf probe HOST:PORT shows which versions the server accepts",
                            "tlsconf status shows which versions this host's client side allows, and the cipher "
                                    + "suite order in force",
                            "look for Schannel event 36887 on this host for the alert number (tlsconf explain \"36887 "
                                    + "alert N\")", NET_FIX)),
            new KnownError("TRANSPORT-STREAM-CLOSED", "The remote party has closed the transport stream",
                    List.of("remote party has closed the transport stream", "closed the transport stream"),
                    List.of("the peer dropped the connection during the handshake, typically because it does not "
                            + "accept the version offered (e.g. the server disabled TLS 1.0 and the client offered "
                            + "only TLS 1.0) or no cipher suite matched"),
                    List.of(NET_FIX, "tlsconf probe HOST:PORT to see what the peer accepts")),
            new KnownError("COMMON-ALGORITHM", "The client and server cannot communicate, because they do not possess "
                    + "a common algorithm (SEC_E_ALGORITHM_MISMATCH, 0x80090331)",
                    List.of("do not possess a common algorithm", "common algorithm", "0x80090331", "80090331",
                            "sec_e_algorithm_mismatch", "-2146893007", "2148074289"),
                    List.of("no protocol version or cipher suite in common: the client offers only old protocols and "
                            + "the server requires TLS 1.2, or the reverse",
                            "an application asked for a protocol disabled system-wide, e.g. TLS 1.3 on Server 2019",
                            "SQL Server: an endpoint certificate signed with MD5 under TLS 1.2, or a SQL build without "
                                    + "TLS 1.2 support (KB3135244)"),
                    List.of("tlsconf probe HOST:PORT, then tlsconf probe HOST:PORT --profile max-protection to see "
                            + "whether a common version is left",
                            "tlsconf status: TLS 1.2 Client and Server must be Enabled (profile min-requirement)",
                            "replace MD5-signed certificates; patch SQL Server and its clients")),
            new KnownError("INVALID-TOKEN", "The token supplied to the function is invalid (SEC_E_INVALID_TOKEN, "
                    + "0x80090308)",
                    List.of("token supplied to the function is invalid", "0x80090308", "80090308",
                            "sec_e_invalid_token", "-2146893048", "2148074248"),
                    List.of("Schannel could not parse the peer's handshake",
                            "the client uses TLS 1.2 and the server's certificate is old (signed with md5RSA)",
                            "TLS 1.3 enabled or forced on one side (.NET on Server 2022), or an intercepting proxy"),
                    List.of("tlsconf probe HOST:PORT shows the certificate's signature algorithm (MD5/SHA-1 are "
                            + "flagged): re-issue the certificate with SHA-256",
                            "tlsconf status: check whether TLS 1.3 is enabled (and supported on this build)",
                            "take a packet capture if a proxy or TLS inspection is in the path")),
            new KnownError("ILLEGAL-MESSAGE", "The message received was unexpected or badly formatted "
                    + "(SEC_E_ILLEGAL_MESSAGE, 0x80090326)",
                    List.of("unexpected or badly formatted", "0x80090326", "80090326", "sec_e_illegal_message",
                            "-2146893018", "2148074278"),
                    List.of("usually a fatal alert was received: the peer rejected the version or the cipher suites "
                            + "offered (alerts 10, 40, 47, 50, 60, 100, 110 map to this code)",
                            "e.g. the server requires a suite (TLS_RSA_WITH_3DES_EDE_CBC_SHA) the client "
                                    + "has turned off"),
                    List.of("find Schannel event 36887 on the client for the alert number: tlsconf explain \"36887 "
                            + "alert N\"", "tlsconf status: compare the cipher suite order and disabled algorithms "
                            + "with what the peer needs", "tlsconf probe HOST:PORT")),
            new KnownError("UNEXPECTED-PACKET-FORMAT", "The handshake failed due to an unexpected packet format",
                    List.of("unexpected packet format", "unsupported or unrecognized ssl message",
                            "plaintext connection"),
                    List.of("the first bytes from the server were not TLS: the client spoke TLS to a plaintext port "
                            + "(SMTP 25/587, IMAP 143, POP3 110 expect STARTTLS/STLS first), a proxy answered, or "
                            + "the server answered in plaintext",
                            "implicit TLS ports are 993 (IMAPS), 995 (POP3S), 465 (SMTPS), 443 (HTTPS)"),
                    List.of("use explicit TLS (STARTTLS) on 25/587/143/110, or the implicit TLS port",
                            "tlsconf probe HOST:PORT picks STARTTLS by the standard port; on another port name it: "
                                    + "--starttls smtp, imap or pop3")),
            new KnownError("SSPI-FAILED", "A call to SSPI failed, see inner exception",
                    List.of("a call to sspi failed", "call to sspi failed"),
                    List.of("a generic .NET wrapper: the inner Win32Exception holds the real error"),
                    List.of("paste the whole exception, inner exceptions included, into tlsconf explain")),
            new KnownError("EVENT-36871", "Schannel event 36871: a fatal error occurred while creating a TLS credential "
                    + "(internal error state 10013)",
                    List.of("36871", "fatal error occurred while creating", "internal error state is 10013"),
                    List.of("an application asked for protocol versions none of which are enabled system-wide "
                            + "(pinned to TLS 1.0 after TLS 1.0 was disabled, or nothing usable left)"),
                    List.of("the event names the process: update or retarget that application",
                            "tlsconf status: look for NO-SERVER-PROTOCOL / NO-CLIENT-PROTOCOL findings",
                            "tlsconf restore --last undoes the last change if it caused this")),
            new KnownError("EVENT-36874", "Schannel event 36874: none of the client's cipher suites are supported by "
                    + "the server",
                    List.of("36874", "none of the cipher suites supported by the client"),
                    List.of("no common cipher suite: cipher/hash/key-exchange hardening too aggressive, a short "
                            + "Functions list, an old client (Windows 7/2012 R2), or an ECDSA-only order with an RSA "
                            + "certificate"),
                    List.of("tlsconf status: cipher suite order in force and disabled algorithms",
                            "keep at least one suite the old peers support, or upgrade the peers")),
            new KnownError("EVENT-36887", "Schannel event 36887: a fatal alert was received from the remote endpoint",
                    List.of("36887", "fatal alert was received"),
                    List.of("the peer rejected this host's handshake; the alert number says why"),
                    List.of("see the alert explanation below, then tlsconf probe HOST:PORT")),
            new KnownError("EVENT-36888", "Schannel event 36888: a fatal alert was generated and sent to the remote "
                    + "endpoint",
                    List.of("36888", "fatal alert was generated"),
                    List.of("this host rejected a peer; often scanners probing SSL 3.0/TLS 1.0 (harmless noise)",
                            "alert 40 with error state 1205: a SQL endpoint certificate signed with MD5"),
                    List.of("correlate the peer address; if it is a legitimate client, it needs TLS 1.2")),
            new KnownError("CONNECTION-FORCIBLY-CLOSED", "An existing connection was forcibly closed by the remote "
                    + "host (WSAECONNRESET, 10054): a generic network error, not specific to one product",
                    List.of("an existing connection was forcibly closed", "forcibly closed by the remote host",
                            "wsaeconnreset", "connection reset by peer", "10054"),
                    List.of("the peer reset the TCP connection; after TLS hardening it is usually the handshake: the "
                            + "peer does not accept the TLS version offered (TLS 1.0 disabled on one side only)",
                            "no cipher suite in common (cipher/hash/key-exchange hardening, a short Functions list, "
                                    + "an old peer such as Windows 7/2012 R2)",
                            "a .NET Framework client that offers only TLS 1.0 (no SchUseStrongCrypto/"
                                    + "SystemDefaultTlsVersions)",
                            "not TLS at all: a firewall, load balancer or IPS resetting the connection, an idle "
                                    + "timeout, or the service crashing or restarting",
                            "SQL Server clients show it inside a pre-login error (see the SQL Server entry)"),
                    List.of("tlsconf probe HOST:PORT shows which versions and suites the peer accepts",
                            "tlsconf status on both machines: the same TLS versions enabled for Client and Server",
                            NET_FIX, "if the probe succeeds, look at the network path (firewall, load balancer "
                                    + "logs) and the service's own log")),
            new KnownError("SQL-FORCIBLY-CLOSED", "SQL Server: the connection was forcibly closed during the "
                    + "pre-login handshake (10054)",
                    List.of("a connection was successfully established with the server",
                            "error occurred during the pre-login handshake", "pre-login handshake",
                            "ssl provider, error: 0", "no process on the other end of the pipe"),
                    List.of("SQL Server encrypts the login even for unencrypted sessions: an engine or client (SNAC) "
                            + "build without TLS 1.2 fails once TLS 1.0 is disabled",
                            "a weak-hash (MD5) SQL certificate, or TLS 1.2 enabled on one side only",
                            "an IIS application pool still on an old .NET CLR"),
                    List.of("patch SQL Server and its clients to TLS 1.2 builds (KB3135244) before tlsconf apply "
                            + "max-protection", NET_FIX, "tlsconf status on both machines: TLS 1.2 Client and Server "
                            + "must be Enabled")),
            new KnownError("UNSUPPORTED-FUNCTION", "The function requested is not supported (SEC_E_UNSUPPORTED_FUNCTION,"
                    + " 0x80090302)",
                    List.of("the function requested is not supported", "function requested is not supported",
                            "0x80090302", "80090302", "sec_e_unsupported_function", "-2146893054", "2148074242"),
                    List.of("the application asked Schannel for a protocol this host has disabled or does not have: "
                            + "TLS 1.2 on Windows 7/2008 R2 where it is off by default, TLS 1.3 before Server 2022/"
                            + "Windows 11, or only TLS 1.0 after it was disabled",
                            "the FIPS algorithm policy rules out what the application requests",
                            "a client certificate or credential Schannel cannot use for the requested protocol"),
                    List.of("tlsconf status: is the version the application needs Enabled for the Client side? "
                            + "(TLS 1.2: profile min-requirement; TLS13-UNSUPPORTED findings)",
                            "tlsconf status: FIPS algorithm policy", NET_FIX)),
            new KnownError("JAVA-HANDSHAKE-FAILURE", "Java: Received fatal alert: handshake_failure",
                    List.of("received fatal alert: handshake_failure", "fatal alert: handshake_failure",
                            "handshake_failure"),
                    List.of("the Windows server rejected the Java client's handshake (TLS alert 40): no cipher suite "
                            + "or signature algorithm in common, e.g. after cipher hardening on the server, or an old "
                            + "JDK without the server's suites",
                            "the server requires a client certificate the Java client does not send",
                            "the JDK's jdk.tls.disabledAlgorithms removed what the server still needs"),
                    List.of("tlsconf probe HOST:PORT shows the versions and the suite the server accepts",
                            "run the Java client with -Djavax.net.debug=ssl:handshake to see what it offers",
                            "tlsconf status on the server: cipher suite order and disabled algorithms")),
            new KnownError("JAVA-PKIX", "Java: PKIX path building failed (unable to find valid certification path)",
                    List.of("pkix path building failed", "unable to find valid certification path",
                            "suncertpathbuilderexception"),
                    List.of("not a protocol problem: the Java client does not trust the server's certificate chain "
                            + "(an internal CA missing from its truststore, or the server not sending the "
                            + "intermediate certificate)"),
                    List.of("tlsconf probe HOST:PORT shows the certificate's subject and issuer",
                            "import the issuing CA into the Java truststore (keytool -importcert -cacerts), or "
                                    + "configure the server (IIS binding) to send the full chain",
                            "no SCHANNEL change fixes this; do not roll back TLS hardening for it")),
            new KnownError("JAVA-NO-APPROPRIATE-PROTOCOL", "Java: No appropriate protocol (protocol is disabled or "
                    + "cipher suites are inappropriate)",
                    List.of("no appropriate protocol", "protocol is disabled or cipher suites are inappropriate"),
                    List.of("the Java client may not use any version it is asked to: modern JDKs disable TLS 1.0 and "
                            + "1.1 (jdk.tls.disabledAlgorithms), and the application or driver (old JDBC) pins TLSv1 "
                            + "or the Windows server speaks only TLS 1.0/1.1"),
                    List.of("enable TLS 1.2 on the Windows server: tlsconf apply min-requirement (check first: "
                            + "tlsconf check min-requirement)", "update the driver or application to use TLS 1.2",
                            "tlsconf probe HOST:PORT shows which versions the server accepts")));

    /** TLS alert numbers (RFC 8446 §6) as Schannel events 36887/36888 report them. */
    static final Map<Integer, String> ALERTS = Map.ofEntries(
            Map.entry(10, "unexpected_message: a non-TLS or garbled message; a plaintext peer or a broken middlebox"),
            Map.entry(20, "bad_record_mac: corrupted traffic or a faulty TLS offload device"),
            Map.entry(40, "handshake_failure: no common cipher suite or signature algorithm"),
            Map.entry(42, "bad_certificate: the certificate was corrupt or signed with a rejected algorithm (MD5)"),
            Map.entry(45, "certificate_expired: renew the certificate"),
            Map.entry(46, "certificate_unknown: the certificate could not be validated (chain, usage, name)"),
            Map.entry(47, "illegal_parameter: a handshake field was out of range (often a TLS 1.3 interop bug)"),
            Map.entry(48, "unknown_ca: the peer does not trust the issuing CA; install the chain"),
            Map.entry(50, "decode_error: a message could not be decoded"),
            Map.entry(51, "decrypt_error: a signature or key exchange check failed"),
            Map.entry(70, "protocol_version: the peer does not support the version offered, e.g. we offer only "
                    + "TLS 1.2 and the peer is TLS 1.0-only (or the reverse)"),
            Map.entry(71, "insufficient_security: the peer requires stronger suites than offered"),
            Map.entry(80, "internal_error: the peer failed internally, often because its configuration forbids the "
                    + "version or key size"),
            Map.entry(86, "inappropriate_fallback: a client retried with a lower version than it supports"),
            Map.entry(90, "user_canceled"),
            Map.entry(109, "missing_extension: a required TLS 1.3 extension was missing"),
            Map.entry(110, "unsupported_extension"),
            Map.entry(112, "unrecognized_name: the server does not know the SNI host name"),
            Map.entry(116, "certificate_required: the server requires a client certificate (TLS 1.3)"));
}
