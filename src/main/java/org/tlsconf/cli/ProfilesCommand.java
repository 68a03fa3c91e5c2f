package org.tlsconf.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.report.ProfileReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List, show and validate profiles (bundled ones by name, your own by path).",
        subcommands = {ProfilesCommand.ListCommand.class, ProfilesCommand.ShowCommand.class,
            ProfilesCommand.ValidateCommand.class})
public class ProfilesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the bundled profiles.")
    static class ListCommand implements Runnable {
        private final Context context;
        @Spec
        CommandSpec spec;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<Profile> profiles = new ArrayList<>();
            for (String name : context.catalogue().names()) {
                profiles.add(context.loader().load(name));
            }
            spec.commandLine().getOut().print(ProfileReport.list(profiles));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a profile with everything it inherits, value by value.",
                "With --format json, print it as one self-contained profile file (extends resolved)."})
    static class ShowCommand implements Runnable {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROFILE", description = "A bundled profile name or a path to a profile file.")
        String profile;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;
        @Option(names = "--os-build", paramLabel = "N", description = "Show exactly what is written on this Windows "
                + "build (e.g. 14393, 17763, 20348, 26100): build conditions applied, cipher suite and curve order "
                + "checked and written out, and what was left out.")
        Integer osBuild;

        ShowCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            if (format != Format.text && format != Format.json) {
                throw new CliException(ExitCodes.BAD_INPUT, "profiles show supports --format text or json");
            }
            Profile p = context.loader().load(profile);
            if (osBuild != null) {
                p = p.resolve(java.util.Optional.of(osBuild));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? ProfileReport.json(p) : ProfileReport.text(p));
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check profile files: JSON syntax, members, types, data, key paths (only under the TLS "
                + "roots), names Windows reads, extends.",
                "Prints every problem with file:line:column and JSON path. Exit 0 when all are valid (warnings "
                    + "allowed), 2 otherwise."})
    static class ValidateCommand implements java.util.concurrent.Callable<Integer> {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROFILE", arity = "1..*", description = "Profile files (or bundled names).")
        List<String> profiles;

        ValidateCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int code = ExitCodes.OK;
            for (String ref : profiles) {
                try {
                    Profile p = context.loader().load(ref);
                    long keys = p.values().stream().map(DesiredValue::key).distinct().count();
                    out.println("ok: " + ref + ": profile " + p.name() + ", " + p.values().size() + " values in "
                            + keys + " keys" + (p.warnings().isEmpty() ? "" : ", " + p.warnings().size()
                            + " warning" + (p.warnings().size() == 1 ? "" : "s")));
                    p.warnings().forEach(w -> out.println("  warning: " + w));
                } catch (ProfileException e) {
                    err.print(e.fullReport());
                    code = ExitCodes.BAD_INPUT;
                }
            }
            return code;
        }
    }
}
