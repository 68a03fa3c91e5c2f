package org.tlsconf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tlsconf.cli.CliTestAccess;
import org.tlsconf.testing.ExternalTool;

/**
 * The HTML change-ticket report renders in a real browser (Debian's headless Chromium): the screenshot shows the
 * protocol grid in colour. Screenshots are kept in target/screenshots/.
 */
class HtmlReportChromiumTest {

    @Test
    void theDiffPageRendersWithTheProtocolGridInColour() throws Exception {
        Path chromium = ExternalTool.require("chromium", "chromium");
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        Path html = out.resolve("diff-max-protection.html");
        Files.writeString(html, CliTestAccess.output("diff", "max-protection", "--registry-file",
                "examples/server-2016-fresh.reg", "--format", "html"), StandardCharsets.UTF_8);
        Path png = out.resolve("diff-max-protection.png");
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,1400",
                "--screenshot=" + png.toAbsolutePath(), html.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), log);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        int good = count(image, 0x2e7d32);
        int bad = count(image, 0xc62828);
        int off = count(image, 0xcfd8dc);
        assertTrue(good > 1000, "green (enabled TLS 1.2) cells not rendered: " + good);
        assertTrue(bad > 1000, "red (enabled TLS 1.0/1.1) cells not rendered: " + bad);
        assertTrue(off > 1000, "grey (disabled) cells not rendered: " + off);
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
