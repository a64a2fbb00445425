using System.Text.Json;
using Orleans.Faas.Cli.Configuration;

namespace Orleans.Faas.Cli;

/// <summary>
/// One run of a verb: its parsed command line, the client for the gateway it names, and the two streams: results on
/// standard output, progress, status and errors on standard error.
/// </summary>
internal sealed class CliSession(ParseResult parseResult)
{
    private const int RedirectedWidth = 4096;

    private FaasClient? _client;

    /// <summary>The gateway's client, made on first use so that verbs which need none never resolve a gateway.</summary>
    public FaasClient Client => _client ??= ClientWith(key: null);

    public Uri Gateway => GatewayAddress.Resolve(parseResult.GetValue(GlobalOptions.Gateway));

    /// <summary>A client of the gateway with <paramref name="key"/>, else <c>FAAS_API_KEY</c>, else the config file's key.</summary>
    public FaasClient ClientWith(string? key)
    {
        // A person waits at the prompt: a gateway that is down should be reported in about a second, not retried for long.
        var options = new FaasClientOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(200) };
        options.ApiKey = key ?? options.ApiKey ?? ConfigFile.Load().ApiKey;
        options.Namespace = parseResult.GetValue(GlobalOptions.Namespace) ?? options.Namespace;
        return new FaasClient(Gateway, options);
    }

    public OutputFormat Format => parseResult.GetValue(GlobalOptions.Output);

    public IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when a person watches standard error, so live progress there helps instead of cluttering a log.</summary>
    public bool ShowsProgress => !Console.IsErrorRedirected;

    public T Get<T>(Option<T> option) => parseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parseResult.GetValue(argument)!;

    /// <summary>Writes a model to standard output, as JSON or as the view people read.</summary>
    public ExitCode Show<T>(T model, Func<T, IRenderable> view)
    {
        if (Format == OutputFormat.Json)
            WriteJson(model);
        else
            Out.Write(view(model));
        return ExitCode.Ok;
    }

    public void WriteJson<T>(T model) => Console.Out.WriteLine(JsonSerializer.Serialize(model, CliJson.Options));

    /// <summary>A short note on standard error: what was done, when the verb has no model to show.</summary>
    public ExitCode Note(string message)
    {
        Error.WriteLine(message);
        return ExitCode.Ok;
    }

    /// <summary>Copies raw bytes, a function's output, to standard output untouched.</summary>
    public static async Task WriteRaw(Stream content, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        await content.CopyToAsync(stdout, cancellationToken);
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        // Spectre judges interactivity by standard output alone; a terminal on standard error should still get live progress.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        // Without a terminal to ask, Spectre wraps at 80 columns; a file or a pipe gets whole lines instead.
        if (redirected)
            console.Profile.Width = RedirectedWidth;
        return console;
    }
}
