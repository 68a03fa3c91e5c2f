package org.tlsconf.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

/**
 * A registry that fails on purpose: the {@code failAt}-th write (1-based; createKey, setValue, deleteValue and
 * deleteEmptyKey each count as one) throws, and with {@code failAfter} every later write throws too (so an undo
 * fails). With {@code lieAt}, the first value set at or after that write is stored as something else than asked,
 * which only a read-back can catch.
 */
public class FaultInjectingRegistry implements Registry {
    private final Registry delegate;
    private int writes;
    private int failAt = Integer.MAX_VALUE;
    private boolean failAfter;
    private int lieAt = Integer.MAX_VALUE;

    public FaultInjectingRegistry(Registry delegate) {
        this.delegate = delegate;
    }

    public FaultInjectingRegistry failAtWrite(int k, boolean alsoEveryLaterWrite) {
        this.failAt = k;
        this.failAfter = alsoEveryLaterWrite;
        return this;
    }

    public FaultInjectingRegistry lieAtWrite(int k) {
        this.lieAt = k;
        return this;
    }

    public int writes() {
        return writes;
    }

    private void write(String what) {
        writes++;
        if (writes == failAt || (failAfter && writes > failAt)) {
            throw new RegistryException("injected failure at write " + writes + " (" + what + ")");
        }
    }

    @Override
    public Optional<RegistryValue> readValue(RegistryPath key, String name) {
        return delegate.readValue(key, name);
    }

    @Override
    public Map<String, RegistryValue> values(RegistryPath key) {
        return delegate.values(key);
    }

    @Override
    public List<String> subKeys(RegistryPath key) {
        return delegate.subKeys(key);
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        return delegate.keyExists(key);
    }

    @Override
    public void createKey(RegistryPath key) {
        write("create " + key);
        delegate.createKey(key);
    }

    @Override
    public void setValue(RegistryPath key, String name, RegistryValue value) {
        write("set " + key + "\\" + name);
        boolean lie = writes >= lieAt;
        if (lie) {
            lieAt = Integer.MAX_VALUE; // lie once
        }
        delegate.setValue(key, name, lie ? RegistryValue.sz("not what was asked") : value);
    }

    @Override
    public void deleteValue(RegistryPath key, String name) {
        write("delete " + key + "\\" + name);
        delegate.deleteValue(key, name);
    }

    @Override
    public void deleteEmptyKey(RegistryPath key) {
        write("delete key " + key);
        delegate.deleteEmptyKey(key);
    }

    @Override
    public String describe() {
        return "fault-injecting " + delegate.describe();
    }
}
