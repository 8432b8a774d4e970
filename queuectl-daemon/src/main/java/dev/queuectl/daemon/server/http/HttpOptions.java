package dev.queuectl.daemon.server.http;

import dev.queuectl.daemon.config.DaemonSettings;
import java.net.InetSocketAddress;

/**
 * How one HTTP listener behaves.
 *
 * @param metricsOnly     serve {@code /metrics} without a session and nothing else (the older
 *                        {@code metrics-listen})
 * @param allowRemote     any address and Host name; session cookies are Secure
 * @param openMetrics     {@code /metrics} needs no session from loopback clients
 * @param maxBodyBytes    longest request body
 */
public record HttpOptions(InetSocketAddress address, boolean metricsOnly, boolean allowRemote, boolean openMetrics,
                          int maxConnections, int maxEventStreams, int maxBodyBytes) {

    /** The dashboard and API listener of {@code http-listen}. */
    public static HttpOptions dashboard(DaemonSettings s) {
        return new HttpOptions(s.httpListen(), false, s.httpAllowRemote(), s.httpOpenMetrics(), s.httpMaxConnections(),
                s.httpMaxEventStreams(), s.maxRequestBytes());
    }

    /** The {@code /metrics}-only listener of {@code metrics-listen}. */
    public static HttpOptions metricsOnly(InetSocketAddress address) {
        return new HttpOptions(address, true, false, true, 16, 0, 64 * 1024);
    }
}
