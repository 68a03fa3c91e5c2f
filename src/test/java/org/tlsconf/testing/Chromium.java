package org.tlsconf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Debian's headless Chromium as the judge of an HTML report: the DOM it builds from the page, and a screenshot
 * whose pixels can be counted by colour.
 */
public final class Chromium {
    private final Path chromium;

    private Chromium(Path chromium) {
        this.chromium = chromium;
    }

    /** Chromium, or the test fails (CI) or skips (developer machine) naming the package. */
    public static Chromium require() {
        return new Chromium(ExternalTool.require("chromium", "chromium"));
    }

    private String run(List<String> extra, Path html) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(html.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed on " + html);
        return out;
    }

    /** The DOM Chromium built from the page, serialised. */
    public String dom(Path html) throws IOException, InterruptedException {
        return run(List.of("--dump-dom"), html);
    }

    /** A screenshot of the page at the given window size. */
    public BufferedImage screenshot(Path html, Path png, int width, int height) throws Exception {
        Files.deleteIfExists(png);
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath()), html);
        return ImageIO.read(png.toFile());
    }

    /** How many pixels have exactly this colour. */
    public static int count(BufferedImage image, int rgb) {
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

    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** The text of every element with this tag, in order (tags inside removed, entities for &lt; &gt; &amp;). */
    public static List<String> texts(String dom, String tag) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + "(?:\\s[^>]*)?>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(dom);
        while (m.find()) {
            out.add(unescape(TAG.matcher(m.group(1)).replaceAll("")).strip());
        }
        return out;
    }

    /** The {@code <section>} whose heading is {@code title}, as DOM text. */
    public static String section(String dom, String title) {
        Matcher m = Pattern.compile("<section><h2>" + Pattern.quote(title) + "</h2>(.*?)</section>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(m.find(), "no section '" + title + "' in the page");
        return m.group(1);
    }

    /** Table rows of a fragment: for each row, its cells as {class, text}. */
    public static List<List<String[]>> rows(String fragment) {
        List<List<String[]>> out = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(fragment);
        while (tr.find()) {
            List<String[]> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td(?: class=\"([^\"]*)\")?>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
            while (td.find()) {
                cells.add(new String[] {td.group(1) == null ? "" : td.group(1),
                    unescape(TAG.matcher(td.group(2)).replaceAll(""))});
            }
            if (!cells.isEmpty()) {
                out.add(cells);
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
