package org.tlsconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.testing.Ansible;
import org.tlsconf.testing.Wine;

/**
 * examples/ansible/collect.yml: valid for Ansible, every module option documented, and what it does run for real:
 * its {@code reg export} commands in Wine (seeded with a host export), its controller-side task in Ansible, and
 * {@code tlsconf fleet} over the folder that results.
 */
class CollectPlaybookIT {
    static final Path PLAYBOOK = Path.of("examples/ansible/collect.yml");

    @TempDir
    Path dir;

    @Test
    void passesAnsibleSyntaxCheckAndEveryOptionIsOneTheModuleDocuments() throws Exception {
        Ansible.require();
        Ansible.Result syntax = Ansible.syntaxCheck(PLAYBOOK);
        assertEquals(0, syntax.code(), syntax.output());
        List<JsonNode> tasks = Ansible.tasks(Ansible.read(PLAYBOOK));
        assertEquals(5, tasks.size());
        List<String> problems = new ArrayList<>();
        for (JsonNode t : tasks) {
            problems.addAll(Ansible.optionProblems(t));
        }
        assertEquals(List.of(), problems);
        // the check itself catches what --syntax-check lets through
        ObjectNode typo = tasks.get(0).deepCopy();
        ((ObjectNode) typo.get("ansible.windows.win_file")).put("stat", "directory");
        assertEquals(1, Ansible.optionProblems(typo).size(), Ansible.optionProblems(typo).toString());
    }

    @Test
    void itsExportsOfAWindowsRegistryAreOneHostForFleet() throws Exception {
        Ansible.require();
        JsonNode play = Ansible.read(PLAYBOOK).get(0);
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path host = Files.createDirectories(exports.resolve("localhost"));
        try (Wine wine = Wine.start()) {
            Wine.Result seeded = wine.wine("reg", "import", Wine.windowsPath(Path.of("examples/server-2016-fresh.reg")));
            assertEquals(0, seeded.code(), seeded.output());
            int exported = 0;
            for (JsonNode key : play.get("vars").get("tls_keys")) {
                // the file name as the playbook's regex_replace makes it
                String file = key.asText().replaceAll("[^A-Za-z0-9.]+", "_") + ".reg";
                Wine.Result r = wine.wine("reg", "export", key.asText(), Wine.windowsPath(host.resolve(file)), "/y");
                assertTrue(r.code() == 0 || r.code() == 1, key + ": " + r.output());
                exported += r.code() == 0 ? 1 : 0;
            }
            assertTrue(exported >= 3, "SCHANNEL, .NET and ComputerName keys exist in the seeded prefix");
        }
        // the controller-side task, run by Ansible with facts as a Windows Server 2019 host reports them
        ObjectNode local = new ObjectMapper().createObjectNode();
        local.put("hosts", "localhost").put("connection", "local").put("gather_facts", false);
        local.set("vars", play.get("vars"));
        ArrayNode tasks = local.putArray("tasks");
        for (JsonNode t : play.get("tasks")) {
            if (t.path("delegate_to").asText().equals("localhost")) {
                tasks.add(t);
            }
        }
        assertEquals(1, tasks.size());
        Path facts = dir.resolve("facts.json");
        Files.writeString(facts, "{\"ansible_facts\": {\"distribution_version\": \"10.0.17763.0\", "
                + "\"os_name\": \"Microsoft Windows Server 2019 Standard\"}, \"fleet_dir\": \""
                + exports.toAbsolutePath() + "\"}");
        Path playbook = Ansible.write(dir.resolve("controller.yml"), new ObjectMapper().createArrayNode().add(local));
        Ansible.Result run = Ansible.run(dir, List.of("ansible-playbook", "-i", "localhost,", playbook.toString(),
                "-e", "@" + facts));
        assertEquals(0, run.code(), run.output());

        JarIT.Result fleet = JarIT.run("fleet", "--profile", "max-protection", exports.toString(), "--format",
                "json");
        assertEquals(1, fleet.code(), fleet.err());
        JsonNode h = new ObjectMapper().readTree(fleet.out()).get("hosts").get(0);
        assertEquals("folder", h.get("kind").asText(), h.toString());
        assertEquals(17763, h.get("build").asInt(), h.toString());
        assertEquals("Microsoft Windows Server 2019 Standard", h.get("product").asText());
        // the same drift as checking the seed export itself
        JarIT.Result check = JarIT.run("check", "max-protection", "--registry-file", "examples/server-2016-fresh.reg",
                "--format", "json");
        int expected = new ObjectMapper().readTree(check.out()).get("changes").size();
        assertEquals(expected, h.get("drift").asInt(), h.toString());
    }
}
