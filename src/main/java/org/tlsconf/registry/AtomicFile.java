package org.tlsconf.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Replaces a file so that readers see either the old or the new content, never a mix or a truncated file. */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes a temporary file next to {@code target}, flushes it to disk, renames it over {@code target} and
     * flushes the directory.
     *
     * @throws RegistryAccessDeniedException when the folder or file may not be written
     * @throws RegistryException on any other I/O failure; {@code target} is then unchanged
     */
    public static void write(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
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
