package org.tlsconf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Ansible as a validator (linux-test-tooling.md §7): {@code ansible-playbook --syntax-check}, and a check
 * of every task's module options against {@code ansible-doc -j} (which syntax-check does not do). Playbooks are read
 * with Ansible's own YAML loader, through {@code /usr/bin/python3}.
 */
public final class Ansible {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCS = new HashMap<>();
    /** Keys of a task that are not the module (playbook keywords, docs.ansible.com "Playbook Keywords"). */
    private static final Set<String> TASK_KEYWORDS = Set.of("name", "loop", "loop_control", "register", "when",
            "changed_when", "failed_when", "notify", "listen", "delegate_to", "become", "vars", "tags", "with_items",
            "ignore_errors", "run_once", "no_log", "check_mode", "environment", "until", "retries", "delay", "args");

    private Ansible() {
    }

    public record Result(int code, String output) {
    }

    /** Fails (under CI) or skips when Ansible is not installed. */
    public static void require() {
        ExternalTool.require("ansible-playbook", "ansible");
        ExternalTool.require("ansible-doc", "ansible");
    }

    public static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        return run(dir, command, false);
    }

    /** Runs ansible-playbook with the json callback: standard output is one JSON document of every task result. */
    public static Result runJson(Path dir, List<String> command) throws IOException, InterruptedException {
        return run(dir, command, true);
    }

    private static Result run(Path dir, List<String> command, boolean json) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(!json);
        if (json) {
            pb.environment().put("ANSIBLE_STDOUT_CALLBACK", "json");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCALHOST_WARNING", "false");
        pb.environment().put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "false");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), out);
    }

    /** {@code ansible-playbook --syntax-check}; returns its result. */
    public static Result syntaxCheck(Path playbook) throws IOException, InterruptedException {
        return run(playbook.toAbsolutePath().getParent(), List.of("ansible-playbook", "--syntax-check",
                playbook.toAbsolutePath().toString()));
    }

    /** The playbook as JSON, read by Ansible's own YAML loader (which knows {@code !unsafe}). */
    public static JsonNode read(Path playbook) throws IOException, InterruptedException {
        ExternalTool.require("python3", "python3");
        Result r = run(null, List.of("/usr/bin/python3", "-c", "import json, sys\n"
                + "from ansible.parsing.yaml.loader import AnsibleLoader\n"
                + "data = AnsibleLoader(open(sys.argv[1], encoding='utf-8').read()).get_single_data()\n"
                + "print(json.dumps(data))", playbook.toString()));
        if (r.code() != 0) {
            throw new AssertionError("PyYAML cannot read " + playbook + ": " + r.output());
        }
        return JSON.readTree(r.output());
    }

    /** {@code ansible-doc -j MODULE}'s documentation of the module. */
    public static synchronized JsonNode doc(String module) throws IOException, InterruptedException {
        JsonNode cached = DOCS.get(module);
        if (cached == null) {
            Result r = run(null, List.of("ansible-doc", "-j", module));
            if (r.code() != 0) {
                throw new AssertionError("ansible-doc does not know " + module + ": " + r.output());
            }
            String text = r.output().substring(r.output().indexOf('{'));
            JsonNode root = JSON.readTree(text);
            cached = (root.has(module) ? root.get(module) : root.elements().next()).get("doc");
            DOCS.put(module, cached);
        }
        return cached;
    }

    /** Every task (and handler) of every play, in order. */
    public static List<JsonNode> tasks(JsonNode playbook) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode play : playbook) {
            for (String section : List.of("pre_tasks", "tasks", "post_tasks", "handlers")) {
                play.path(section).forEach(out::add);
            }
        }
        return out;
    }

    /** The task's module: its one key that is not a playbook keyword (tlsconf's playbooks use FQCNs). */
    public static String module(JsonNode task) {
        List<String> modules = new ArrayList<>();
        task.fieldNames().forEachRemaining(k -> {
            if (!TASK_KEYWORDS.contains(k)) {
                modules.add(k);
            }
        });
        if (modules.size() != 1) {
            throw new AssertionError("task " + task.path("name").asText() + " has not exactly one module: " + modules);
        }
        return modules.get(0);
    }

    /**
     * What is wrong with the task's module options: names the module does not document (or aliases of them),
     * values outside an option's choices, required options missing. Empty when all is well.
     */
    public static List<String> optionProblems(JsonNode task) throws IOException, InterruptedException {
        String module = module(task);
        List<String> problems = new ArrayList<>();
        if (!module.contains(".")) {
            problems.add(task.path("name").asText() + ": module " + module + " is not a fully qualified name");
            return problems;
        }
        JsonNode options = doc(module).get("options");
        JsonNode args = task.get(module);
        if (!args.isObject()) {
            problems.add(task.path("name").asText() + ": " + module + " takes options as a mapping, not " + args);
            return problems;
        }
        Map<String, String> names = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> o = it.next();
            names.put(o.getKey(), o.getKey());
            o.getValue().path("aliases").forEach(a -> names.put(a.asText(), o.getKey()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> a = it.next();
            String option = names.get(a.getKey());
            if (option == null) {
                problems.add(task.path("name").asText() + ": " + module + " has no option '" + a.getKey() + "'");
                continue;
            }
            JsonNode choices = options.get(option).path("choices");
            boolean templated = a.getValue().isTextual() && a.getValue().asText().contains("{{");
            if (choices.isArray() && !templated) {
                boolean ok = false;
                for (JsonNode c : choices) {
                    ok |= c.asText().equals(a.getValue().asText());
                }
                if (!ok) {
                    problems.add(task.path("name").asText() + ": " + module + " option " + a.getKey() + "="
                            + a.getValue() + " is not one of " + choices);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> o = it.next();
            if (o.getValue().path("required").asBoolean(false) && names.entrySet().stream().noneMatch(
                    n -> n.getValue().equals(o.getKey()) && args.has(n.getKey()))) {
                problems.add(task.path("name").asText() + ": " + module + " needs option " + o.getKey());
            }
        }
        return problems;
    }

    /** Writes a playbook (JSON is YAML) to a file. */
    public static Path write(Path file, JsonNode playbook) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(playbook));
        return file;
    }
}
