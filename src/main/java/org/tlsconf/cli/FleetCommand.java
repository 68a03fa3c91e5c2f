package org.tlsconf.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsconf.fleet.Fleet;
import org.tlsconf.fleet.HostExports;
import org.tlsconf.profile.Profile;
import org.tlsconf.report.FleetReport;
import org.tlsconf.report.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Audit many hosts at once from their exports: regedit .reg files and HealthChecker "
            + "(Export-Clixml) files. Per host: name, Windows build, compliance with the profile and how many values "
            + "drift, findings by severity; hosts with identical TLS values are grouped, and the most common findings "
            + "listed.",
            "A folder stands for every *.reg and *.xml file in it (one host each) and every subfolder of *.reg files "
                + "(one host each, as examples/ansible/collect.yml fetches them). A file that cannot be read is a "
                + "failed row; the run goes on.",
            "Exit 0 when every host was read and complies (or, without --profile, was read), 1 when any host "
                + "drifts or failed, 2 for bad arguments.",
            "",
            "Examples:",
            "  tlsconf fleet --profile max-protection exports/ --format html -o fleet.html",
            "  tlsconf fleet --profile max-protection exports/*.reg --format csv"},
        footer = {"", ExitCodes.HELP_TEXT})
public class FleetCommand implements Callable<Integer> {
    enum FleetFormat {
        text, json, csv, html
    }

    private final Context context;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILES|DIRS", arity = "1..*", description = "Host exports, or folders of them.")
    List<Path> paths;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Check every host against this profile (a bundled name or a file).")
    String profile;

    @Option(names = "--os-build", paramLabel = "N",
            description = "The Windows build of exports that do not name one (no Windows NT\\CurrentVersion key).")
    Integer osBuild;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json (documented in README: hosts[], groups[], summary), csv (one row per "
                    + "host), or html (one page: compliance summary, hosts x protocols, most common findings).")
    FleetFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output.")
    Path output;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text report: auto (on a terminal), always, never.")
    OutputOptions.Color color;

    FleetCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RegistryOptions.checkOsBuild(osBuild);
        if (output != null) {
            OutputFile.check(output, exampleName(), paths.toArray(Path[]::new));
        }
        Optional<Profile> p = Optional.ofNullable(profile).map(name -> context.loader().load(name));
        List<HostExports.Source> sources;
        try {
            sources = HostExports.find(paths);
        } catch (HostExports.NoExportsException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Fleet.Result result = Fleet.run(sources, p, Optional.ofNullable(osBuild));
        org.tlsconf.report.ReportMeta meta = Meta.of(context, Optional.empty()); // the profile is in the title
        String report = switch (format) {
            case json -> FleetReport.json(result, meta);
            case csv -> FleetReport.csv(result); // a plain table for spreadsheets: no stamp rows
            case html -> FleetReport.html(result, meta);
            case text -> FleetReport.text(result, meta, output == null ? OutputOptions.style(color) : Style.PLAIN);
        };
        if (output == null) {
            spec.commandLine().getOut().print(report);
        } else {
            OutputFile.write(output, exampleName(), report.getBytes(StandardCharsets.UTF_8), paths.toArray(Path[]::new));
            spec.commandLine().getErr().println(result.hosts().size() + " hosts; report written to " + output);
        }
        return result.allGood() ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /** The file name an error message suggests for -o: fleet.txt, fleet.json, fleet.csv, fleet.html. */
    private String exampleName() {
        return "fleet." + (format == FleetFormat.text ? "txt" : format.name());
    }
}
