package dev.queuectl.client.command;

import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.completion.BashScript;
import dev.queuectl.client.completion.CompletionModel;
import dev.queuectl.client.completion.FishScript;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code queuectl completion bash|zsh|fish}: a completion script generated from the command model.
 * The scripts complete commands, options, states and files by themselves, and ask queuectld for
 * job ids, label keys and config keys (through {@code queuectl __complete}) only when such a value
 * is being completed: ordinary calls never pay for it.
 */
public final class CompletionCommand extends BaseCommand implements Callable<Integer> {
    private final PositionalParamSpec shellParameter = parameter("0", "SHELL", "1", "bash, zsh or fish.");

    public CompletionCommand() {
        super("completion",
                "Print a shell completion script (bash, zsh or fish).",
                "The script is generated from queuectl's commands and options. It completes job ids (the"
                        + " most recent first), label keys and config keys by asking queuectld, which must be"
                        + " running for those.",
                "",
                "  bash:  source <(queuectl completion bash)",
                "         or save it as /etc/bash_completion.d/queuectl",
                "  zsh:   source <(queuectl completion zsh)    in ~/.zshrc",
                "  fish:  queuectl completion fish > ~/.config/fish/completions/queuectl.fish");
    }

    @Override
    public Integer call() {
        List<CompletionModel.Command> model = CompletionModel.of(spec.root().commandLine());
        String shell = shellParameter.getValue();
        String script;
        switch (shell) {
            case "bash":
                script = BashScript.of(model);
                break;
            case "zsh":
                script = "# queuectl completion for zsh (through bashcompinit)\n"
                        + "autoload -U +X compinit && compinit\n"
                        + "autoload -U +X bashcompinit && bashcompinit\n" + BashScript.of(model);
                break;
            case "fish":
                script = FishScript.of(model);
                break;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown shell '" + shell + "': choose bash, zsh or fish");
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
