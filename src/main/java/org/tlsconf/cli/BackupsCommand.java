package org.tlsconf.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List the backups tlsconf made before changing a registry.",
        subcommands = {BackupsCommand.ListCommand.class})
public class BackupsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List backups, oldest first: when, status, profile, how many values, which registry.",
                "Status: complete (applied and verified), pending (the run was interrupted: restore it), "
                    + "rolled-back, rollback-failed (restore by hand)."})
    static class ListCommand implements Runnable {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Mixin
        BackupOptions backupOptions;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            BackupStore store = new BackupStore(backupOptions.resolve(context));
            BackupStore.Listing listing = store.list();
            PrintWriter out = spec.commandLine().getOut();
            if (listing.backups().isEmpty() && listing.unreadable().isEmpty()) {
                out.println("No backups in " + store.dir());
                return;
            }
            out.println("Backups in " + store.dir() + ":");
            for (Backup b : listing.backups()) {
                out.printf("%-24s  %-15s  %-20s  %3d values  %s%n    %s%n", b.createdAt(),
                        b.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), b.profile(),
                        b.entries().size(), b.registry(), b.file().getFileName());
            }
            listing.unreadable().forEach(u -> out.println("unreadable: " + u.file().getFileName() + ": "
                    + u.reason()));
        }
    }
}
