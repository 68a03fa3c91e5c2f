package org.tlsconf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where backups are kept. */
public class BackupOptions {
    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Folder for backups (default: "
            + "%%ProgramData%%\\tlsconf\\backups on Windows, ~/.local/state/tlsconf/backups elsewhere).")
    Path backupDir;

    Path resolve(Context context) {
        return backupDir != null ? backupDir : context.defaultBackupDir();
    }
}
