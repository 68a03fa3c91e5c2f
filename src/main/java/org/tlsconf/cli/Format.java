package org.tlsconf.cli;

/** Output formats. */
public enum Format {
    text, json, markdown, html
}
