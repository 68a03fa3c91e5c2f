package org.tlsconf.cli;

import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.TargetLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", modelTransformer = DeclaredCommand.AddOptionGroups.class, mixinStandardHelpOptions = true,
        description = {"Apply a profile: back up every value it will touch, write, read back and verify; on any "
            + "failure undo every write and verify the undo.",
            "Run from an elevated prompt on the live registry. Keys are created only when missing and never wiped; "
                + "values the profile does not name are never touched.",
            "",
            "Examples:",
            "  tlsconf apply max-protection --dry-run     same report, nothing written",
            "  tlsconf apply max-protection               exit 3010 when a reboot is needed",
            "  tlsconf apply max-protection --reboot=600  schedule the reboot, exit 1641",
            "  tlsconf apply max-protection --registry-file host.reg --backup-dir ./backups",
            "",
            "Before anything is written, the planned state is audited: a result with no usable server or client "
                + "protocol, TLS 1.3 on a build without it, or TLS 1.0 off on Windows 7 / 2008 R2 without TLS 1.2 "
                + "is refused (exit 2) unless --force; other high-severity findings are printed as warnings."},
        footer = {"", ExitCodes.HELP_TEXT})
public class ApplyCommand implements java.util.concurrent.Callable<Integer>,
        DeclaredCommand.WithOptionGroups {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "PROFILE", description = "A bundled profile name or a path to a profile file.")
    String profile;
    @Option(names = "--dry-run", description = "Show what would change and stop; nothing is written, not even a "
            + "backup.")
    boolean dryRun;
    final RegistryOptions registryOptions = new RegistryOptions();
    @Mixin
    BackupOptions backupOptions;
    @Mixin
    RebootOptions rebootOptions;
    @Option(names = "--force", description = "Apply even though the preflight check says the result would lock the "
            + "host out (no usable protocol left, TLS 1.3 on a build without it, TLS 1.0 off on 2008 R2 without TLS "
            + "1.2).")
    boolean force;

    ApplyCommand(Context context) {
        this.context = context;
    }

    @Override
    public void addOptionGroups(CommandSpec spec) {
        registryOptions.addTo(spec);
    }

    @Override
    public Integer call() {
        Profile loaded = context.loader().load(profile);
        if (!dryRun) { // first: a standard user is told to elevate, whatever else would fail next
            context.registries().requireWriteAccess(registryOptions.registryFile());
        }
        // a real run locks the registry before reading it and holds the lock until the last verification
        try (TargetLock lock = dryRun ? null : context.lock(registryOptions.registryFile())) {
            Registry registry = context.registries().openForChange(registryOptions.registryFile());
            Profile p = registryOptions.resolve(loaded, registry);
            Plan plan = Planner.plan(p, registry);
            Preflight.check("apply", plan, registry, registryOptions, force, spec.commandLine().getErr());
            return ApplyFlow.run(context, new ApplyFlow.Request(plan, p.source(), ApplyFlow.target(
                    registryOptions.registryFile()), registry, registryOptions.hostLine(registry),
                    new BackupStore(backupOptions.resolve(context)), dryRun, rebootOptions,
                    registryOptions.registryFile() != null, PlanReports.warnings(p)),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
