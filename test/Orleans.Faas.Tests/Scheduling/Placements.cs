using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Faas.Functions;
using Orleans.Faas.History;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Scheduling;

/// <summary>Requests, providers and estimators for placement tests.</summary>
internal static class Placements
{
    public static readonly SchedulingOptions Options = new();

    /// <summary>A view with every provider a test places on already in it.</summary>
    public static readonly IProviderViewRefresh NoRefresh = new NoViewRefresh();

    public static FunctionDefinition Function(string name = "f", PlacementSpec? placement = null, FunctionRuntime runtime = FunctionRuntime.Docker) =>
        new(name, runtime, runtime == FunctionRuntime.Docker ? "image" : null, ["x"], ImmutableDictionary<string, string>.Empty, 1, 0, TimeSpan.FromSeconds(30), Placement: placement);

    /// <param name="referenceWallMs">The function's profiled wall time on the reference; null for an unprofiled function.</param>
    public static PlacementRequest Request(FunctionDefinition? function = null, double? referenceWallMs = null, double? referenceCpuMs = null) => new(
        new FunctionVersion(function ?? Function(), 1, DateTimeOffset.UnixEpoch),
        1000,
        referenceWallMs is { } wall
            ? new ProfileEstimate(1000, false, false, ProfileSource.Profiled, new RunStatistics(wall, wall, wall, 0, 5, referenceCpuMs ?? wall, null, null, null, null, null), [1000])
            : null);

    public static ProviderSnapshot Provider(
        string id,
        double? cpuEfficiency = null,
        ProviderLoad? load = null,
        ProviderStatus status = ProviderStatus.Ready,
        ImmutableDictionary<string, string>? labels = null,
        FunctionRuntime runtime = FunctionRuntime.Docker,
        double? memoryEfficiency = null) => new(
        id,
        new NodeFacts(id, 2, 1L << 30, "cpu", 1L << 20, Labels: labels),
        [runtime],
        status,
        load ?? new ProviderLoad(0, 0, 1),
        "silo",
        DateTimeOffset.UnixEpoch,
        Scores: cpuEfficiency is { } cpu ? new EfficiencyScores(cpu, memoryEfficiency ?? cpu, 0, 0, DateTimeOffset.UnixEpoch, "ref") : null);

    public static FinishEstimator Estimator(SchedulingOptions? options = null, PredictionCorrections? corrections = null) =>
        new(new RuntimeModels(new InMemoryModelStore(), NullLogger<RuntimeModels>.Instance), Microsoft.Extensions.Options.Options.Create(options ?? Options), corrections);

    /// <summary>A finished run of function "f" on the provider, as the corrections learn from it; predicted by the linear model unless unpredicted.</summary>
    public static ExecutionRecord Run(string provider, double? predictedMs, double wallMs, DateTimeOffset at, TaskState status = TaskState.Completed, bool cold = false) =>
        new(Guid.NewGuid(), 1, "f", 1, provider, 10, at, at, at, wallMs, null, null, 0, status, null,
            Cold: cold, PredictedMs: predictedMs, ModelVersion: predictedMs is null ? null : 0);

    /// <summary>A load with an idle container of the function's definition, by default <see cref="Function"/>'s.</summary>
    public static ProviderLoad Warm(FunctionDefinition? function = null, int running = 0, int queued = 0, int slots = 1, double pendingMs = 0) =>
        new(running, queued, slots, pendingMs, ImmutableDictionary<string, int>.Empty.Add(WarmKey.Of(function ?? Function()), 1));

    private sealed class NoViewRefresh : IProviderViewRefresh
    {
        public Task Refresh() => Task.CompletedTask;
    }
}
