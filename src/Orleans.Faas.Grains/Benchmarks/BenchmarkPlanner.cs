using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Benchmarks;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// Turns a valid request into the steps a job runs, against the cluster as it is now: the providers must be ready and
/// able to run the workload, the function must exist. Every step runs the job's own copy of its definition, under a
/// name only the job uses (<c>bench-JOB-…</c>), so its cleanup removes only what it made. A profile on a reference that
/// can allocate cache also sweeps the function's cache ways (<see cref="CacheWaySweep"/>).
/// </summary>
public sealed class BenchmarkPlanner(IGrainFactory grains, TimeProvider clock)
{
    public const string CpuWorkload = "cpu";
    public const string MemoryWorkload = "memory";

    public async Task<IReadOnlyList<BenchmarkStep>> Plan(Guid job, BenchmarkRequest request)
    {
        var providers = await grains.GetGrain<IProviderDirectoryGrain>(0).List();
        var prefix = $"bench-{job:N}"[..14];
        return request.Kind switch
        {
            BenchmarkKind.Providers => PlanProviders(request, providers, prefix),
            BenchmarkKind.Profile => await PlanProfile(request, Reference(providers), prefix, providers),
            _ => await PlanFunction(request, request.Providers.IsDefaultOrEmpty ? null : Named(providers, request.Providers), prefix, providers),
        };
    }

    /// <summary>Both workloads on each provider; the reference too when it was never measured, since every score needs it.</summary>
    private IReadOnlyList<BenchmarkStep> PlanProviders(BenchmarkRequest request, ImmutableArray<ProviderSnapshot> providers, string prefix)
    {
        var targets = request.Providers.IsDefaultOrEmpty
            ? [.. providers.Where(p => p.TakesWork(FunctionRuntime.Docker))]
            : Named(providers, request.Providers);
        if (providers.FirstOrDefault(p => p.IsReference) is { Benchmark: null, Status: ProviderStatus.Ready } reference && !targets.Contains(reference))
            targets = [reference, .. targets];
        if (targets.Count == 0)
            throw new NoProviderAvailableException(FunctionRuntime.Docker);

        var cpu = Version(BenchmarkWorkloads.Cpu($"{prefix}-{CpuWorkload}"));
        var memory = Version(BenchmarkWorkloads.Memory($"{prefix}-{MemoryWorkload}"));
        return [.. targets.Select(p => PinnedProviders.Ready(p, FunctionRuntime.Docker)).SelectMany(p => new[]
        {
            new BenchmarkStep(p.Id, CpuWorkload, cpu, 0, []),
            new BenchmarkStep(p.Id, MemoryWorkload, memory, 0, []),
        })];
    }

    private async Task<IReadOnlyList<BenchmarkStep>> PlanProfile(
        BenchmarkRequest request, ProviderSnapshot reference, string prefix, ImmutableArray<ProviderSnapshot> providers)
    {
        var sizes = await PlanFunction(request, [reference], prefix, providers);
        return [.. sizes, .. CacheWaySweep.Steps(reference.Facts, sizes)];
    }

    /// <param name="targets">Where to run; null means every ready provider that can run the function.</param>
    private async Task<IReadOnlyList<BenchmarkStep>> PlanFunction(
        BenchmarkRequest request, IReadOnlyList<ProviderSnapshot>? targets, string prefix, ImmutableArray<ProviderSnapshot> providers)
    {
        var name = request.Function!;
        var function = grains.GetGrain<IFunctionGrain>(name);
        var latest = await function.GetLatest() ?? throw new FunctionNotFoundException(name);
        if (request.Version is { } asked && asked != latest.Version)
            latest = await function.GetVersion(asked) ?? throw new InvalidBenchmarkRequestException(ImmutableDictionary<string, string[]>.Empty.Add(
                "version", [$"Function '{name}' has no version {asked} (any more); its latest is {latest.Version}."]));
        var definition = WithOverrides(latest.Definition, request.Overrides) with { Name = $"{prefix}-{name}"[..Math.Min(63, prefix.Length + 1 + name.Length)] };
        var version = latest with { Definition = definition };
        targets ??= [.. providers.Where(p => p.TakesWork(definition.Runtime))];
        if (targets.Count == 0)
            throw new NoProviderAvailableException(definition.Runtime);
        return [.. from provider in targets
                   from size in request.InputSizes
                   select new BenchmarkStep(PinnedProviders.Ready(provider, definition.Runtime).Id, name, version, size,
                       request.Samples.TryGetValue(size, out var sample) ? sample : GeneratedInputs.OfSize(size))];
    }

    private static FunctionDefinition WithOverrides(FunctionDefinition definition, WorkloadOverrides? overrides)
    {
        if (overrides is null)
            return definition;
        var changed = definition with
        {
            Image = overrides.Image ?? definition.Image,
            Cpu = overrides.Cpu ?? definition.Cpu,
            MemoryMiB = overrides.MemoryMiB ?? definition.MemoryMiB,
            Env = overrides.Env is { } env ? definition.Env.SetItems(env) : definition.Env,
            Secrets = overrides.Secrets is { } secrets ? [.. definition.Secrets.Union(secrets)] : definition.Secrets,
        };
        var errors = FunctionDefinitionValidator.Validate(changed);
        return errors.IsEmpty ? changed : throw new InvalidBenchmarkRequestException(errors.ToImmutableDictionary(e => $"overrides.{e.Key}", e => e.Value));
    }

    private static ProviderSnapshot Reference(ImmutableArray<ProviderSnapshot> providers) =>
        providers.FirstOrDefault(p => p.IsReference) ?? throw new InvalidBenchmarkRequestException(
            ImmutableDictionary<string, string[]>.Empty.Add("kind", ["A profile runs on the reference provider, and the cluster has none yet."]));

    private static List<ProviderSnapshot> Named(ImmutableArray<ProviderSnapshot> providers, ImmutableArray<string> ids) =>
        [.. ids.Select(id => providers.FirstOrDefault(p => p.Id == id) ?? throw new ProviderNotFoundException(id))];

    private FunctionVersion Version(FunctionDefinition definition) => new(definition, 0, clock.GetUtcNow());
}
