package org.tlsconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command declared with picocli's programmatic API: it builds its own model, so a run of it reads no picocli
 * annotations. Java makes a proxy class for each annotation type picocli reads, and the class-data archive cannot
 * keep those: building {@code check} from annotations was the largest part of its start-up.
 */
interface DeclaredCommand {
    /** This command's model; its user object is this command, which picocli runs. */
    CommandSpec spec();

    /**
     * What {@code mixinStandardHelpOptions = true} gives an annotated command: -h/--help and -V/--version. They are
     * added as plain options, not as a mixin: picocli gives every {@code CommandSpec} (a mixin is one) a negatable
     * option transformer that compiles eight regular expressions, paid on every run.
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .descriptionKey("mixinStandardHelpOptions.help").description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.")
                .build());
    }

    /**
     * For an annotated command that holds option groups declared with the programmatic API ({@link RegistryOptions},
     * {@link OutputOptions}): picocli calls its {@code @Command(modelTransformer = ...)} once the annotated model is
     * built, and the command adds its groups there.
     */
    interface WithOptionGroups {
        void addOptionGroups(CommandSpec spec);
    }

    /** The model transformer of {@link WithOptionGroups} commands. */
    final class AddOptionGroups implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            ((WithOptionGroups) spec.userObject()).addOptionGroups(spec);
            return spec;
        }
    }
}
