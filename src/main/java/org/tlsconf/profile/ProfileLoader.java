package org.tlsconf.profile;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tlsconf.profile.LocatedJson.Arr;
import org.tlsconf.profile.LocatedJson.Bool;
import org.tlsconf.profile.LocatedJson.Member;
import org.tlsconf.profile.LocatedJson.Node;
import org.tlsconf.profile.LocatedJson.Num;
import org.tlsconf.profile.LocatedJson.Obj;
import org.tlsconf.profile.LocatedJson.Str;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.ValueType;
import org.tlsconf.registry.exports.Exports;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.KnownNames;
import org.tlsconf.tls.SuiteCatalogue;

/**
 * Loads profiles strictly: unknown members, wrong types, bad numbers or hex, duplicate members or keys, keys
 * outside the TLS roots and misspelled SCHANNEL names are all errors, reported together with file, line, column,
 * JSON path and a suggestion. {@code extends} chains are resolved (a cycle is an error), and the resolved profile
 * is checked for contradictions, which become warnings.
 */
public final class ProfileLoader {

    static final List<String> ROOT_MEMBERS = List.of("$schema", "name", "description", "extends", "cipherSuites",
            "eccCurves", "keys");
    static final List<String> KEY_MEMBERS = List.of("path", "comment", "reason", "minBuild", "maxBuild", "values");
    static final List<String> VALUE_MEMBERS = List.of("type", "data", "absent", "comment", "reason", "minBuild",
            "maxBuild");
    static final List<String> ORDER_MEMBERS = List.of("order", "unsupported", "reason", "comment", "minBuild",
            "maxBuild");
    static final List<String> ORDER_ITEM_MEMBERS = List.of("name", "minBuild", "maxBuild");
    private static final int MAX_BUILD = 999_999;
    static final List<String> TYPES = List.of("REG_DWORD", "REG_QWORD", "REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ",
            "REG_BINARY");
    private static final BigInteger QWORD_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int MAX_EXTENDS_DEPTH = 16;

    private final ProfileCatalogue catalogue;

