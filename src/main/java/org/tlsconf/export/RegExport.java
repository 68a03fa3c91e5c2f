package org.tlsconf.export;

import java.util.ArrayList;
import java.util.List;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.regfile.RegDocument;
import org.tlsconf.registry.regfile.RegFileWriter;

/**
 * A profile as a regedit file (UTF-16LE with BOM, CRLF, version 5), written by the project's {@code .reg} writer:
 * {@code reg import}, a double-click or Group Policy Preferences apply it. It sets values and deletes values
 * ({@code "name"=-}); it never deletes a key.
 */
public final class RegExport {
    private RegExport() {
    }

    public static RegDocument of(Profile profile) {
        List<RegFileWriter.Section> sections = new ArrayList<>();
        ProfileExport.byKey(profile).forEach((key, values) -> sections.add(new RegFileWriter.Section(key, false,
                values.stream().map(v -> new RegFileWriter.Entry(v.name(), v.value())).toList())));
        List<String> comments = new ArrayList<>(List.of("tlsconf export of " + ProfileExport.describe(profile) + ".",
                "Import with: reg import FILE (as an administrator). Keys are created when missing, never deleted.",
                "Check afterwards with: tlsconf check " + profile.name()));
        profile.notes().forEach(n -> comments.add("Left out: " + n));
        return RegFileWriter.script(comments, sections);
    }
}
