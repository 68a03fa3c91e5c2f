package org.tlsconf.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.tlsconf.explain.Explainer;
import org.tlsconf.report.ExplainReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", modelTransformer = DeclaredCommand.AddOptionGroups.class, mixinStandardHelpOptions = true,
        description = {"Explain a TLS error: paste the message, the whole exception (stack frames and inner "
            + "exceptions are fine), an HRESULT (0x80090331) or a Schannel event (36887 ... alert code 70). Prints "
            + "the likely causes and the next steps: which profile values, which tlsconf command.",
            "Use - to read the text from standard input. Exit 0 when something was recognised, 2 otherwise.",
            "",
            "Examples:",
            "  tlsconf explain \"The underlying connection was closed: An unexpected error occurred on a send.\"",
            "  tlsconf explain 0x80090331",
            "  tlsconf explain \"Event 36887: The TLS protocol defined fatal alert code is 70.\"",
            "  Get-Clipboard | tlsconf explain -"})
public class ExplainCommand implements java.util.concurrent.Callable<Integer>,
        DeclaredCommand.WithOptionGroups {
    private final Context context;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The message, code or event text; - for stdin.")
    List<String> text;
    final OutputOptions output = new OutputOptions();

    ExplainCommand(Context context) {
        this.context = context;
    }

    @Override
    public void addOptionGroups(CommandSpec spec) {
        output.addTo(spec);
    }

    @Override
    public Integer call() throws IOException {
        String all = text.size() == 1 && text.get(0).equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : String.join(" ", text);
        List<Explainer.Match> matches = Explainer.explain(all);
        Optional<String> alertOnly = Explainer.alertOnly(all);
        if (matches.isEmpty() && alertOnly.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, "no known TLS error in that text; paste the whole message "
                    + "including inner exceptions, an HRESULT such as 0x80090331, or a Schannel event with its alert "
                    + "code");
        }
        org.tlsconf.report.ReportMeta meta = Meta.of(context, Optional.empty());
        spec.commandLine().getOut().print(switch (output.format()) {
            case json -> ExplainReport.json(matches, alertOnly, meta);
            case markdown -> ExplainReport.markdown(matches, alertOnly, meta);
            case html -> ExplainReport.html(matches, alertOnly, meta);
            case text -> ExplainReport.text(matches, alertOnly, meta, output.style());
        });
        return ExitCodes.OK;
    }
}
