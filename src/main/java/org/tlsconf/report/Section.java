package org.tlsconf.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a report (a table with a title and notes), rendered the same way in text, Markdown and HTML, so no
 * format can leave out what another shows.
 */
public record Section(String title, List<String> header, List<List<Cell>> rows, List<String> notes) {

    /** A table cell and its colour. */
    public record Cell(String text, Tone tone) {
        public static Cell plain(String text) {
            return new Cell(text, Tone.NONE);
        }
    }

    public static Section notesOnly(String title, List<String> notes) {
        return new Section(title, List.of(), List.of(), notes);
    }

    static List<Cell> row(String... texts) {
        List<Cell> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Cell.plain(t));
        }
        return out;
    }

    public String text(Style st) {
        StringBuilder sb = new StringBuilder(st.bold(title)).append('\n');
        if (!header.isEmpty()) {
            int[] width = new int[header.size()];
            for (int i = 0; i < header.size(); i++) {
                width[i] = header.get(i).length();
                for (List<Cell> r : rows) {
                    width[i] = Math.max(width[i], r.get(i).text().length());
                }
            }
            sb.append(' ');
            for (int i = 0; i < header.size(); i++) {
                sb.append(' ').append(pad(header.get(i), i == header.size() - 1 ? 0 : width[i])).append(' ');
            }
            sb.setLength(sb.length() - 1);
            sb.append('\n');
            for (List<Cell> r : rows) {
                sb.append(' ');
                for (int i = 0; i < r.size(); i++) {
                    Cell c = r.get(i);
                    sb.append(' ').append(c.tone().text(st, pad(c.text(), i == r.size() - 1 ? 0 : width[i])))
                            .append(' ');
                }
                sb.setLength(sb.length() - 1);
                sb.append('\n');
            }
        }
        notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        return sb.toString();
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("## ").append(title).append("\n\n");
        if (!header.isEmpty()) {
            sb.append('|');
            header.forEach(h -> sb.append(' ').append(md(h)).append(" |"));
            sb.append("\n|").append("---|".repeat(header.size())).append('\n');
            for (List<Cell> r : rows) {
                sb.append('|');
                r.forEach(c -> sb.append(' ').append(c.tone().markdown(md(c.text()))).append(" |"));
                sb.append('\n');
            }
            sb.append('\n');
        }
        if (!notes.isEmpty()) {
            notes.forEach(n -> sb.append("- ").append(md(n)).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<section><h2>").append(Html.escape(title)).append("</h2>");
        if (!header.isEmpty()) {
            b.append("<table><tr>");
            header.forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
            b.append("</tr>");
            for (List<Cell> r : rows) {
                b.append("<tr>");
                for (Cell c : r) {
                    b.append(c.tone() == Tone.NONE ? "<td>" : "<td class=\"state " + c.tone().css() + "\">")
                            .append(Html.escape(c.text())).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        }
        if (!notes.isEmpty()) {
            b.append("<ul>");
            notes.forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</section>").toString();
    }

    static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
