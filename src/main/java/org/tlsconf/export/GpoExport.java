package org.tlsconf.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.tlsconf.profile.DesiredValue;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.RegistryValue;

/**
 * A profile as a Group Policy {@code Registry.pol} for the machine side ([MS-GPREG] 2.2.1, PReg version 1): the
 * signature, the version, then one {@code [key;value;type;size;data]} entry per value, with the brackets, semicolons
 * and NUL-terminated names in UTF-16LE and type and size as little-endian DWORDs. A value the profile wants absent
 * is the documented {@code **del.NAME} entry (REG_SZ, a single space). Keys are relative to HKLM.
 */
public final class GpoExport {
    private GpoExport() {
    }

    static final int VERSION = 1;

    public static byte[] of(Profile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PReg".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dword(VERSION));
        for (DesiredValue v : profile.values()) {
            if (v.key().hive() != Hive.HKEY_LOCAL_MACHINE) {
                throw new IllegalArgumentException("a machine Registry.pol holds only HKLM values: " + v.key());
            }
            String key = String.join("\\", v.key().names());
            RegistryValue value = v.value().orElse(RegistryValue.sz(" "));
            String name = v.mustBeAbsent() ? "**del." + v.name() : v.name();
            byte[] data = value.toBytes();
            out.writeBytes(utf16("["));
            out.writeBytes(utf16(key + "\0"));
            out.writeBytes(utf16(";"));
            out.writeBytes(utf16(name + "\0"));
            out.writeBytes(utf16(";"));
            out.writeBytes(dword(value.type().code()));
            out.writeBytes(utf16(";"));
            out.writeBytes(dword(data.length));
            out.writeBytes(utf16(";"));
            out.writeBytes(data);
            out.writeBytes(utf16("]"));
        }
        return out.toByteArray();
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] dword(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }
}
