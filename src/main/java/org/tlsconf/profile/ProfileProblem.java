package org.tlsconf.profile;

/**
 * One thing wrong with a profile: where (file, line, column, JSON path), what, and what to do (may be empty).
 * Line and column are 0 when the problem is about the profile as a whole.
 */
public record ProfileProblem(String source, int line, int column, String jsonPath, String message, String hint) {

    public String format() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!jsonPath.isEmpty()) {
            sb.append(jsonPath).append(": ");
        }
        sb.append(message);
        if (!hint.isEmpty()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }
}
