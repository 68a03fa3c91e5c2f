package org.tlsconf.cli;

import picocli.CommandLine.Option;

/** Whether to restart the host after changes that need it. */
public class RebootOptions {
    @Option(names = "--reboot", arity = "0..1", fallbackValue = "300", paramLabel = "SECONDS",
            description = "If the changes need a reboot, schedule one in SECONDS (default 300, at least 1: a "
                    + "restart with no delay cannot be cancelled) and exit 1641. "
                    + "Cancel it with 'tlsconf reboot --cancel'. Not allowed with --registry-file.")
    Integer rebootSeconds;

    @Option(names = "--no-reboot", description = "Never restart (the default): exit 3010 when a reboot is needed.")
    boolean noReboot;
}
