package org.tlsconf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where backups are kept. */
public class BackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Folder for backups. Default on Windows: "
            + "%%ProgramData%%\\tlsconf\\backups; elsewhere: $XDG_STATE_HOME/tlsconf/backups or "
            + "$HOME/.local/state/tlsconf/backups.")
    Path backupDir;

    Path resolve(Context context) {
        return backupDir != null ? backupDir : context.defaultBackupDir();
    }
}
