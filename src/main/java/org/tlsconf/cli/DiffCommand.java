package org.tlsconf.cli;

import java.io.PrintWriter;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code diff}, declared with picocli's programmatic API (see {@link DeclaredCommand}). */
public class DiffCommand implements Runnable, DeclaredCommand {
    private final Context context;
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("diff");
    private final PositionalParamSpec profile = PositionalParamSpec.builder().paramLabel("PROFILE").required(true)
            .type(String.class).description("A bundled profile name (see 'tlsconf profiles list') or a path to a "
                    + "profile file.").build();
    private final RegistryOptions registryOptions = new RegistryOptions();
    private final OutputOptions output = new OutputOptions();

    DiffCommand(Context context) {
        this.context = context;
        DeclaredCommand.addStandardHelpOptions(spec);
        spec.addPositional(profile);
        registryOptions.addTo(spec);
        output.addTo(spec);
        spec.usageMessage().description(
                "Show what applying a profile would change, value by value (old -> new). Never writes.",
                "Exit 0 when the diff ran, with or without changes; 2 on bad input.",
                "",
                "Examples:",
                "  tlsconf diff max-protection",
                "  tlsconf diff max-protection --registry-file examples/server-2016-fresh.reg",
                "  tlsconf diff ./my-profile.json --registry-file host.reg --format json",
                "  tlsconf diff max-protection --format html > change-ticket.html");
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        Inputs inputs = Inputs.read(context, profile.getValue(), registryOptions.registryFile()); // a bad profile first
        Registry registry = inputs.registry();
        Profile p = registryOptions.resolve(inputs.profile(), registry);
        Plan plan = Planner.plan(p, registry);
        PrintWriter out = spec.commandLine().getOut();
        out.print(PlanReports.render(context, output, plan, p, registry, registryOptions, "TLS change plan", null,
                null));
    }
}
