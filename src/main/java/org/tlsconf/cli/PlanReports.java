package org.tlsconf.cli;

import org.tlsconf.audit.Audit;
import org.tlsconf.plan.Plan;
import org.tlsconf.plan.Simulation;
import org.tlsconf.profile.Profile;
import org.tlsconf.registry.Registry;
import org.tlsconf.report.DiffReport;

/** Renders a plan (diff, check) in every format. */
final class PlanReports {
    private PlanReports() {
    }

    static DiffReport.Audits audits(Plan plan, Registry registry, RegistryOptions options) {
        var version = options.windowsVersion(registry);
        return new DiffReport.Audits(Audit.of(registry, version), Audit.of(Simulation.after(plan, registry), version));
    }

    /** The profile's warnings, then what resolving it for the build left out. */
    static java.util.List<String> warnings(Profile profile) {
        java.util.List<String> all = new java.util.ArrayList<>(profile.warnings());
        all.addAll(profile.notes());
        return all;
    }

    static String render(Context context, OutputOptions output, Plan plan, Profile profile, Registry registry,
            RegistryOptions options, String title, Boolean compliant, String verdict) {
        DiffReport.Subject subject = new DiffReport.Subject(plan, profile.source(), registry.describe(),
                options.hostLine(registry), warnings(profile), Meta.of(context, registry,
                options.registryFile() == null, Meta.profile(profile.name(), profile.source())));
        return switch (output.format()) {
            case json -> {
                var tree = DiffReport.jsonTree(subject);
                if (compliant != null) {
                    tree.put("compliant", compliant);
                }
                yield org.tlsconf.report.Json.write(tree);
            }
            case markdown -> DiffReport.markdown(subject, audits(plan, registry, options), title, verdict);
            case html -> DiffReport.html(subject, audits(plan, registry, options), title, verdict);
            case text -> DiffReport.text(subject, output.style());
        };
    }
}
