package org.tlsconf.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryInputException;
import picocli.CommandLine;

/** Builds the picocli command tree and maps failures to one clear line and an exit code. */
public final class Cli {

    /** The subcommands, in the order {@code --help} lists them, by their own name (in their model). */
    static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("profiles", ProfilesCommand.class);
        COMMANDS.put("status", StatusCommand.class);
        COMMANDS.put("diff", DiffCommand.class);
        COMMANDS.put("check", CheckCommand.class);
        COMMANDS.put("apply", ApplyCommand.class);
        COMMANDS.put("restore", RestoreCommand.class);
        COMMANDS.put("export", ExportCommand.class);
        COMMANDS.put("fleet", FleetCommand.class);
        COMMANDS.put("backups", BackupsCommand.class);
        COMMANDS.put("reboot", RebootCommand.class);
        COMMANDS.put("probe", ProbeCommand.class);
        COMMANDS.put("explain", ExplainCommand.class);
    }

    private Cli() {
    }

    /** The whole command tree. */
    public static CommandLine create(Context context) {
        return create(context, new String[0]);
    }

    /**
     * The command tree for one run: when {@code args} name a subcommand, only that one is built (picocli builds a
     * command's model by reflection, which is most of a short run's start-up); otherwise — no subcommand, an
     * unknown one, an {@code @argument-file} — all of them, so that help and "did you mean" see every command.
     */
    public static CommandLine create(Context context, String[] args) {
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
        CommandLine cl = new CommandLine(root.spec(), factory);
        String name = subcommandName(args);
        Class<?> only = COMMANDS.get(name);
        boolean none = name == null && versionOnly(args); // "tlsconf --version" needs no subcommand
        for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
            if (!none && (only == null || only == e.getValue())) {
                cl.addSubcommand(e.getKey(), command(e.getValue(), factory));
            }
        }
        versionEverywhere(cl, root.spec().versionProvider()); // "-V" on a subcommand prints it too, not nothing
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpLayout.install(cl, HelpLayout.width()); // wraps at spaces only: tokens stay whole for copy and paste
        Failures failures = new Failures(root);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        // One writer pair for the whole tree: picocli would otherwise give each subcommand its own lazily created
        // writers, which nobody flushes (output printed without a newline was lost). setOut/setErr pass these to
        // every subcommand, and a test's own writers set later replace them the same way.
        cl.setOut(cl.getOut());
        cl.setErr(cl.getErr());
        return cl;
    }

    /** Every subcommand (their help lists -V, --version) answers with the root's version. */
    private static void versionEverywhere(CommandLine cl, CommandLine.IVersionProvider version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            versionEverywhere(sub, version);
        }
    }

    /** What picocli does with bad usage and with a command that failed. */
    private static final class Failures implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler {
        private final TlsconfCommand root;

        Failures(TlsconfCommand root) {
            this.root = root;
        }

        /** Bad usage: the one line that says what is wrong (it names the valid values), never the whole help. */
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tlsconf: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                CommandLine.ParseResult parseResult) {
            if (ex instanceof org.tlsconf.profile.ExportGivenAsProfile e
                    && commandLine.getCommandSpec().findOption("--registry-file") != null) {
                return failed(e.inCommandWithRegistryFile(), commandLine.getErr(), root);
            }
            return failed(ex, commandLine.getErr(), root);
        }
    }

    /** A subcommand's command line: from its own model when it declares one, else from its annotations. */
    private static CommandLine command(Class<?> cls, CommandLine.IFactory factory) {
        try {
            Object command = factory.create(cls);
            return new CommandLine(command instanceof DeclaredCommand d ? d.spec() : command, factory);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("cannot create " + cls.getName() + ": " + e, e);
        }
    }

    /** The first argument that is not an option (the root's options take no values), or null. */
    static String subcommandName(String[] args) {
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // an argument file: its content is only known once picocli expands it
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** True when the root is asked for its version (and not for help, which lists every command). */
    static boolean versionOnly(String[] args) {
        boolean version = false;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.startsWith("@")) {
                return false;
            }
            version |= a.equals("-V") || a.equals("--version");
        }
        return version;
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
        if (root.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** A command that only groups subcommands was run alone: its usage on stderr, exit 2 (bad usage). */
    static int usageError(picocli.CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tlsconf: " + spec.qualifiedName() + " needs a command");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.BAD_INPUT;
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
