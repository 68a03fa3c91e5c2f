package org.tlsconf.registry.clixml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.RegistryInputException;
import org.tlsconf.registry.RegistryNames;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the TLS registry values that microsoft/CSS-Exchange HealthChecker collected ({@code Get-AllTlsSettings},
 * exported with {@code Export-Clixml}) into a registry: SCHANNEL TLS 1.0–1.3 Client/Server Enabled and
 * DisabledByDefault, and the .NET Framework values in both views. A {@code <Nil>} value is an absent value.
 */
public final class HealthCheckerExport {
    private HealthCheckerExport() {
    }

    private static final String SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
            + "\\Protocols\\TLS ";

    /**
     * True when a HealthChecker export records this value (SCHANNEL TLS 1.0–1.3 Client/Server Enabled and
     * DisabledByDefault, .NET Framework SystemDefaultTlsVersions and SchUseStrongCrypto in both views): for other
     * values an export says nothing, and their absence from it is not their absence from the host.
     */
    static boolean covers(RegistryPath key, String name) {
        for (String tls : List.of("1.0", "1.1", "1.2", "1.3")) {
            for (String side : List.of("Server", "Client")) {
                if (key.equals(RegistryPath.parse(SCHANNEL + tls + "\\" + side))) {
                    return RegistryNames.same(name, "Enabled") || RegistryNames.same(name, "DisabledByDefault");
                }
            }
        }
        for (String view : List.of("SOFTWARE\\Microsoft", "SOFTWARE\\Wow6432Node\\Microsoft")) {
            for (String net : List.of("v2.0.50727", "v4.0.30319")) {
                if (key.equals(RegistryPath.parse("HKLM\\" + view + "\\.NETFramework\\" + net))) {
                    return RegistryNames.same(name, "SystemDefaultTlsVersions")
                            || RegistryNames.same(name, "SchUseStrongCrypto");
                }
            }
        }
        return false;
    }

    /** Thrown when the export cannot be read. */
    public static final class ParseException extends RegistryInputException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }

        @Override
        public String fullReport() {
            return getMessage() + System.lineSeparator();
        }
    }

    public static InMemoryRegistry read(byte[] data, String source) {
        Document doc = parse(data, source);
        InMemoryRegistry reg = new InMemoryRegistry("HealthChecker export " + source);
        reg.recordOnly(HealthCheckerExport::covers);
        int versions = 0;
        for (Element ms : valueObjects(doc)) {
            Optional<String> tls = text(ms, "S", "TLSVersion");
            Optional<String> net = text(ms, "S", "NetVersion");
            if (tls.isPresent()) {
                versions++;
                for (String side : List.of("Server", "Client")) {
                    RegistryPath key = RegistryPath.parse(SCHANNEL + tls.get() + "\\" + side);
                    reg.createKey(key);
                    number(ms, side + "EnabledValue", source).ifPresent(v -> reg.setValue(key, "Enabled", v));
                    number(ms, side + "DisabledByDefaultValue", source)
                            .ifPresent(v -> reg.setValue(key, "DisabledByDefault", v));
                }
            } else if (net.isPresent()) {
                for (String[] view : new String[][] {{"", "SOFTWARE\\Microsoft"}, {"Wow", "SOFTWARE\\Wow6432Node"
                        + "\\Microsoft"}}) {
                    RegistryPath key = RegistryPath.parse("HKLM\\" + view[1] + "\\.NETFramework\\" + net.get());
                    reg.createKey(key);
                    for (String name : List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto")) {
                        number(ms, view[0] + name + "Value", source).ifPresent(v -> reg.setValue(key, name, v));
                    }
                }
            }
        }
        List<String> suites = cipherSuites(doc);
        if (!suites.isEmpty()) {
            reg.setReportedCipherSuites(suites);
        }
        if (versions == 0) {
            throw new ParseException(source + ": a PowerShell CLIXML file, but not a HealthChecker TLS export (no "
                    + "TLSVersion objects)");
        }
        return reg;
    }

    private static Document parse(byte[] data, String source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(data));
        } catch (SAXParseException e) {
            throw new ParseException(source + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ParseException(source + ": cannot read the XML: " + e.getMessage());
        }
    }

    /**
     * The {@code Name} of every object in the {@code TlsCipherSuite} list ({@code Get-TlsCipherSuite}, in priority
     * order); empty when the export has none.
     */
    private static List<String> cipherSuites(Document doc) {
        List<String> out = new ArrayList<>();
        NodeList objs = doc.getElementsByTagName("Obj");
        for (int i = 0; i < objs.getLength(); i++) {
            Element list = (Element) objs.item(i);
            if (!"TlsCipherSuite".equals(list.getAttribute("N"))) {
                continue;
            }
            for (Element lst : children(list)) {
                if (!lst.getTagName().equals("LST")) {
                    continue;
                }
                for (Element suite : children(lst)) {
                    for (Element props : children(suite)) {
                        if (props.getTagName().equals("Props")) {
                            text(props, "S", "Name").filter(n -> !n.isBlank()).ifPresent(out::add);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every {@code <MS>} member set (the properties of one PSCustomObject). */
    private static List<Element> valueObjects(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("MS");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Optional<String> text(Element ms, String tag, String name) {
        return children(ms).stream().filter(e -> e.getTagName().equals(tag) && name.equals(e.getAttribute("N")))
                .findFirst().map(Element::getTextContent);
    }

    /** An I32/I64/U32 member as a DWORD (PowerShell shows 0xFFFFFFFF as -1), or empty for Nil/absent. */
    private static Optional<RegistryValue> number(Element ms, String name, String source) {
        for (Element e : children(ms)) {
            if (!name.equals(e.getAttribute("N"))) {
                continue;
            }
            switch (e.getTagName()) {
                case "Nil":
                    return Optional.empty();
                case "I32", "U32", "I64", "U64", "I16", "U16", "By", "SB":
                    try {
                        long v = Long.parseLong(e.getTextContent().strip());
                        return Optional.of(RegistryValue.dword(v & 0xFFFF_FFFFL));
                    } catch (NumberFormatException ex) {
                        throw new ParseException(source + ": " + name + " is not a number: " + e.getTextContent());
                    }
                default:
                    throw new ParseException(source + ": " + name + " has the unexpected type <" + e.getTagName() + ">");
            }
        }
        return Optional.empty();
    }
}
