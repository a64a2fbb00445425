using System.Collections.Immutable;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Benchmarks;

/// <summary>The rules a benchmark request meets before anything is started; what needs the cluster is checked by the planner.</summary>
public static class BenchmarkRequestValidator
{
    public const int MaxRepetitions = 100;
    public const int MaxInputSizes = 32;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>Field name → problems; empty when the request is valid.</summary>
    /// <param name="callbacks">Where the job's callback may go, the same as an invocation's.</param>
    public static ImmutableDictionary<string, string[]> Validate(BenchmarkRequest request, CallbackUrlPolicy callbacks)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (!Enum.IsDefined(request.Kind))
            Add("kind", "Kind must be 'providers', 'profile' or 'workload'.");
        if (request.Repetitions is < 1 or > MaxRepetitions)
            Add("repetitions", $"Repetitions must be between 1 and {MaxRepetitions}.");
        if (request.Timeout <= TimeSpan.Zero || request.Timeout > MaxTimeout)
            Add("timeoutSeconds", $"Timeout must be more than 0 and at most {MaxTimeout.TotalSeconds} seconds.");
        if (request.CallbackUrl is { } url && callbacks.Problem(url) is { } problem)
            Add("callbackUrl", problem);

        if (request.Kind == BenchmarkKind.Providers)
        {
            if (request.Function is not null || !request.InputSizes.IsDefaultOrEmpty || !request.Samples.IsEmpty || request.Overrides is not null)
                Add("kind", "A provider benchmark runs the platform's own workloads: it takes no function, input sizes, samples or overrides.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.Function))
                Add("function", "Function is required for a profile or a workload.");
            ValidateSizes(request, Add);
        }

        if (request.Kind == BenchmarkKind.Profile && !request.Providers.IsDefaultOrEmpty)
            Add("providers", "A profile runs on the reference provider; it takes no providers.");
        if (request.Kind != BenchmarkKind.Workload && request.Overrides is not null)
            Add("overrides", "Only a workload takes overrides.");
        if (request.Version is { } version && (request.Kind != BenchmarkKind.Workload || version < 1))
            Add("version", "Only a workload runs a version of its own choosing, a version number from 1.");
        if (request.Overrides is { } overrides)
            ValidateOverrides(overrides, Add);
        if (!request.Providers.IsDefault && request.Providers.Distinct().Count() != request.Providers.Length)
            Add("providers", "Providers must not repeat.");

        return errors.ToImmutableDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void ValidateSizes(BenchmarkRequest request, Action<string, string> add)
    {
        if (request.InputSizes.IsDefaultOrEmpty || request.InputSizes.Length > MaxInputSizes)
            add("inputSizes", $"Input sizes must list between 1 and {MaxInputSizes} sizes.");
        else if (request.InputSizes.Distinct().Count() != request.InputSizes.Length)
            add("inputSizes", "Input sizes must not repeat.");
        foreach (var size in request.InputSizes.IsDefault ? [] : request.InputSizes)
        {
            if (size < 0)
                add("inputSizes", $"Input size {size} is negative.");
            else if (size > GeneratedInputs.MaxBytes && !request.Samples.ContainsKey(size))
                add("inputSizes", $"Input size {size} is over {GeneratedInputs.MaxBytes} bytes, the largest generated input; give a sample for it.");
        }
        foreach (var size in request.Samples.Keys.Where(s => request.InputSizes.IsDefault || !request.InputSizes.Contains(s)))
            add("samples", $"Sample for size {size} names no size in inputSizes.");
    }

    private static void ValidateOverrides(WorkloadOverrides overrides, Action<string, string> add)
    {
        if (overrides.Image is { } image && (image.Length == 0 || image.Any(char.IsWhiteSpace)))
            add("overrides.image", "Image must not be empty or contain white space.");
        if (overrides.Cpu is { } cpu && (double.IsNaN(cpu) || cpu < 0 || cpu > FunctionDefinitionValidator.MaxCpu))
            add("overrides.cpu", $"CPU must be between 0 and {FunctionDefinitionValidator.MaxCpu} cores.");
        if (overrides.MemoryMiB is { } memory && memory is < 0 or > 0 and < FunctionDefinitionValidator.MinMemoryMiB)
            add("overrides.memoryMiB", $"Memory must be 0 or at least {FunctionDefinitionValidator.MinMemoryMiB} MiB.");
    }
}
