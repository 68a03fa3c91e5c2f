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
}
