package org.tlsconf.profile;

/**
 * A registry export (or HealthChecker export) given where a profile belongs. The loader says so in words true of
 * every command; a command that reads exports with --registry-file names that option ({@link #inCommandWithRegistryFile}).
 */
public final class ExportGivenAsProfile extends ProfileException {
    private static final long serialVersionUID = 1L;

    /** Where an export goes instead, said of no command in particular. */
    static final String WHERE_EXPORTS_GO = "a profile is a bundled name (tlsconf profiles list) or a profile .json "
            + "file; status, diff, check and apply read an export with --registry-file FILE, and fleet takes exports "
            + "as its FILES";

    private final String source;
    private final String message;
    private final String file;

    ExportGivenAsProfile(String source, String message, String file) {
        super(new ProfileProblem(source, 0, 0, "", message, WHERE_EXPORTS_GO));
        this.source = source;
        this.message = message;
        this.file = file;
    }

    /** The same mistake in a command that has --registry-file: the option to use, ready to copy. */
    public ProfileException inCommandWithRegistryFile() {
        return new ProfileException(new ProfileProblem(source, 0, 0, "", message + ": did you mean --registry-file "
                + file + "?", "PROFILE is a bundled profile name or a profile .json file"));
    }
}
