package org.tlsconf.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;

/**
 * Registry values as JSON, losslessly: {@code {"type": "REG_DWORD", "data": 1}} for the typed forms and
 * {@code {"type": "REG_NONE", "hex": "…"}} for raw bytes of any type, an undocumented one too
 * ({@code "REG_TYPE_0xffff0012"}).
 */
final class ValueCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ValueCodec() {
    }

    static ObjectNode encode(RegistryValue value) {
        ObjectNode o = F.objectNode();
        o.put("type", value.type().name());
        if (value instanceof RegistryValue.Dword d) {
            o.put("data", d.value());
        } else if (value instanceof RegistryValue.Qword q) {
            o.put("data", new BigInteger(q.unsignedString()));
        } else if (value instanceof RegistryValue.Sz s) {
            o.put("data", s.value());
        } else if (value instanceof RegistryValue.ExpandSz s) {
            o.put("data", s.value());
        } else if (value instanceof RegistryValue.MultiSz m) {
            m.values().forEach(o.putArray("data")::add);
        } else {
            o.put("hex", ((RegistryValue.Binary) value).hex());
        }
        return o;
    }

    /** @throws IllegalArgumentException when the JSON does not describe a value */
    static RegistryValue decode(JsonNode node) {
        ValueType type = ValueType.fromName(node.path("type").asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown value type " + node.path("type")));
        if (node.has("hex")) {
            return RegistryValue.fromBytes(type, HexFormat.of().parseHex(node.get("hex").asText()));
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw new IllegalArgumentException("value without data");
        }
        if (type.equals(ValueType.REG_DWORD)) {
            return RegistryValue.dword(requireIntegral(data).longValueExact());
        } else if (type.equals(ValueType.REG_QWORD)) {
            return RegistryValue.qword(requireIntegral(data).longValue());
        } else if (type.equals(ValueType.REG_SZ)) {
            return RegistryValue.sz(requireText(data));
        } else if (type.equals(ValueType.REG_EXPAND_SZ)) {
            return RegistryValue.expandSz(requireText(data));
        } else if (type.equals(ValueType.REG_MULTI_SZ)) {
            List<String> values = new ArrayList<>();
            data.forEach(v -> values.add(requireText(v)));
            return RegistryValue.multiSz(values);
        }
        throw new IllegalArgumentException(type + " must be given as hex");
    }

    private static BigInteger requireIntegral(JsonNode n) {
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException("expected a whole number, got " + n);
        }
        return n.bigIntegerValue();
    }

    private static String requireText(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("expected a string, got " + n);
        }
        return n.asText();
    }
}
