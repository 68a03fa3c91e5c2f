package org.tlsconf.cli;

/** Runs the command line in-process for tests in other packages; returns standard output (exit code 0 expected). */
public final class CliTestAccess {
    private CliTestAccess() {
    }

    public static String output(String... args) {
        CliTest.Run r = CliTest.run(args);
        if (r.code() != 0) {
            throw new AssertionError("exit " + r.code() + ": " + r.err());
        }
        return r.out();
    }
}
