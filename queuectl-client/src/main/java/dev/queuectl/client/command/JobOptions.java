package dev.queuectl.client.command;

import dev.queuectl.client.ClientContext;
import dev.queuectl.client.CommandFailure;
import dev.queuectl.protocol.EnvVars;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.Labels;
import dev.queuectl.protocol.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where and with what a job runs, and its labels: {@code --cwd}, {@code --env} (repeatable),
 * {@code --env-file} (repeatable), {@code --inherit-env} and {@code --label} (repeatable), for
 * {@code enqueue} and {@code edit}. Values are checked here, before anything is sent, with the
 * protocol's own rules; messages never show a variable's value.
 */
final class JobOptions {
    private final OptionSpec cwd;
    private final OptionSpec env;
    private final OptionSpec envFile;
    private final OptionSpec inheritEnv;
    private final OptionSpec label;

    JobOptions(BaseCommand command, boolean withInherit, String cwdHelp) {
        this.cwd = command.option("DIR", String.class, cwdHelp, "--cwd");
        this.env = command.repeatable("KEY[=VALUE]", "Set a variable for the job (repeatable); KEY alone takes its"
                + " value from this shell. Values are secret: show lists names unless --show-env.", "--env");
        this.envFile = command.repeatable("FILE", "Set the variables of FILE: KEY=VALUE lines (# comments, blank"
                + " lines, 'export ' and quotes around a whole value allowed).", "--env-file");
        this.inheritEnv = withInherit ? command.flag("Give the job this shell's whole environment (QUEUECTL_*"
                + " variables and names a shell cannot use left out); --env-file and --env add to it.",
                "--inherit-env") : null;
        this.label = command.repeatable("KEY=VALUE", "Label the job (repeatable), to filter and act on jobs by.",
                "--label");
    }

    boolean given() {
        return cwd.getValue() != null || env.getValue() != null || envFile.getValue() != null
                || inheritEnv != null && (Boolean) inheritEnv.getValue() || label.getValue() != null;
    }

    /** The --cwd directory as an absolute path (relative ones resolved here), or null when not given. */
    String cwd(ClientContext context) {
        String dir = cwd.getValue();
        if (dir == null) {
            return null;
        }
        Path p = context.cwd().resolve(dir).normalize();
        if (!Files.isDirectory(p)) {
            throw CommandFailure.usage("--cwd: " + p + (Files.exists(p) ? " is not a directory" : " does not exist"));
        }
        try {
            JobSpec.checkCwd("--cwd", p.toString());
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
        return p.toString();
    }

    /** The variables asked for, in order: the inherited environment, then each --env-file, then each --env. */
    Map<String, String> env(ClientContext context) {
        Map<String, String> out = new LinkedHashMap<>();
        if (inheritEnv != null && (Boolean) inheritEnv.getValue()) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(context.env()).entrySet()) {
                if (EnvVars.NAME.matcher(e.getKey()).matches() && !EnvVars.reserved(e.getKey())
                        && e.getValue().indexOf('\0') < 0) {
                    out.put(e.getKey(), e.getValue());
                }
            }
        }
        List<String> files = envFile.getValue();
        if (files != null) {
            for (String f : files) {
                readEnvFile(context.cwd().resolve(f), f, out);
            }
        }
        List<String> pairs = env.getValue();
        if (pairs != null) {
            for (String p : pairs) {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                check("--env", name);
                if (eq >= 0) {
                    out.put(name, p.substring(eq + 1));
                } else if (context.env().containsKey(name)) {
                    out.put(name, context.env().get(name));
                } else {
                    throw CommandFailure.usage("--env " + name + ": " + name + " is not set in this shell"
                            + " (give --env " + name + "=VALUE)");
                }
            }
        }
        try {
            return EnvVars.check("the job's environment", out);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> given = label.getValue();
        if (given == null) {
            return out;
        }
        try {
            for (String l : given) {
                Map.Entry<String, String> e = Labels.parse("--label", l);
                out.put(e.getKey(), e.getValue());
            }
            return Labels.check("--label", out);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    private static void check(String what, String name) {
        try {
            EnvVars.checkName(what, name);
        } catch (ProtocolException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    private static void readEnvFile(Path file, String shown, Map<String, String> out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("--env-file: no such file: " + shown);
        } catch (IOException e) {
            throw CommandFailure.usage("--env-file: cannot read " + shown + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw CommandFailure.usage("--env-file " + shown + ": line " + (i + 1) + " is not KEY=VALUE");
            }
            String name = line.substring(0, eq).strip();
            check("--env-file " + shown + ": line " + (i + 1), name);
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(name, value);
        }
    }
}
