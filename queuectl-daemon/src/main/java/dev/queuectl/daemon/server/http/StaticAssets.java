package dev.queuectl.daemon.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's static files, read once from the daemon's jar: its own ES modules and styles
 * (resources under {@value #ROOT}) and uPlot from its webjar, served under {@code /assets/<hash>/}
 * where the hash covers every file, so browsers may cache them forever and an upgrade changes
 * every URL. Immutable after loading; thread-safe.
 */
final class StaticAssets {
    static final String ROOT = "dev/queuectl/daemon/server/http/web/";
    private static final String UPLOT = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    /** Files of the web directory that are templates, not assets. */
    private static final String TEMPLATE_SUFFIX = ".html";

    private final Map<String, Asset> assets;
    private final String prefix;

    private StaticAssets(Map<String, Asset> assets, String prefix) {
        this.assets = assets;
        this.prefix = prefix;
    }

    static StaticAssets load() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            readTree(files);
            readUplot(files);
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            Map<String, Asset> assets = new TreeMap<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                all.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                all.update(f.getValue());
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(f.getValue());
                assets.put(f.getKey(), new Asset(f.getKey(), contentType(f.getKey()), f.getValue(), gzip(f.getValue()),
                        "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\""));
            }
            String hash = HexFormat.of().formatHex(all.digest(), 0, 8);
            return new StaticAssets(assets, "/assets/" + hash + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's files from the daemon's jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the assets live, such as {@code /assets/0a1b2c3d4e5f6071/}. */
    String prefix() {
        return prefix;
    }

    int count() {
        return assets.size();
    }

    /** Serves {@code /assets/HASH/NAME}: forever-cacheable when HASH is current, revalidated otherwise. */
    void serve(Exchange x) {
        String rest = x.path.substring("/assets/".length());
        int slash = rest.indexOf('/');
        Asset a = slash < 0 ? null : assets.get(rest.substring(slash + 1));
        if (a == null) {
            x.respond(HttpResponseStatus.NOT_FOUND, Responses.TEXT, "no such file\n".getBytes(StandardCharsets.UTF_8),
                    Responses.Caching.NONE);
            return;
        }
        boolean current = x.path.startsWith(prefix);
        Responses.Caching caching = current ? Responses.Caching.IMMUTABLE : Responses.Caching.REVALIDATE;
        if (a.etag().equals(x.headers.get(HttpHeaderNames.IF_NONE_MATCH))) {
            var r = Responses.of(HttpResponseStatus.NOT_MODIFIED, null, new byte[0], true, caching);
            r.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            r.headers().set(HttpHeaderNames.ETAG, a.etag());
            x.respond(r);
            return;
        }
        String accept = x.headers.get(HttpHeaderNames.ACCEPT_ENCODING);
        boolean gzip = a.gzipped() != null && accept != null && accept.contains("gzip");
        var r = Responses.of(HttpResponseStatus.OK, a.contentType(), gzip ? a.gzipped() : a.bytes(), x.head, caching);
        r.headers().set(HttpHeaderNames.ETAG, a.etag());
        r.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        if (gzip) {
            r.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip");
        }
        x.respond(r);
    }

    private static void readTree(Map<String, byte[]> files) throws IOException {
        URL root = StaticAssets.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            throw new IOException(ROOT + " is missing");
        }
        if (root.getProtocol().equals("jar")) {
            JarURLConnection conn = (JarURLConnection) root.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.isDirectory() && e.getName().startsWith(ROOT) && !e.getName().endsWith(TEMPLATE_SUFFIX)) {
                        try (InputStream in = jar.getInputStream(e)) {
                            files.put(e.getName().substring(ROOT.length()), in.readAllBytes());
                        }
                    }
                }
            }
            return;
        }
        Path dir;
        try {
            dir = Paths.get(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (!name.endsWith(TEMPLATE_SUFFIX)) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
    }

    private static void readUplot(Map<String, byte[]> files) throws IOException {
        Properties p = new Properties();
        try (InputStream in = resource(UPLOT)) {
            p.load(in);
        }
        String dist = "META-INF/resources/webjars/uplot/" + p.getProperty("version") + "/dist/";
        files.put("vendor/uPlot.esm.js", read(dist + "uPlot.esm.js"));
        files.put("vendor/uPlot.min.css", read(dist + "uPlot.min.css"));
        files.put("vendor/uPlot.LICENSE", read("META-INF/resources/webjars/uplot/" + p.getProperty("version")
                + "/LICENSE"));
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the daemon's class path");
        }
        return in;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size() < bytes.length * 9 / 10 ? out.toByteArray() : null;
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return Responses.TEXT;
    }
}
