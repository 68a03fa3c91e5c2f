package org.tlsconf.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tlsconf.audit.Audit;
import org.tlsconf.audit.Finding;
import org.tlsconf.audit.HostState;
import org.tlsconf.fleet.FleetHost.Severities;
import org.tlsconf.fleet.FleetHost.Status;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Planner;
import org.tlsconf.profile.Profile;
import org.tlsconf.profile.ProfileException;
import org.tlsconf.registry.Registry;
import org.tlsconf.registry.RegistryException;
import org.tlsconf.registry.RegistryInputException;
import org.tlsconf.registry.RegistryPath;
import org.tlsconf.registry.RegistryValue;
import org.tlsconf.registry.exports.Exports;
import org.tlsconf.tls.TlsRegistry;
import org.tlsconf.tls.WindowsVersion;

/**
 * Audits many host exports in one process, a few at a time: each export is read, audited, checked against the
 * profile as written on that host's build, and dropped, so memory holds only the result rows. A file that cannot be
 * read, or a host the profile cannot be resolved for (a build-dependent profile and an unknown build), becomes a
 * failed row.
 */
public final class Fleet {
    private final Optional<Profile> profile;
    private final Optional<Integer> defaultBuild;
    private final List<FleetHost> hosts = new ArrayList<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, CommonFinding> findings = new LinkedHashMap<>();
    private final Map<Optional<Integer>, Object> resolvedByBuild = new java.util.concurrent.ConcurrentHashMap<>();

    /** A finding (id and place) and how many hosts have it. */
    public record CommonFinding(String id, Finding.Severity severity, String where, String message, int hosts) {
    }

    /** Hosts whose TLS values are identical. */
    public record Group(String configuration, List<String> members, Status status) {
    }

    /** Everything a fleet report shows. */
    public record Result(Optional<String> profile, List<FleetHost> hosts, List<Group> groups,
            List<CommonFinding> commonFindings) {

        public long count(Status status) {
            return hosts.stream().filter(h -> h.status() == status).count();
        }

        /** True when every host was read and (with a profile) complies. */
        public boolean allGood() {
            return count(Status.FAILED) == 0 && count(Status.DRIFT) == 0;
        }
    }

    /**
     * @param profile      the profile to check each host against, if any
     * @param defaultBuild the Windows build of exports that do not name one (--os-build)
     */
    public Fleet(Optional<Profile> profile, Optional<Integer> defaultBuild) {
        this.profile = profile;
        this.defaultBuild = defaultBuild;
    }

    /** The profile as written on a build (a failure is kept as well, so that each build is resolved once). */
    private Profile resolved(Optional<Integer> build) {
        Object r = resolvedByBuild.computeIfAbsent(build, b -> {
            try {
                return profile.orElseThrow().resolve(b);
            } catch (ProfileException e) {
                return e;
            }
        });
        if (r instanceof ProfileException e) {
            throw e;
        }
        return (Profile) r;
    }

    /** How many hosts are read at once (in parallel); bounds the exports held in memory at any time. */
    static final int BATCH = 32;

    /** Reads, audits and checks the hosts (a batch at a time, in parallel) and returns the rows in input order. */
    public static Result run(List<HostExports.Source> sources, Optional<Profile> profile,
            Optional<Integer> defaultBuild) {
        Fleet fleet = new Fleet(profile, defaultBuild);
        for (int i = 0; i < sources.size(); i += BATCH) {
            sources.subList(i, Math.min(sources.size(), i + BATCH)).parallelStream().map(fleet::examine).toList()
                    .forEach(fleet::accept);
        }
        return fleet.result();
    }

    /** Reads, audits and checks one host, and adds its row. */
    public void add(HostExports.Source source) {
        accept(examine(source));
    }

    /** A host's row and its findings, before they are counted. */
    private record Examined(FleetHost host, List<Finding> findings) {
    }

    private void accept(Examined e) {
        hosts.add(e.host());
        if (e.host().status() == Status.FAILED) {
            return;
        }
        groups.computeIfAbsent(e.host().configuration(), k -> new ArrayList<>()).add(e.host().name());
        for (Finding f : e.findings()) {
            findings.merge(f.id() + "\n" + f.where(), new CommonFinding(f.id(), f.severity(), f.where(),
                    f.message(), 1), (a, b) -> new CommonFinding(a.id(), a.severity(), a.where(), a.message(),
                    a.hosts() + 1));
        }
    }

