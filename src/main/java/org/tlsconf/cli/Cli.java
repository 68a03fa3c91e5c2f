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
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr(), root));
        // One writer pair for the whole tree: picocli would otherwise give each subcommand its own lazily created
        // writers, which nobody flushes (output printed without a newline was lost). setOut/setErr pass these to
        // every subcommand, and a test's own writers set later replace them the same way.
        cl.setOut(cl.getOut());
        cl.setErr(cl.getErr());
        return cl;
    }

    /**
     * Runs the command line as the process does: any {@link Throwable} that escapes the command (an
     * {@link Error} such as {@link OutOfMemoryError} does not reach picocli's handler) becomes one line on stderr
     * and exit 3 — never 1, which {@code check} defines as drift. Both writers are flushed before returning.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return failed(t, cl.getErr(), (TlsconfCommand) cl.getCommand());
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    private static int failed(Throwable ex, PrintWriter err, TlsconfCommand root) {
        int code = report(ex, err);
        if (root.verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int report(Throwable ex, PrintWriter err) {
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
        if (ex instanceof OutOfMemoryError) {
            err.println("tlsconf: out of memory (" + ex.getMessage() + "): an input is far larger than a "
                    + "registry export, or Java needs more memory (TLSCONF_JAVA_OPTS=-Xmx2g)");
            return ExitCodes.FAILED_ROLLED_BACK;
        }
        err.println("tlsconf: unexpected error: " + ex + " (run with --verbose for details)");
        return ExitCodes.FAILED_ROLLED_BACK;
    }
}
