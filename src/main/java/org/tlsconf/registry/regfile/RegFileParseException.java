package org.tlsconf.registry.regfile;

import java.util.List;
import org.tlsconf.registry.RegistryInputException;

/**
 * A {@code .reg} file could not be read. Lists every problem found, each with its line and a hint, so that a user
 * can fix the file in one go.
 */
public class RegFileParseException extends RegistryInputException {
    private static final long serialVersionUID = 1L;

    /** One problem: 1-based line number, what is wrong, and what to do about it (may be empty). */
    public record Problem(int line, String message, String hint) {
        public String format(String source) {
            return source + ":" + line + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public RegFileParseException(String source, List<Problem> problems) {
        super(summary(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String summary(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(problems.get(0).format(source));
        if (problems.size() > 1) {
            sb.append(" [and ").append(problems.size() - 1).append(" more problem")
                    .append(problems.size() > 2 ? "s" : "").append(']');
        }
        return sb.toString();
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem, one per line. */
    @Override
    public String fullReport() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(p.format(source)).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
