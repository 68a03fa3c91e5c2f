package org.tlsconf.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Interop tests use real programs from Debian. On CI ({@code CI=true}) a missing program fails the test, so CI can
 * never pass by skipping; on a developer machine the test is skipped with the package to install.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static Path require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "'" + program + "' is not installed; install it with: apt-get install " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (.ci/run should have installed it)");
        }
        Assumptions.assumeTrue(false, message);
        return null;
    }
}
