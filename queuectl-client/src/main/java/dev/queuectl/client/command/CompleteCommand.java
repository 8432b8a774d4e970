package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.client.transport.SocketLocator;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.CompletionKind;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.request.CompleteRequest;
import dev.queuectl.protocol.result.CompletionResult;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl __complete KIND [--] [PREFIX]}: what the completion scripts call for values only
 * queuectld knows. Prints one candidate per line. Hidden from help. It never fails loudly and
 * never makes the shell wait: no daemon, an error or no answer within {@value #LIMIT_MS} ms all
 * print nothing. KIND is {@code job_ids}, {@code job_ids:STATE,STATE}, {@code label_keys} or
 * {@code config_keys}.
 */
public final class CompleteCommand extends BaseCommand implements Callable<Integer> {
    static final long LIMIT_MS = 1_500;

    private final ClientContext context;
    private final PositionalParamSpec kindParameter = parameter("0", "KIND", "1", "What to complete.");
    private final PositionalParamSpec prefixParameter = parameter("1", "PREFIX", "0..1", "What is typed so far.");

    public CompleteCommand(ClientContext context) {
        super("__complete", "Completion candidates from queuectld (for the completion scripts).");
        this.context = context;
        spec.usageMessage().hidden(true);
    }

    @Override
    public Integer call() {
        CompleteRequest request;
        try {
            request = request(kindParameter.getValue(), prefixParameter.getValue());
        } catch (RuntimeException e) {
            return ExitCodes.USAGE;
        }
        String socket = ((QueuectlCommand) spec.root().userObject()).socket();
        FutureTask<List<String>> ask = new FutureTask<>(new Callable<List<String>>() {
            @Override
            public List<String> call() {
                try (SocketClient client = SocketClient.connect(SocketLocator.locate(socket, context.env()))) {
                    Codec.Response r = client.call(request);
                    return r.ok() ? CompletionResult.fromJson(r.result()).values() : List.of();
                }
            }
        });
        Thread t = new Thread(ask, "queuectl-complete");
        t.setDaemon(true); // if the daemon does not answer, the process still ends
        t.start();
        List<String> values;
        try {
            values = ask.get(LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return ExitCodes.UNAVAILABLE;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String v : values) {
            out.println(v);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static CompleteRequest request(String kind, String prefix) {
        String name = kind;
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        int colon = kind.indexOf(':');
        if (colon >= 0) {
            name = kind.substring(0, colon);
            for (String s : kind.substring(colon + 1).split(",")) {
                states.add(JobState.parse(s));
            }
        }
        return new CompleteRequest(CompletionKind.parse(name), prefix, states, CompleteRequest.DEFAULT_LIMIT);
    }
}