    /** Reads one host and audits it; touches no shared state (runs in parallel). */
    private Examined examine(HostExports.Source source) {
        String kind = source.folder() ? "folder" : "reg";
        Exports.Export host;
        try {
            host = HostExports.read(source, TlsRegistry.READ_SCOPE);
        } catch (RegistryInputException e) {
            return new Examined(FleetHost.failed(source.defaultName(), source.path().toString(), kind,
                    firstLine(e.fullReport())), List.of());
        } catch (RegistryException e) {
            return new Examined(FleetHost.failed(source.defaultName(), source.path().toString(), kind,
                    e.getMessage()), List.of()); // names the file and why (the exception's class is no reason)
        }
        return audit(source, host);
    }

    private Examined audit(HostExports.Source source, Exports.Export host) {
        Registry registry = host.registry();
        String kind = host.healthChecker() ? "healthchecker" : source.folder() ? "folder" : "reg";
        Optional<WindowsVersion> version = WindowsVersion.read(registry, "from the export")
                .or(() -> defaultBuild.map(b -> WindowsVersion.ofBuild(b, "from --os-build")));
        Audit audit = Audit.of(registry, version);
        Status status = Status.AUDITED;
        int drift = 0;
        int checked = 0;
        int notCollected = 0;
        if (profile.isPresent()) {
            Profile resolved;
            try {
                resolved = resolved(version.map(WindowsVersion::build));
            } catch (ProfileException e) {
                return new Examined(FleetHost.failed(HostExports.hostName(host.registry(), source),
                        source.path().toString(), kind, e.getMessage()), List.of());
            }
            Plan plan = Planner.plan(resolved, registry);
            notCollected = plan.notCollected();
            drift = plan.changes().size();
            checked = plan.compared();
            status = plan.isEmpty() ? Status.COMPLIANT : Status.DRIFT;
        }
        int[] bySeverity = new int[Finding.Severity.values().length];
        audit.findings().forEach(f -> bySeverity[f.severity().ordinal()]++);
        FleetHost row = new FleetHost(HostExports.hostName(host.registry(), source), source.path().toString(), kind,
                version.map(WindowsVersion::build), version.map(WindowsVersion::productName).orElse(""), status,
                drift, checked, notCollected, new Severities(bySeverity[0], bySeverity[1], bySeverity[2],
                        bySeverity[3]), fingerprint(registry),
                audit.state().protocols().stream().filter(p -> HostState.MATRIX.contains(p.protocol())).toList(), "",
                audit.findings());
        return new Examined(row, audit.findings());
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** The rows in input order, groups largest first, findings most common first. */
    public Result result() {
        Map<String, Status> statusOf = new LinkedHashMap<>();
        for (FleetHost h : hosts) {
            statusOf.putIfAbsent(h.configuration(), h.status());
        }
        List<Group> g = groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue(),
                statusOf.get(e.getKey()))).sorted(Comparator.comparingInt((Group x) -> -x.members().size())).toList();
        List<CommonFinding> f = findings.values().stream().sorted(Comparator.comparingInt(CommonFinding::hosts)
                .reversed().thenComparing(CommonFinding::severity).thenComparing(CommonFinding::id)).toList();
        return new Result(profile.map(Profile::name), hosts, g, f);
    }

    /**
     * A short hash of every key and value under the TLS roots (names folded to lower case, keys and values sorted,
     * types and data included): two hosts with the same hash have the same TLS configuration.
     */
    static String fingerprint(Registry registry) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (RegistryPath root : TlsRegistry.WRITABLE_ROOTS) {
            digest(registry, root, sha);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 6);
    }

    private static void digest(Registry registry, RegistryPath key, MessageDigest sha) {
        if (!registry.keyExists(key)) {
            return;
        }
        sha.update(("[" + key.toString().toLowerCase(Locale.ROOT) + "]\n").getBytes(StandardCharsets.UTF_8));
        Map<String, RegistryValue> values = registry.values(key);
        List<String> names = values.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        for (String n : names) {
            RegistryValue v = values.get(n);
            sha.update((n.toLowerCase(Locale.ROOT) + "=" + v.type().code() + ":").getBytes(StandardCharsets.UTF_8));
            sha.update(v.toBytes());
            sha.update((byte) '\n');
        }
        for (String sub : registry.subKeys(key).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()) {
            digest(registry, key.child(sub), sha);
        }
    }
}
