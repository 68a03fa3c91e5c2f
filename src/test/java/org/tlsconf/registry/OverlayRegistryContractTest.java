package org.tlsconf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The overlay meets the registry contract, and never writes through to the registry below it. */
class OverlayRegistryContractTest extends RegistryContract {
    private final InMemoryRegistry base = new InMemoryRegistry();

    @Override
    protected Registry emptyRegistry() {
        return new OverlayRegistry(base);
    }

    @Test
    void changesStayInTheOverlayAndShowOverTheBase() {
        RegistryPath key = root().child("K");
        base.createKey(key);
        base.setValue(key, "Kept", RegistryValue.dword(1));
        base.setValue(key, "Changed", RegistryValue.dword(2));
        base.setValue(key, "Deleted", RegistryValue.dword(3));
        OverlayRegistry overlay = new OverlayRegistry(base);
        overlay.setValue(key, "CHANGED", RegistryValue.sz("two"));
        overlay.deleteValue(key, "deleted");
        overlay.setValue(key, "Added", RegistryValue.dword(4));
        overlay.createKey(key.child("New").child("Leaf"));

        assertEquals(List.of("Kept", "Changed", "Added"), List.copyOf(overlay.values(key).keySet()));
        assertEquals(Optional.of(RegistryValue.sz("two")), overlay.readValue(key, "changed"));
        assertEquals(Optional.empty(), overlay.readValue(key, "Deleted"));
        assertEquals(List.of("New"), overlay.subKeys(key));
        assertTrue(overlay.keyExists(key.child("new").child("leaf")));

        assertEquals(Map.of("Kept", RegistryValue.dword(1), "Changed", RegistryValue.dword(2), "Deleted",
                RegistryValue.dword(3)), base.values(key));
        assertFalse(base.keyExists(key.child("New")));
    }
}
