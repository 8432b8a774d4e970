package dev.queuectl.client.command;

import dev.queuectl.protocol.BuildInfo;
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
        spec.usageMessage().description(description);
    }

    /** The command's model, to be wrapped in a {@code CommandLine}. */
    public final CommandSpec spec() {
        return spec;
    }

    /** Adds an option that takes a value of {@code type}, null (or its primitive default) when absent. */
    protected final OptionSpec option(String label, Class<?> type, String description, String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(type).description(description));
    }

    /** Adds an option that takes a value, with a default shown as {@code ${DEFAULT-VALUE}} in help. */
    protected final OptionSpec optionWithDefault(String label, Class<?> type, String defaultValue, String description,
                                                 String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(type).defaultValue(defaultValue)
                .description(description));
    }

    /** Adds an option without a value; its value is true when given. */
    protected final OptionSpec flag(String description, String... names) {
        return add(OptionSpec.builder(names).type(boolean.class).defaultValue("false").description(description));
    }

    /** Adds an option that may be given several times; its value is the list of them (null when absent). */
    protected final OptionSpec repeatable(String label, String description, String... names) {
        return add(OptionSpec.builder(names).paramLabel(label).type(java.util.List.class).auxiliaryTypes(String.class)
                .arity("1").description(description));
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
                .required(!arity.startsWith("0")).type(String.class).description(description).build();
        spec.addPositional(p);
        return p;
    }

    /** Adds a positional parameter that takes every remaining argument, as a list of strings. */
    protected final PositionalParamSpec remainingParameters(String label, String description) {
        PositionalParamSpec p = PositionalParamSpec.builder().index("0..*").paramLabel(label).arity("0..*")
                .type(java.util.List.class).auxiliaryTypes(String.class).description(description).build();
        spec.addPositional(p);
        return p;
    }
}
