namespace Orleans.Faas.Client;

/// <summary>
/// What to register: the code to run and the box it runs in. A member left null takes the platform's default (see the
/// README's function definition table).
/// </summary>
public record FunctionDefinition
{
    /// <summary>1–63 of <c>a-z</c>, <c>0-9</c> and <c>-</c>.</summary>
    public required string Name { get; init; }

    public FunctionRuntime? Runtime { get; init; }

    /// <summary>The image to run (docker).</summary>
    public string? Image { get; init; }

    /// <summary>The argv; for docker it replaces the image's command, for a process it is required.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>CPU quota in cores, fractional; 0 is the node's default.</summary>
    public double? Cpu { get; init; }

    /// <summary>Memory limit in MiB; 0 is the node's default.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Seconds after which a run is killed and fails with reason <c>timeout</c>.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>How often a task is placed when its node is lost before it fails.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Give the container a network.</summary>
    public bool? Network { get; init; }

    /// <summary><c>uid[:gid]</c> or a name in the image to run as.</summary>
    public string? User { get; init; }

    /// <summary>Processes the container may hold; 0 is the node's default.</summary>
    public int? PidsLimit { get; init; }

    public ImagePullPolicy? PullPolicy { get; init; }

    /// <summary>Keep a finished container for the next invocation.</summary>
    public bool? KeepWarm { get; init; }

    public FunctionPlacement? Placement { get; init; }

    /// <summary>Python source, the module <c>main</c> (python): its handler takes the JSON-decoded input and returns something JSON-encodable.</summary>
    public string? Source { get; init; }

    /// <summary>The Python handler, <c>module:function</c>; for inline source and .py files <c>function</c> will do (default <c>handler</c>).</summary>
    public string? EntryPoint { get; init; }

    /// <summary>A dill-pickled callable, base64 (python): invocations send base64 of a dill-pickled <c>(args, kwargs)</c> and get the pickled result back.</summary>
    public string? Pickled { get; init; }

    /// <summary>Names of secrets (<see cref="FaasClient.SetSecretAsync"/>) mounted into its containers as files at <c>/run/secrets/NAME</c> (docker and python).</summary>
    public IReadOnlyList<string>? Secrets { get; init; }

    /// <summary>The number the ChainFaaS scheduler knew it by (<c>/compat/chainfaas/developers/run_service/{id}</c>); unique in its namespace.</summary>
    public int? ServiceId { get; init; }

    /// <summary>Named numbers its invocations may carry for the runtime model, at most 8.</summary>
    public IReadOnlyList<DeclaredFeature>? Features { get; init; }

    /// <summary>How a task whose function failed by itself (exit code, timeout, exception) is run again; null runs it once.</summary>
    public FunctionRetry? Retry { get; init; }

    /// <summary>The function or chain each finished task's outcome is invoked with.</summary>
    public FunctionDestinations? Destinations { get; init; }
}
