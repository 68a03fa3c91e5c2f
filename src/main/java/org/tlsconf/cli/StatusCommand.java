package org.tlsconf.cli;

import org.tlsconf.audit.Audit;
import org.tlsconf.registry.Registry;
import org.tlsconf.report.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what TLS a host really allows: SSL 2.0 to TLS 1.3 and DTLS for Client and Server "
            + "(explicit values, or the OS default for the Windows build), HealthChecker's classification, the .NET "
            + "Framework values, WinHTTP, the cipher suite order in force, disabled algorithms, FIPS, and findings "
            + "(each with why it matters and how to fix it).",
            "Read-only; no elevation needed. Exit 0.",
            "",
            "Examples:",
            "  tlsconf status",
            "  tlsconf status --registry-file host.reg --os-build 17763 --format html > host-tls.html",
            "  tlsconf status --registry-file GetAllTlsSettings.xml      (a HealthChecker export)"})
public class StatusCommand implements Runnable {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Mixin
    RegistryOptions registryOptions;
    @Mixin
    OutputOptions output;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        Registry registry = context.registries().open(registryOptions.registryFile);
        Audit audit = Audit.of(registry, registryOptions.windowsVersion(registry));
        StatusReport.Subject subject = new StatusReport.Subject(audit, registry.describe(),
                registryOptions.hostLine(registry));
        spec.commandLine().getOut().print(switch (output.format) {
            case json -> StatusReport.json(subject);
            case markdown -> StatusReport.markdown(subject);
            case html -> StatusReport.html(subject);
            case text -> StatusReport.text(subject, output.style());
        });
    }
}
