namespace Orleans.Faas.Cli.Completion;

/// <summary>
/// <c>faas completion bash</c>: a bash completion script. It asks faas itself through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive, so completions always match the verbs and options of the faas it runs.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # bash completion for faas: eval "$(faas completion bash)" in ~/.bashrc
        _faas_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          # faas's own [suggest] directive completes the words after the program's name.
          local words="${line#"${COMP_WORDS[0]}"}"
          words="${words#"${words%%[![:space:]]*}"}"
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#words}]" "$words" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _faas_complete faas
        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell" }.AcceptOnlyFromAmong("bash");
        var bash = new Command("completion", "Print a shell completion script") { shell }
            .Runs((_, _) =>
            {
                Console.Out.WriteLine(Bash);
                return Task.FromResult(ExitCode.Ok);
            });
        return bash;
    }
}
