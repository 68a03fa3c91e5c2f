package org.tlsconf.registry;

import java.util.Optional;

/** The predefined registry roots, with the long name regedit writes and the short name reg.exe accepts. */
public enum Hive {
    HKEY_LOCAL_MACHINE("HKLM"),
    HKEY_CURRENT_USER("HKCU"),
    HKEY_CLASSES_ROOT("HKCR"),
    HKEY_USERS("HKU"),
    HKEY_CURRENT_CONFIG("HKCC");

    private final String shortName;

    Hive(String shortName) {
        this.shortName = shortName;
    }

    public String shortName() {
        return shortName;
    }

    public String longName() {
        return name();
    }

    /** Accepts the long or the short name in any case ({@code HKLM}, {@code hkey_local_machine}). */
    public static Optional<Hive> fromName(String name) {
        String upper = RegistryNames.fold(name);
        for (Hive hive : values()) {
            if (hive.name().equals(upper) || hive.shortName.equals(upper)) {
                return Optional.of(hive);
            }
        }
        return Optional.empty();
    }
}
