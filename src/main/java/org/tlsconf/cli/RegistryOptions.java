package org.tlsconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.tlsconf.registry.Registry;
import org.tlsconf.tls.WindowsVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options that choose which registry a command works on (declared with picocli's programmatic API). */
public class RegistryOptions {
    private final OptionSpec registryFile = OptionSpec.builder("--registry-file").paramLabel("FILE").type(Path.class)
            .description("Work on this regedit .reg export instead of the live registry (works on any OS). "
                    + "UTF-16 (as regedit writes), UTF-8 and ANSI files are read; changes are written back in the "
                    + "file's own encoding. A HealthChecker TLS export (Export-Clixml) can be read too.").build();

    private final OptionSpec osBuild = OptionSpec.builder("--os-build").paramLabel("N").type(Integer.class)
            .description("The Windows build of the host a .reg file comes from (e.g. 9600, 14393, 17763, 20348, "
                    + "26100), for a file without a Windows NT\\CurrentVersion key: for OS defaults and for profiles "
                    + "that depend on the build. A registry that names another build is an error, unless "
                    + "--override-os-build.").build();

    private final OptionSpec overrideOsBuild = OptionSpec.builder("--override-os-build").type(boolean.class)
            .description("Take --os-build even when the registry names another build (the report says which build "
                    + "was used and which it overrode).").build();

    /** Adds these options to a command (as plain options: see {@link DeclaredCommand#addStandardHelpOptions}). */
    void addTo(CommandSpec command) {
        command.addOption(registryFile).addOption(osBuild).addOption(overrideOsBuild);
    }

    /** The {@code .reg} (or HealthChecker) file to work on; null for the live registry. */
    Path registryFile() {
        return registryFile.getValue();
    }

    Integer osBuild() {
        return osBuild.getValue();
    }

    boolean overrideOsBuild() {
        return Boolean.TRUE.equals(overrideOsBuild.getValue());
    }

    /**
     * The host's Windows version: from the registry (live or file), else --os-build, else unknown. A --os-build that
     * is no Windows build, or that contradicts the registry without --override-os-build, is bad input.
     */
    Optional<WindowsVersion> windowsVersion(Registry registry) {
        Path registryFile = registryFile();
        Integer osBuild = osBuild();
        boolean overrideOsBuild = overrideOsBuild();
        if (osBuild == null && overrideOsBuild) {
            throw new CliException(ExitCodes.BAD_INPUT, "--override-os-build needs --os-build N");
        }
        checkOsBuild(osBuild);
        String source = registryFile == null ? "this host" : "from the registry file";
        Optional<WindowsVersion> fromRegistry = WindowsVersion.read(registry, source);
        if (osBuild == null) {
            return fromRegistry;
        }
        if (fromRegistry.isEmpty()) {
            return Optional.of(WindowsVersion.ofBuild(osBuild, "from --os-build"));
        }
        WindowsVersion found = fromRegistry.get();
        if (found.build() == osBuild) {
            return fromRegistry;
        }
        String where = registryFile == null ? "this host's registry" : "the registry file";
        if (!overrideOsBuild) {
            throw new CliException(ExitCodes.BAD_INPUT, where + " says build " + found.build() + " ("
                    + found.describe() + "); --os-build " + osBuild + " contradicts it. Drop --os-build, or add "
                    + "--override-os-build to audit as build " + osBuild);
        }
        return Optional.of(WindowsVersion.ofBuild(osBuild, "from --os-build, overriding build " + found.build()
                + " in " + where));
    }

    /**
     * The one rule for a {@code --os-build} value, on every command that takes one: exit 2 unless it is a Windows
     * build number (a year such as 2016 is the commonest slip).
     */
    static void checkOsBuild(Integer osBuild) {
        if (osBuild != null && !WindowsVersion.plausibleBuild(osBuild)) {
            String year = osBuild >= 2000 && osBuild <= 2030 ? " (it looks like a year; Windows Server " + osBuild
                    + " has its own build number)" : "";
            throw new CliException(ExitCodes.BAD_INPUT, "--os-build " + osBuild + " is not a Windows build number"
                    + year + ". Known builds: " + WindowsVersion.KNOWN_BUILDS);
        }
    }

    /**
     * The profile as it applies to this registry's Windows build (exit 2, asking for --os-build, when it depends on
     * the build and the build is unknown).
     */
    org.tlsconf.profile.Profile resolve(org.tlsconf.profile.Profile profile, Registry registry) {
        Optional<WindowsVersion> version = windowsVersion(registry);
        try {
            return profile.resolve(version.isPresent() ? Optional.of(version.get().build()) : Optional.empty());
        } catch (org.tlsconf.profile.BuildRequiredException e) {
            throw registryFile() == null ? e : e.fromRegistryFile(registryFile());
        }
    }

    String hostLine(Registry registry) {
        Optional<WindowsVersion> version = windowsVersion(registry);
        return version.isPresent() ? version.get().describe() : "Windows version unknown (pass --os-build N)";
    }
}
