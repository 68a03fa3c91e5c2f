package org.tlsconf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose which registry a command works on. */
public class RegistryOptions {
    @Option(names = "--registry-file", paramLabel = "FILE",
            description = "Work on this regedit .reg export instead of the live registry (works on any OS). "
                    + "UTF-16 (as regedit writes), UTF-8 and ANSI files are read; changes are written back in the "
                    + "file's own encoding.")
    Path registryFile;
}
