package org.tlsconf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's time stamp is written out by hand (start-up): java.time's formatter is the judge. */
class ReportMetaTimeTest {
    private static final DateTimeFormatter JUDGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Test
    void agreesWithJavaTimeOnAThousandInstantsAndTheEdges() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            // years 1970-9999, any second, any fraction (which is dropped, not rounded)
            Instant t = Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000));
            assertEquals(JUDGE.format(t), ReportMeta.utc(t), t.toString());
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2026-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00Z", "2026-11-26T09:05:07Z"}) {
            assertEquals(JUDGE.format(Instant.parse(edge)), ReportMeta.utc(Instant.parse(edge)), edge);
        }
    }
}
