package org.tlsconf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.tlsconf.apply.ApplyException;
import org.tlsconf.apply.Applier;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupException;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.plan.Plan;
import org.tlsconf.reboot.RebootPolicy;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.report.DiffReport;

/** The part of apply and restore they share: show the plan, apply it safely, report, and handle the reboot. */
final class ApplyFlow {
    private ApplyFlow() {
    }

    /** Everything one run needs. {@code target} identifies the registry ("registry file /abs/x.reg"). */
    record Request(Plan plan, String profileSource, String target, Registry registry, String host,
            BackupStore store, boolean dryRun, RebootOptions reboot, boolean registryFile,
            java.util.List<String> warnings) {
    }

    static int run(Context context, Request r, PrintWriter out, PrintWriter err) {
        if (r.reboot().rebootSeconds != null && r.reboot().noReboot) {
            throw new CliException(ExitCodes.BAD_INPUT, "--reboot and --no-reboot contradict each other");
        }
        if (r.reboot().rebootSeconds != null && r.reboot().rebootSeconds < 1) {
            throw new CliException(ExitCodes.BAD_INPUT, "--reboot=" + r.reboot().rebootSeconds + " would restart "
                    + "at once, and such a restart cannot be cancelled; give a delay of at least 1 second (e.g. "
                    + "--reboot=300), which 'tlsconf reboot --cancel' can still stop");
        }
        if (r.reboot().rebootSeconds != null && r.registryFile()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--reboot cannot be used with --registry-file: there is no "
                    + "host to restart; restart the host that loads the file after importing it");
        }
        for (Backup b : r.store().interrupted()) {
            err.println("warning: an earlier run did not finish (backup " + b.file() + " is incomplete): the "
                    + b.registry() + " may be half-changed. Check it with 'tlsconf diff', or undo that run with "
                    + "'tlsconf restore " + b.file() + "'.");
        }
        out.print(DiffReport.text(new DiffReport.Subject(r.plan(), r.profileSource(), r.registry().describe(),
                r.host(), r.warnings(), Meta.of(context, r.registry(), !r.registryFile(),
                        Meta.profile(r.plan().profile(), r.profileSource())))));
        Applier.Run run = new Applier.Run(r.plan().profile(), r.target(), TlsconfCommand.Version.version(),
                BackupStore.hostName());
        Applier.Outcome outcome;
        try {
            if (!r.dryRun() && r.plan().hasWork()) {
                context.folderSecurity(!r.registryFile()).restrictToAdministrators(r.store().dir());
            }
            outcome = new Applier(context.clock()).apply(r.plan(), r.registry(), r.store(), run, r.dryRun(),
                    () -> context.registries().commit(r.registry()));
        } catch (BackupException e) {
            throw new CliException(nothingLeftChanged(e), e.getMessage() + "; nothing was changed");
        } catch (ApplyException e) {
            if (e.rolledBack()) {
                throw new CliException(nothingLeftChanged(e), e.getMessage() + ". Backup: " + e.backupFile());
            }
            throw new CliException(ExitCodes.ROLLBACK_FAILED, e.getMessage() + ". The registry may be half-changed."
                    + " Restore it with: tlsconf restore \"" + e.backupFile() + "\"" + fileOption(r)
                    + " (or import " + regOf(e.backupFile()) + " with regedit)");
        }
        switch (outcome.kind()) {
            case NOTHING_TO_DO:
                out.println("Nothing to do: nothing was written and no backup was needed.");
                return ExitCodes.OK;
            case DRY_RUN:
                out.println("\nDry run: nothing was written. A real run would back up "
                        + outcome.backup().get().entries().size() + " values to " + r.store().dir() + " first.");
                return ExitCodes.OK;
            default:
                break;
        }
        Backup backup = outcome.backup().get();
        out.println("\nBacked up " + backup.entries().size() + " values to " + backup.file());
        out.println("  (undo with: tlsconf restore \"" + backup.file() + "\"" + fileOption(r) + ", or import "
                + backup.regFile().getFileName() + " with regedit)");
        out.println("Applied " + r.plan().changes().size() + " changes; every value was read back as written.");
        RebootPolicy.Assessment assessment = RebootPolicy.assess(r.plan().changes());
        assessment.restartAdvice().forEach(a -> out.println("Note: " + a + "."));
        if (!assessment.rebootRequired()) {
            return ExitCodes.OK;
        }
        out.println("Reboot required: " + String.join("; ", assessment.rebootReasons()) + ".");
        if (r.reboot().rebootSeconds == null) {
            out.println(r.registryFile() ? "Restart the host that loads this file once it is imported (exit 3010)."
                    : "Restart this host to finish, or run with --reboot to schedule it (exit 3010).");
            return ExitCodes.REBOOT_REQUIRED;
        }
        int seconds = r.reboot().rebootSeconds;
        try {
            context.reboots().schedule(Duration.ofSeconds(seconds), "tlsconf applied " + r.plan().profile()
                    + "; Windows restarts in " + seconds + " seconds to finish. Cancel with: tlsconf reboot --cancel");
        } catch (RebootScheduler.RebootException e) {
            err.println("tlsconf: the changes are applied, but the reboot could not be scheduled: " + e.getMessage()
                    + ". Restart the host yourself.");
            return ExitCodes.REBOOT_REQUIRED;
        }
        out.println("Restart scheduled in " + seconds + " seconds (cancel with: tlsconf reboot --cancel).");
        return ExitCodes.REBOOT_INITIATED;
    }

    /** Exit code of a run that left nothing changed: 5 when access was denied, 3 otherwise. */
    private static int nothingLeftChanged(RuntimeException e) {
        return e.getCause() instanceof RegistryAccessDeniedException ? ExitCodes.ACCESS_DENIED
                : ExitCodes.FAILED_ROLLED_BACK;
    }

    private static String fileOption(Request r) {
        return r.registryFile() ? " --registry-file \"" + r.target().substring("registry file ".length()) + "\""
                : "";
    }

    private static String regOf(Path json) {
        String n = json.getFileName().toString();
        return n.substring(0, n.length() - ".json".length()) + ".reg";
    }

    /**
     * How backups name what they changed: the live registry, or the file by its real path (a symbolic link and its
     * target are one target, as for the lock).
     */
    static String target(Path registryFile) {
        if (registryFile == null) {
            return "live registry";
        }
        Path real;
        try {
            real = registryFile.toRealPath();
        } catch (java.io.IOException e) {
            real = registryFile.toAbsolutePath().normalize(); // not there (yet): reported when it is opened
        }
        return "registry file " + real;
    }
}
