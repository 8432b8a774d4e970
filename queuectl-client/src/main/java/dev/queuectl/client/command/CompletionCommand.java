package dev.queuectl.client.command;

import dev.queuectl.client.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queuectl completion bash|zsh}: a completion script generated from the command model. */
@Command(name = "completion", usageHelpAutoWidth = true,
        description = {"Print a shell completion script for queuectl, generated from its commands and options.",
            "",
            "  bash:  source <(queuectl completion bash)       (or save it in /etc/bash_completion.d/queuectl)",
            "  zsh:   source <(queuectl completion zsh)        (in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("queuectl", root);
        switch (shell) {
            case "bash":
                spec.commandLine().getOut().print(script);
                break;
            case "zsh":
                spec.commandLine().getOut().print("# queuectl completion for zsh (through bashcompinit)\n"
                        + "autoload -U +X compinit && compinit\n"
                        + "autoload -U +X bashcompinit && bashcompinit\n" + script);
                break;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown shell '" + shell + "': choose bash or zsh");
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
