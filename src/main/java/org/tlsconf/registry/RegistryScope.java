package org.tlsconf.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a read-only command reads of a registry: whole subtrees (their keys, values and subkeys), and single keys
 * (their values, not their subkeys). Whether the keys on the way to them exist is known too. A large export is read
 * only for what its scope names; the result answers only within the scope.
 */
public record RegistryScope(List<RegistryPath> subtrees, List<RegistryPath> keys) {
    public RegistryScope {
        subtrees = List.copyOf(subtrees);
        keys = List.copyOf(keys);
    }

    /** True when the values of {@code key} are read. */
    public boolean reads(RegistryPath key) {
        return below(key) || keys.contains(key);
    }

    /** True when {@code key} lies in one of the subtrees (so its subkeys are known too). */
    public boolean below(RegistryPath key) {
        for (RegistryPath root : subtrees) {
            if (key.isAtOrBelow(root)) {
                return true;
            }
        }
        return false;
    }

    /** True when whether {@code key} exists is known: read, or on the way to something read. */
    public boolean knowsExistence(RegistryPath key) {
        if (reads(key)) {
            return true;
        }
        for (RegistryPath p : subtrees) {
            if (p.isAtOrBelow(key)) {
                return true;
            }
        }
        for (RegistryPath p : keys) {
            if (p.isAtOrBelow(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The deepest key whose existence {@code key}'s presence implies and this scope knows about, or null: the key
     * itself when it is read, else its deepest ancestor on the way to something read.
     */
    public RegistryPath existenceOf(RegistryPath key) {
        if (reads(key)) {
            return key;
        }
        int deepest = Math.max(deepestCommon(key, subtrees), deepestCommon(key, keys));
        return deepest == 0 ? null : key.ancestor(deepest);
    }

    private static int deepestCommon(RegistryPath key, List<RegistryPath> roots) {
        int deepest = 0;
        for (RegistryPath root : roots) {
            deepest = Math.max(deepest, key.commonDepth(root));
        }
        return deepest;
    }

    /**
     * A read-only view of {@code state}, a registry read within this scope: a read outside the scope is a
     * programming error and fails loudly rather than answering "absent".
     */
    public Registry view(InMemoryRegistry state) {
        return new Scoped(state, this);
    }

    private static final class Scoped implements Registry {
        private final InMemoryRegistry state;
        private final RegistryScope scope;

        Scoped(InMemoryRegistry state, RegistryScope scope) {
            this.state = state;
            this.scope = scope;
        }

        private void require(boolean known, RegistryPath key) {
            if (!known) {
                throw new IllegalStateException("internal error: " + key + " was not read from the file (a "
                        + "read-only command reads only the TLS keys)");
            }
        }

        @Override
        public Optional<RegistryValue> readValue(RegistryPath key, String name) {
            require(scope.reads(key), key);
            return state.readValue(key, name);
        }

        @Override
        public Map<String, RegistryValue> values(RegistryPath key) {
            require(scope.reads(key), key);
            return state.values(key);
        }

        @Override
        public List<String> subKeys(RegistryPath key) {
            require(scope.below(key), key);
            return state.subKeys(key);
        }

        @Override
        public boolean keyExists(RegistryPath key) {
            require(scope.knowsExistence(key), key);
            return state.keyExists(key);
        }

        @Override
        public boolean records(RegistryPath key, String name) {
            return state.records(key, name);
        }

        @Override
        public Optional<List<String>> reportedCipherSuites() {
            return state.reportedCipherSuites();
        }

        @Override
        public void createKey(RegistryPath key) {
            throw readOnly();
        }

        @Override
        public void setValue(RegistryPath key, String name, RegistryValue value) {
            throw readOnly();
        }

        @Override
        public void deleteValue(RegistryPath key, String name) {
            throw readOnly();
        }

        @Override
        public void deleteEmptyKey(RegistryPath key) {
            throw readOnly();
        }

        private static IllegalStateException readOnly() {
            return new IllegalStateException("internal error: a registry opened for reading was written to");
        }

        @Override
        public String describe() {
            return state.describe();
        }
    }
}
