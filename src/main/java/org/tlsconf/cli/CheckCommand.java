package org.tlsconf.cli;

import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code check}, declared with picocli's programmatic API (see {@link DeclaredCommand}). */
public class CheckCommand implements java.util.concurrent.Callable<Integer>, DeclaredCommand {
    private final Context context;
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("check");
    private final PositionalParamSpec profile = PositionalParamSpec.builder().paramLabel("PROFILE").required(true)
            .type(String.class).description("A bundled profile name or a path to a profile file.").build();
    private final RegistryOptions registryOptions = new RegistryOptions();
    private final OutputOptions output = new OutputOptions();

    CheckCommand(Context context) {
        this.context = context;
        DeclaredCommand.addStandardHelpOptions(spec);
        spec.addPositional(profile);
        registryOptions.addTo(spec);
        output.addTo(spec);
        spec.usageMessage().description(
                "Check that a host complies with a profile: exit 0 when every value is as the profile wants, 1 when "
                    + "something drifted (listed). For SCCM/Intune detection rules and fleet collection.",
                "Read-only; no elevation needed.",
                "",
                "Examples:",
                "  tlsconf check max-protection",
                "  tlsconf check max-protection --registry-file host.reg --format json")
                .footer("", ExitCodes.HELP_TEXT);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        Inputs inputs = Inputs.read(context, profile(), registryOptions.registryFile()); // a bad profile first
        Registry registry = inputs.registry();
        Profile p = registryOptions.resolve(inputs.profile(), registry);
        Plan plan = Planner.plan(p, registry);
        boolean compliant = plan.isEmpty();
        var out = spec.commandLine().getOut();
        String notCollected = org.tlsconf.report.DiffReport.notCollected(plan);
        String verdict = compliant ? "Compliant: " + registry.describe() + " matches profile " + p.name() + " ("
                + plan.unchanged() + " values" + notCollected + ")." : "Drift: " + plan.changes().size() + " of "
                + plan.compared() + " values differ from profile " + p.name() + notCollected + ". " + fixHint();
        if (output.format() == Format.text) {
            out.println(verdict);
            if (!compliant) {
                out.println();
            }
        }
        if (output.format() != Format.text || !compliant) {
            out.print(PlanReports.render(context, output, plan, p, registry, registryOptions, "TLS compliance check",
                    compliant, verdict));
        }
        return compliant ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /**
     * How to fix the drift: the apply command on the same registry as this check (copy-paste ready), or — when
     * that input cannot be changed (a HealthChecker export), since a command that would be refused is never
     * suggested — the apply to run on the host itself.
     */
    String fixHint() {
        java.util.Optional<String> refusal = context.registries().whyUnchangeable(registryOptions.registryFile());
        if (refusal.isPresent()) {
            return "An export cannot be changed: fix the host itself with: tlsconf apply " + quote(profile());
        }
        return "Fix with: " + fixCommand();
    }

    /** The apply command that fixes the drift, on the same registry as this check (copy-paste ready). */
    private String fixCommand() {
        String profile = profile().startsWith("-") ? "./" + profile() : profile(); // not taken for an option
        StringBuilder sb = new StringBuilder("tlsconf apply ").append(quote(profile));
        if (registryOptions.registryFile() != null) {
            sb.append(" --registry-file ").append(quote(registryOptions.registryFile().toString()));
        }
        if (registryOptions.osBuild() != null) {
            sb.append(" --os-build ").append(registryOptions.osBuild());
            if (registryOptions.overrideOsBuild()) {
                sb.append(" --override-os-build");
            }
        }
        return sb.toString();
    }

    private String profile() {
        return profile.getValue();
    }

    /**
     * An argument as the shell of this host takes it when pasted: as it is when it is plain, else in double quotes
     * for cmd.exe and PowerShell on Windows (the host with a live registry, as Main decides), in single quotes
     * elsewhere (in double quotes, sh would expand a $).
     */
    private String quote(String s) {
        boolean windows = context.registries().hasLiveRegistry();
        String punctuation = windows ? "_.:/\\=+-" : "_.:/=+-"; // sh reads a backslash as an escape
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            plain &= c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || punctuation.indexOf(c) >= 0;
        }
        if (plain) {
            return s;
        }
        return windows ? "\"" + s + "\"" : "'" + s.replace("'", "'\\''") + "'";
    }
}
