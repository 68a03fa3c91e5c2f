package org.tlsconf.cli;

import org.tlsconf.report.Style;
import picocli.CommandLine.Option;

/** How a report is rendered. */
public class OutputOptions {
    enum Color {
        auto, always, never
    }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json (documented in README), markdown, or html (a self-contained page "
                    + "for change tickets).")
    Format format;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text report: auto (on a terminal), always, never.")
    Color color;

    Style style() {
        return style(color);
    }

    static Style style(Color color) {
        boolean on = color == Color.always || (color == Color.auto && System.console() != null
                && !"dumb".equals(System.getenv("TERM")) && System.getenv("NO_COLOR") == null);
        return new Style(on);
    }
}
