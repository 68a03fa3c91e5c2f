package org.tlsconf.registry;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in words: Java's file exceptions carry only the path as their message ("robk/.tlsconf.lock"), which
 * hides what went wrong. This names it: "permission denied: robk/.tlsconf.lock".
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** An I/O failure, or a failure caused by one (the first I/O cause is described). */
    public static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return describe(io);
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : f.getFile();
            String what = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason().toLowerCase(java.util.Locale.ROOT) : "file system error";
            if (f.getReason() != null && f.getReason().toLowerCase(java.util.Locale.ROOT).contains("permission")) {
                what = "permission denied";
            }
            return file.isEmpty() ? what : what + ": " + file;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
