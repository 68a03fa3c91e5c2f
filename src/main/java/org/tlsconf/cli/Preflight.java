package org.tlsconf.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tlsconf.audit.Audit;
import org.tlsconf.audit.Finding;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Simulation;
import org.tlsconf.registry.Registry;

/** Audits the state a plan would leave, before anything is written. */
final class Preflight {
    private Preflight() {
    }

    /**
     * Refuses (exit 2) a plan whose result would lock the host out, unless {@code force}; {@code verb} is "apply" or
     * "restore": both go through here.
     */
    static void check(String verb, Plan plan, Registry registry, RegistryOptions options, boolean force,
            PrintWriter err) {
        if (plan.isEmpty()) {
            return;
        }
        Audit after = Audit.of(Simulation.after(plan, registry), options.windowsVersion(registry));
        List<Finding> blocking = after.blocking();
        for (Finding f : after.findings()) {
            if (f.severity() == Finding.Severity.HIGH && !blocking.contains(f)) {
                err.println("warning: after this change: " + f.id() + ": " + f.message() + " (" + f.fix() + ")");
            }
        }
        if (blocking.isEmpty()) {
            return;
        }
        // a problem the host has already, which this change leaves as it is, is said to be so: the profile did not
        // cause it, and the way out is to fix it (or have the profile fix it), not to look for it in the profile
        List<Finding> now = Audit.of(registry, options.windowsVersion(registry)).findings();
        StringBuilder sb = new StringBuilder("refusing to " + verb + ": the result would be unsafe for this host:");
        for (Finding f : blocking) {
            sb.append(System.lineSeparator()).append("  ").append(f.id()).append(": ").append(f.message())
                    .append(now.contains(f) ? " (already so now; this " + (verb.equals("apply") ? "profile"
                            : "restore") + " does not change it)" : "")
                    .append(" — ").append(f.why()).append(". Fix: ").append(f.fix());
        }
        if (force) {
            err.println("warning (--force): " + sb.substring(("refusing to " + verb + ": ").length()));
            return;
        }
        boolean allThereAlready = now.containsAll(blocking);
        sb.append(System.lineSeparator()).append("Nothing was written. ").append(allThereAlready
                ? "Fix what the host has already" + (verb.equals("apply") ? " (or add that fix to the profile)" : "")
                : verb.equals("apply") ? "Change the profile" : "Restore another backup")
                .append(", or pass --force if you are sure.");
        throw new CliException(ExitCodes.BAD_INPUT, sb.toString());
    }
}
