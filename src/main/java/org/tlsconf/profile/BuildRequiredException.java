package org.tlsconf.profile;

import java.nio.file.Path;

/** A profile depends on the Windows build, and the build is unknown. */
public class BuildRequiredException extends ProfileException {
    private static final long serialVersionUID = 1L;

    private static final String OS_BUILD = "pass --os-build N, e.g. 9600 (2012 R2), 14393 (2016), 17763 (2019), "
            + "20348 (2022), 26100 (2025)";

    private final String profile;
    private final String source;

    public BuildRequiredException(String profile, String source) {
        this(profile, source, OS_BUILD);
    }

    private BuildRequiredException(String profile, String source, String hint) {
        super(new ProfileProblem(source, 0, 0, "", "profile " + profile + " depends on the Windows build (values "
                + "limited to builds, or a cipher suite / ECC curve order checked against what each build "
                + "supports), and the build is unknown", hint));
        this.profile = profile;
        this.source = source;
    }

    /** The same problem when the build was to come from a registry file: says that this file does not name it. */
    public BuildRequiredException fromRegistryFile(Path file) {
        return new BuildRequiredException(profile, source, file + " does not name its build (it has no "
                + "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion key): " + OS_BUILD);
    }
}
