package org.tlsconf.cli;

import org.tlsconf.audit.Audit;
import org.tlsconf.registry.Registry;
import org.tlsconf.report.StatusReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code status}, declared with picocli's programmatic API (see {@link DeclaredCommand}). */
public class StatusCommand implements java.util.concurrent.Callable<Integer>, DeclaredCommand {
    /** The severities --fail-on takes, most severe first. */
    enum Threshold {
        high, medium, low, info
    }

    private final Context context;
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("status");
    private final RegistryOptions registryOptions = new RegistryOptions();
    private final OutputOptions output = new OutputOptions();
    private final OptionSpec failOn = OptionSpec.builder("--fail-on").paramLabel("SEVERITY").type(Threshold.class)
            .description("Exit 1 when a finding of this severity or worse exists: high, medium, low or info. The "
                    + "report is printed either way.").build();

    StatusCommand(Context context) {
        this.context = context;
        DeclaredCommand.addStandardHelpOptions(spec);
        registryOptions.addTo(spec);
        output.addTo(spec);
        spec.addOption(failOn);
        spec.usageMessage().description(
                "Show what TLS a host really allows: SSL 2.0 to TLS 1.3 and DTLS for Client and Server (explicit "
                    + "values, or the OS default for the Windows build), HealthChecker's classification, the .NET "
                    + "Framework values, WinHTTP, the cipher suite order in force, disabled algorithms, FIPS, and "
                    + "findings (each with why it matters and how to fix it).",
                "Read-only; no elevation needed. Exit 0; with --fail-on SEVERITY, exit 1 when a finding of that "
                    + "severity or worse exists (for monitoring).",
                "",
                "Examples:",
                "  tlsconf status",
                "  tlsconf status --registry-file host.reg --format html > host-tls.html",
                "  tlsconf status --registry-file GetAllTlsSettings.xml",
                "  tlsconf status --fail-on high --format json > tls-status.json")
                .footer("", ExitCodes.HELP_TEXT);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        Registry registry = context.registries().openForReading(registryOptions.registryFile());
        Audit audit = Audit.of(registry, registryOptions.windowsVersion(registry));
        StatusReport.Subject subject = new StatusReport.Subject(audit, registry.describe(),
                registryOptions.hostLine(registry), Meta.of(context, registry, registryOptions.registryFile() == null,
                java.util.Optional.empty()));
        spec.commandLine().getOut().print(switch (output.format()) {
            case json -> StatusReport.json(subject);
            case markdown -> StatusReport.markdown(subject);
            case html -> StatusReport.html(subject);
            case text -> StatusReport.text(subject, output.style());
        });
        Threshold threshold = failOn.getValue();
        boolean fail = threshold != null && audit.findings().stream()
                .anyMatch(f -> f.severity().ordinal() <= threshold.ordinal());
        return fail ? ExitCodes.DRIFT : ExitCodes.OK;
    }
}
