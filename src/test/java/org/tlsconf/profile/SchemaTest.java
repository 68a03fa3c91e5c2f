package org.tlsconf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tlsconf.report.ProfileReport;

/** profiles/schema.json is published for editors; every bundled profile must validate against it. */
class SchemaTest {
    private static final ObjectMapper M = new ObjectMapper();
    private final ProfileCatalogue catalogue = new ProfileCatalogue();

    private JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(M.readTree(catalogue.schema()));
    }

    @Test
    void everyBundledProfileValidatesAgainstTheSchema() throws Exception {
        JsonSchema schema = schema();
        for (String name : catalogue.names()) {
            JsonNode profile = M.readTree(catalogue.read(name).orElseThrow());
            assertEquals(Set.of(), schema.validate(profile), name);
        }
    }

    @Test
    void theResolvedFormThatProfilesShowPrintsIsAValidProfileToo() throws Exception {
        ProfileLoader loader = new ProfileLoader(catalogue);
        String json = ProfileReport.json(loader.load("max-protection"));
        assertEquals(Set.of(), schema().validate(M.readTree(json)));
        assertEquals(28, loader.loadBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "shown").values().size());
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws Exception {
        JsonSchema schema = schema();
        for (String bad : new String[] {
            "{\"name\": \"x\", \"keys\": [], \"kyes\": 1}",
            "{\"name\": \"x\", \"keys\": [{\"path\": \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\", "
                + "\"values\": {\"a\": {\"type\": \"REG_SZ\", \"data\": \"x\"}}}]}",
            "{\"name\": \"x\", \"keys\": [{\"path\": \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\.NETFramework\\\\v4.0.30319\", "
                + "\"values\": {\"a\": {\"type\": \"REG_DWORD\", \"data\": -1}}}]}"}) {
            Set<ValidationMessage> errors = schema.validate(M.readTree(bad));
            assertFalse(errors.isEmpty(), bad);
        }
    }

    @Test
    void theTemplateFormOfEveryBundledProfileAndOfImportsIsValidAndLoadsBackTheSame() throws Exception {
        JsonSchema schema = schema();
        ProfileLoader loader = new ProfileLoader(catalogue);
        java.util.List<Profile> made = new java.util.ArrayList<>();
        for (String name : catalogue.names()) {
            made.add(loader.load(name));
        }
        for (String file : new String[] {"v0-legacy-utf16.ictpl", "v3-bsi-style.ictpl"}) {
            java.nio.file.Path p = java.nio.file.Path.of("src/test/resources/ictpl", file);
            made.add(IisCryptoTemplate.read(java.nio.file.Files.readAllBytes(p), p.toString(), "x").profile());
        }
        for (Profile p : made) {
            String json = ProfileReport.json(p);
            assertEquals(Set.of(), schema.validate(M.readTree(json)), p.name());
            Profile back = loader.loadBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "shown");
            for (int build : new int[] {9600, 14393, 17763, 20348, 26100}) {
                assertEquals(values(p.resolve(java.util.Optional.of(build))),
                        values(back.resolve(java.util.Optional.of(build))), p.name() + " on " + build);
            }
        }
    }

    private static java.util.List<String> values(Profile p) {
        // the file groups values by key, so values of one key given apart come back together: compare as a set
        return p.values().stream().map(v -> v.key() + "\\" + v.name() + "=" + v.value() + " " + v.reason()).sorted()
                .toList();
    }
}
