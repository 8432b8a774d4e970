package dev.queuectl.client;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code queuectl}: the command-line client. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.create(ClientContext.system(), out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
