package org.tlsconf.cli;

import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that a host complies with a profile: exit 0 when every value is as the profile wants, "
            + "1 when something drifted (listed). For SCCM/Intune detection rules and fleet collection.",
            "Read-only; no elevation needed.",
            "",
            "Examples:",
            "  tlsconf check max-protection",
            "  tlsconf check max-protection --registry-file host.reg --format json"},
        footer = {"", ExitCodes.HELP_TEXT})
public class CheckCommand implements java.util.concurrent.Callable<Integer> {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "PROFILE", description = "A bundled profile name or a path to a profile file.")
    String profile;
    @Mixin
    RegistryOptions registryOptions;
    @Mixin
    OutputOptions output;

    CheckCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Profile loaded = context.loader().load(profile); // bad input first, before any registry is opened
        Registry registry = context.registries().openForReading(registryOptions.registryFile);
        Profile p = registryOptions.resolve(loaded, registry);
        Plan plan = Planner.plan(p, registry);
        boolean compliant = plan.isEmpty();
        var out = spec.commandLine().getOut();
        if (output.format == Format.text) {
            String notCollected = org.tlsconf.report.DiffReport.notCollected(plan);
            out.println(compliant ? "Compliant: " + registry.describe() + " matches profile " + p.name() + " ("
                    + plan.unchanged() + " values" + notCollected + ")." : "Drift: " + plan.changes().size() + " of "
                    + plan.compared() + " values differ from profile " + p.name() + notCollected + ". "
                    + fixHint());
            if (!compliant) {
                out.println();
            }
        }
        if (output.format != Format.text || !compliant) {
            out.print(PlanReports.render(context, output, plan, p, registry, registryOptions, "TLS compliance check",
                    compliant));
        }
        return compliant ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /**
     * How to fix the drift: the apply command on the same registry as this check (copy-paste ready), or — when
     * that input cannot be changed (a HealthChecker export), since a command that would be refused is never
     * suggested — the apply to run on the host itself.
     */
    String fixHint() {
        java.util.Optional<String> refusal = context.registries().whyUnchangeable(registryOptions.registryFile);
        if (refusal.isPresent()) {
            return "An export cannot be changed: fix the host itself with: tlsconf apply " + quote(profile);
        }
        return "Fix with: " + fixCommand();
    }

    /** The apply command that fixes the drift, on the same registry as this check (copy-paste ready). */
    private String fixCommand() {
        StringBuilder sb = new StringBuilder("tlsconf apply ").append(quote(profile));
        if (registryOptions.registryFile != null) {
            sb.append(" --registry-file ").append(quote(registryOptions.registryFile.toString()));
        }
        if (registryOptions.osBuild != null) {
            sb.append(" --os-build ").append(registryOptions.osBuild);
            if (registryOptions.overrideOsBuild) {
                sb.append(" --override-os-build");
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_.:/\\\\=+-]+") ? s : "\"" + s + "\"";
    }
}
