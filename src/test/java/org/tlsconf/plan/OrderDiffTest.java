package org.tlsconf.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

class OrderDiffTest {

    @Test
    void namesWhatAppearsDisappearsAndMoves() {
        OrderDiff d = OrderDiff.of(List.of("A", "B", "C", "D"), List.of("C", "A", "E", "B"));
        assertEquals(List.of(new OrderDiff.Placed("E", 3)), d.added());
        assertEquals(List.of(new OrderDiff.Placed("D", 4)), d.removed());
        assertEquals(List.of(new OrderDiff.Moved("C", 3, 1), new OrderDiff.Moved("A", 1, 2),
                new OrderDiff.Moved("B", 2, 4)), d.moved());
    }

    @Test
    void theSameOrderWithOtherCaseOrTypeIsNoOrderChange() {
        assertTrue(OrderDiff.of(List.of("a", "b"), List.of("A", "B")).isEmpty());
        Change c = new Change(Change.Action.MODIFY, RegistryPath.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\"
                + "Cryptography\\Configuration\\SSL\\00010002"), "Functions",
                Optional.of(RegistryValue.multiSz(List.of("X", "Y"))), Optional.of(RegistryValue.sz("X,Y")), false);
        assertTrue(OrderDiff.of(c).orElseThrow().isEmpty());
    }

    @Test
    void onlyOrderValuesGetAnOrderDiff() {
        Change c = new Change(Change.Action.ADD, RegistryPath.parse("HKLM\\SOFTWARE\\Policies\\Microsoft\\"
                + "Cryptography\\Configuration\\SSL\\00010002"), "Other", Optional.empty(),
                Optional.of(RegistryValue.sz("X,Y")), false);
        assertEquals(Optional.empty(), OrderDiff.of(c));
        assertEquals(List.of("X", "Y"), OrderDiff.items(RegistryValue.sz(" X, Y ,")));
    }
}
