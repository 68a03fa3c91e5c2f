package org.tlsconf.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryInputException;
import picocli.CommandLine;

/** Builds the picocli command tree and maps failures to one clear line and an exit code. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create(Context context) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                for (Constructor<?> c : cls.getDeclaredConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Context.class) {
                        c.setAccessible(true);
                        return cls.cast(c.newInstance(context));
                    }
                }
                return defaults.create(cls);
            }
        };
        TlsconfCommand root = new TlsconfCommand();
        CommandLine cl = new CommandLine(root, factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true); // the terminal's width when it can be found, else 80 columns
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = report(ex, err);
            if (root.verbose) {
                ex.printStackTrace(err);
            } else if (code == ExitCodes.FAILED_ROLLED_BACK && !(ex instanceof CliException)) {
                err.println("(run with --verbose for details)");
            }
            err.flush();
            return code;
        });
        return cl;
    }

    private static int report(Exception ex, PrintWriter err) {
        if (ex instanceof CliException c) {
            err.println("tlsconf: " + c.getMessage());
            return c.exitCode();
        }
        if (ex instanceof ProfileException p) {
            err.print(p.fullReport());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof RegistryInputException r) {
            err.print(r.fullReport());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof org.tlsconf.backup.BackupException b) {
            err.println("tlsconf: " + b.getMessage());
            return b.isBadInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILED_ROLLED_BACK;
        }
        if (ex instanceof RegistryAccessDeniedException a) {
            err.println("tlsconf: " + a.getMessage());
            return ExitCodes.ACCESS_DENIED;
        }
        if (ex instanceof RegistryException r) {
            err.println("tlsconf: " + r.getMessage());
            return ExitCodes.FAILED_ROLLED_BACK;
        }
        err.println("tlsconf: unexpected error: " + ex);
        return ExitCodes.FAILED_ROLLED_BACK;
    }
}
