package org.tlsconf.registry;

import org.tlsconf.testing.FaultInjectingRegistry;

/** The decorator without faults behaves like any registry (so the faults are the only difference). */
class FaultInjectingRegistryContractTest extends RegistryContract {
    @Override
    protected Registry emptyRegistry() {
        return new FaultInjectingRegistry(new InMemoryRegistry());
    }
}
