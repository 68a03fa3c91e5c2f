package org.tlsconf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.tlsconf.apply.RestorePlanner;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupException;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Plan;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.TargetLock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", modelTransformer = DeclaredCommand.AddOptionGroups.class, mixinStandardHelpOptions = true,
        description = {"Put back the values a run changed, from its backup: every value's type and data, or its "
            + "absence. The backup's checksum is checked first; a modified or truncated backup is refused (exit 2).",
            "A restore goes through the same safe path as apply, so it is itself backed up and can be undone.",
            "",
            "Examples:",
            "  tlsconf restore --last --dry-run",
            "  tlsconf restore tlsconf-backup-20261124T091200.000Z-1a2b-max-protection.json",
            "  tlsconf restore --last --registry-file host.reg --backup-dir ./backups"},
        footer = {"", ExitCodes.HELP_TEXT})
public class RestoreCommand implements java.util.concurrent.Callable<Integer>,
        DeclaredCommand.WithOptionGroups {
    private final Context context;
    @Spec
    CommandSpec spec;

    static class Which {
        @Parameters(paramLabel = "BACKUP", description = "A backup's .json file.")
        Path file;
        @Option(names = "--last", description = "The newest backup of a completed run for this target (this "
                + "--registry-file, or this host's live registry) in the backup folder. Restores and rolled-back runs "
                + "are passed over (run twice, --last does not redo the change it undid); a damaged backup, or one from a run that did not finish, stops the command (exit 2).")
        boolean last;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;
    @Option(names = "--dry-run", description = "Show what would change and stop.")
    boolean dryRun;
    @Option(names = "--force", description = "Restore even though the backup was taken from another registry "
            + "(another file or host), or the preflight check says the result would lock the host out.")
    boolean force;
    final RegistryOptions registryOptions = new RegistryOptions();
    @Mixin
    BackupOptions backupOptions;
    @Mixin
    RebootOptions rebootOptions;

    RestoreCommand(Context context) {
        this.context = context;
    }

    @Override
    public void addOptionGroups(CommandSpec spec) {
        registryOptions.addTo(spec);
    }

    @Override
    public Integer call() {
        RegistryOptions.checkOsBuild(registryOptions.osBuild()); // bad arguments first
        context.registries().requireRegistry(registryOptions.registryFile()); // before looking for its backups
        if (!dryRun) { // first: a standard user is told to elevate, whatever else would fail next
            context.registries().requireWriteAccess(registryOptions.registryFile());
        }
        // a real run locks the registry before reading anything (the backup too) and holds the lock to the end
        try (TargetLock lock = dryRun ? null : context.lock(registryOptions.registryFile())) {
            return restore();
        }
    }

    private int restore() {
        BackupStore store = new BackupStore(which.last ? backupOptions.existing(context)
                : backupOptions.resolve(context));
        String target = ApplyFlow.target(registryOptions.registryFile());
        String host = BackupStore.hostName();
        PrintWriter out = spec.commandLine().getOut();
        Backup backup;
        try {
            if (which.last) {
                BackupStore.Selection selection = store.lastCompleted(target, host);
                backup = selection.backup();
                for (Backup passed : selection.passedOver()) {
                    out.println("Passed over " + passed.file().getFileName() + (passed.isOfRestore()
                            ? " (a restore: --last undoes the newest apply; to undo that restore, name this file)."
                            : " (" + BackupStore.statusLabel(passed.status()) + ": that run changed nothing)."));
                }
            } else {
                backup = BackupStore.load(which.file);
            }
        } catch (BackupException e) {
            throw new CliException(e.isBadInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILED_ROLLED_BACK,
                    e.getMessage());
        }
        List<String> others = context.folderSecurity(registryOptions.registryFile() == null).otherWriters(backup.file());
        if (!others.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, "refusing to restore from " + backup.file() + ": someone "
                    + "besides Administrators and SYSTEM could have written it (" + String.join("; ", others)
                    + "). Check its content; to use it, copy it into " + context.defaultBackupDir() + " (only "
                    + "administrators may write there) and restore that copy");
        }
        if (!backup.isFor(target, host) && !force) {
            throw new CliException(ExitCodes.BAD_INPUT, "backup " + backup.file() + " was taken from the "
                    + backup.target() + ", not the " + target + "; pass --force to restore it here anyway");
        }
        Registry registry = context.registries().openForChange(registryOptions.registryFile());
        Plan plan;
        try {
            plan = RestorePlanner.plan(backup, registry);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, backup.file() + ": " + e.getMessage());
        }
        out.println("Restoring backup " + backup.file() + " (" + BackupStore.statusLabel(backup.status())
                + ", taken " + BackupsCommand.time(backup.createdAt()) + " before applying " + backup.profile() + ")");
        Preflight.check("restore", plan, registry, registryOptions, force, spec.commandLine().getErr());
        int code = ApplyFlow.run(context, new ApplyFlow.Request(plan, "from backup " + backup.file(), target, registry,
                registryOptions.hostLine(registry), store, dryRun,
                rebootOptions, registryOptions.registryFile() != null, java.util.List.of()),
                out, spec.commandLine().getErr());
        if (!dryRun && backup.status() == Backup.Status.PENDING) {
            try {
                store.update(backup.withStatus(Backup.Status.ROLLED_BACK)); // that interrupted run is now undone
            } catch (BackupException ignored) {
                // the restore itself succeeded; the old backup only keeps saying "pending"
            }
        }
        return code;
    }
}
