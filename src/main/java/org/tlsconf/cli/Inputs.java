package org.tlsconf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;

/**
 * The two inputs of a comparison ({@code check}, {@code diff}): a profile and a registry, read side by side. The
 * registry is opened on a second thread while this one loads the profile: each is a good part of a short command's
 * run (a regedit export is parsed; on Windows, opening the live registry loads JNA), and {@code check} is the
 * detection rule that SCCM and Intune run on every server on a schedule.
 *
 * <p>Errors come out as if the two were read one after the other, profile first: a bad profile is reported (and the
 * registry's result or failure dropped) before anything about the registry.
 */
record Inputs(Profile profile, Registry registry) {

    static Inputs read(Context context, String profile, Path registryFile) {
        FutureTask<Registry> registry = new FutureTask<>(new Callable<Registry>() {
            @Override
            public Registry call() {
                return context.registries().openForReading(registryFile);
            }
        });
        Thread reader = new Thread(registry, "tlsconf-registry-reader");
        reader.setDaemon(true); // a bad profile ends the command without waiting for it
        reader.start();
        Profile loaded = context.loader().load(profile);
        return new Inputs(loaded, join(registry));
    }

    /** The registry, or the failure that reading it threw, thrown here as it was thrown there. */
    private static Registry join(FutureTask<Registry> registry) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return registry.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the read is short and holds a file open: wait for it
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
