package org.tlsconf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsconf.export.AnsibleExport;
import org.tlsconf.export.GpoExport;
import org.tlsconf.export.RegExport;
import org.tlsconf.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a profile as a regedit file, an Ansible playbook or a Group Policy Registry.pol:",
            "  reg      a regedit file (UTF-16LE, CRLF) for reg import, regedit /s or Group Policy Preferences; sets "
                + "and deletes values, never deletes a key",
            "  ansible  a playbook with one ansible.windows.win_regedit task per value and a win_reboot handler "
                + "for values that need a reboot",
            "  gpo      a Group Policy Registry.pol (PReg v1) for a GPO's Machine\\ folder; binary, so -o is "
                + "required",
            "Writes to standard output unless -o is given. Changes nothing on this host. A profile that depends on "
                + "the Windows build needs --os-build N for reg and gpo (one file per build).",
            "",
            "Examples:",
            "  tlsconf export max-protection --format reg -o max-protection.reg",
            "  tlsconf export max-protection --format ansible -o tls.yml",
            "  tlsconf export max-protection --format gpo -o Registry.pol",
            "  tlsconf export my-fleet --format gpo --os-build 20348 -o Registry.pol"},
        footer = {"", ExitCodes.HELP_TEXT})
public class ExportCommand implements Callable<Integer> {
    enum ExportFormat {
        reg, ansible, gpo
    }

    private final Context context;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROFILE", description = "A bundled profile name or a path to a profile file.")
    String profile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "reg, ansible or gpo.")
    ExportFormat format;

    @Option(names = "--os-build", paramLabel = "N", description = "Write the profile as it applies to this Windows "
            + "build (e.g. 14393, 17763, 20348). Needed for reg and gpo when the profile depends on the build (one "
            + "file per build); without it, ansible carries every build, with conditions on the host's build.")
    Integer osBuild;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced atomically).")
    Path output;

    ExportCommand(Context context) {
        this.context = context;
    }

    /** The profile, when it is named by a file path rather than a bundled name. */
    private Path profileFile() {
        try {
            Path p = Path.of(profile);
            return Files.isRegularFile(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    @Override
    public Integer call() throws IOException {
        RegistryOptions.checkOsBuild(osBuild);
        if (format == ExportFormat.gpo && output == null) {
            throw new CliException(ExitCodes.BAD_INPUT, "--format gpo writes a binary Registry.pol: give the file "
                    + "with -o, e.g. -o Registry.pol");
        }
        if (output != null) {
            OutputFile.check(output, example(), profileFile());
        }
        Profile template = context.loader().load(profile);
        Profile p = format == ExportFormat.ansible && osBuild == null ? template
                : template.resolve(Optional.ofNullable(osBuild));
        byte[] bytes;
        try {
            bytes = switch (format) {
                case reg -> RegExport.of(p).toBytes();
                case ansible -> AnsibleExport.of(p).getBytes(StandardCharsets.UTF_8);
                case gpo -> GpoExport.of(p);
            };
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "profile " + p.name() + " cannot be exported as " + format
                    + ": " + e.getMessage());
        }
        // what resolving the profile for the build left out (a cipher suite order tlsconf has no data for, on a
        // profile that says "unsupported": "drop"): the file works without it, but the admin must know
        p.notes().forEach(n -> spec.commandLine().getErr().println("warning: " + n + " (left out of the export)"));
        if (output == null) {
            spec.commandLine().getOut().flush();
            PrintStream out = System.out;
            out.write(bytes);
            out.flush();
        } else {
            OutputFile.write(output, example(), bytes);
            spec.commandLine().getErr().println("Wrote " + output + " (" + format + ", profile " + p.name() + ", "
                    + p.values().size() + " values).");
        }
        return ExitCodes.OK;
    }

    private String example() {
        return switch (format) {
            case reg -> "tls.reg";
            case ansible -> "tls.yml";
            case gpo -> "Registry.pol";
        };
    }
}
