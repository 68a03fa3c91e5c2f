package org.tlsconf.profile;

import java.util.List;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.SuiteCatalogue;
import org.tlsconf.tls.TlsRegistry;

/**
 * A priority list a profile gives: the cipher suite order (written as the policy {@code Functions} REG_SZ) or the
 * ECC curve order (policy {@code EccCurves} REG_MULTI_SZ). Items may be limited to builds. With
 * {@code dropUnsupported} (a template for several Windows versions) an item the target build does not support is
 * left out and reported; otherwise it is an error. {@code builds} limits the whole order (nothing is written on
 * other builds).
 */
public record OrderSpec(SuiteCatalogue.Kind kind, List<Item> items, boolean dropUnsupported, String reason,
        String origin, BuildRange builds) {

    /** One entry, with the line and column it was read from (0 when not from a file) for error messages. */
    public record Item(String name, BuildRange builds, int line, int column) {
    }

    public OrderSpec {
        items = List.copyOf(items);
    }

    /** The policy key both values live in. */
    public static final RegistryPath POLICY_KEY = TlsRegistry.POLICY_SSL.child("00010002");

    public String valueName() {
        return kind == SuiteCatalogue.Kind.SUITES ? "Functions" : "EccCurves";
    }

    /** The profile member this order is written in. */
    public String member() {
        return kind == SuiteCatalogue.Kind.SUITES ? "cipherSuites" : "eccCurves";
    }

    /** Windows reads at most this many characters of the policy Functions value. */
    public static final int MAX_FUNCTIONS_LENGTH = 1023;
}
