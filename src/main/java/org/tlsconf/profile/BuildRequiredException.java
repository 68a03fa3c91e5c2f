package org.tlsconf.profile;

/** A profile depends on the Windows build, and the build is unknown. */
public class BuildRequiredException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public BuildRequiredException(String profile, String source) {
        super(new ProfileProblem(source, 0, 0, "", "profile " + profile + " depends on the Windows build (values "
                + "limited to builds, or a cipher suite / ECC curve order checked against what each build "
                + "supports), and the build is unknown",
                "pass --os-build N, e.g. 9600 (2012 R2), 14393 (2016), 17763 (2019), 20348 (2022), 26100 (2025); "
                        + "a registry file that contains HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion "
                        + "gives it by itself"));
    }
}
