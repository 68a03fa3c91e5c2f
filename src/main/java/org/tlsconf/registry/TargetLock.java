package org.tlsconf.registry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that serialises every run that changes one registry (a {@code .reg} file, or the live registry of a
 * host), whichever backup folder each run uses. It is an OS file lock on a lock file, so it is released when the
 * process ends, however it ends; the lock file itself stays (deleting it would let two runs lock two files).
 */
public final class TargetLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private TargetLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file for a {@code .reg} file: next to the file it changes (the symlink's target, when it is one).
     */
    public static Path besideFile(Path registryFile) {
        Path real;
        try {
            real = registryFile.toRealPath();
        } catch (IOException e) {
            real = registryFile.toAbsolutePath().normalize();
        }
        return real.resolveSibling(real.getFileName() + ".tlsconf.lock");
    }

    /**
     * Takes the lock without waiting.
     *
     * @param what what the lock protects, for the message ("registry file /x.reg")
     * @throws RegistryException when another process holds it (exit 3: nothing was changed)
     * @throws RegistryAccessDeniedException when the lock file may not be created or opened
     */
    public static TargetLock acquire(Path lockFile, String what) {
        FileChannel ch = null;
        try {
            Path parent = lockFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                ch.close();
                throw new RegistryException("another tlsconf run is changing the " + what + " right now (it holds "
                        + lockFile + "); nothing was changed. Wait for it to finish and run again");
            }
            return new TargetLock(ch, lock);
        } catch (AccessDeniedException e) {
            closeQuietly(ch);
            throw new RegistryAccessDeniedException("cannot take the lock " + lockFile + " for the " + what
                    + ": access denied; nothing was changed", e);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new RegistryException("cannot take the lock " + lockFile + " for the " + what + ": "
                    + IoErrors.describe(e) + "; nothing was changed", e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        } finally {
            closeQuietly(channel);
        }
    }
}
