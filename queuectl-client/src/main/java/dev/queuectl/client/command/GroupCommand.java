package dev.queuectl.client.command;

import picocli.CommandLine;

/** A command that only holds subcommands ({@code dlq}, {@code worker}, {@code config}); alone it is a usage error. */
public final class GroupCommand extends BaseCommand implements Runnable {
    private final String question;

    /** {@code question} is the error when no subcommand is given, e.g. "which dlq command? (list, retry or purge)". */
    public GroupCommand(String name, String question, String... description) {
        super(name, description);
        this.question = question;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), question);
    }
}
