package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.request.DashboardRequest;
import dev.queuectl.protocol.result.DashboardLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code queuectl dashboard [--open] [--read-only] [--rotate] [--token]}: the web dashboard's
 * login link, from the daemon over the socket (whoever may use the socket may have it).
 */
public final class DashboardCommand extends DaemonCommand {
    private final picocli.CommandLine.Model.OptionSpec open = flag("Open the link in the default browser.",
            "--open");
    private final picocli.CommandLine.Model.OptionSpec readOnly = flag("The link of a session that cannot change"
            + " anything.", "--read-only");
    private final picocli.CommandLine.Model.OptionSpec rotate = flag("Replace both tokens first; old links,"
            + " sessions and tokens stop working.", "--rotate");
    private final picocli.CommandLine.Model.OptionSpec token = flag("Print only the token (for Authorization:"
            + " Bearer).", "--token");

    public DashboardCommand(ClientContext context) {
        super(context, "dashboard",
                "Print the web dashboard's login link.",
                "The daemon serves the dashboard and its JSON API when http-listen is set. The link carries a"
                        + " secret token: visiting it logs the browser in and drops the token from the address."
                        + " --open goes through a private file, so the token never shows in a process list. Over"
                        + " SSH: ssh -L 8765:127.0.0.1:8765 HOST, then open the link on your own machine.");
    }

    @Override
    protected int run(SocketClient client) {
        Object result = request(client, new DashboardRequest(readOnly.getValue(), rotate.getValue()));
        if (json()) {
            return printJson(result);
        }
        DashboardLink link = DashboardLink.fromJson(result);
        if (link.rotated()) {
            err().println("queuectl: new tokens: earlier links, sessions and API tokens no longer work");
        }
        if (token.getValue()) {
            out().println(link.url().substring(link.url().indexOf("token=") + 6));
            return ExitCodes.OK;
        }
        out().println(link.url());
        if (open.getValue()) {
            openInBrowser(link);
        }
        return ExitCodes.OK;
    }

    /** Opens a 0600 page that forwards to the link: a command line would show the token to every user. */
    private void openInBrowser(DashboardLink link) {
        Path page;
        try {
            Path dir = cacheDir();
            Files.createDirectories(dir);
            page = dir.resolve("dashboard-login.html");
            Path tmp = Files.createTempFile(dir, "login", ".html",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String url = link.url().replace("&", "&amp;").replace("\"", "&quot;");
            Files.writeString(tmp, "<!doctype html><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>queuectl</title>"
                    + "<a href=\"" + url + "\">Open the queuectl dashboard</a>\n", StandardCharsets.UTF_8);
            Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err().println("queuectl: could not write the page that opens the dashboard (" + e.getMessage()
                    + "); open the link above yourself");
            return;
        }
        Path opener = onPath("xdg-open");
        if (opener == null) {
            err().println("queuectl: no xdg-open on the PATH to start a browser with; open the link above yourself");
            return;
        }
        try {
            Process p = new ProcessBuilder(opener.toString(), page.toUri().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            err().println("queuectl: could not start a browser (" + e.getMessage() + "); open the link above yourself");
        }
    }

    /** The program's path in this environment's PATH, or null. */
    private Path onPath(String program) {
        String path = context.env().get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private Path cacheDir() {
        String runtime = context.env().get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) {
            return Path.of(runtime, "queuectl");
        }
        String cache = context.env().get("XDG_CACHE_HOME");
        return cache != null && !cache.isEmpty() ? Path.of(cache, "queuectl")
                : Path.of(System.getProperty("user.home"), ".cache", "queuectl");
    }
}
