package dev.queuectl.client.command;

import dev.queuectl.client.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code queuectl completion bash|zsh}: a completion script generated from the command model. */
public final class CompletionCommand extends BaseCommand implements Callable<Integer> {
    private final PositionalParamSpec shellParameter = parameter("0", "SHELL", "1", "bash or zsh.");

    public CompletionCommand() {
        super("completion",
                "Print a shell completion script (bash or zsh).",
                "The script is generated from queuectl's commands and options.",
                "",
                "  bash:  source <(queuectl completion bash)",
                "         or save it as /etc/bash_completion.d/queuectl",
                "  zsh:   source <(queuectl completion zsh)    in ~/.zshrc");
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String shell = shellParameter.getValue();
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
