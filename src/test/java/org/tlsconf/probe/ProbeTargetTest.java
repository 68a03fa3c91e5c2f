package org.tlsconf.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tlsconf.probe.ProbeTarget.StartTls;

class ProbeTargetTest {

    @Test
    void autoPicksStartTlsByPortAsSeed002Describes() {
        assertEquals(StartTls.SMTP, ProbeTarget.parse("mail:587", "auto").mode());
        assertEquals(StartTls.SMTP, ProbeTarget.parse("mail:25", "auto").mode());
        assertEquals(StartTls.IMAP, ProbeTarget.parse("mail:143", "auto").mode());
        assertEquals(StartTls.POP3, ProbeTarget.parse("mail:110", "auto").mode());
        for (int implicit : new int[] {993, 995, 465, 443, 636}) {
            assertEquals(StartTls.NONE, ProbeTarget.parse("mail:" + implicit, "auto").mode(), "port " + implicit);
        }
        assertEquals(StartTls.NONE, ProbeTarget.parse("mail:587", "none").mode());
    }

    @Test
    void parsesHostsPortsAndIpv6() {
        assertEquals(new ProbeTarget("example.com", 443, StartTls.NONE), ProbeTarget.parse("example.com", "auto"));
        assertEquals(new ProbeTarget("::1", 8443, StartTls.NONE), ProbeTarget.parse("[::1]:8443", "auto"));
        assertEquals("[::1]:8443", ProbeTarget.parse("[::1]:8443", "auto").toString());
        assertEquals("mail:587 (smtp STARTTLS)", ProbeTarget.parse("mail:587", "auto").toString());
    }

    @Test
    void rejectsBadInputWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProbeTarget.parse("host:99999", "auto"))
                .getMessage().contains("1 to 65535"));
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.parse(":443", "auto"));
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.parse("[::1", "auto"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProbeTarget.parse("h", "ftp")).getMessage()
                .contains("unknown --starttls mode"));
    }
}
