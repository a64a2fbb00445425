using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Secrets;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>The rules a definition must meet before anything is stored; shared by the gateway and the grain.</summary>
public static partial class FunctionDefinitionValidator
{
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    public const double MaxCpu = 1024;
    public const int MinMemoryMiB = 6; // Docker refuses smaller memory limits.
    public const int MaxAttempts = 10;
    public const int MinPidsLimit = 8; // The agent and a shell need a few.
    public const int MaxPidsLimit = 65536;

    public const string NameRule = "Name must be 1-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit.";

    /// <summary>Whether <paramref name="name"/> may name a function (or a chain), or a namespace.</summary>
    public static bool IsValidName(string? name) => NamePattern().IsMatch(name ?? "");

    /// <summary>Whether <paramref name="qualified"/> is a valid name in a valid namespace, as <see cref="QualifiedName"/> writes it.</summary>
    public static bool IsValidQualifiedName(string? qualified) =>
        qualified is not null && QualifiedName.Split(qualified) is var (ns, name) && IsValidName(ns) && IsValidName(name)
        && QualifiedName.Of(ns, name) == qualified;

    /// <summary>Field name → problems; empty when the definition is valid.</summary>
    public static ImmutableDictionary<string, string[]> Validate(FunctionDefinition definition)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (!IsValidQualifiedName(definition.Name))
            Add("name", NameRule);

        if (!Enum.IsDefined(definition.Runtime))
            Add("runtime", "Runtime must be 'docker', 'process' or 'python'.");

        if (definition.Runtime == FunctionRuntime.Docker && string.IsNullOrWhiteSpace(definition.Image))
            Add("image", "Image is required for the docker runtime.");
        else if (definition.Image is { } image && (image.Length == 0 || image.Any(char.IsWhiteSpace)))
            Add("image", "Image must not be empty or contain white space.");

        if (definition.Command.IsDefault)
            Add("command", "Command must be a list (it may be empty for the docker runtime).");
        else if (definition.Runtime == FunctionRuntime.Process && (definition.Command.IsEmpty || string.IsNullOrWhiteSpace(definition.Command[0])))
            Add("command", "Command is required for the process runtime: the program followed by its arguments.");
        else if (definition.Command.Any(part => part is null || part.Contains('\0')))
            Add("command", "Command parts must not be null or contain NUL characters.");

        PythonCodeValidator.Validate(definition, Add);

        foreach (var problem in SecretRules.Problems(definition))
            Add("secrets", problem);

        foreach (var problem in DeclaredFeatureRules.Problems(definition.Features))
            Add("features", problem);

        foreach (var (field, problem) in RetryPolicyRules.Problems(definition.Retry))
            Add(field, problem);

        foreach (var (field, problem) in DestinationRules.Problems(definition))
            Add(field, problem);

        foreach (var key in definition.Env?.Keys ?? [])
        {
            if (!EnvNamePattern().IsMatch(key))
                Add("env", $"Environment variable name '{key}' must match [A-Za-z_][A-Za-z0-9_]*.");
        }

        if (double.IsNaN(definition.Cpu) || definition.Cpu < 0 || definition.Cpu > MaxCpu)
            Add("cpu", $"CPU must be between 0 (no limit) and {MaxCpu} cores.");

        if (definition.MemoryMiB < 0 || definition.MemoryMiB is > 0 and < MinMemoryMiB)
            Add("memoryMiB", $"Memory must be 0 (no limit) or at least {MinMemoryMiB} MiB.");

        if (definition.Timeout <= TimeSpan.Zero || definition.Timeout > MaxTimeout)
            Add("timeoutSeconds", $"Timeout must be more than 0 and at most {MaxTimeout.TotalSeconds} seconds.");

        if (definition.MaxAttempts is < 1 or > MaxAttempts)
            Add("maxAttempts", $"Max attempts must be between 1 and {MaxAttempts}.");

        if (definition.User is { } user && !UserPattern().IsMatch(user))
            Add("user", "User must be a name or uid, optionally followed by ':' and a group name or gid, e.g. '1000:1000'.");

        if (definition.PidsLimit < 0 || definition.PidsLimit is > 0 and < MinPidsLimit || definition.PidsLimit > MaxPidsLimit)
            Add("pidsLimit", $"Pids limit must be 0 (the node's default) or between {MinPidsLimit} and {MaxPidsLimit}.");

        if (definition.ServiceId is < 1)
            Add("serviceId", "Service id must be a positive whole number.");

        if (!Enum.IsDefined(definition.PullPolicy))
            Add("pullPolicy", "Pull policy must be 'ifNotPresent', 'never' or 'always'.");

        if (definition.Placement is { } placement)
        {
            if (placement.Policy is { } policy && !Enum.IsDefined(policy))
                Add("placement.policy", "Policy must be 'predictive', 'least-loaded', 'round-robin', 'random', 'fastest' or 'local'.");
            foreach (var (key, value) in placement.Requires ?? ImmutableDictionary<string, string>.Empty)
            {
                if (!Labels.IsValid(key, value))
                    Add("placement.requires", $"Required label '{key}={value}': {Labels.Rule}");
            }
        }

        return errors.ToImmutableDictionary(e => e.Key, e => e.Value.ToArray());
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,31})?$")]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvNamePattern();
}
