package org.tlsconf.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree in which every node remembers its line and column, read with Jackson's streaming parser. Duplicate
 * member names are recorded as problems (the first one is kept) instead of stopping the read, so that a profile's
 * problems can all be reported at once.
 */
final class LocatedJson {

    sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
        int line();

        int column();

        String kind();
    }

    record Member(String name, int line, int column, Node value) {
    }

    record Obj(Map<String, Member> members, int line, int column) implements Node {
        public String kind() {
            return "an object";
        }
    }

    record Arr(List<Node> items, int line, int column) implements Node {
        public String kind() {
            return "an array";
        }
    }

    record Str(String value, int line, int column) implements Node {
        public String kind() {
            return "a string";
        }
    }

    /** Any JSON number; integers are exact ({@link BigInteger}), others are null in {@code integer}. */
    record Num(BigInteger integer, String text, int line, int column) implements Node {
        public String kind() {
            return "a number";
        }
    }

    record Bool(boolean value, int line, int column) implements Node {
        public String kind() {
            return "a boolean";
        }
    }

    record Null(int line, int column) implements Node {
        public String kind() {
            return "null";
        }
    }

    /** Thrown for JSON that is not well-formed; carries the parser's location. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final String hint;

        SyntaxError(String message, int line, int column) {
            this(message, line, column, "check for a missing comma, quote or bracket near there");
        }

        SyntaxError(String message, int line, int column, String hint) {
            super(message);
            this.line = line;
            this.column = column;
            this.hint = hint;
        }
    }

    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000).maxNumberLength(100).build())
            .build();

    private final List<String[]> duplicates = new ArrayList<>();

    /** Names and positions of duplicate members: {message, line, column}. */
    List<String[]> duplicates() {
        return duplicates;
    }

    Node read(byte[] json) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SyntaxError("the file is empty", 1, 1);
            }
            Node root = readValue(p, "$");
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the JSON document", loc.getLineNr(),
                        loc.getColumnNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            int column = loc == null ? 0 : loc.getColumnNr();
            if (org.tlsconf.json.JsonErrors.isBadEscape(e)) {
                throw new SyntaxError("invalid JSON: a single backslash starts an escape sequence", line, column,
                        "double the backslash in key paths: \"HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\...\"");
            }
            throw new SyntaxError("invalid JSON: " + org.tlsconf.json.JsonErrors.describe(e), line, column);
        } catch (IOException e) {
            throw new SyntaxError("cannot read JSON: " + e.getMessage(), 0, 0);
        }
    }

    private Node readValue(JsonParser p, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Member> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation nameLoc = p.currentTokenLocation();
                    p.nextToken();
                    Node value = readValue(p, path + "." + name);
                    if (members.containsKey(name)) {
                        duplicates.add(new String[] {path + "." + name, String.valueOf(nameLoc.getLineNr()),
                            String.valueOf(nameLoc.getColumnNr()), String.valueOf(members.get(name).line())});
                    } else {
                        members.put(name, new Member(name, nameLoc.getLineNr(), nameLoc.getColumnNr(), value));
                    }
                }
                return new Obj(members, line, col);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "[" + items.size() + "]"));
                }
                return new Arr(items, line, col);
            }
            case VALUE_STRING:
                return new Str(p.getText(), line, col);
            case VALUE_NUMBER_INT:
                return new Num(p.getBigIntegerValue(), p.getText(), line, col);
            case VALUE_NUMBER_FLOAT:
                return new Num(null, p.getText(), line, col);
            case VALUE_TRUE:
                return new Bool(true, line, col);
            case VALUE_FALSE:
                return new Bool(false, line, col);
            case VALUE_NULL:
                return new Null(line, col);
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }
}
