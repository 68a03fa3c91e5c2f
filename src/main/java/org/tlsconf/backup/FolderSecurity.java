package org.tlsconf.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * Who may write tlsconf's folders and backups. On Windows, backups and the lock of the live registry sit under
 * {@code %ProgramData%\tlsconf}, whose inherited ACL lets any user create files: a standard user could plant a
 * backup that an administrator's {@code restore --last} then applies, or hold the lock forever. The Windows backend
 * implements this with ACLs; elsewhere (and for {@code .reg} files, which their owner may change anyway) the
 * file system's own permissions decide: {@link #UNMANAGED}.
 */
public interface FolderSecurity {

    /**
     * Creates {@code dir} if it is missing and lets only Administrators and SYSTEM write it and everything in it
     * (owner Administrators, a protected ACL that does not inherit from the parent).
     */
    void restrictToAdministrators(Path dir);

    /**
     * Everyone besides Administrators and SYSTEM who could have written or replaced {@code file}: its owner, or an
     * entry of its ACL or its folder's ACL that grants writing. Empty when nobody else could.
     */
    List<String> otherWriters(Path file);

    /** The file system's own permissions decide; nothing to set, nothing to check. */
    FolderSecurity UNMANAGED = new FolderSecurity() {
        @Override
        public void restrictToAdministrators(Path dir) {
            // POSIX folders are created with the user's umask; a .reg file's backups belong to whoever edits it
        }

        @Override
        public List<String> otherWriters(Path file) {
            return List.of();
        }
    };
}
