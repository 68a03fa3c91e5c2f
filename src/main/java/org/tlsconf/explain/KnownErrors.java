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
                            "seed 002: the client uses TLS 1.2 and the server's certificate is old (signed with md5RSA)",
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
                            "seed 002: e.g. the server requires a suite (TLS_RSA_WITH_3DES_EDE_CBC_SHA) the client "
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
                            "tlsconf probe HOST:PORT --starttls auto tries the right mode for the port")),
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
            new KnownError("SQL-FORCIBLY-CLOSED", "SQL Server: the connection was forcibly closed by the remote host "
                    + "(10054) during login",
                    List.of("forcibly closed by the remote host", "pre-login handshake", "ssl provider, error: 0",
                            "10054", "no process on the other end of the pipe"),
                    List.of("SQL Server encrypts the login even for unencrypted sessions: an engine or client (SNAC) "
                            + "build without TLS 1.2 fails once TLS 1.0 is disabled",
                            "a weak-hash (MD5) SQL certificate, or TLS 1.2 enabled on one side only",
                            "seed 001 (K2): an IIS application pool still on an old .NET CLR"),
                    List.of("patch SQL Server and its clients to TLS 1.2 builds (KB3135244) before tlsconf apply "
                            + "max-protection", NET_FIX, "tlsconf status on both machines: TLS 1.2 Client and Server "
                            + "must be Enabled")));

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
