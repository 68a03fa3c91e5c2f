package org.tlsconf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root command, declared with picocli's programmatic API (see {@link DeclaredCommand}); its subcommands are added
 * by {@link Cli} (only the one that runs, when it can tell).
 */
public class TlsconfCommand implements java.util.concurrent.Callable<Integer>, DeclaredCommand {
    private final OptionSpec verbose = OptionSpec.builder("--verbose").type(boolean.class)
            .scopeType(ScopeType.INHERIT).description("Print stack traces and details of errors.").build();

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("tlsconf")
            .versionProvider(new Version());

    TlsconfCommand() {
        DeclaredCommand.addStandardHelpOptions(spec);
        spec.addOption(verbose);
        spec.usageMessage().description(
                "Configure Windows TLS (SCHANNEL protocols, .NET Framework, WinHTTP) from JSON profiles.",
                "",
                "Every command works on the live registry of a Windows host, or on a regedit .reg export with "
                    + "--registry-file (on any OS).",
                "",
                "Typical use:",
                "  tlsconf profiles list",
                "  tlsconf status                     what TLS this host allows, findings",
                "  tlsconf diff max-protection        what would change on this host",
                "  tlsconf check max-protection       exit 0 compliant, 1 drift",
                "  tlsconf apply max-protection       back up, write, verify (as admin)",
                "  tlsconf restore --last             undo the last run",
                "  tlsconf export max-protection --format ansible   for GPO, Ansible, reg import",
                "  tlsconf fleet --profile max-protection exports/   many hosts' exports at once",
                "  tlsconf probe mail.example.com:587 which TLS versions an endpoint accepts",
                "  tlsconf explain 0x80090331         what a TLS error means, what to do",
                "")
                .footer("", ExitCodes.HELP_TEXT);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** Whether {@code --verbose} was given, before or after the subcommand. */
    boolean verbose() {
        return Boolean.TRUE.equals(verbose.getValue());
    }

    @Override
    public Integer call() {
        return Cli.usageError(spec);
    }

    /** The version from the build. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tlsconf " + version()};
        }

        /**
         * From the jar's manifest ({@code Implementation-Version}, which the JVM reads anyway when it loads the jar's
         * first class); in a build's classes folder, which has no manifest, from {@code version.properties}.
         */
        public static String version() {
            String fromManifest = TlsconfCommand.class.getPackage().getImplementationVersion();
            if (fromManifest != null) {
                return fromManifest;
            }
            try (InputStream in = TlsconfCommand.class.getResourceAsStream("/org/tlsconf/version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
