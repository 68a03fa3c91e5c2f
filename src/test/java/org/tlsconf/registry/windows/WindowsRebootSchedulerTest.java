package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.tlsconf.reboot.RebootScheduler;

class WindowsRebootSchedulerTest {
    private final WinShutdownApi api = mock(WinShutdownApi.class);
    private final WindowsRebootScheduler scheduler = new WindowsRebootScheduler(api);

    @Test
    void enablesTheShutdownPrivilegeThenSchedulesAPlannedReconfigurationRestart() {
        scheduler.schedule(Duration.ofSeconds(300), "tlsconf applied max-protection");
        InOrder order = inOrder(api);
        order.verify(api).enableShutdownPrivilege();
        order.verify(api).initiateReboot("tlsconf applied max-protection", 300, 0x80020004);
    }

    @Test
    void aMissingPrivilegeStopsBeforeAnyShutdownCall() {
        doThrow(new WinError(1300, "AdjustTokenPrivileges(SeShutdownPrivilege)")).when(api).enableShutdownPrivilege();
        RebootScheduler.RebootException e = assertThrows(RebootScheduler.RebootException.class,
                () -> scheduler.schedule(Duration.ofSeconds(60), "m"));
        assertTrue(e.getMessage().contains("1300"), e.getMessage());
        verify(api, never()).initiateReboot(anyString(), anyInt(), anyInt());
    }

    @Test
    void aTokenWithoutTheShutdownPrivilegeIsToldSoAndNothingIsScheduled() {
        // AdjustTokenPrivileges returns success; only the last error says the privilege was not there to enable
        when(api.enableShutdownPrivilege()).thenReturn(WinError.NOT_ALL_ASSIGNED);
        RebootScheduler.RebootException e = assertThrows(RebootScheduler.RebootException.class,
                () -> scheduler.schedule(Duration.ofSeconds(60), "m"));
        assertTrue(e.getMessage().startsWith("this account may not restart Windows: its token does not hold "
                + "SeShutdownPrivilege"), e.getMessage());
        assertTrue(e.getMessage().contains("1300, ERROR_NOT_ALL_ASSIGNED"), e.getMessage());
        verify(api, never()).initiateReboot(anyString(), anyInt(), anyInt());
        assertThrows(RebootScheduler.RebootException.class, scheduler::cancel);
        verify(api, never()).abortShutdown();
    }

    @Test
    void accessDeniedSaysToElevate() {
        doThrow(new WinError(5, "InitiateSystemShutdownEx")).when(api).initiateReboot(anyString(), anyInt(), anyInt());
        assertTrue(assertThrows(RebootScheduler.RebootException.class,
                () -> scheduler.schedule(Duration.ofSeconds(60), "m")).getMessage().contains("elevated"));
    }

    @Test
    void outOfRangeDelaysAreRefused() {
        assertThrows(RebootScheduler.RebootException.class, () -> scheduler.schedule(Duration.ofSeconds(-1), "m"));
        // no delay: Windows restarts at once and AbortSystemShutdown cannot stop it
        assertThrows(RebootScheduler.RebootException.class, () -> scheduler.schedule(Duration.ZERO, "m"));
        assertThrows(RebootScheduler.RebootException.class,
                () -> scheduler.schedule(Duration.ofDays(365 * 11), "m"));
        verify(api, never()).initiateReboot(anyString(), anyInt(), anyInt());
    }

    @Test
    void cancelAbortsAPendingRestartAndReportsWhenNoneWasPending() {
        assertTrue(scheduler.cancel());
        InOrder order = inOrder(api);
        order.verify(api).enableShutdownPrivilege();
        order.verify(api).abortShutdown();
        doThrow(new WinError(1116, "AbortSystemShutdown")).when(api).abortShutdown();
        assertFalse(scheduler.cancel());
        doThrow(new WinError(5, "AbortSystemShutdown")).when(api).abortShutdown();
        assertThrows(RebootScheduler.RebootException.class, scheduler::cancel);
    }
}
