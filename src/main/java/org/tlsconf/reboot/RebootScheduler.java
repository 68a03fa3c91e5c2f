package org.tlsconf.reboot;

import java.time.Duration;

/** Schedules or cancels a restart of this host. The Windows implementation lives with the Windows backend. */
public interface RebootScheduler {

    /**
     * Schedules a restart after {@code delay}, showing {@code message} to signed-in users.
     *
     * @throws RebootException when the restart cannot be scheduled (privilege, policy, not supported here)
     */
    void schedule(Duration delay, String message);

    /** Cancels a pending restart; returns false when none was pending. */
    boolean cancel();

    /** Thrown when a restart cannot be scheduled or cancelled. */
    class RebootException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RebootException(String message) {
            super(message);
        }
    }
}
