package org.tlsconf.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tlsconf.audit.HostState;
import org.tlsconf.plan.Planner;
import org.tlsconf.plan.Simulation;
import org.tlsconf.probe.ProbeResult;
import org.tlsconf.probe.ProbeTarget;
import org.tlsconf.probe.Prober;
import org.tlsconf.probe.Verdict;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.report.ProbeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "probe", modelTransformer = DeclaredCommand.AddOptionGroups.class, mixinStandardHelpOptions = true,
        description = {"Connect to endpoints and report, for SSL 3.0, TLS 1.0, 1.1, 1.2 and 1.3, whether each is "
            + "accepted, with the negotiated cipher suite and the server certificate (subject, issuer, expiry, "
            + "signature algorithm — MD5/SHA-1 flagged — and key size).",
            "Implicit TLS, or STARTTLS for SMTP/IMAP (STARTTLS) and POP3 (STLS); --starttls auto picks by port: "
                + "25/587 SMTP, 143 IMAP, 110 POP3, anything else (443, 465, 993, 995, 636...) implicit TLS.",
            "With --profile, say whether this host can still talk to each endpoint once the profile is applied.",
            "Exit 0 when every target was probed (and, with --profile, none is broken); 1 when a --profile verdict is "
                + "BROKEN; 3 when a target could not be probed.",
            "",
            "Examples:",
            "  tlsconf probe mail.example.com:587 imap.example.com:993",
            "  tlsconf probe mail.example.com:2525 --starttls smtp",
            "  tlsconf probe sharepoint.example.com --profile max-protection",
            "  tlsconf probe 10.0.0.5:1433 --format json",
            "  tlsconf probe www.example.com --format html > probe.html"})
public class ProbeCommand implements java.util.concurrent.Callable<Integer>,
        DeclaredCommand.WithOptionGroups {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "HOST[:PORT]", arity = "1..*", description = "Endpoints; the port defaults to 443. "
            + "IPv6: [::1]:443.")
    List<String> targets;
    @Option(names = "--starttls", defaultValue = "auto", paramLabel = "MODE",
            description = "auto (by port, the default), none (implicit TLS), smtp, imap or pop3.")
    String startTls;
    @Option(names = "--timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "Connect and read timeout per attempt (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;
    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "Targets probed at the same time (default ${DEFAULT-VALUE}).")
    int parallel;
    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Judge each endpoint against this host as it will be after applying PROFILE.")
    String profile;
    final RegistryOptions registryOptions = new RegistryOptions();
    final OutputOptions output = new OutputOptions();

    ProbeCommand(Context context) {
        this.context = context;
    }

    @Override
    public void addOptionGroups(CommandSpec spec) {
        registryOptions.addTo(spec);
        output.addTo(spec);
    }

    @Override
    public Integer call() {
        RegistryOptions.checkOsBuild(registryOptions.osBuild()); // also without --profile, which is what uses it
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new CliException(ExitCodes.BAD_INPUT, "--timeout takes 1 to 300 seconds");
        }
        if (parallel < 1 || parallel > 64) {
            throw new CliException(ExitCodes.BAD_INPUT, "--parallel takes 1 to 64");
        }
        List<ProbeTarget> parsed = new ArrayList<>();
        for (String t : targets) {
            try {
                parsed.add(ProbeTarget.parse(t, startTls));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            }
        }
        Optional<HostState> after = Optional.empty();
        org.tlsconf.report.ReportMeta meta = Meta.of(context, Optional.empty());
        if (profile != null) {
            Registry registry = registryOptions.registryFile() != null || context.registries().hasLiveRegistry()
                    ? context.registries().open(registryOptions.registryFile())
                    : new InMemoryRegistry("no registry (OS defaults)");
            Profile p = registryOptions.resolve(context.loader().load(profile), registry);
            meta = Meta.of(context, registry, registryOptions.registryFile() == null && context.registries()
                    .hasLiveRegistry(), Meta.profile(p.name(), p.source()));
            after = Optional.of(HostState.read(Simulation.after(Planner.plan(p, registry), registry),
                    registryOptions.windowsVersion(registry)));
        }
        Prober.allowLegacyProtocols();
        List<ProbeResult> results = new Prober(Duration.ofSeconds(timeoutSeconds)).probeAll(parsed, parallel);
        List<ProbeReport.Entry> entries = new ArrayList<>();
        int code = ExitCodes.OK;
        for (ProbeResult r : results) {
            Optional<Verdict> verdict = after.map(a -> Verdict.of(r, a, profile));
            entries.add(new ProbeReport.Entry(r, verdict));
            if (r.unreachable().isPresent()) {
                code = ExitCodes.FAILED_ROLLED_BACK;
            } else if (verdict.map(v -> v.status() == Verdict.Status.BROKEN).orElse(false) && code == ExitCodes.OK) {
                code = ExitCodes.DRIFT;
            }
        }
        Optional<String> judged = Optional.ofNullable(profile);
        var now = meta.generated();
        spec.commandLine().getOut().print(switch (output.format()) {
            case json -> ProbeReport.json(entries, judged, meta);
            case markdown -> ProbeReport.markdown(entries, judged, now, meta);
            case html -> ProbeReport.html(entries, judged, now, meta);
            case text -> ProbeReport.text(entries, judged, now, meta, output.style());
        });
        return code;
    }
}
