package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.config.ConfigKey;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.CompleteRequest;
import dev.queuectl.protocol.result.CompletionResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@code complete}: candidates for shell completion, from indexes only. */
public final class CompleteHandler implements OpHandler<CompleteRequest> {
    private final ServiceContext ctx;

    public CompleteHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<CompletionResult> handle(CompleteRequest request) {
        switch (request.kind()) {
            case JOB_IDS:
                Set<JobState> states = new HashSet<>();
                request.states().forEach(s -> states.add(Views.state(s)));
                return ctx.store().completeIds(request.prefix(), states, request.limit()).thenApply(CompletionResult::new);
            case LABEL_KEYS:
                return ctx.store().labelKeys(request.prefix(), request.limit()).thenApply(CompletionResult::new);
            case CONFIG_KEYS:
                List<String> keys = new ArrayList<>();
                for (ConfigKey k : ConfigKey.values()) {
                    if (k.key().startsWith(request.prefix()) && keys.size() < request.limit()) {
                        keys.add(k.key());
                    }
                }
                return CompletableFuture.completedFuture(new CompletionResult(keys));
            default:
                throw new IllegalStateException(request.kind().name());
        }
    }
}
