package org.tlsconf.probe;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Locale;

/** The facts about a server certificate that matter when TLS is tightened. */
public record CertificateInfo(String subject, String issuer, Instant notAfter, String signatureAlgorithm,
        String keyAlgorithm, int keyBits) {

    public static CertificateInfo of(X509Certificate c) {
        PublicKey key = c.getPublicKey();
        int bits = key instanceof RSAPublicKey r ? r.getModulus().bitLength()
                : key instanceof ECPublicKey e ? e.getParams().getCurve().getField().getFieldSize()
                : key instanceof DSAPublicKey d ? d.getParams().getP().bitLength() : 0;
        return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotAfter().toInstant(), c.getSigAlgName(), key.getAlgorithm(), bits);
    }

    /** MD5 or SHA-1 signatures: Schannel peers on TLS 1.2 may refuse them. */
    public boolean weakSignature() {
        String a = signatureAlgorithm.toUpperCase(Locale.ROOT);
        return a.startsWith("MD5") || a.startsWith("MD2") || a.startsWith("SHA1") || a.equals("SHAWITHRSA")
                || a.startsWith("SHA1WITH");
    }

    public boolean smallKey() {
        return keyAlgorithm.equals("RSA") && keyBits > 0 && keyBits < 2048;
    }

    public boolean expired(Instant now) {
        return notAfter.isBefore(now);
    }
}
