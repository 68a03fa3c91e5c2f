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
        Registry registry = context.registries().open(registryOptions.registryFile);
        Profile p = registryOptions.resolve(loaded, registry);
        Plan plan = Planner.plan(p, registry);
        boolean compliant = plan.isEmpty();
        var out = spec.commandLine().getOut();
        if (output.format == Format.text) {
            out.println(compliant ? "Compliant: " + registry.describe() + " matches profile " + p.name() + " ("
                    + plan.unchanged() + " values)." : "Drift: " + plan.changes().size() + " of "
                    + (plan.changes().size() + plan.unchanged()) + " values differ from profile " + p.name()
                    + ". Fix with: " + fixCommand());
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

    /** The apply command that fixes the drift, on the same registry as this check (copy-paste ready). */
    String fixCommand() {
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
