package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.access.DashboardAccess;
import dev.queuectl.daemon.access.Role;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.DashboardRequest;
import dev.queuectl.protocol.result.DashboardLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code dashboard}: the login link of the web dashboard, after replacing the tokens when asked.
 * Whoever may use the socket may run any command anyway, so handing them the link gives nothing
 * away. The token file is written on the timer thread, never on an event loop.
 */
public final class DashboardHandler implements OpHandler<DashboardRequest> {
    private final ServiceContext ctx;

    public DashboardHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<DashboardLink> handle(DashboardRequest request) {
        DashboardAccess access = ctx.access();
        if (access == null || access.baseUrl() == null) {
            throw new ProtocolException(ErrorCode.UNAVAILABLE, "the web dashboard is off; set http-listen ="
                    + " 127.0.0.1:8765 in queuectld.conf (or start queuectld with --http-listen 127.0.0.1:8765)");
        }
        Role role = request.readOnly() ? Role.READ_ONLY : Role.READ_WRITE;
        if (!request.rotate()) {
            return CompletableFuture.completedFuture(link(access, role, false));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                access.rotate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return link(access, role, true);
        }, ctx.timer()).exceptionally(e -> {
            throw new ProtocolException(ErrorCode.STORAGE_ERROR, "could not write new dashboard tokens: "
                    + dev.queuectl.daemon.service.Errors.unwrap(e).getMessage() + "; the old ones still work");
        });
    }

    private static DashboardLink link(DashboardAccess access, Role role, boolean rotated) {
        String base = access.baseUrl();
        return new DashboardLink(base + "login?token=" + access.token(role), base, role == Role.READ_ONLY, rotated);
    }
}
