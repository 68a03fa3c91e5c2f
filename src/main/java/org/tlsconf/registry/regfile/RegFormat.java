package org.tlsconf.registry.regfile;

/** The two {@code .reg} dialects. They differ in their header and in how hex(2)/hex(7) strings are stored. */
public enum RegFormat {
    /** "Windows Registry Editor Version 5.00": strings in hex data are UTF-16LE. */
    V5("Windows Registry Editor Version 5.00"),
    /** "REGEDIT4": strings in hex data are single-byte ANSI. */
    REGEDIT4("REGEDIT4");

    private final String header;

    RegFormat(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
