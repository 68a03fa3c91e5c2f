package org.tlsconf.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * How every report writes JSON: indented, with a final newline. The tree is written to jackson-core's generator with
 * the pretty printer that an {@code ObjectMapper} with {@code INDENT_OUTPUT} uses — the same text, byte for byte —
 * because setting up an {@code ObjectMapper} (its serializers and type machinery) doubled the run time of a
 * {@code --format json} report.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    public static String write(JsonNode tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(tree, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Members in their order, nulls and empty arrays written: what the mapper does by default. */
    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                g.writeFieldName(member.getKey());
                write(member.getValue(), g);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(item, g);
            }
            g.writeEndArray();
        } else if (node.isNull()) {
            g.writeNull();
        } else {
            node.serialize(g, null); // a text, number or boolean writes itself and needs no serializer provider
        }
    }
}
