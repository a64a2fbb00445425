using System.Collections.Immutable;

namespace Orleans.Faas.Functions;

/// <summary>What a user registers: the code to run and the box it runs in.</summary>
/// <param name="Cpu">Cores the function may use, fractional; 0 means the node's default quota.</param>
/// <param name="MemoryMiB">Memory limit in MiB; 0 means the node's default limit.</param>
/// <param name="MaxAttempts">How many times a task is placed before losing its provider fails it.</param>
/// <param name="Network">The container gets a network; without it the function cannot reach anything.</param>
/// <param name="User">The user the container runs as (<c>uid[:gid]</c> or a name in the image); null means the node's non-root default.</param>
/// <param name="PidsLimit">Processes the container may hold at once; 0 means the node's default.</param>
/// <param name="PullPolicy">When the node pulls the image.</param>
/// <param name="Placement">How the function's tasks are placed: its own policy and the node labels it requires; null takes the cluster's policy anywhere.</param>
/// <param name="KeepWarm">Finished containers are kept for the next invocation; false gives every run a fresh container.</param>
/// <param name="Source">Python source text, the module <c>main</c> (python runtime).</param>
/// <param name="EntryPoint">The Python handler as <c>module:function</c> (or <c>function</c> of inline source); null takes <see cref="PythonCode.DefaultEntryPoint"/>.</param>
/// <param name="Pickled">A dill-pickled callable, base64 (python runtime): invocations send and receive dill pickles instead of JSON.</param>
/// <param name="Code">An uploaded <c>.py</c> file or <c>.zip</c> / <c>.tar.gz</c> archive of Python code (python runtime).</param>
/// <param name="Secrets">Names of the secrets of its namespace mounted into its containers at <c>/run/secrets/NAME</c>.</param>
/// <param name="ServiceId">The number the ChainFaaS scheduler knew it by (<c>run_service/{id}</c>), unique in its namespace; null for none.</param>
/// <param name="Features">The named numbers its invocations may carry for the runtime model (<see cref="DeclaredFeature"/>).</param>
/// <param name="Retry">How a task whose function failed by itself is run again; null runs it once.</param>
/// <param name="Destinations">The function or chain its finished tasks' outcomes are sent to; null for none.</param>
[GenerateSerializer, Immutable, Alias("faas.FunctionDefinition")]
public sealed record FunctionDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] FunctionRuntime Runtime,
    [property: Id(2)] string? Image,
    [property: Id(3)] ImmutableArray<string> Command,
    [property: Id(4)] ImmutableDictionary<string, string> Env,
    [property: Id(5)] double Cpu,
    [property: Id(6)] int MemoryMiB,
    [property: Id(7)] TimeSpan Timeout,
    [property: Id(8)] int MaxAttempts = FunctionDefinition.DefaultMaxAttempts,
    [property: Id(9)] bool Network = false,
    [property: Id(10)] string? User = null,
    [property: Id(11)] int PidsLimit = 0,
    [property: Id(12)] ImagePullPolicy PullPolicy = ImagePullPolicy.IfNotPresent,
    [property: Id(13)] bool KeepWarm = true,
    [property: Id(14)] PlacementSpec? Placement = null,
    [property: Id(15)] string? Source = null,
    [property: Id(16)] string? EntryPoint = null,
    [property: Id(17)] string? Pickled = null,
    [property: Id(18)] CodeFile? Code = null,
    ImmutableArray<string> Secrets = default,
    [property: Id(20)] int? ServiceId = null,
    ImmutableArray<DeclaredFeature> Features = default,
    [property: Id(22)] RetryPolicy? Retry = null,
    [property: Id(24)] FunctionDestinations? Destinations = null)
{
    // A definition stored before secrets existed comes back without the field; it reads as none, never as a default array.
    [Id(19)]
    private readonly ImmutableArray<string> _secrets = Secrets;

    public ImmutableArray<string> Secrets
    {
        get => _secrets.IsDefault ? [] : _secrets;
        init => _secrets = value;
    }

    // A definition stored before features existed comes back without the field; it reads as none.
    [Id(21)]
    private readonly ImmutableArray<DeclaredFeature> _features = Features;

    public ImmutableArray<DeclaredFeature> Features
    {
        get => _features.IsDefault ? [] : _features;
        init => _features = value;
    }

    public const int DefaultMaxAttempts = 3;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
