package org.tlsconf.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * Help text that wraps only at spaces. Picocli wraps with a {@link java.text.BreakIterator}, which also breaks after
 * '.', '%', '/' and '\' — inside ".reg", "%ProgramData%\tlsconf" or a path — and that breaks copy and paste. Every
 * help section is laid out by picocli on one long line and then wrapped here: at spaces only, continuation lines
 * aligned under the description column (or the synopsis), a token longer than a line left whole.
 */
final class HelpLayout {
    private HelpLayout() {
    }

    private static final String USAGE = "Usage: ";

    /** Picocli lays out every section on lines this long (nothing is wrapped by it). */
    static final int UNWRAPPED = 10_000;

    /** Applies the layout to a command and all its subcommands, for help at {@code width} columns. */
    static void install(CommandLine cl, int width) {
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(UNWRAPPED);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        for (Map.Entry<String, CommandLine.IHelpSectionRenderer> e : sections.entrySet()) {
            e.setValue(new Wrapped(e.getValue(), width,
                    e.getKey().equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)));
        }
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub, width);
        }
    }

    /** A help section as picocli renders it, wrapped. */
    private static final class Wrapped implements CommandLine.IHelpSectionRenderer {
        private final CommandLine.IHelpSectionRenderer original;
        private final int width;
        private final boolean synopsis;

        Wrapped(CommandLine.IHelpSectionRenderer original, int width, boolean synopsis) {
            this.original = original;
            this.width = width;
            this.synopsis = synopsis;
        }

        @Override
        public String render(CommandLine.Help help) {
            if (!synopsis) {
                return wrap(original.render(help), width, -1);
            }
            // a synopsis continues under its first option, after "Usage: " and the command's name
            return wrap(USAGE + original.render(help), width, USAGE.length()
                    + help.commandSpec().qualifiedName().length() + 1).substring(USAGE.length());
        }
    }

    /** The terminal width from $COLUMNS, else 80 (at least 55, picocli's minimum). */
    static int width() {
        try {
            return Math.max(55, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Wraps every line of a section; {@code hanging} is the continuation indent, or -1 to find it per line. */
    static String wrap(String text, int width, int hanging) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean last = i == lines.length - 1;
            // a heading without its newline ("Usage: ") keeps its trailing space
            String line = last && lines[i].length() <= width ? lines[i] : stripEnd(lines[i]);
            wrapLine(line, width, hanging, out);
            if (!last) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void wrapLine(String line, int width, int hanging, StringBuilder out) {
        String rest = line;
        if (rest.length() <= width) {
            out.append(rest);
            return;
        }
        String indent = " ".repeat(Math.min(hanging >= 0 ? hanging : continuation(rest), width / 2));
        boolean first = true;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            int floor = first ? leading(rest) : indent.length();
            if (cut <= floor) { // one token longer than the line: keep it whole
                cut = rest.indexOf(' ', width);
                if (cut < 0) {
                    break;
                }
            }
            out.append(stripEnd(rest.substring(0, cut))).append('\n');
            rest = indent + rest.substring(cut).stripLeading();
            first = false;
        }
        out.append(rest);
    }

    /**
     * Where continuation lines start: under the description column of an option, parameter or command row (the text
     * after the first gap of two or more spaces); an indented line (an example) two further in; a paragraph at 0.
     */
    static int continuation(String line) {
        int lead = leading(line);
        int gap = line.indexOf("  ", lead);
        if (gap > lead) {
            int col = gap;
            while (col < line.length() && line.charAt(col) == ' ') {
                col++;
            }
            if (col < line.length()) {
                return col;
            }
        }
        return lead == 0 ? 0 : lead + 2;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
