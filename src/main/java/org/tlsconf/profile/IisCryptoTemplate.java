package org.tlsconf.profile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.tls.BuildRange;
import org.tlsconf.tls.KnownNames;
import org.tlsconf.tls.Protocol;
import org.tlsconf.tls.Role;
import org.tlsconf.tls.SuiteCatalogue;
import org.tlsconf.tls.TlsRegistry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML templates IIS Crypto writes ({@code .ictpl}) into a profile: version 0 ({@code schannelItem
 * name/state/minimumOSVersion} and {@code cipherSuiteItem} entries) and version 3 ({@code templateItem name/value},
 * an {@code advanced} block, a "Configured Cipher Suites" list per Windows version), in UTF-16 or UTF-8. IIS Crypto's
 * "enabled" (-1, 0xFFFFFFFF) becomes 1 for protocols; ciphers, hashes and key exchanges keep 0xFFFFFFFF (KB245030).
 * Whatever it cannot map is listed in {@link Result#notes()} and in the profile's description, never dropped
 * silently.
 */
public final class IisCryptoTemplate {
    private IisCryptoTemplate() {
    }

    /** The profile, and what the import changed or could not carry over. */
    public record Result(Profile profile, List<String> notes) {
    }

    /** IIS Crypto's minimumOSVersion names and the first build of each. */
    static final Map<String, Integer> OS_BUILDS = Map.ofEntries(Map.entry("windows2008", 6001),
            Map.entry("windows7", 7601), Map.entry("windows2008r2", 7601), Map.entry("windows8", 9200),
            Map.entry("windows2012", 9200), Map.entry("windows81", 9600), Map.entry("windows2012r2", 9600),
            Map.entry("windows10", 10240), Map.entry("windows2016", 14393), Map.entry("windows2019", 17763),
            Map.entry("windows2022", 20348), Map.entry("windows11", 22000), Map.entry("windows2025", 26100));

    /**
     * @throws ProfileException (exit 2) when the file is not XML or not an IIS Crypto template
     */
    public static Result read(byte[] xml, String source, String fallbackName) {
        Document doc = parse(xml, source);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("iisCryptoTemplate")) {
            throw new ProfileException(new ProfileProblem(source, 0, 0, "", "not an IIS Crypto template: the root "
                    + "element is <" + root.getTagName() + ">, expected <iisCryptoTemplate>",
                    "give a .ictpl file saved by IIS Crypto"));
        }
        Importer im = new Importer(source, root.getAttribute("version"));
        return im.run(root, fallbackName);
    }

    private static Document parse(byte[] xml, String source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new ProfileException(new ProfileProblem(source, Math.max(e.getLineNumber(), 0),
                    Math.max(e.getColumnNumber(), 0), "", "not a readable IIS Crypto template: " + e.getMessage(),
                    "IIS Crypto saves templates as XML (.ictpl), in UTF-16 or UTF-8"));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ProfileException(new ProfileProblem(source, 0, 0, "", "cannot read the template: "
                    + e.getMessage(), ""));
        }
    }

    private static final class Importer {
        private final String source;
        private final String version;
        private final List<DesiredValue> values = new ArrayList<>();
        private final List<OrderSpec> orders = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String origin = "imported";
        private boolean convertedMinusOne;

        Importer(String source, String version) {
            this.source = source;
            this.version = version;
        }

        Result run(Element root, String fallbackName) {
            String name = text(child(root, "header"), "name").orElse("");
            String profileName = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                    .replaceAll("^[-._]+|-+$", "");
            if (profileName.isEmpty() || profileName.length() > 64) {
                profileName = fallbackName;
            }
            origin = profileName;
            if (!version.equals("0") && !version.equals("3")) {
                notes.add("template version '" + version + "' is neither 0 nor 3; read as version "
                        + (version.isEmpty() ? "0" : "3") + " (check the result)");
            }
            Element schannel = child(root, "schannel");
            boolean clients = true;
            if (schannel != null && schannel.hasAttribute("setClientProtocols")
                    && !Boolean.parseBoolean(schannel.getAttribute("setClientProtocols"))) {
                clients = false;
                notes.add("the template does not set client protocols (setClientProtocols=\"false\"): only the "
                        + "Server sides are imported, which leaves Client and Server different");
            }
            if (schannel != null) {
                for (Element e : children(schannel)) {
                    switch (e.getTagName()) {
                        case "clientProtocols" -> {
                            if (clients) {
                                protocols(e, Role.CLIENT);
                            }
                        }
                        case "serverProtocols" -> protocols(e, Role.SERVER);
                        case "ciphers" -> algorithms(e, TlsRegistry.CIPHERS, KnownNames.CIPHERS, "cipher");
                        case "hashes" -> algorithms(e, TlsRegistry.HASHES, KnownNames.HASHES, "hash");
                        case "keyExchanges" -> algorithms(e, TlsRegistry.KEY_EXCHANGE, KnownNames.KEY_EXCHANGES,
                                "key exchange");
                        default -> notes.add("unknown section <" + e.getTagName() + "> in <schannel>: not imported");
                    }
                }
            }
            Element advanced = child(root, "advanced");
            if (advanced != null) {
                advanced(advanced);
            }
            Element suites = child(root, "cipherSuites");
            if (suites != null) {
                suites(suites);
            }
            for (Element e : children(root)) {
                if (!List.of("header", "schannel", "advanced", "cipherSuites").contains(e.getTagName())) {
                    notes.add("unknown section <" + e.getTagName() + ">: not imported");
                }
            }
            if (convertedMinusOne) {
                notes.add(0, "IIS Crypto's 'enabled' for protocols (-1, i.e. Enabled=0xFFFFFFFF) was written as "
                        + "Enabled=1 with DisabledByDefault=0: Windows documents 1, and CIS, STIG and older "
                        + "HealthChecker versions flag 0xFFFFFFFF");
            }
            if (values.isEmpty() && orders.isEmpty()) {
                // a profile that writes nothing would "apply" successfully and change nothing: refuse it
                throw new ProfileException(new ProfileProblem(source, 0, 0, "", "the template holds nothing tlsconf "
                        + "can import (no protocol, cipher, hash, key exchange, advanced or cipher suite item it "
                        + "knows)" + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)),
                        "give a template IIS Crypto saved with the settings you want"));
            }
            notes.add("IIS Crypto templates have no .NET Framework or WinHTTP items; add them (see the bundled "
                    + "profiles) so .NET and WinHTTP clients use the same protocols");
            String description = "Imported from the IIS Crypto template '" + (name.isEmpty() ? source : name)
                    + "' (" + source + ", version " + (version.isEmpty() ? "0" : version) + ") by tlsconf profiles "
                    + "import. Notes: " + String.join("; ", notes) + ".";
            Profile p = new Profile(profileName, description, source, List.of(profileName), values, orders,
                    ProfileChecks.templateWarnings(values), Optional.empty(), List.of());
            return new Result(p, List.copyOf(notes));
        }

        private void protocols(Element section, Role role) {
            for (Element item : items(section)) {
                String n = item.getAttribute("name");
                Optional<Protocol> protocol = Protocol.fromKeyName(n);
                Optional<Boolean> on = state(item);
                Optional<BuildRange> builds = builds(item);
                if (protocol.isEmpty() || on.isEmpty() || builds.isEmpty()) {
                    if (protocol.isEmpty()) {
                        notes.add("unknown protocol '" + n + "' in <" + section.getTagName() + ">: not imported");
                    }
                    continue;
                }
                RegistryPath key = TlsRegistry.protocolKey(protocol.get(), role);
                String why = "IIS Crypto template: " + n + " " + role.keyName() + " "
                        + (on.get() ? "enabled" : "disabled");
                add(key, TlsRegistry.ENABLED, on.get() ? 1 : 0, builds.get(), why);
                add(key, TlsRegistry.DISABLED_BY_DEFAULT, on.get() ? 0 : 1, builds.get(), why);
                if (on.get() && raw(item).equals("-1")) {
                    convertedMinusOne = true;
                }
            }
        }

        private void algorithms(Element section, RegistryPath root, List<String> known, String what) {
            for (Element item : items(section)) {
                String n = item.getAttribute("name");
                String keyName = known.stream().filter(k -> RegistryNames.same(k, n)
                        || RegistryNames.same(k, n.replace(" ", ""))).findFirst().orElse(null);
                Optional<Boolean> on = state(item);
                Optional<BuildRange> builds = builds(item);
                if (keyName == null) {
                    notes.add("unknown " + what + " '" + n + "': not imported");
                    continue;
                }
                if (on.isEmpty() || builds.isEmpty()) {
                    continue;
                }
                add(root.child(keyName), TlsRegistry.ENABLED, on.get() ? RegistryValue.Dword.MAX : 0, builds.get(),
                        "IIS Crypto template: " + n + " " + (on.get() ? "enabled (0xFFFFFFFF)" : "disabled"));
            }
        }

        private void advanced(Element advanced) {
            for (Element item : items(advanced)) {
                String n = item.getAttribute("name");
                String v = raw(item);
                switch (n.toLowerCase(Locale.ROOT)) {
                    case "dhe minimum key length" -> {
                        if (v.matches("\\d{3,5}")) {
                            add(TlsRegistry.KEY_EXCHANGE.child("Diffie-Hellman"), "ServerMinKeyBitLength",
                                    Long.parseLong(v), BuildRange.ALWAYS, "IIS Crypto template: DHE Minimum Key "
                                            + "Length " + v);
                        } else {
                            notes.add("advanced item 'DHE Minimum Key Length' has the value '" + v + "': not imported");
                        }
                    }
                    case "fips algorithm policy" -> {
                        if (v.equals("0") || v.equals("1") || v.equals("-1")) {
                            add(TlsRegistry.FIPS_POLICY, TlsRegistry.ENABLED, v.equals("0") ? 0 : 1,
                                    BuildRange.ALWAYS, "IIS Crypto template: FIPS Algorithm Policy "
                                            + (v.equals("0") ? "off" : "on"));
                        } else {
                            notes.add("advanced item 'FIPS Algorithm Policy' has the value '" + v + "': not imported");
                        }
                    }
                    default -> notes.add("advanced item '" + n + "' (value '" + v + "') has no registry value "
                            + "tlsconf knows: not imported");
                }
            }
        }

        private void suites(Element section) {
            List<OrderSpec.Item> order = new ArrayList<>();
            TreeMap<Integer, List<String>> lists = new TreeMap<>();
            for (Element item : children(section)) {
                Optional<BuildRange> builds = builds(item);
                if (builds.isEmpty()) {
                    continue;
                }
                if (item.getTagName().equals("cipherSuiteItem")) {
                    // version 0: one element per suite, in priority order; disabled suites are listed too
                    Optional<Boolean> on = state(item);
                    if (on.isPresent() && on.get()) {
                        suite(order, item.getAttribute("name"), builds.get());
                    }
                } else if (item.getTagName().equals("templateItem")
                        && RegistryNames.same(item.getAttribute("name"), "Configured Cipher Suites")) {
                    // version 3: one comma-separated list per Windows version, from its minimumOSVersion on
                    List<String> names = new ArrayList<>();
                    for (String s : raw(item).split(",")) {
                        if (!s.isBlank()) {
                            names.add(s.strip());
                        }
                    }
                    lists.put(builds.get().from().orElse(0), names);
                } else {
                    notes.add("unknown cipher suite item <" + item.getTagName() + " name=\""
                            + item.getAttribute("name") + "\">: not imported");
                }
            }
            List<Integer> starts = new ArrayList<>(lists.keySet());
            for (int i = 0; i < starts.size(); i++) {
                int start = starts.get(i);
                Integer end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : null;
                BuildRange range = BuildRange.of(start == 0 ? null : start, end);
                for (String name : lists.get(start)) {
                    suite(order, name, range);
                }
            }
            if (!order.isEmpty()) {
                // per-OS lists apply from the first list's Windows version; older builds get no order at all
                BuildRange whole = starts.isEmpty() || starts.get(0) == 0 ? BuildRange.ALWAYS
                        : BuildRange.of(starts.get(0), null);
                orders.add(new OrderSpec(SuiteCatalogue.Kind.SUITES, order, true, "IIS Crypto template: cipher "
                        + "suite order (items a build does not support are left out on that build)", origin, whole));
            }
        }

        private void suite(List<OrderSpec.Item> order, String name, BuildRange range) {
            SuiteCatalogue catalogue = SuiteCatalogue.get();
            Optional<String> canonical = catalogue.canonical(SuiteCatalogue.Kind.SUITES, name);
            if (canonical.isEmpty()) {
                notes.add("unknown cipher suite '" + name + "' (no Windows version tlsconf knows supports it): left "
                        + "out of the order");
            } else if (!catalogue.supportedSomewhereIn(SuiteCatalogue.Kind.SUITES, name, range)) {
                notes.add("cipher suite '" + name + "' is supported on no build in " + range.describe() + ": left "
                        + "out of the order");
            } else {
                order.add(new OrderSpec.Item(canonical.get(), range, 0, 0));
            }
        }

        /** The item's on/off state: v0 state="Enabled|Disabled", v3 value="-1|1|0"; empty (and a note) otherwise. */
        private Optional<Boolean> state(Element item) {
            String v = raw(item);
            if (RegistryNames.same(v, "Enabled") || v.equals("-1") || v.equals("1")) {
                return Optional.of(true);
            }
            if (RegistryNames.same(v, "Disabled") || v.equals("0")) {
                return Optional.of(false);
            }
            notes.add("'" + item.getAttribute("name") + "' has the state '" + v + "', which tlsconf does not know: "
                    + "not imported (the OS default stays)");
            return Optional.empty();
        }

        private static String raw(Element item) {
            return item.hasAttribute("state") ? item.getAttribute("state") : item.getAttribute("value");
        }

        private Optional<BuildRange> builds(Element item) {
            if (!item.hasAttribute("minimumOSVersion") || item.getAttribute("minimumOSVersion").isBlank()) {
                return Optional.of(BuildRange.ALWAYS);
            }
            String os = item.getAttribute("minimumOSVersion");
            Integer build = OS_BUILDS.get(os.toLowerCase(Locale.ROOT).replace(" ", "").replace(".", ""));
            if (build == null) {
                notes.add("'" + item.getAttribute("name") + "' has the minimumOSVersion '" + os + "', which tlsconf "
                        + "does not know: not imported");
                return Optional.empty();
            }
            return Optional.of(BuildRange.of(build, null));
        }

        private void add(RegistryPath key, String name, long dword, BuildRange builds, String reason) {
            values.add(new DesiredValue(key, name, Optional.of(RegistryValue.dword(dword)), origin, builds, reason));
        }

        private List<Element> items(Element section) {
            List<Element> items = new ArrayList<>();
            for (Element e : children(section)) {
                if (e.getTagName().equals("schannelItem") || e.getTagName().equals("templateItem")) {
                    items.add(e);
                } else {
                    notes.add("unknown item <" + e.getTagName() + "> in <" + section.getTagName() + ">: not imported");
                }
            }
            return items;
        }
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        return children(parent).stream().filter(e -> e.getTagName().equals(tag)).findFirst().orElse(null);
    }

    private static Optional<String> text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? Optional.empty() : Optional.of(e.getTextContent().strip());
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }
}
