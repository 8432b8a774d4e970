package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.ConfigGetRequest;
import dev.queuectl.protocol.result.ConfigView;
import java.util.concurrent.CompletableFuture;

/** {@code config_get}: one runtime setting, or all of them. */
public final class ConfigGetHandler implements OpHandler<ConfigGetRequest> {
    private final ServiceContext ctx;

    public ConfigGetHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<ConfigView> handle(ConfigGetRequest request) {
        return CompletableFuture.completedFuture(ctx.settings().view(request.key()));
    }
}
