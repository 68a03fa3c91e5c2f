package org.tlsconf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reports write JSON without an ObjectMapper (start-up): the mapper they used before is the judge of every byte. */
class JsonWriteTest {
    private static final ObjectMapper JUDGE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void writesWhatAnIndentingObjectMapperWritesForAThousandRandomTrees() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            JsonNode tree = random.nextBoolean() ? object(random, 0) : array(random, 0);
            assertEquals(JUDGE.writeValueAsString(tree) + "\n", Json.write(tree), "tree " + i);
        }
        assertEquals(JUDGE.writeValueAsString(F.objectNode()) + "\n", Json.write(F.objectNode()));
        assertEquals(JUDGE.writeValueAsString(F.arrayNode()) + "\n", Json.write(F.arrayNode()));
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode o = F.objectNode();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            o.set(text(random), value(random, depth + 1));
        }
        return o;
    }

    private static ArrayNode array(Random random, int depth) {
        ArrayNode a = F.arrayNode();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            a.add(value(random, depth + 1));
        }
        return a;
    }

    private static JsonNode value(Random random, int depth) {
        switch (random.nextInt(depth < 4 ? 10 : 8)) {
            case 0: return F.nullNode();
            case 1: return F.booleanNode(random.nextBoolean());
            case 2: return F.numberNode(random.nextInt());
            case 3: return F.numberNode(random.nextLong());
            case 4: return F.numberNode(random.nextDouble() * 1e6);
            case 5: return F.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(40));
            case 6: case 7: return F.textNode(text(random));
            case 8: return object(random, depth);
            default: return array(random, depth);
        }
    }

    private static String text(Random random) {
        String alphabet = "aZ9 \\\"/\n\t\r\u0001é€\uD83D\uDE00HKLM\\SOFTWARE";
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
