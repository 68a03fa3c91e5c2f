package org.tlsconf.registry.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;

/**
 * {@link FolderSecurity} with Windows ACLs: folders owned by Administrators with a protected DACL granting full
 * control to Administrators and SYSTEM only; a file is trusted only when neither it nor its folder lets anyone else
 * write, and its owner is Administrators, SYSTEM, TrustedInstaller, or the account this process runs as (an
 * administrator: restoring the live registry needs elevation, which is checked first).
 */
public final class WindowsFolderSecurity implements FolderSecurity {
    /** Owner Administrators; SYSTEM and Administrators full control, inherited by subfolders and files. */
    static final String ADMIN_ONLY = "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";

    static final Set<String> TRUSTED = Set.of("BA", "SY", "S-1-5-32-544", "S-1-5-18",
            "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"); // TrustedInstaller

    /** Rights that let someone change a file, or add, delete or replace files in a folder. */
    private static final long WRITE_RIGHTS = 0x2L /* write data / add file */ | 0x4L /* append / add subfolder */
            | 0x10L /* write extended attributes */ | 0x40L /* delete child */ | 0x10000L /* delete */
            | 0x40000L /* write DAC */ | 0x80000L /* write owner */ | 0x10000000L /* generic all */
            | 0x40000000L /* generic write */;

    private static final Map<String, Long> RIGHTS = Map.ofEntries(
            Map.entry("GA", 0x10000000L), Map.entry("GR", 0x80000000L), Map.entry("GW", 0x40000000L),
            Map.entry("GX", 0x20000000L), Map.entry("FA", 0x1F01FFL), Map.entry("FR", 0x120089L),
            Map.entry("FW", 0x120116L), Map.entry("FX", 0x1200A0L), Map.entry("RC", 0x20000L),
            Map.entry("SD", 0x10000L), Map.entry("WD", 0x40000L), Map.entry("WO", 0x80000L),
            Map.entry("CC", 0x1L), Map.entry("DC", 0x2L), Map.entry("LC", 0x4L), Map.entry("SW", 0x8L),
            Map.entry("RP", 0x10L), Map.entry("WP", 0x20L), Map.entry("DT", 0x40L), Map.entry("LO", 0x80L),
            Map.entry("CR", 0x100L));

    private static final Pattern OWNER = Pattern.compile("O:(S-[0-9-]+|[A-Z]{2})");
    private static final Pattern ACE = Pattern.compile("\\(([^;()]*);([^;()]*);([^;()]*);[^;()]*;[^;()]*;([^;()]*)"
            + "(?:;[^()]*)?\\)");

    private final WinSecurityApi api;

    public WindowsFolderSecurity(WinSecurityApi api) {
        this.api = api;
    }

    @Override
    public void restrictToAdministrators(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RegistryAccessDeniedException("cannot create " + dir + ": access denied", e);
        } catch (IOException e) {
            throw new RegistryException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try {
            api.setOwnerAndProtectedDacl(dir.toAbsolutePath().toString(), ADMIN_ONLY);
        } catch (WinError e) {
            String message = "cannot restrict " + dir + " to Administrators and SYSTEM: " + e.getMessage();
            throw e.code() == WinError.ACCESS_DENIED ? new RegistryAccessDeniedException(message, e) : new RegistryException(message, e);
        }
    }

    @Override
    public List<String> otherWriters(Path file) {
        Path abs = file.toAbsolutePath();
        Set<String> trusted = new java.util.HashSet<>(TRUSTED);
        trusted.add(api.currentUserSid());
        List<String> others = new ArrayList<>(writers(abs, "the file", api.ownerAndDacl(abs.toString()), trusted));
        if (abs.getParent() != null) {
            others.addAll(writers(abs.getParent(), "its folder", api.ownerAndDacl(abs.getParent().toString()),
                    trusted));
        }
        return others;
    }

    /** Who besides the {@code trusted} accounts owns or may write the object described by {@code sddl}. */
    static List<String> writers(Path path, String what, String sddl, Set<String> trusted) {
        List<String> out = new ArrayList<>();
        Matcher owner = OWNER.matcher(sddl);
        if (owner.find() && !trusted.contains(owner.group(1))) {
            out.add(owner.group(1) + " owns " + what + " (" + path + ")");
        }
        int dacl = sddl.indexOf("D:");
        Matcher ace = ACE.matcher(dacl < 0 ? "" : sddl.substring(dacl));
        while (ace.find()) {
            String type = ace.group(1);
            String flags = ace.group(2);
            String sid = ace.group(4);
            boolean allows = type.equals("A") || type.equals("OA");
            boolean appliesHere = !flags.contains("IO"); // inherit-only entries apply to children, not the object
            if (allows && appliesHere && !trusted.contains(sid) && (rights(ace.group(3)) & WRITE_RIGHTS) != 0) {
                out.add(sid + " may write " + what + " (" + path + ": " + ace.group(3) + ")");
            }
        }
        return out;
    }

    static long rights(String text) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("0x")) {
            return Long.parseLong(t.substring(2), 16);
        }
        long mask = 0;
        for (int i = 0; i + 2 <= t.length(); i += 2) {
            Long r = RIGHTS.get(t.substring(i, i + 2));
            mask |= r == null ? WRITE_RIGHTS : r; // a right this code does not know: assume the worst
        }
        return mask;
    }
}
