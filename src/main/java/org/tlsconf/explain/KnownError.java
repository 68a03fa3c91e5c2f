package org.tlsconf.explain;

import java.util.List;

/**
 * One error message or code an administrator meets after TLS hardening, what usually causes it, and what to do.
 *
 * @param phrases  lower-case phrases and codes any of which identifies it (matched in normalised text)
 * @param steps    next steps, naming profile values and tlsconf commands
 */
public record KnownError(String id, String title, List<String> phrases, List<String> causes, List<String> steps) {
}
