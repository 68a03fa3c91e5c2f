package org.tlsconf.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static String best(String text) {
        List<Explainer.Match> m = Explainer.explain(text);
        return m.isEmpty() ? "none" : m.get(0).error().id();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The underlying connection was closed: An unexpected error occurred on a send.            | UNDERLYING-CONNECTION-CLOSED
            The request was aborted: Could not create SSL/TLS secure channel.                        | SECURE-CHANNEL
            Authentication failed because the remote party has closed the transport stream.          | TRANSPORT-STREAM-CLOSED
            The client and server cannot communicate, because they do not possess a common algorithm | COMMON-ALGORITHM
            0x80090331                                                                               | COMMON-ALGORITHM
            HRESULT 80090331                                                                         | COMMON-ALGORITHM
            SEC_E_ALGORITHM_MISMATCH                                                                 | COMMON-ALGORITHM
            error -2146893007                                                                        | COMMON-ALGORITHM
            The token supplied to the function is invalid                                            | INVALID-TOKEN
            0x80090308                                                                               | INVALID-TOKEN
            The message received was unexpected or badly formatted                                   | ILLEGAL-MESSAGE
            0X80090326                                                                               | ILLEGAL-MESSAGE
            The handshake failed due to an unexpected packet format.                                 | UNEXPECTED-PACKET-FORMAT
            A fatal error occurred while creating a TLS client credential. The internal error state is 10013. | EVENT-36871
            Event 36874 none of the cipher suites supported by the client application are supported by the server | EVENT-36874
            A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.) | SQL-FORCIBLY-CLOSED
            System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host. | CONNECTION-FORCIBLY-CLOSED
            The function requested is not supported                                                  | UNSUPPORTED-FUNCTION
            0x80090302                                                                               | UNSUPPORTED-FUNCTION
            SEC_E_UNSUPPORTED_FUNCTION                                                               | UNSUPPORTED-FUNCTION
            javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure             | JAVA-HANDSHAKE-FAILURE
            javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target | JAVA-PKIX
            javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate) | JAVA-NO-APPROPRIATE-PROTOCOL
            """)
    void recognisesTheMessagesAdminsMeet(String text, String id) {
        assertEquals(id, best(text));
    }

    @Test
    void aForciblyClosedConnectionIsExplainedAsGenericWithItsCommonCauses() {
        KnownError e = Explainer.explain("An existing connection was forcibly closed by the remote host").get(0).error();
        assertEquals("CONNECTION-FORCIBLY-CLOSED", e.id());
        assertTrue(e.title().contains("generic") && !e.title().contains("SQL"), e.title());
        assertTrue(e.causes().size() >= 4, e.causes().toString());
    }

    @Test
    void findsTheRealErrorInAPastedExceptionWithStackFramesAndInnerExceptions() {
        String pasted = """
                System.Security.Authentication.AuthenticationException : A call to SSPI failed, see inner exception.
                ----> System.ComponentModel.Win32Exception : The token supplied to the function is invalid
                   at System.Net.Security.SslState.StartSendAuthResetSignal(ProtocolToken message, AsyncProtocolRequest asyncRequest, Exception exception)
                   at System.Net.Security.SslState.CheckCompletionBeforeNextReceive(ProtocolToken message, AsyncProtocolRequest asyncRequest)
                """;
        List<Explainer.Match> m = Explainer.explain(pasted);
        assertEquals("INVALID-TOKEN", m.get(0).error().id());
        assertTrue(m.stream().anyMatch(x -> x.error().id().equals("SSPI-FAILED")));
        assertTrue(m.get(0).error().causes().stream().anyMatch(c -> c.contains("md5RSA")));
    }

    @Test
    void schannelAlertEventsExplainTheAlertNumber() {
        List<Explainer.Match> m = Explainer.explain("Event ID 36887: A fatal alert was received from the remote "
                + "endpoint. The TLS protocol defined fatal alert code is 70.");
        assertEquals("EVENT-36887", m.get(0).error().id());
        assertEquals(Optional.of(70), m.get(0).alert());
        assertTrue(m.get(0).alertMeaning().get().startsWith("protocol_version"));
        List<Explainer.Match> sent = Explainer.explain("36888 A fatal alert was generated and sent to the remote "
                + "endpoint. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.");
        assertEquals("EVENT-36888", sent.get(0).error().id());
        assertTrue(sent.get(0).alertMeaning().get().startsWith("handshake_failure"));
        assertEquals(Optional.of("TLS alert 48: unknown_ca: the peer does not trust the issuing CA; install the chain"),
                Explainer.alertOnly("alert 48"));
    }

    @Test
    void numbersMustStandAloneAndUnknownTextMatchesNothing() {
        assertEquals("none", best("order number 1368712 shipped"));
        assertEquals("none", best("everything is fine"));
        assertTrue(Explainer.explain("").isEmpty());
    }

    @Test
    void everyKnownErrorSaysWhatToDo() {
        for (KnownError e : KnownErrors.ALL) {
            assertTrue(!e.causes().isEmpty() && !e.steps().isEmpty(), e.id());
            assertEquals(e.id(), best(e.phrases().get(0)), "the first phrase of " + e.id() + " must find it");
        }
    }

    @org.junit.jupiter.api.Test
    void whatUsersReadNamesNoInternalSource() {
        for (KnownError e : KnownErrors.ALL) {
            for (String line : e.causes()) {
                org.junit.jupiter.api.Assertions.assertFalse(line.matches("(?i).*\\bseed \\d+.*"), e.id() + ": " + line);
            }
        }
    }
}
