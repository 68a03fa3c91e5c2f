package org.tlsconf.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.tls.SuiteCatalogue.Kind;
import org.tlsconf.tls.SuiteCatalogue.Section;

/** Spot checks of the shipped cipher suite data against facts stated on Microsoft's pages. */
class SuiteCatalogueTest {
    private final SuiteCatalogue c = SuiteCatalogue.get();

    private Section on(int build) {
        return c.forBuild(Kind.SUITES, build).orElseThrow(() -> new AssertionError("no data for " + build));
    }

    @Test
    void everyServerReleaseTheProfilesTargetHasDataNamingItsSourcePage() {
        for (int build : List.of(9600, 14393, 17763, 20348, 26100)) {
            Section s = on(build);
            assertTrue(s.source().contains("learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows"),
                    s.source());
        }
        assertEquals(Optional.empty(), c.forBuild(Kind.SUITES, 7601));
        assertEquals(Optional.empty(), c.forBuild(Kind.SUITES, 10240));
    }

    @Test
    void theDefaultOrdersStartAsMicrosoftDocumentsThem() {
        assertEquals("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256", on(9600).defaults().get(0));
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", on(14393).defaults().get(0));
        assertEquals("TLS_AES_256_GCM_SHA384", on(20348).defaults().get(0));
        assertEquals(25, on(20348).defaults().size());
        assertEquals(22, on(26100).defaults().size());
        assertFalse(on(26100).defaults().contains("TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
        assertTrue(on(26100).supports("TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
    }

    @Test
    void tls13AndGcmWithEcdheRsaExistOnlyWhereMicrosoftSaysSo() {
        assertFalse(on(17763).supports("TLS_AES_256_GCM_SHA384"));
        assertTrue(on(20348).supports("TLS_CHACHA20_POLY1305_SHA256"));
        assertFalse(on(9600).supports("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertTrue(on(9600).supports("tls_dhe_rsa_with_aes_256_gcm_sha384"));
        assertFalse(on(14393).supports("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384"));
    }

    @Test
    void curvesHaveTheirOwnOrderFrom14393() {
        assertEquals(Optional.empty(), c.forBuild(Kind.CURVES, 9600));
        assertEquals(List.of("curve25519", "NistP256", "NistP384"), c.forBuild(Kind.CURVES, 14393).orElseThrow()
                .defaults());
        assertEquals(Optional.of("nistP521"), c.canonical(Kind.CURVES, "NISTP521"));
    }

    @Test
    void weakSuitesAreRecognisedByName() {
        assertEquals(Optional.of("RC4 is broken (RFC 7465)"), SuiteCatalogue.weakness("TLS_RSA_WITH_RC4_128_SHA"));
        assertTrue(SuiteCatalogue.weakness("TLS_RSA_WITH_3DES_EDE_CBC_SHA").isPresent());
        assertTrue(SuiteCatalogue.weakness("TLS_RSA_WITH_NULL_SHA256").isPresent());
        assertTrue(SuiteCatalogue.weakness("TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA").isPresent());
        assertTrue(SuiteCatalogue.weakness("TLS_DHE_DSS_WITH_DES_CBC_SHA").isPresent());
        assertEquals(Optional.empty(), SuiteCatalogue.weakness("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
        assertEquals(Optional.empty(), SuiteCatalogue.weakness("TLS_AES_128_GCM_SHA256"));
    }
}
