package org.tlsconf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.HexFormat;
import org.tlsconf.registry.RegistryValue;

/** Registry data as JSON: numbers for DWORD/QWORD, strings, arrays for REG_MULTI_SZ, lowercase hex for bytes. */
public final class ValueJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ValueJson() {
    }

    public static JsonNode data(RegistryValue value) {
        if (value instanceof RegistryValue.Dword d) {
            return F.numberNode(d.value());
        }
        if (value instanceof RegistryValue.Qword q) {
            return F.numberNode(new BigInteger(q.unsignedString()));
        }
        if (value instanceof RegistryValue.Sz s) {
            return F.textNode(s.value());
        }
        if (value instanceof RegistryValue.ExpandSz s) {
            return F.textNode(s.value());
        }
        if (value instanceof RegistryValue.MultiSz m) {
            ArrayNode a = F.arrayNode();
            m.values().forEach(a::add);
            return a;
        }
        return F.textNode(HexFormat.of().formatHex(((RegistryValue.Binary) value).data()));
    }
}
