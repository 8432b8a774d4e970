package dev.queuectl.daemon;

import dev.queuectl.daemon.config.DaemonSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real daemon with its HTTP listener on a free loopback port, the dashboard's two tokens (asked
 * for over the socket, as {@code queuectl dashboard} does) and an {@link HttpApi} client.
 */
final class HttpDaemon implements AutoCloseable {
    final TestDaemon daemon;
    RawClient socket;
    HttpApi api;
    String token;
    String readOnlyToken;

    private HttpDaemon(TestDaemon daemon) {
        this.daemon = daemon;
        this.socket = daemon.connect();
        refresh();
    }

    static HttpDaemon start() {
        return start(s -> s);
    }

    static HttpDaemon start(UnaryOperator<DaemonSettings> tweak) {
        return new HttpDaemon(TestDaemon.start(s -> tweak.apply(
                s.withHttpListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))));
    }

    /** Reads the port and tokens again (after a restart or a rotation). */
    void refresh() {
        api = new HttpApi(daemon.daemon().httpPort());
        token = tokenOf(socket.ok("{\"op\":\"dashboard\"}"));
        readOnlyToken = tokenOf(socket.ok("{\"op\":\"dashboard\",\"read_only\":true}"));
    }

    static String tokenOf(Map<String, Object> link) {
        String url = (String) link.get("url");
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    /** Headers of a bearer-token request. */
    String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    String[] readOnly() {
        return new String[] {"Authorization", "Bearer " + readOnlyToken};
    }

    /** The session cookie a browser gets from the login link with {@code token}. */
    String cookieFor(String t) {
        HttpApi.Answer a = api.get("/login?token=" + t);
        if (a.status() != 303) {
            throw new AssertionError("login failed: " + a);
        }
        String setCookie = a.header("set-cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    String origin() {
        return api.base();
    }

    void restart() {
        socket.close();
        daemon.restart();
        socket = daemon.connect();
        refresh();
    }

    @Override
    public void close() {
        socket.close();
        daemon.close();
    }
}
