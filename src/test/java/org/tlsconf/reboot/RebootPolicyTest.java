package org.tlsconf.reboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.plan.Change;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

class RebootPolicyTest {

    private static Change add(String key) {
        return new Change(Change.Action.ADD, RegistryPath.parse(key), "X", Optional.empty(),
                Optional.of(RegistryValue.dword(1)), false);
    }

    @Test
    void schannelCipherOrderFipsAndWinHttpNeedAReboot() {
        for (String key : List.of(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 40/128",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Hashes\\MD5",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\KeyExchangeAlgorithms\\PKCS",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
                "HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy",
                "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp")) {
            assertTrue(RebootPolicy.assess(List.of(add(key))).rebootRequired(), key);
        }
    }

    @Test
    void dotNetValuesNeedOnlyAServiceRestart() {
        RebootPolicy.Assessment a = RebootPolicy.assess(List.of(
                add("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"),
                add("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727")));
        assertFalse(a.rebootRequired());
        assertEquals(1, a.restartAdvice().size());
        assertTrue(a.restartAdvice().get(0).contains("iisreset"));
    }

    @Test
    void noChangesNeedNothing() {
        RebootPolicy.Assessment a = RebootPolicy.assess(List.of());
        assertFalse(a.rebootRequired());
        assertEquals(List.of(), a.restartAdvice());
    }

    @Test
    void everyValueABundledProfileWritesOrRemovesIsCoveredAndTheOrdersNeedTheNextBoot() {
        var loader = new org.tlsconf.profile.ProfileLoader(new org.tlsconf.profile.ProfileCatalogue());
        for (String name : new org.tlsconf.profile.ProfileCatalogue().names()) {
            for (int build : List.of(9600, 14393, 17763, 20348, 26100)) {
                for (var v : loader.load(name).resolve(Optional.of(build)).values()) {
                    Change c = v.value().isPresent() ? new Change(Change.Action.ADD, v.key(), v.name(),
                            Optional.empty(), v.value(), false) : new Change(Change.Action.DELETE, v.key(), v.name(),
                            Optional.of(RegistryValue.dword(1)), Optional.empty(), false);
                    RebootPolicy.Assessment a = RebootPolicy.assess(List.of(c));
                    boolean dotNet = v.key().toString().contains(".NETFramework");
                    assertEquals(!dotNet, a.rebootRequired(), name + ": " + v.key() + "\\" + v.name());
                    assertEquals(dotNet, !a.restartAdvice().isEmpty(), name + ": " + v.key() + "\\" + v.name());
                    if (v.name().equals("Functions") || v.name().equals("EccCurves")) {
                        assertEquals(List.of("the cipher suite and ECC curve order take effect at the next boot"),
                                a.rebootReasons());
                    }
                }
            }
        }
    }
}
