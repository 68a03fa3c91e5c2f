package org.tlsconf.profile;

import java.util.List;

/** A profile could not be loaded; lists every problem found. */
public class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProfileProblem> problems;

    public ProfileException(List<ProfileProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public ProfileException(ProfileProblem problem) {
        this(List.of(problem));
    }

    private static String summary(List<ProfileProblem> problems) {
        String first = problems.get(0).format();
        return problems.size() == 1 ? first
                : first + " [and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + "]";
    }

    public List<ProfileProblem> problems() {
        return problems;
    }

    public String fullReport() {
        StringBuilder sb = new StringBuilder();
        problems.forEach(p -> sb.append(p.format()).append(System.lineSeparator()));
        return sb.toString();
    }
}
