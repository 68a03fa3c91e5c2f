package org.tlsconf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where backups are kept. */
public class BackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Folder for backups. Default on Windows: "
            + "%%ProgramData%%\\tlsconf\\backups; elsewhere: $XDG_STATE_HOME/tlsconf/backups or "
            + "$HOME/.local/state/tlsconf/backups.")
    Path backupDir;

    /** The folder a run writes its backup to (created when missing). */
    Path resolve(Context context) {
        return backupDir != null ? backupDir : context.defaultBackupDir();
    }

    /**
     * The folder to read existing backups from ({@code backups list}, {@code restore --last}). A {@code --backup-dir}
     * the user named must exist (a typo must not read as "no backups"): exit 2 otherwise. The default folder may be
     * missing: on a fresh machine there are simply no backups yet.
     */
    Path existing(Context context) {
        if (backupDir != null && !java.nio.file.Files.isDirectory(backupDir)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--backup-dir " + backupDir + (java.nio.file.Files
                    .exists(backupDir) ? " is not a folder" : " does not exist") + "; give the folder the backups "
                    + "were written to (default: " + context.defaultBackupDir() + ")");
        }
        return resolve(context);
    }
}
