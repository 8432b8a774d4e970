package dev.queuectl.client.command;

import dev.queuectl.protocol.BuildInfo;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A queuectl command whose picocli model is built in code. picocli's annotations are read by
 * reflection (through generated annotation proxies), which cost every {@code queuectl} call
 * about 40 ms of start-up; building the same model directly costs almost nothing. A command
 * declares its options as fields initialised with {@link #option}, {@link #flag} and
 * {@link #parameter}, and reads them with {@code getValue()} when it runs.
 */
public abstract class BaseCommand {
    /** What --version prints, from any command. */
    private static final CommandLine.IVersionProvider VERSION = new CommandLine.IVersionProvider() {
        @Override
        public String[] getVersion() {
            return new String[] {"queuectl " + BuildInfo.version()};
        }
    };

    protected final CommandSpec spec;

    protected BaseCommand(String name, String... description) {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(name);
        spec.versionProvider(VERSION);
        spec.usageMessage().description(layOut(description));
    }

    /**
     * The description for the 80-column help: the first line is the summary shown in the parent's
     * command list, kept whole (and short); the paragraphs after it are wrapped at spaces.
     */
    private static String[] layOut(String[] description) {
        if (description.length <= 1) {
            return description;
        }
        String[] rest = HelpText.wrap(HelpText.TEXT_WIDTH, Arrays.copyOfRange(description, 1, description.length));
        String[] all = new String[rest.length + 1];
        all[0] = description[0];
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The command's model, to be wrapped in a {@code CommandLine}. */
    public final CommandSpec spec() {
        return spec;
    }

    /** Adds an option that takes a value of {@code type}, null (or its primitive default) when absent. */
    protected final OptionSpec option(String label, Class<?> type, String description, String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(type)
                .description(HelpText.wrap(HelpText.OPTION_WIDTH, description)));
    }

    /** Adds an option that takes a value, with a default shown as {@code ${DEFAULT-VALUE}} in help. */
    protected final OptionSpec optionWithDefault(String label, Class<?> type, String defaultValue, String description,
                                                 String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(type).defaultValue(defaultValue)
                .description(HelpText.wrap(HelpText.OPTION_WIDTH, description)));
    }

    /** Adds an option without a value; its value is true when given. */
    protected final OptionSpec flag(String description, String... names) {
        return add(OptionSpec.builder(names).type(boolean.class).defaultValue("false")
                .description(HelpText.wrap(HelpText.OPTION_WIDTH, description)));
    }

    /** Adds an option that may be given several times; its value is the list of them (null when absent). */
    protected final OptionSpec repeatable(String label, String description, String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(java.util.List.class).auxiliaryTypes(String.class)
                .arity("1").description(HelpText.wrap(HelpText.OPTION_WIDTH, description)));
    }

    private OptionSpec add(OptionSpec.Builder builder) {
        OptionSpec option = builder.build();
        spec.addOption(option);
        return option;
    }

    /**
     * Adds the positional parameter at {@code index} ("0", "1", ...): one value, null when absent;
     * required unless {@code arity} is "0..1".
     */
    protected final PositionalParamSpec parameter(String index, String label, String arity, String description) {
        PositionalParamSpec p = PositionalParamSpec.builder().index(index).paramLabel(label).arity(arity)
                .required(!arity.startsWith("0")).type(String.class)
                .description(HelpText.wrap(HelpText.OPTION_WIDTH, description)).build();
        spec.addPositional(p);
        return p;
    }

    /** Adds a positional parameter that takes every remaining argument, as a list of strings. */
    protected final PositionalParamSpec remainingParameters(String label, String description) {
        PositionalParamSpec p = PositionalParamSpec.builder().index("0..*").paramLabel(label).arity("0..*")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .description(HelpText.wrap(HelpText.OPTION_WIDTH, description)).build();
        spec.addPositional(p);
        return p;
    }
}
