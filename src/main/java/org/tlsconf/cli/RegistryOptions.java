package org.tlsconf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose which registry a command works on. */
public class RegistryOptions {
    @Option(names = "--registry-file", paramLabel = "FILE",
            description = "Work on this regedit .reg export instead of the live registry (works on any OS). "
                    + "UTF-16 (as regedit writes), UTF-8 and ANSI files are read; changes are written back in the "
                    + "file's own encoding. A HealthChecker TLS export (Export-Clixml) can be read too.")
    Path registryFile;

    @Option(names = "--os-build", paramLabel = "N", description = "The Windows build of the host a .reg file comes "
            + "from (e.g. 9600, 14393, 17763, 20348, 26100), used when the file has no Windows NT\\CurrentVersion "
            + "key: for OS defaults and for profiles that depend on the build.")
    Integer osBuild;

    /** The host's Windows version: from the registry (live or file), else --os-build, else unknown. */
    java.util.Optional<org.tlsconf.tls.WindowsVersion> windowsVersion(org.tlsconf.registry.Registry registry) {
        String source = registryFile == null ? "this host" : "from the registry file";
        java.util.Optional<org.tlsconf.tls.WindowsVersion> read = org.tlsconf.tls.WindowsVersion.read(registry, source);
        if (read.isPresent() || osBuild == null) {
            return read;
        }
        return java.util.Optional.of(org.tlsconf.tls.WindowsVersion.ofBuild(osBuild, "from --os-build"));
    }

    /**
     * The profile as it applies to this registry's Windows build (exit 2, asking for --os-build, when it depends on
     * the build and the build is unknown).
     */
    org.tlsconf.profile.Profile resolve(org.tlsconf.profile.Profile profile, org.tlsconf.registry.Registry registry) {
        return profile.resolve(windowsVersion(registry).map(org.tlsconf.tls.WindowsVersion::build));
    }

    String hostLine(org.tlsconf.registry.Registry registry) {
        java.util.Optional<org.tlsconf.tls.WindowsVersion> version = windowsVersion(registry);
        return version.isPresent() ? version.get().describe() : "Windows version unknown (pass --os-build N)";
    }
}
