package dev.queuectl.daemon.config;

import dev.queuectl.daemon.logging.LogFormat;
import dev.queuectl.protocol.DurationRule;
import dev.queuectl.protocol.ProtocolException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers of daemon setting values: each returns the typed value or throws an
 * {@link IllegalArgumentException} whose message says what is wrong, for a person to read.
 * Empty optional values parse to {@link #ABSENT}.
 */
final class SettingParsers {
    /** The parsed form of an optional setting left empty. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(none)";
        }
    };
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private SettingParsers() {
    }

    static Object path(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return Paths.get(value.trim()).toAbsolutePath().normalize();
    }

    static Object optionalPath(String value) {
        return value.isBlank() ? ABSENT : path(value);
    }

    static Object onOff(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("true") || v.equals("yes")) {
            return Boolean.TRUE;
        }
        if (v.equals("off") || v.equals("false") || v.equals("no")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("must be on or off");
    }

    static Object optionalText(String value) {
        return value.isBlank() ? ABSENT : value.trim();
    }

    static Object nodeId(String value) {
        if (value.isBlank()) {
            return ABSENT;
        }
        if (!NODE_ID.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a node id: use 1 to 64 characters from"
                    + " A-Z a-z 0-9 . _ : @ -");
        }
        return value.trim();
    }

    static Object size(String value, long min, long max) {
        long n = Sizes.parse(value);
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + Sizes.format(min) + " and " + Sizes.format(max));
        }
        return n;
    }

    static Object wholeNumber(String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return n;
    }

    /** A duration under the protocol's one set of rules for it (the same syntax and range everywhere). */
    static Object duration(DurationRule rule, String value) {
        try {
            return rule.parse("value", value);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static Object logFormat(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!(v.equals("auto") || v.equals("text") || v.equals("journal") || v.equals("json"))) {
            throw new IllegalArgumentException("must be auto, text, journal or json");
        }
        return LogFormat.parse(v);
    }

    static Object bool(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes") || v.equals("on")) {
            return Boolean.TRUE;
        }
        if (v.equals("false") || v.equals("no") || v.equals("off")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("'" + value + "' is not true or false");
    }

    /** {@code auto}, {@code off}, or an absolute path (a cgroup v2 directory, checked at start-up). */
    static Object cgroupRoot(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("auto") || v.equalsIgnoreCase("off")) {
            return v.toLowerCase(Locale.ROOT);
        }
        if (!v.startsWith("/")) {
            throw new IllegalArgumentException("must be auto, off or the absolute path of a cgroup v2 directory, not '"
                    + value + "'");
        }
        return Paths.get(v).normalize().toString();
    }

    static Object optionalLoopback(String value) {
        return value.isBlank() ? ABSENT : loopback(value);
    }

    /** An optional {@code host:port} of any address; whether it may be remote is checked at start-up. */
    static Object optionalAddress(String value) {
        return value.isBlank() ? ABSENT : address(value);
    }

    /** Parses {@code host:port} and insists on a loopback address: these listeners are not for the network. */
    static InetSocketAddress loopback(String value) {
        InetSocketAddress a = address(value);
        if (!a.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(a.getAddress().getHostAddress() + " is not a loopback address; the"
                    + " daemon listens on 127.0.0.1 or ::1 only");
        }
        return a;
    }

    /** Parses {@code host:port} (an IPv6 address in brackets: {@code [::1]:8765}). */
    static InetSocketAddress address(String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + value + "' is not host:port (for example 127.0.0.1:9464)");
        }
        String host = v.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' has no valid port");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        return new InetSocketAddress(address, port);
    }
}
