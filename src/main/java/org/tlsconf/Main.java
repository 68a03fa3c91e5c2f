package org.tlsconf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tlsconf.cli.Cli;
import org.tlsconf.cli.CliException;
import org.tlsconf.cli.Context;
import org.tlsconf.cli.ExitCodes;
import org.tlsconf.cli.RegistryProvider;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.regfile.RegFileRegistry;
import picocli.CommandLine;

/** The composition root: picks the registry backend, builds the command line, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    public static CommandLine commandLine() {
        return Cli.create(new Context(new Backends(), new ProfileCatalogue()));
    }

    /** The {@code .reg} file backend, or the live registry on Windows. */
    static final class Backends implements RegistryProvider {
        @Override
        public Registry open(Path registryFile) {
            if (registryFile != null) {
                if (!Files.isRegularFile(registryFile)) {
                    throw new CliException(ExitCodes.BAD_INPUT, "registry file not found: " + registryFile);
                }
                return RegFileRegistry.open(registryFile);
            }
            if (isWindows()) {
                throw new CliException(ExitCodes.BAD_INPUT, "this build of tlsconf cannot open the live Windows "
                        + "registry yet; pass --registry-file FILE with a regedit export of the host");
            }
            throw new CliException(ExitCodes.BAD_INPUT, "there is no Windows registry on this host ("
                    + System.getProperty("os.name") + "); pass --registry-file FILE with a regedit export, e.g. "
                    + "--registry-file examples/server-2016-fresh.reg");
        }

        @Override
        public void commit(Registry registry) {
            if (registry instanceof RegFileRegistry file && file.isDirty()) {
                file.save();
            }
        }

        private static boolean isWindows() {
            return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        }
    }
}
