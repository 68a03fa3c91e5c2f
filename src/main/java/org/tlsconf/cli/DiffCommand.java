package org.tlsconf.cli;

import java.io.PrintWriter;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what applying a profile would change, value by value (old -> new). Never writes.",
            "Exit 0 when the diff ran, with or without changes; 2 on bad input.",
            "",
            "Examples:",
            "  tlsconf diff max-protection",
            "  tlsconf diff max-protection --registry-file examples/server-2016-fresh.reg",
            "  tlsconf diff ./my-profile.json --registry-file host.reg --format json",
            "  tlsconf diff max-protection --format html > change-ticket.html"})
public class DiffCommand implements Runnable {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "PROFILE", description = "A bundled profile name (see 'tlsconf profiles list') or a "
            + "path to a profile file.")
    String profile;
    @Mixin
    RegistryOptions registryOptions;
    @Mixin
    OutputOptions output;

    DiffCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Profile loaded = context.loader().load(profile); // bad input first, before any registry is opened
        Registry registry = context.registries().openForReading(registryOptions.registryFile);
        Profile p = registryOptions.resolve(loaded, registry);
        Plan plan = Planner.plan(p, registry);
        PrintWriter out = spec.commandLine().getOut();
        out.print(PlanReports.render(context, output, plan, p, registry, registryOptions, "TLS change plan", null));
    }
}
