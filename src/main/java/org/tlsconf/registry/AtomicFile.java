package org.tlsconf.registry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;

/**
 * Replaces a file so that readers see either the old or the new content, never a mix or a truncated file. An
 * existing file is replaced as itself: a symbolic link is followed and its target is what gets replaced (the link
 * stays a link), and the new content keeps the old file's permissions, owner and group (POSIX) or ACL and owner
 * (Windows). A new file gets the permissions any new file gets (POSIX: the umask), unless written with
 * {@link #writePrivate}. A read-only file is refused, also for root or an administrator, who could otherwise replace it.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes a temporary file next to {@code target} (next to the file a link points to), flushes it to disk,
     * gives it the target's permissions and owner, renames it over the target and flushes the directory.
     *
     * @throws RegistryAccessDeniedException when the file is read-only, or the folder or file may not be written,
     *     or the owner cannot be kept
     * @throws RegistryException on any other I/O failure; {@code target} is then unchanged
     */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes), written -> { }, false);
    }

    /**
     * As {@link #write}, but a file that does not exist yet is created readable and writable by its owner only
     * (POSIX 0600; on Windows the folder's ACL applies). For files that record a host's configuration and are
     * trusted input later (backups: {@code restore} writes the registry from them), so that other local accounts
     * can neither read them nor, through a lax umask, change them. An existing file keeps its permissions.
     */
    public static void writePrivate(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes), written -> { }, true);
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Checks the written temporary file before it replaces the target; throws to keep the target unchanged. */
    @FunctionalInterface
    public interface Check {
        void check(Path written) throws IOException;
    }

    /**
     * As {@link #write(Path, byte[])}, with the content streamed to the temporary file and {@code check} run on it
     * (flushed to disk) before it is renamed over the target.
     */
    public static void write(Path target, Content content, Check check) {
        write(target, content, check, false);
    }

    private static void write(Path target, Content content, Check check, boolean ownerOnly) {
        Path abs;
        try {
            abs = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        } catch (IOException e) {
            throw new RegistryException("cannot resolve " + target + ": " + e, e);
        }
        if (isReadOnly(abs)) {
            throw new RegistryAccessDeniedException(readOnlyMessage(target));
        }
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            // replacing a file: the copy starts private and then takes the file's own permissions (copyAccess), so
            // that its content is never readable by more accounts than the file's, not even for a moment
            tmp = createTemporary(dir, abs.getFileName().toString(), ownerOnly || Files.exists(abs));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels
                        .newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            check.check(tmp);
            if (Files.exists(abs)) {
                copyAccess(abs, tmp);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (AccessDeniedException e) {
            throw new RegistryAccessDeniedException("cannot write " + abs + ": access denied", e);
        } catch (IOException e) {
            throw new RegistryException("cannot write " + abs + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * A new empty file next to the target, named {@code .NAME.RANDOM.tmp}. Unless {@code ownerOnly}, it is created
     * as any new file is (POSIX: 0666 minus the umask), so that a file written for the first time gets the
     * permissions the user expects; {@link Files#createTempFile} (used when {@code ownerOnly}) makes it 0600.
     */
    private static Path createTemporary(Path dir, String name, boolean ownerOnly) throws IOException {
        if (ownerOnly) {
            return Files.createTempFile(dir, "." + name + ".", ".tmp");
        }
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toUnsignedString(random.nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * True when the file's own permissions forbid writing whoever asks: no owner write bit (POSIX), or the DOS
     * read-only attribute. {@link Files#isWritable} is not enough: it answers true for root.
     */
    public static boolean isReadOnly(Path file) {
        try {
            if (!Files.exists(file)) {
                return false;
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
            }
            DosFileAttributeView dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
            return dos != null && dos.readAttributes().isReadOnly();
        } catch (IOException e) {
            return false; // the write itself will report what is wrong
        }
    }

    /** The message for a read-only target, naming what to do. */
    public static String readOnlyMessage(Path file) {
        return "cannot write " + file + ": the file is read-only; nothing was changed (make it writable, e.g. "
                + "chmod u+w or clear the read-only attribute, if it really should be changed)";
    }

    /** Gives {@code copy} the permissions, owner and group (or ACL and owner) of {@code original}. */
    private static void copyAccess(Path original, Path copy) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (posix != null) {
            PosixFileAttributes a = posix.readAttributes();
            PosixFileAttributeView target = Files.getFileAttributeView(copy, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes now = target.readAttributes();
            if (!now.owner().equals(a.owner())) {
                target.setOwner(a.owner()); // only root may; anyone else is refused rather than taking the file
            }
            if (!now.group().equals(a.group())) {
                target.setGroup(a.group());
            }
            target.setPermissions(a.permissions());
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(original, AclFileAttributeView.class);
        if (acl != null) {
            AclFileAttributeView target = Files.getFileAttributeView(copy, AclFileAttributeView.class);
            target.setAcl(acl.getAcl());
            FileOwnerAttributeView owner = Files.getFileAttributeView(copy, FileOwnerAttributeView.class);
            if (!owner.getOwner().equals(acl.getOwner())) {
                owner.setOwner(acl.getOwner());
            }
        }
    }

    private static void syncDirectory(Path dir) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return; // directories cannot be opened for fsync on Windows; the rename (MoveFileEx) is durable there
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems refuse fsync on a directory; the rename itself is still atomic
        }
    }
}
