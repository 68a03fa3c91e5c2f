package org.tlsconf.registry;

class InMemoryRegistryTest extends RegistryContract {
    @Override
    protected Registry emptyRegistry() {
        return new InMemoryRegistry();
    }
}
