package org.tlsconf.registry.windows;

/** A Win32 call failed: which function, and its error code (5 = access denied, 2 = not found, ...). */
public class WinError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int FILE_NOT_FOUND = 2;
    public static final int ACCESS_DENIED = 5;
    public static final int NO_SHUTDOWN_IN_PROGRESS = 1116;
    /** AdjustTokenPrivileges succeeded but the token does not hold (all) the privileges asked for. */
    public static final int NOT_ALL_ASSIGNED = 1300;

    private final int code;
    private final String function;

    public WinError(int code, String function) {
        super(function + " failed with Win32 error " + code);
        this.code = code;
        this.function = function;
    }

    public int code() {
        return code;
    }

    public String function() {
        return function;
    }
}
