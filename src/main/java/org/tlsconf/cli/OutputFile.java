package org.tlsconf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tlsconf.registry.AtomicFile;
import org.tlsconf.registry.IoErrors;
import org.tlsconf.registry.RegistryException;

/**
 * The one way a command writes the file named by {@code -o/--output} (export, fleet, profiles import/capture): the
 * path is checked before any work is done, and the file is replaced atomically (nothing half-written is left
 * behind; a new file gets the umask's permissions). A path that cannot be written is bad usage: exit 2 with one
 * line naming the path and what to do.
 */
final class OutputFile {
    private OutputFile() {
    }

    /**
     * Fails (exit 2) when {@code output} cannot be written: a folder, a missing folder, read-only, not writable, or
     * one of the files the command reads ({@code inputs}), which writing would destroy.
     */
    static void check(Path output, String exampleName, Path... inputs) {
        for (Path input : inputs) {
            if (input != null && sameFile(output, input)) {
                throw bad(output, "it is the file the command reads (" + input + "); writing it would replace that "
                        + "file. Choose another path");
            }
        }
        if (Files.isDirectory(output)) {
            throw bad(output, "it is a folder; give a file name, e.g. -o " + output.resolve(exampleName));
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw bad(output, Files.exists(parent) ? parent + " is not a folder"
                    : Files.notExists(parent) ? "the folder " + parent + " does not exist; create it first or choose "
                            + "another path"
                    : "the folder " + parent + " cannot be reached by this account (permission denied on a folder "
                            + "above it); choose another path");
        }
        if (AtomicFile.isReadOnly(output)) {
            throw bad(output, "the file is read-only; make it writable or choose another path");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw bad(output, "the folder " + parent + " is not writable by this account; choose another path");
        }
    }

    /** Checks {@code output} again (it may have changed while the command worked) and writes it atomically. */
    static void write(Path output, String exampleName, byte[] bytes, Path... inputs) {
        check(output, exampleName, inputs);
        try {
            AtomicFile.write(output, bytes);
        } catch (RegistryException e) {
            throw bad(output, IoErrors.describe(e) + "; nothing was written");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b); // links and other spellings of the same path included
            }
        } catch (java.io.IOException e) {
            // fall through to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static CliException bad(Path output, String why) {
        return new CliException(ExitCodes.BAD_INPUT, "cannot write -o " + output + ": " + why);
    }
}