    public ProfileLoader(ProfileCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** True when {@code reference} names a file rather than a bundled profile. */
    public static boolean isPath(String reference) {
        return reference.endsWith(".json") || reference.contains("/") || reference.contains("\\");
    }

    /**
     * Loads a bundled profile by name, or a profile file by path.
     *
     * @throws ProfileException listing every problem
     */
    public Profile load(String reference) {
        return resolve(reference, null, new LinkedHashSet<>());
    }

    /** Loads a profile from JSON bytes (used by tests and fuzzing); {@code extends} resolves against the catalogue. */
    public Profile loadBytes(byte[] json, String source) {
        Raw raw = parse(json, source, null);
        return finish(raw, new LinkedHashSet<>(Set.of("bytes:" + source)));
    }

    // ---- resolution -----------------------------------------------------------------------------------------

    private record Located(byte[] bytes, String source, Path dir, String identity) {
    }

    /** The referenced profile does not exist (as opposed to existing with problems). */
    private static final class NotFound extends ProfileException {
        private static final long serialVersionUID = 1L;

        NotFound(ProfileProblem problem) {
            super(problem);
        }
    }

    private Profile resolve(String reference, Path relativeTo, Set<String> chain) {
        Located located = locate(reference, relativeTo);
        if (chain.contains(located.identity)) {
            List<String> names = new ArrayList<>(chain);
            names.add(located.identity);
            throw new ProfileException(new ProfileProblem(located.source, 0, 0, "$.extends",
                    "profiles extend each other in a cycle: " + String.join(" -> ", names),
                    "remove one of the extends"));
        }
        if (chain.size() >= MAX_EXTENDS_DEPTH) {
            throw new ProfileException(new ProfileProblem(located.source, 0, 0, "$.extends",
                    "extends chain is deeper than " + MAX_EXTENDS_DEPTH, "flatten the profiles"));
        }
        chain.add(located.identity);
        notAProfile(located);
        Raw raw = parse(located.bytes, located.source, located.dir);
        return finish(raw, chain);
    }

    /**
     * A reference is read as a file when it looks like a path ({@link #isPath}), when it names a file next to the
     * profile that extends it, or when it is no bundled name but a file of that name exists ({@code x.reg} in the
     * current folder): bundled names come first, an existing file is the fallback, and a file is always checked
     * for being an export given where a profile belongs.
     */
    private boolean isFile(String reference, Path relativeTo) {
        if (isPath(reference)) {
            return true;
        }
        if (relativeTo != null) {
            return Files.exists(relativeTo.resolve(reference));
        }
        return catalogue.read(reference).isEmpty() && Files.isRegularFile(Path.of(reference));
    }

    private Located locate(String reference, Path relativeTo) {
        if (isFile(reference, relativeTo)) {
            Path path = relativeTo == null ? Path.of(reference) : relativeTo.resolve(reference);
            try {
                byte[] bytes = Files.readAllBytes(path);
                Path abs = path.toAbsolutePath().normalize();
                return new Located(bytes, path.toString(), abs.getParent(), "file:" + abs);
            } catch (NoSuchFileException e) {
                throw new NotFound(new ProfileProblem(path.toString(), 0, 0, "", "profile file not found",
                        "check the path, or run 'tlsconf profiles list' for the bundled profiles"));
            } catch (IOException e) {
                throw new ProfileException(new ProfileProblem(path.toString(), 0, 0, "",
                        "cannot read profile file: " + org.tlsconf.registry.IoErrors.describe(e), ""));
            }
        }
        Optional<byte[]> bundled = catalogue.read(reference);
        if (bundled.isEmpty()) {
            List<String> names = catalogue.names();
            if (reference.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(reg|xml)")) {
                throw new ExportGivenAsProfile(reference, "no bundled profile named '" + reference + "', and no "
                        + "such file; an export is not a profile", reference);
            }
            String hint = Suggest.nearest(reference, names, Math.max(2, reference.length() / 3))
                    .map(s -> "did you mean '" + s + "'? ").orElse("")
                    + "bundled profiles: " + String.join(", ", names) + "; to load a file give its path, e.g. ./"
                    + reference + ".json";
            throw new NotFound(new ProfileProblem(reference, 0, 0, "", "no bundled profile named '"
                    + reference + "'", hint));
        }
        return new Located(bundled.get(), "bundled profile " + reference, null, "bundled:" + reference);
    }

    /** A registry export or HealthChecker export given where a profile belongs is a mix-up: say which option. */
    private static void notAProfile(Located located) {
        String head = Exports.head(located.bytes);
        String kind = head.startsWith("Windows Registry Editor") || head.startsWith("REGEDIT4")
                ? "a registry export (.reg)" : Exports.looksLikeClixml(located.bytes)
                ? "a HealthChecker export (CLIXML)" : null;
        if (kind != null) {
            throw new ExportGivenAsProfile(located.source, "this is " + kind + ", not a profile", located.source);
        }
    }

    /** The variants (by build) of {@code v}'s value in {@code byIdentity}, added empty if there are none yet. */
    private static List<DesiredValue> variants(Map<String, List<DesiredValue>> byIdentity, DesiredValue v) {
        String id = identity(v.key(), v.name());
        List<DesiredValue> variants = byIdentity.get(id);
        if (variants == null) {
            variants = new ArrayList<>();
            byIdentity.put(id, variants);
        }
        return variants;
    }

    private Profile finish(Raw raw, Set<String> chain) {
        Map<String, List<DesiredValue>> merged = new LinkedHashMap<>();
        Map<SuiteCatalogue.Kind, OrderSpec> orders = new java.util.EnumMap<>(SuiteCatalogue.Kind.class);
        List<String> lineage = new ArrayList<>();
        lineage.add(raw.name);
        if (raw.extendsRef != null) {
            Profile parent;
            try {
                parent = resolve(raw.extendsRef, raw.dir, chain);
            } catch (NotFound | ExportGivenAsProfile e) { // name the line of "extends" in the file with the typo
                ProfileProblem p = e.problems().get(0);
                throw new ProfileException(new ProfileProblem(raw.displaySource, raw.extendsLine, raw.extendsColumn,
                        "$.extends", "extends '" + raw.extendsRef + "': " + p.message(), p.hint()));
            }
            lineage.addAll(parent.lineage());
            for (DesiredValue v : parent.values()) {
                variants(merged, v).add(v);
            }
            for (OrderSpec o : parent.orders()) {
                orders.put(o.kind(), o);
            }
        }
        Map<String, List<DesiredValue>> own = new LinkedHashMap<>();
        for (DesiredValue v : raw.values) {
            variants(own, v).add(v);
        }
        merged.putAll(own); // an override replaces every inherited variant and keeps the inherited position
        for (OrderSpec o : raw.orders) {
            orders.put(o.kind(), o);
        }
        List<DesiredValue> values = new ArrayList<>();
        for (List<DesiredValue> variants : merged.values()) {
            values.addAll(variants);
        }
        for (OrderSpec o : orders.values()) {
            if (merged.containsKey(identity(OrderSpec.POLICY_KEY, o.valueName()))) {
                throw new ProfileException(new ProfileProblem(raw.source.equals("bundled") ? "bundled profile "
                        + raw.name : raw.source, 0, 0, "$." + o.member(), "the profile gives both \"" + o.member()
                        + "\" and a raw " + OrderSpec.POLICY_KEY + "\\" + o.valueName() + " value",
                        "keep one of the two (the \"" + o.member() + "\" form is checked against each build)"));
            }
        }
        return new Profile(raw.name, raw.description, raw.source, lineage, values, List.copyOf(orders.values()),
                ProfileChecks.templateWarnings(values), Optional.empty(), List.of());
    }

    private static String identity(RegistryPath key, String name) {
        return key + "\u0000" + RegistryNames.fold(name);
    }

    // ---- parsing and checking one file ----------------------------------------------------------------------

    private record Raw(String name, String description, String extendsRef, List<DesiredValue> values,
            List<OrderSpec> orders, String source, Path dir, String displaySource, int extendsLine,
            int extendsColumn) {
    }

    private Raw parse(byte[] json, String source, Path dir) {
        Checker c = new Checker(source);
        LocatedJson reader = new LocatedJson();
        Node root;
        try {
            root = reader.read(json);
        } catch (LocatedJson.SyntaxError e) {
            throw new ProfileException(new ProfileProblem(source, e.line, e.column, "", e.getMessage(), e.hint));
        }
        for (String[] d : reader.duplicates()) {
            c.problem(Integer.parseInt(d[1]), Integer.parseInt(d[2]), d[0], "duplicate member (first at line "
                    + d[3] + ")", "keep one of the two");
        }
        if (!(root instanceof Obj obj)) {
            throw new ProfileException(new ProfileProblem(source, root.line(), root.column(), "$",
                    "a profile must be a JSON object, got " + root.kind(), "see profiles/schema.json"));
        }
        c.unknownMembers(obj, "$", ROOT_MEMBERS);
        String name = c.string(obj, "name", "$", true);
        if (name != null && !ProfileCatalogue.isName(name)) {
            c.problem(obj.members().get("name").value(), "$.name", "invalid profile name '" + name + "'",
                    "use letters, digits, '.', '_' and '-' (at most 64), e.g. 'max-protection'");
        }
        String description = c.string(obj, "description", "$", false);
        String extendsRef = c.string(obj, "extends", "$", false);
        String origin = source.startsWith("bundled profile ") ? "bundled" : source;
        List<OrderSpec> orders = new ArrayList<>();
        for (SuiteCatalogue.Kind kind : SuiteCatalogue.Kind.values()) {
            String member = kind == SuiteCatalogue.Kind.SUITES ? "cipherSuites" : "eccCurves";
            Member m = obj.members().get(member);
            if (m != null) {
                checkOrder(c, kind, m.value(), "$." + member, name == null ? origin : name).ifPresent(orders::add);
            }
        }
        List<DesiredValue> values = new ArrayList<>();
        Member keysMember = obj.members().get("keys");
        if (keysMember == null) {
            c.problem(obj, "$", "missing member 'keys'", "add \"keys\": [ { \"path\": ..., \"values\": {...} } ]");
        } else if (!(keysMember.value() instanceof Arr keys)) {
            c.problem(keysMember.value(), "$.keys", "expected an array of keys, got " + keysMember.value().kind(),
                    "");
        } else {
            Map<RegistryPath, Integer> seen = new HashMap<>();
            for (int i = 0; i < keys.items().size(); i++) {
                checkKey(c, keys.items().get(i), "$.keys[" + i + "]", name == null ? source : name, seen, values);
            }
        }
        c.throwIfAny();
        Member extendsMember = obj.members().get("extends");
        return new Raw(name, description == null ? "" : description, extendsRef, values, orders, origin, dir, source,
                extendsMember == null ? 0 : extendsMember.value().line(),
                extendsMember == null ? 0 : extendsMember.value().column());
    }

    private void checkKey(Checker c, Node node, String at, String origin, Map<RegistryPath, Integer> seen,
            List<DesiredValue> out) {
        if (!(node instanceof Obj obj)) {
            c.problem(node, at, "expected a key object, got " + node.kind(),
                    "{ \"path\": \"HKLM\\\\...\", \"values\": { ... } }");
            return;
        }
        c.unknownMembers(obj, at, KEY_MEMBERS);
        c.string(obj, "comment", at, false);
        String keyReason = c.string(obj, "reason", at, false);
        BuildRange keyBuilds = builds(c, obj, at).orElse(BuildRange.ALWAYS);
        String pathText = c.string(obj, "path", at, true);
        RegistryPath path = null;
        if (pathText != null) {
            Node pathNode = obj.members().get("path").value();
            try {
                path = RegistryPath.parse(pathText);
                for (ProfileChecks.PathIssue issue : ProfileChecks.pathIssues(path)) {
                    c.problem(pathNode, at + ".path", issue.message(), issue.hint());
                }
                Integer first = seen.putIfAbsent(path, pathNode.line());
                if (first != null) {
                    c.problem(pathNode, at + ".path", "key " + path + " is listed twice (first at line " + first
                            + ")", "merge the two entries into one");
                }
            } catch (IllegalArgumentException e) {
                c.problem(pathNode, at + ".path", e.getMessage(),
                        "write a full key such as HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\...");
            }
        }
        Member valuesMember = obj.members().get("values");
        if (valuesMember == null) {
            c.problem(obj, at, "missing member 'values'", "add \"values\": { \"Enabled\": {...} }");
            return;
        }
        if (!(valuesMember.value() instanceof Obj values)) {
            c.problem(valuesMember.value(), at + ".values", "expected an object of values, got "
                    + valuesMember.value().kind(), "");
            return;
        }
        if (values.members().isEmpty()) {
            c.problem(values, at + ".values", "no values given", "name at least one value");
        }
        Map<String, String> folded = new HashMap<>();
        for (Member m : values.members().values()) {
            String vat = at + ".values." + m.name();
            String earlier = folded.putIfAbsent(RegistryNames.fold(m.name()), m.name());
            if (earlier != null) {
                c.problem(m.line(), m.column(), vat, "value '" + m.name() + "' is the same registry value as '"
                        + earlier + "' (names are case-insensitive)", "keep one of the two");
                continue;
            }
            for (String issue : ProfileChecks.valueNameIssues(m.name())) {
                c.problem(m.line(), m.column(), vat, issue, Suggest.hint(m.name(), KnownNames.VALUES));
            }
            List<Node> alternatives = m.value() instanceof Arr arr ? arr.items() : List.of(m.value());
            if (alternatives.isEmpty()) {
                c.problem(m.value(), vat, "an empty list of alternatives", "give one value object, or several "
                        + "limited to different builds with \"minBuild\"/\"maxBuild\"");
            }
            List<DesiredValue> variants = new ArrayList<>();
            for (int i = 0; i < alternatives.size(); i++) {
                String iat = alternatives.size() == 1 && !(m.value() instanceof Arr) ? vat : vat + "[" + i + "]";
                Node alt = alternatives.get(i);
                Optional<Spec> spec = checkValue(c, alt, iat, keyBuilds, keyReason);
                if (path == null || spec.isEmpty()) {
                    continue;
                }
                for (DesiredValue prior : variants) {
                    if (prior.builds().overlaps(spec.get().builds)) {
                        c.problem(alt, iat, "applies to " + spec.get().builds.describe() + ", which overlaps "
                                + prior.builds().describe() + " of an earlier alternative",
                                "give the alternatives \"minBuild\"/\"maxBuild\" that do not overlap");
                    }
                }
                variants.add(new DesiredValue(path, m.name(), spec.get().value, origin, spec.get().builds,
                        spec.get().reason));
            }
            out.addAll(variants);
        }
    }

    /** One value object: the wanted value (empty for "must be absent"), the builds it applies to, its reason. */
    private record Spec(Optional<RegistryValue> value, BuildRange builds, String reason) {
    }

    /** Empty on error. A value's own minBuild/maxBuild/reason replace its key's. */
    private Optional<Spec> checkValue(Checker c, Node node, String at, BuildRange keyBuilds, String keyReason) {
        if (!(node instanceof Obj obj)) {
            c.problem(node, at, "expected a value object, got " + node.kind(),
                    "write { \"type\": \"REG_DWORD\", \"data\": 1 } or { \"absent\": true }");
            return Optional.empty();
        }
        int before = c.count();
        c.unknownMembers(obj, at, VALUE_MEMBERS);
        c.string(obj, "comment", at, false);
        String reason = c.string(obj, "reason", at, false);
        String why = reason != null ? reason : keyReason == null ? "" : keyReason;
        Optional<BuildRange> own = builds(c, obj, at);
        BuildRange range = own.orElse(keyBuilds);
        Optional<Optional<RegistryValue>> value = checkData(c, obj, at, before);
        return value.isPresent() ? Optional.of(new Spec(value.get(), range, why)) : Optional.empty();
    }

    private Optional<Optional<RegistryValue>> checkData(Checker c, Obj obj, String at, int before) {
        Member absent = obj.members().get("absent");
        if (absent != null) {
            if (!(absent.value() instanceof Bool b) || !b.value()) {
                c.problem(absent.value(), at + ".absent", "'absent' can only be true",
                        "to set the value give \"type\" and \"data\" instead");
            } else if (obj.members().containsKey("type") || obj.members().containsKey("data")) {
                c.problem(obj, at, "a value cannot be both absent and have type/data", "remove one or the other");
            }
            return c.count() == before ? Optional.of(Optional.empty()) : Optional.empty();
        }
        String type = c.string(obj, "type", at, true);
        Member data = obj.members().get("data");
        if (data == null) {
            c.problem(obj, at, "missing member 'data'", "give the value's data, or use { \"absent\": true }");
        }
        if (type != null && !TYPES.contains(type)) {
            c.problem(obj.members().get("type").value(), at + ".type", "unknown type '" + type + "'",
                    Suggest.hint(type, TYPES));
            return Optional.empty();
        }
        if (type == null || data == null || c.count() != before) {
            return Optional.empty();
        }
        RegistryValue value = ValueData.parse(c, ValueType.fromName(type).orElseThrow(), data.value(), at + ".data");
        return value == null ? Optional.empty() : Optional.of(Optional.of(value));
    }

    /** The minBuild/maxBuild members of an object, if it has either. */
    private static Optional<BuildRange> builds(Checker c, Obj obj, String at) {
        Integer from = build(c, obj, "minBuild", at);
        Integer upTo = build(c, obj, "maxBuild", at);
        if (from == null && upTo == null) {
            return Optional.empty();
        }
        if (from != null && upTo != null && from > upTo) {
            c.problem(obj.members().get("maxBuild").value(), at + ".maxBuild", "maxBuild " + upTo
                    + " is below minBuild " + from, "no build would get this value");
            return Optional.empty();
        }
        return Optional.of(BuildRange.of(from, upTo));
    }

    private static Integer build(Checker c, Obj obj, String member, String at) {
        Member m = obj.members().get(member);
        if (m == null) {
            return null;
        }
        if (m.value() instanceof Num n && n.integer() != null && n.integer().signum() >= 0
                && n.integer().compareTo(BigInteger.valueOf(MAX_BUILD)) <= 0) {
            return n.integer().intValue();
        }
        c.problem(m.value(), at + "." + member, "expected a Windows build number (0 to " + MAX_BUILD + "), got "
                + m.value().kind(), "e.g. 20348 for Windows Server 2022, 14393 for Server 2016");
        return null;
    }

    /** A cipherSuites or eccCurves member. Empty on error. */
    private Optional<OrderSpec> checkOrder(Checker c, SuiteCatalogue.Kind kind, Node node, String at,
            String origin) {
        if (!(node instanceof Obj obj)) {
            c.problem(node, at, "expected an object, got " + node.kind(), "{ \"order\": [ ... ], \"reason\": "
                    + "\"...\" }");
            return Optional.empty();
        }
        int before = c.count();
        c.unknownMembers(obj, at, ORDER_MEMBERS);
        c.string(obj, "comment", at, false);
        String reason = c.string(obj, "reason", at, false);
        String unsupported = c.string(obj, "unsupported", at, false);
        BuildRange orderBuilds = builds(c, obj, at).orElse(BuildRange.ALWAYS);
        if (unsupported != null && !List.of("error", "drop").contains(unsupported)) {
            c.problem(obj.members().get("unsupported").value(), at + ".unsupported", "unknown choice '"
                    + unsupported + "'", "\"error\" (the default: a build that lacks an item is an error) or "
                    + "\"drop\" (a template for several Windows versions: leave such items out and say so)");
        }
        Member orderMember = obj.members().get("order");
        List<OrderSpec.Item> items = new ArrayList<>();
        if (orderMember == null || !(orderMember.value() instanceof Arr arr) || arr.items().isEmpty()) {
            c.problem(orderMember == null ? obj : orderMember.value(), at + ".order", "expected a non-empty array of "
                    + kind.noun() + " names", "most preferred first");
            return Optional.empty();
        }
        SuiteCatalogue catalogue = SuiteCatalogue.get();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < arr.items().size(); i++) {
            Node item = arr.items().get(i);
            String iat = at + ".order[" + i + "]";
            String name;
            BuildRange range = BuildRange.ALWAYS;
            if (item instanceof Str s) {
                name = s.value();
            } else if (item instanceof Obj o) {
                c.unknownMembers(o, iat, ORDER_ITEM_MEMBERS);
                name = c.string(o, "name", iat, true);
                range = builds(c, o, iat).orElse(BuildRange.ALWAYS);
            } else {
                c.problem(item, iat, "expected a " + kind.noun() + " name or { \"name\", \"minBuild\", "
                        + "\"maxBuild\" }, got " + item.kind(), "");
                continue;
            }
            if (name == null) {
                continue;
            }
            if (name.contains(",") || name.isBlank()) {
                c.problem(item, iat, "'" + name + "' is not one " + kind.noun() + " name", "give one name per "
                        + "array item");
                continue;
            }
            if (catalogue.canonical(kind, name).isEmpty()) {
                c.problem(item, iat, "unknown " + kind.noun() + " '" + name + "': no Windows version tlsconf "
                        + "knows supports it", Suggest.hint(name, catalogue.allNames(kind)));
                continue;
            }
            BuildRange within = range.isAlways() ? orderBuilds : range;
            if (!catalogue.supportedSomewhereIn(kind, name, within)) {
                c.problem(item, iat, kind.noun() + " '" + name + "' is supported on no build in "
                        + within.describe(), "check minBuild/maxBuild");
                continue;
            }
            if (!seen.add(RegistryNames.fold(name) + "@" + range)) {
                c.problem(item, iat, "'" + name + "' is listed twice", "keep the first");
                continue;
            }
            items.add(new OrderSpec.Item(name, range, item.line(), item.column()));
        }
        if (c.count() != before) {
            return Optional.empty();
        }
        return Optional.of(new OrderSpec(kind, items, "drop".equals(unsupported), reason == null ? "" : reason,
                origin, orderBuilds));
    }

