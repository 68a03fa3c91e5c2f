package org.tlsconf.cli;

import org.tlsconf.report.Style;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** How a report is rendered (declared with picocli's programmatic API). */
public class OutputOptions {
    enum Color {
        auto, always, never
    }

    private final OptionSpec format = OptionSpec.builder("--format").defaultValue("text").paramLabel("FORMAT")
            .type(Format.class).description("text (default), json (documented in README), markdown, or html (a "
                    + "self-contained page for change tickets).").build();

    private final OptionSpec color = OptionSpec.builder("--color").defaultValue("auto").paramLabel("WHEN")
            .type(Color.class).description("Colour the text report: auto (on a terminal), always, never.").build();

    /** Adds these options to a command (as plain options: see {@link DeclaredCommand#addStandardHelpOptions}). */
    void addTo(CommandSpec command) {
        command.addOption(format).addOption(color);
    }

    Format format() {
        return format.getValue();
    }

    Style style() {
        return style(color.getValue());
    }

    static Style style(Color color) {
        boolean on = color == Color.always || (color == Color.auto && System.console() != null
                && !"dumb".equals(System.getenv("TERM")) && System.getenv("NO_COLOR") == null);
        return new Style(on);
    }
}
