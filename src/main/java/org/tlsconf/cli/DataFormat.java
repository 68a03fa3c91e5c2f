package org.tlsconf.cli;

/** Output formats of the listing commands (profiles, backups): for people, or for scripts. */
public enum DataFormat {
    text, json
}
