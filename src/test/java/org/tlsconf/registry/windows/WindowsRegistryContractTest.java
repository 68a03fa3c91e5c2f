package org.tlsconf.registry.windows;

import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryContract;

/** The adapter's logic over a faithful in-memory fake of the Win32 calls meets the shared registry contract. */
class WindowsRegistryContractTest extends RegistryContract {
    @Override
    protected Registry emptyRegistry() {
        return new WindowsRegistry(new FakeWinRegistryApi());
    }
}
