package org.tlsconf.cli;

import org.tlsconf.reboot.RebootScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reboot", mixinStandardHelpOptions = true,
        description = {"Cancel a restart that 'tlsconf apply --reboot' scheduled (Windows, elevated).",
            "Exit 0 when a pending restart was cancelled or none was pending."})
public class RebootCommand implements Runnable {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Option(names = "--cancel", required = true, description = "Cancel the pending restart (AbortSystemShutdown).")
    boolean cancel;

    RebootCommand(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        boolean cancelled;
        try {
            cancelled = context.reboots().cancel();
        } catch (RebootScheduler.RebootException e) {
            throw new CliException(ExitCodes.FAILED_ROLLED_BACK, "cannot cancel the restart: " + e.getMessage());
        }
        spec.commandLine().getOut().println(cancelled ? "The pending restart was cancelled."
                : "No restart was pending.");
    }
}
