package org.tlsconf.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * For tests tagged {@code windows-jvm}: Failsafe runs them on the pinned Windows JRE under Wine
 * ({@code src/test/wine/bin/java}). They must run on Windows; under {@code CI=true} anything else fails instead of
 * skipping, so CI cannot pass without having run them.
 */
public final class WindowsJvm {
    public static final String TAG = "windows-jvm";

    private WindowsJvm() {
    }

    public static void require() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        String message = "this test needs a Windows JVM (mvn verify runs it on the pinned Windows runtime under "
                + "Wine; this JVM runs on " + System.getProperty("os.name") + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    public record Result(int code, String output) {
    }

    /** Runs a Windows program (e.g. {@code reg.exe}) from this JVM; CRs removed from its output. */
    public static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("NUL"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).replace("\r", ""));
    }
}
