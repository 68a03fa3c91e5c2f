package org.tlsconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsconf.backup.BackupStore;
import org.tlsconf.backup.FolderSecurity;
import org.tlsconf.profile.ProfileCatalogue;
import org.tlsconf.reboot.RebootScheduler;
import org.tlsconf.registry.InMemoryRegistry;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.regfile.RegFileReader;
import org.tlsconf.testing.FaultInjectingRegistry;
import picocli.CommandLine;

/** The backup folder's ACL and trust in backup files, through the {@link FolderSecurity} port (Windows-only). */
class FolderSecurityCliTest {
    @TempDir
    Path dir;

    private final FolderSecurity security = mock(FolderSecurity.class);

    private CommandLine live(Registry registry) {
        RegistryProvider provider = new LiveRegistryProvider(registry, security);
        return Cli.create(new Context(provider, new ProfileCatalogue(), mock(RebootScheduler.class),
                Clock.systemUTC(), dir.resolve("tlsconf").resolve("backups")));
    }

    private static InMemoryRegistry exampleHost() throws Exception {
        return RegFileReader.parse(Files.readAllBytes(Path.of(CliTest.EXAMPLE)), "example").replay("live registry");
    }

    @Test
    void applyOnTheLiveRegistryRestrictsTheLockAndBackupFoldersBeforeWritingAnything() throws Exception {
        FaultInjectingRegistry registry = new FaultInjectingRegistry(exampleHost());
        List<String> calls = new ArrayList<>();
        doAnswer(inv -> {
            Path d = inv.getArgument(0);
            calls.add(d.getFileName() + " after " + registry.writes() + " writes");
            Files.createDirectories(d);
            return null;
        }).when(security).restrictToAdministrators(any());
        CliTest.Run r = CliTest.run(live(registry), "apply", "max-protection");
        assertEquals(3010, r.code(), r.err());
        assertEquals(List.of("tlsconf after 0 writes", "backups after 0 writes"), calls);
    }

    @Test
    void aBackupANonAdministratorCouldHaveWrittenIsNotRestored() throws Exception {
        InMemoryRegistry host = exampleHost();
        doAnswer(inv -> Files.createDirectories(inv.getArgument(0))).when(security).restrictToAdministrators(any());
        assertEquals(3010, CliTest.run(live(host), "apply", "max-protection").code());
        Path backup = new BackupStore(dir.resolve("tlsconf").resolve("backups")).list().backups().get(0).file();
        when(security.otherWriters(backup)).thenReturn(List.of("BU may write its folder (x: DCLCRPCR)"));
        FaultInjectingRegistry counted = new FaultInjectingRegistry(host);
        for (String[] args : List.of(new String[] {"restore", "--last"}, new String[] {"restore", backup.toString()})) {
            CliTest.Run r = CliTest.run(live(counted), args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("tlsconf: refusing to restore from " + backup + ": someone besides "
                    + "Administrators and SYSTEM could have written it (BU may write its folder"), r.err());
            assertEquals(0, counted.writes());
        }
        verify(security, org.mockito.Mockito.times(2)).otherWriters(backup);
    }

    @Test
    void aRegFileRunLeavesFolderAclsToTheFileSystem() throws Exception {
        Path host = dir.resolve("host.reg");
        Files.copy(Path.of(CliTest.EXAMPLE), host);
        CommandLine cl = live(exampleHost());
        assertEquals(3010, CliTest.run(cl, "apply", "max-protection", "--registry-file", host.toString()).code());
        verifyNoInteractions(security);
    }
}
