package org.tlsconf.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tlsconf.backup.Backup;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List the backups tlsconf made before changing a registry.",
        subcommands = {BackupsCommand.ListCommand.class})
public class BackupsCommand implements java.util.concurrent.Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Cli.usageError(spec);
    }

    /** A backup's time as people read it: UTC, to the second. */
    static String time(Instant t) {
        return TIME.format(t);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List backups, oldest first: when (UTC), status, what registry they were taken from, "
                + "profile, how many values, file.",
                "Status: complete (applied and verified; what restore --last picks, newest first, for its target), "
                    + "pending (the run was interrupted: restore it), rolled back (a write failed and was undone: "
                    + "nothing changed), rollback failed (restore by hand), damaged (modified or truncated: never "
                    + "restored)."})
    static class ListCommand implements Runnable {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Mixin
        BackupOptions backupOptions;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text (default) or json (an array: file, time, status, target, host, profile, values, "
                        + "problem).")
        DataFormat format;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            BackupStore store = new BackupStore(backupOptions.existing(context));
            List<BackupStore.Item> items = store.items();
            PrintWriter out = spec.commandLine().getOut();
            if (format == DataFormat.json) {
                out.print(Json.write(json(items)));
                return;
            }
            if (items.isEmpty()) {
                out.println("No backups in " + store.dir());
                return;
            }
            out.println("Backups in " + store.dir() + ":");
            for (BackupStore.Item i : items) {
                Backup b = i.backup();
                if (i.damaged()) {
                    out.printf("%-20s  %-15s  %s%n    %s%n", time(i.time()), "damaged", i.damage(),
                            i.file().getFileName());
                } else {
                    out.printf("%-20s  %-15s  %s  %s, %d values%n    %s%n", time(b.createdAt()),
                            BackupStore.statusLabel(b.status()), b.target(), b.profile(), b.entries().size(),
                            i.file().getFileName());
                }
            }
        }

        private static ArrayNode json(List<BackupStore.Item> items) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (BackupStore.Item i : items) {
                ObjectNode o = array.addObject();
                o.put("file", i.file().toString());
                o.put("time", i.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                Backup b = i.backup();
                if (i.damaged()) {
                    o.put("status", "damaged");
                    o.put("problem", i.damage());
                    continue;
                }
                o.put("status", BackupStore.statusLabel(b.status()));
                o.put("target", b.registry());
                o.put("host", b.host());
                o.put("profile", b.profile());
                o.put("values", b.entries().size());
            }
            return array;
        }
    }
}
