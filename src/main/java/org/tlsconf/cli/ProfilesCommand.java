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
            ProfilesCommand.ValidateCommand.class, ProfilesCommand.ImportCommand.class,
            ProfilesCommand.CaptureCommand.class})
public class ProfilesCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Cli.usageError(spec);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the bundled profiles.",
        "With --format json: name, description, number of values, what each extends."})
    static class ListCommand implements Runnable {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        DataFormat format;

        ListCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            List<Profile> profiles = new ArrayList<>();
            for (String name : context.catalogue().names()) {
                profiles.add(context.loader().load(name));
            }
            spec.commandLine().getOut().print(format == DataFormat.json ? ProfileReport.listJson(profiles)
                    : ProfileReport.list(profiles));
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
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        DataFormat format;
        @Option(names = "--os-build", paramLabel = "N", description = "Show exactly what is written on this Windows "
                + "build (e.g. 14393, 17763, 20348, 26100): build conditions applied, cipher suite and curve order "
                + "checked and written out, and what was left out.")
        Integer osBuild;

        ShowCommand(Context context) {
            this.context = context;
        }

        @Override
        public void run() {
            RegistryOptions.checkOsBuild(osBuild);
            Profile p = context.loader().load(profile);
            if (osBuild != null) {
                p = p.resolve(java.util.Optional.of(osBuild));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == DataFormat.json ? ProfileReport.json(p) : ProfileReport.text(p));
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Turn an IIS Crypto template (.ictpl, version 0 or 3, UTF-16 or UTF-8) into a profile.",
                "IIS Crypto's 'enabled' (-1) becomes Enabled=1 for protocols; items tlsconf cannot map are listed, "
                    + "not dropped silently. Without -o the profile is printed and the notes go to stderr.",
                "",
                "Example:",
                "  tlsconf profiles import MyServers.ictpl -o my-servers.json"})
    static class ImportCommand implements java.util.concurrent.Callable<Integer> {
        private final Context context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The .ictpl template IIS Crypto saved.")
        java.nio.file.Path file;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the profile to this file.")
        java.nio.file.Path output;

        ImportCommand(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (output != null) {
                OutputFile.check(output, "profile.json", file);
            }
            byte[] xml;
            try {
                xml = java.nio.file.Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": no such file");
            } catch (java.io.IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, file + ": cannot read: " + e.getMessage());
            }
            String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-._]+", "");
            org.tlsconf.profile.IisCryptoTemplate.Result r = org.tlsconf.profile.IisCryptoTemplate.read(xml,
                    file.toString(), stem.isEmpty() ? "imported" : stem);
            return write(context, spec, r.profile(), r.notes(), output, "imported " + file);
        }
    }

    @Command(name = "capture", modelTransformer = DeclaredCommand.AddOptionGroups.class,
            mixinStandardHelpOptions = true,
            description = {"Turn a host's current TLS configuration (SCHANNEL, policy cipher suite and curve order, "
                + ".NET, WinHTTP, FIPS policy) into a profile that reproduces it on another host.",
                "Settings that exist only from some Windows build stay limited to it when this host has that build.",
                "",
                "Examples:",
                "  tlsconf profiles capture -o golden.json",
                "  tlsconf profiles capture --registry-file golden-host.reg -o golden.json"})
    static class CaptureCommand implements java.util.concurrent.Callable<Integer>,
            DeclaredCommand.WithOptionGroups {
        private final Context context;
        @Spec
        CommandSpec spec;
        final RegistryOptions registryOptions = new RegistryOptions();
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the profile to this file.")
        java.nio.file.Path output;
        @Option(names = "--name", paramLabel = "NAME", defaultValue = "captured",
                description = "The profile's name (default: ${DEFAULT-VALUE}).")
        String name;

        CaptureCommand(Context context) {
            this.context = context;
        }

        @Override
        public void addOptionGroups(CommandSpec spec) {
            registryOptions.addTo(spec);
        }

        @Override
        public Integer call() {
            if (!org.tlsconf.profile.ProfileCatalogue.isName(name)) {
                throw new CliException(ExitCodes.BAD_INPUT, "--name '" + name + "' is not a profile name: use "
                        + "letters, digits, '.', '_' and '-' (at most 64)");
            }
            if (output != null) {
                OutputFile.check(output, "profile.json", registryOptions.registryFile());
            }
            org.tlsconf.registry.Registry registry = context.registries().open(registryOptions.registryFile());
            org.tlsconf.profile.Capture.Result r = org.tlsconf.profile.Capture.of(registry,
                    registryOptions.windowsVersion(registry), registry.describe(), name);
            return write(context, spec, r.profile(), r.notes(), output, "captured " + registry.describe());
        }
    }

    /**
     * Prints or writes a made profile after loading it back the way every profile is loaded (so what is written is
     * a valid profile), with the notes: on stderr when the profile goes to stdout, else on stdout.
     */
    static int write(Context context, CommandSpec spec, Profile p, List<String> notes, java.nio.file.Path output,
            String what) {
        String json = org.tlsconf.report.ProfileReport.json(p);
        Profile back = context.loader().loadBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), what);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter notesTo = output == null ? spec.commandLine().getErr() : out;
        if (output == null) {
            out.print(json);
        } else {
            OutputFile.write(output, "profile.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.println("Wrote profile " + p.name() + " (" + back.values().size() + " values" + (back.orders()
                    .isEmpty() ? "" : ", " + back.orders().size() + " order" + (back.orders().size() == 1 ? "" : "s"))
                    + ") to " + output + ", " + what + ".");
        }
        notes.forEach(n -> notesTo.println("note: " + n));
        back.warnings().forEach(w -> notesTo.println("warning: " + w));
        return ExitCodes.OK;
    }
}
