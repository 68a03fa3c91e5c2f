package org.tlsconf.registry.exports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryScope;
import org.tlsconf.registry.clixml.HealthCheckerExport;
import org.tlsconf.registry.regfile.RegFileScan;

/**
 * The one rule for what kind of export a file is, and how a read-only command reads one: a HealthChecker
 * {@code Export-Clixml} file (recognised by its first bytes), else a regedit {@code .reg} export, read only within
 * the command's scope.
 */
public final class Exports {
    private Exports() {
    }

    /** A host export read for auditing, and whether it is a HealthChecker export (which records only some values). */
    public record Export(Registry registry, boolean healthChecker) {
    }

    /** True when {@code file} starts as a PowerShell CLIXML document (a HealthChecker export); false if unreadable. */
    public static boolean isHealthChecker(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksLikeClixml(in.readNBytes(256));
        } catch (IOException e) {
            return false; // the reader that follows reports why the file cannot be read
        }
    }

    /**
     * True when the bytes look like a PowerShell CLIXML document: UTF-8 (as HealthChecker writes it) or UTF-16 with
     * a byte-order mark (Windows PowerShell's own Export-Clixml default). Here, not in {@link HealthCheckerExport}:
     * a {@code .reg} file is then read without loading the XML reader's classes.
     */
    public static boolean looksLikeClixml(byte[] data) {
        String head = head(data);
        return head.startsWith("<Objs") || (head.startsWith("<?xml") && head.contains("<Objs"));
    }

    /**
     * The first characters of a file (its first bytes, at most 256), decoded by its byte-order mark — UTF-16LE,
     * UTF-8, else as UTF-8 — without leading blanks: enough to tell a {@code .reg} file from a CLIXML document.
     */
    public static String head(byte[] data) {
        int n = Math.min(data.length, 256);
        if (n >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return new String(data, 2, (n - 2) & ~1, java.nio.charset.StandardCharsets.UTF_16LE).stripLeading();
        }
        int start = n >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(data, start, n - start, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
    }

    /**
     * Reads an export for a command that only reads {@code scope}.
     *
     * @throws org.tlsconf.registry.RegistryInputException when the file is malformed
     * @throws RegistryException when it cannot be read
     */
    public static Export read(Path file, RegistryScope scope) {
        if (isHealthChecker(file)) {
            return new Export(readHealthChecker(file), true);
        }
        return new Export(RegFileScan.read(file, scope), false);
    }

    /** Reads a HealthChecker export whole (it holds only TLS values). */
    public static InMemoryRegistry readHealthChecker(Path file) {
        try {
            return HealthCheckerExport.read(Files.readAllBytes(file), file.toString());
        } catch (AccessDeniedException e) {
            throw new RegistryAccessDeniedException("cannot read " + file + ": access denied", e);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
