package org.tlsconf.registry.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.tlsconf.registry.Hive;
import org.tlsconf.registry.RegistryAccessDeniedException;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryKeyNotFoundException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;

class WindowsRegistryTest {
    private final WinRegistryApi api = mock(WinRegistryApi.class);
    private final WindowsRegistry registry = new WindowsRegistry(api);

    private static final RegistryPath NET32 = RegistryPath.parse(
            "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319");
    private static final RegistryPath RC4 = RegistryPath.parse(
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 40/128");

    @Test
    void everyCallAsksForThe64BitViewAndNamesWow6432NodeExplicitly() {
        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(true);
        when(api.values(any(), anyString(), anyInt())).thenReturn(new LinkedHashMap<>());
        registry.readValue(NET32, "SchUseStrongCrypto");
        registry.values(NET32);
        registry.subKeys(NET32);
        registry.keyExists(NET32);
        registry.createKey(NET32);
        registry.setValue(NET32, "SchUseStrongCrypto", RegistryValue.dword(1));
        registry.deleteValue(NET32, "SchUseStrongCrypto");
        registry.deleteEmptyKey(NET32);
        ArgumentCaptor<Integer> access = ArgumentCaptor.forClass(Integer.class);
        verify(api).value(eq(Hive.HKEY_LOCAL_MACHINE), eq("SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319"),
                eq("SchUseStrongCrypto"), access.capture());
        verify(api, atLeastOnce()).subKeys(any(), anyString(), access.capture());
        verify(api, atLeastOnce()).values(any(), anyString(), access.capture());
        verify(api, atLeastOnce()).keyExists(any(), anyString(), access.capture());
        verify(api).createKey(any(), anyString(), access.capture());
        verify(api).setValue(any(), anyString(), anyString(), any(), access.capture());
        verify(api).deleteValue(any(), anyString(), anyString(), access.capture());
        verify(api).deleteKey(any(), anyString(), access.capture());
        assertTrue(access.getAllValues().stream().allMatch(a -> a == WinRegistryApi.KEY_WOW64_64KEY),
                access.getAllValues().toString());
    }

    @Test
    void keyNamesWithSlashesArePassedAsOneName() {
        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(true);
        registry.setValue(RC4, "Enabled", RegistryValue.dword(0));
        verify(api).setValue(eq(Hive.HKEY_LOCAL_MACHINE),
                eq("SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 40/128"),
                eq("Enabled"), any(), anyInt());
    }

    @Test
    void dwordsAreUnsignedBothWays() {
        when(api.value(any(), anyString(), eq("Enabled"), anyInt())).thenReturn(Optional.of(
                new WinRegistryApi.RawValue(4, new byte[] {-1, -1, -1, -1})));
        assertEquals(Optional.of(RegistryValue.dword(4294967295L)), registry.readValue(RC4, "Enabled"));
        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(true);
        registry.setValue(RC4, "Enabled", RegistryValue.dword(0xFFFFFFFFL));
        ArgumentCaptor<WinRegistryApi.RawValue> raw = ArgumentCaptor.forClass(WinRegistryApi.RawValue.class);
        verify(api).setValue(any(), anyString(), anyString(), raw.capture(), anyInt());
        assertEquals(4, raw.getValue().type());
        assertEquals(List.of((byte) -1, (byte) -1, (byte) -1, (byte) -1), List.of(raw.getValue().data()[0],
                raw.getValue().data()[1], raw.getValue().data()[2], raw.getValue().data()[3]));
    }

    @Test
    void win32ErrorsMapToTypedExceptionsNamingTheCodeAndKey() {
        when(api.value(any(), anyString(), anyString(), anyInt())).thenThrow(new WinError(5, "RegOpenKeyEx"));
        RegistryAccessDeniedException denied = assertThrows(RegistryAccessDeniedException.class,
                () -> registry.readValue(NET32, "X"));
        assertTrue(denied.getMessage().contains("Win32 error 5") && denied.getMessage().contains(NET32.toString()),
                denied.getMessage());
        assertTrue(denied.getMessage().contains("elevated"));
        when(api.keyExists(any(), anyString(), anyInt())).thenThrow(new WinError(1018, "RegOpenKeyEx"));
        RegistryException other = assertThrows(RegistryException.class, () -> registry.keyExists(NET32));
        assertTrue(other.getMessage().contains("Win32 error 1018 (RegOpenKeyEx)"), other.getMessage());
        assertEquals(RegistryException.class, other.getClass());
    }

    @Test
    void missingKeysAndValuesReadAsAbsent() {
        when(api.values(any(), anyString(), anyInt())).thenThrow(new WinError(2, "RegOpenKeyEx"));
        when(api.subKeys(any(), anyString(), anyInt())).thenThrow(new WinError(2, "RegOpenKeyEx"));
        org.mockito.Mockito.doThrow(new WinError(2, "RegDeleteValue")).when(api)
                .deleteValue(any(), anyString(), anyString(), anyInt());
        assertEquals(0, registry.values(NET32).size());
        assertEquals(List.of(), registry.subKeys(NET32));
        registry.deleteValue(NET32, "Gone"); // nothing to delete is not an error
    }

    @Test
    void aValueIsNeverWrittenIntoAKeyThatDoesNotExist() {
        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(false);
        assertThrows(RegistryKeyNotFoundException.class,
                () -> registry.setValue(NET32, "SchUseStrongCrypto", RegistryValue.dword(1)));
        verify(api, never()).setValue(any(), anyString(), anyString(), any(), anyInt());
    }

    @Test
    void aKeyWithContentIsNeverDeleted() {
        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(true);
        LinkedHashMap<String, WinRegistryApi.RawValue> values = new LinkedHashMap<>();
        values.put("SKU", new WinRegistryApi.RawValue(1, new byte[] {0, 0}));
        when(api.values(any(), anyString(), anyInt())).thenReturn(values);
        assertThrows(RegistryException.class, () -> registry.deleteEmptyKey(NET32));
        verify(api, never()).deleteKey(any(), anyString(), anyInt());
    }

    @Test
    void rawTypesRoundTripUnchanged() {
        when(api.value(any(), anyString(), eq("Odd"), anyInt())).thenReturn(Optional.of(
                new WinRegistryApi.RawValue(4, new byte[] {1, 2, 3})));
        RegistryValue v = registry.readValue(NET32, "Odd").get();
        assertInstanceOf(RegistryValue.Binary.class, v);
        assertEquals(4, v.type().code());
    }

    @Test
    void aValueOfAnUndocumentedTypeIsReadAndWrittenWithItsTypeNumber() {
        when(api.value(any(), anyString(), eq("Private"), anyInt())).thenReturn(Optional.of(
                new WinRegistryApi.RawValue(0xffff0012, new byte[] {1, 2})));
        RegistryValue v = registry.readValue(NET32, "Private").orElseThrow();
        assertEquals(new RegistryValue.Binary(org.tlsconf.registry.ValueType.of(0xffff0012), new byte[] {1, 2}), v);

        when(api.keyExists(any(), anyString(), anyInt())).thenReturn(true);
        registry.setValue(NET32, "Private", v);
        ArgumentCaptor<WinRegistryApi.RawValue> raw = ArgumentCaptor.forClass(WinRegistryApi.RawValue.class);
        verify(api).setValue(any(), anyString(), eq("Private"), raw.capture(), anyInt());
        assertEquals(0xffff0012, raw.getValue().type());
        assertEquals(List.of((byte) 1, (byte) 2), List.of(raw.getValue().data()[0], raw.getValue().data()[1]));
    }
}
