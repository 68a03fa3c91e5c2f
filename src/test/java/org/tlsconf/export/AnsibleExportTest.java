package org.tlsconf.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.profile.ProfileLoader;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.tls.TlsRegistry;

class AnsibleExportTest {

    private static Profile profile(List<DesiredValue> values) {
        return new Profile("t", "test", "test", List.of("t"), values, List.of(), List.of(), Optional.empty(),
                List.of());
    }

    @Test
    void deletingAKeysDefaultValueIsRefusedBecauseWinRegeditWouldDeleteTheKey() {
        RegistryPath key = TlsRegistry.PROTOCOLS.child("TLS 1.0").child("Server");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnsibleExport.of(profile(
                List.of(new DesiredValue(key, "", Optional.empty(), "t")))));
        assertTrue(e.getMessage().contains("without deleting the key"), e.getMessage());
    }

    @Test
    void textJinjaWouldTemplateIsTaggedUnsafeAndOtherTextIsPlainDoubleQuoted() {
        assertEquals("!unsafe \"a {{ b }}\"", AnsibleExport.str("a {{ b }}"));
        assertEquals("!unsafe \"{% raw %}\"", AnsibleExport.str("{% raw %}"));
        assertEquals("\"C:\\\\Temp \\\"x\\\"\"", AnsibleExport.str("C:\\Temp \"x\""));
    }

    @Test
    void aProfileThatDoesNotDependOnTheBuildHasNoConditionsAndGathersNoFacts() {
        String yml = AnsibleExport.of(new ProfileLoader(new ProfileCatalogue()).load("min-requirement"));
        assertFalse(yml.contains("when:"), yml);
        assertTrue(yml.contains("  gather_facts: false\n"), yml);
        // the .NET values need no reboot, the TLS 1.2 ones do: 8 + 4 tasks, 4 notify the handler
        assertEquals(12, yml.split("ansible.windows.win_regedit:", -1).length - 1, yml);
        assertEquals(4, yml.split("      notify: ", -1).length - 1, yml);
    }

    @Test
    void buildRangesBecomeConditionsOnTheHostsBuild() {
        assertEquals("(windows_build | int) >= 14393 and (windows_build | int) <= 20347",
                new AnsibleExport.Range(14393, Optional.of(20347)).condition());
        assertEquals("(windows_build | int) <= 20347", new AnsibleExport.Range(0, Optional.of(20347)).condition());
        assertEquals("(windows_build | int) >= 20348", new AnsibleExport.Range(20348, Optional.empty()).condition());
    }
}
