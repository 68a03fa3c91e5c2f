package org.tlsconf.report;

/** A self-contained HTML page (inline CSS, no scripts, no external resources), for change tickets. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static final String CSS = """
            body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#1b1b1b;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:4px 0 12px;font-size:13px}
            th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#eee}td.state{font-weight:600}table.meta{font-size:13px;color:#333}
            .pair{display:flex;gap:24px;flex-wrap:wrap}
            .ok{background:#2e7d32;color:#fff}.off{background:#cfd8dc;color:#000}
            .na{background:#f5f5f5;color:#777}.unknown{background:#fff;color:#555}
            .sev-high{background:#c62828;color:#fff}.sev-medium{background:#f9a825;color:#000}
            .sev-low{background:#90caf9;color:#000}.sev-info{background:#e1bee7;color:#000}
            code{font-family:Consolas,monospace;font-size:12px}
            .add{color:#2e7d32}.delete{color:#c62828}.modify{color:#1565c0}
            """;

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + CSS + "</style></head><body>\n" + body + "\n</body></html>\n";
    }
}
