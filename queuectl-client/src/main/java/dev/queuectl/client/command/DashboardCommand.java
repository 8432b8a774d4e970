package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
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
    private final picocli.CommandLine.Model.OptionSpec open = flag(
            "Open the link in the default browser (through a 0600 file, so the token never shows in a process list).",
            "--open");
    private final picocli.CommandLine.Model.OptionSpec readOnly = flag(
            "The read-only link: its session sees everything and changes nothing.", "--read-only");
    private final picocli.CommandLine.Model.OptionSpec rotate = flag(
            "Replace both tokens first: every earlier link, session and API token stops working.", "--rotate");
    private final picocli.CommandLine.Model.OptionSpec token = flag(
            "Print only the token, for API clients (Authorization: Bearer TOKEN).", "--token");

    public DashboardCommand(ClientContext context) {
        super(context, "dashboard",
                "Print the web dashboard's login link (the daemon serves it when http-listen is set).",
                "The link carries a secret token: visiting it logs the browser in and drops the token from the",
                "address. Over SSH: ssh -L 8765:127.0.0.1:8765 HOST, then open the link on your machine.");
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
            throw new CommandFailure(ExitCodes.ERROR, "could not write the page that opens the dashboard: "
                    + e.getMessage() + "; open the link above yourself");
        }
        try {
            Process p = new ProcessBuilder("xdg-open", page.toUri().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            err().println("queuectl: could not start a browser (xdg-open: " + e.getMessage()
                    + "); open the link above yourself");
        }
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