    /** Collects problems for one file. */
    static final class Checker {
        private final String source;
        private final List<ProfileProblem> problems = new ArrayList<>();

        Checker(String source) {
            this.source = source;
        }

        int count() {
            return problems.size();
        }

        void problem(Node node, String at, String message, String hint) {
            problem(node.line(), node.column(), at, message, hint);
        }

        void problem(int line, int column, String at, String message, String hint) {
            problems.add(new ProfileProblem(source, line, column, at, message, hint));
        }

        void unknownMembers(Obj obj, String at, List<String> allowed) {
            for (Member m : obj.members().values()) {
                if (!allowed.contains(m.name())) {
                    problem(m.line(), m.column(), at + "." + m.name(), "unknown member '" + m.name() + "'",
                            Suggest.hint(m.name(), allowed));
                }
            }
        }

        String string(Obj obj, String member, String at, boolean required) {
            Member m = obj.members().get(member);
            if (m == null) {
                if (required) {
                    problem(obj, at, "missing member '" + member + "'", "");
                }
                return null;
            }
            if (m.value() instanceof Str s) {
                return s.value();
            }
            problem(m.value(), at + "." + member, "expected a string, got " + m.value().kind(), "");
            return null;
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                        : Integer.compare(a.column(), b.column()));
                throw new ProfileException(problems);
            }
        }
    }

    /** Turns a JSON {@code data} member into a typed registry value. */
    static final class ValueData {
        private ValueData() {
        }

        static RegistryValue parse(Checker c, ValueType type, Node data, String at) {
            switch (type.name()) {
                case "REG_DWORD": {
                    BigInteger n = number(c, data, at, 8, "4294967295", "\"0xFFFFFFFF\"");
                    return n == null ? null : RegistryValue.dword(n.longValue());
                }
                case "REG_QWORD": {
                    BigInteger n = number(c, data, at, 16, QWORD_MAX.toString(), "\"0xFFFFFFFFFFFFFFFF\"");
                    return n == null ? null : RegistryValue.qword(n.longValue());
                }
                case "REG_SZ":
                case "REG_EXPAND_SZ": {
                    if (!(data instanceof Str s)) {
                        c.problem(data, at, "expected a string for " + type + ", got " + data.kind(),
                                type == ValueType.REG_SZ && data instanceof Num
                                        ? "a number in a REG_SZ is not a DWORD: use \"type\": \"REG_DWORD\"" : "");
                        return null;
                    }
                    if (s.value().indexOf('\0') >= 0) {
                        c.problem(data, at, "a registry string cannot contain a NUL character", "");
                        return null;
                    }
                    return type == ValueType.REG_SZ ? RegistryValue.sz(s.value())
                            : RegistryValue.expandSz(s.value());
                }
                case "REG_MULTI_SZ": {
                    if (!(data instanceof Arr a)) {
                        c.problem(data, at, "expected an array of strings for REG_MULTI_SZ, got " + data.kind(),
                                "e.g. [\"NistP384\", \"NistP256\"]");
                        return null;
                    }
                    List<String> strings = new ArrayList<>();
                    for (int i = 0; i < a.items().size(); i++) {
                        Node item = a.items().get(i);
                        if (!(item instanceof Str s) || s.value().isEmpty() || s.value().indexOf('\0') >= 0) {
                            c.problem(item, at + "[" + i + "]", "expected a non-empty string without NUL, got "
                                    + item.kind(), "REG_MULTI_SZ cannot hold empty strings");
                            return null;
                        }
                        strings.add(s.value());
                    }
                    return RegistryValue.multiSz(strings);
                }
                case "REG_BINARY": {
                    if (!(data instanceof Str s)) {
                        c.problem(data, at, "expected a hex string for REG_BINARY, got " + data.kind(),
                                "e.g. \"0a,ff,00\" or \"0aff00\"");
                        return null;
                    }
                    String hex = s.value().replaceAll("[\\s,:]", "");
                    if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
                        c.problem(data, at, "bad hex '" + abbreviate(s.value()) + "'",
                                "use pairs of hex digits, optionally separated by commas: \"0a,ff,00\"");
                        return null;
                    }
                    return RegistryValue.binary(java.util.HexFormat.of().parseHex(hex));
                }
                default:
                    throw new IllegalStateException("unhandled type " + type);
            }
        }

        private static BigInteger number(Checker c, Node data, String at, int hexDigits, String max,
                String hexMax) {
            BigInteger n = null;
            if (data instanceof Num num && num.integer() != null) {
                n = num.integer();
            } else if (data instanceof Str s && s.value().matches("0[xX][0-9a-fA-F]{1," + hexDigits + "}")) {
                n = new BigInteger(s.value().substring(2), 16);
            } else if (data instanceof Str s && s.value().matches("\\d+")) {
                c.problem(data, at, "the number is written as a string \"" + abbreviate(s.value()) + "\"",
                        "write it without quotes: " + s.value() + ", or as hex \"0x...\"");
                return null;
            } else {
                String what = data instanceof Str s ? "\"" + abbreviate(s.value()) + "\"" : data.kind();
                c.problem(data, at, "expected a whole number from 0 to " + max + " or a hex string, got " + what,
                        "e.g. 1, 4294967295 or " + hexMax);
                return null;
            }
            if (n.signum() < 0) {
                c.problem(data, at, "negative number " + n + ": registry numbers are unsigned",
                        "-1 is written " + max + " or " + hexMax);
                return null;
            }
            if (n.bitLength() > hexDigits * 4) {
                c.problem(data, at, "number " + n + " is larger than " + max, "");
                return null;
            }
            return n;
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }
}
