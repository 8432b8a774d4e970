package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.ConfigSetRequest;
import dev.queuectl.protocol.result.ConfigEntry;
import java.util.concurrent.CompletableFuture;

/** {@code config_set}: validates, stores, then applies one runtime setting. */
public final class ConfigSetHandler implements OpHandler<ConfigSetRequest> {
    private final ServiceContext ctx;

    public ConfigSetHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<ConfigEntry> handle(ConfigSetRequest request) {
        return ctx.settings().set(request.key(), request.value());
    }
}
