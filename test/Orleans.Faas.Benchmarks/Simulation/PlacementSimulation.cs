using System.Collections.Immutable;
using System.Diagnostics;
using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Benchmarks.Measurement;
using Orleans.Faas.Functions;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Scheduling.View;

namespace Orleans.Faas.Benchmarks.Simulation;

/// <summary>
/// Runs a workload in virtual time through the platform's own placement: a silo's <see cref="Placer"/> with its
/// policies, finish estimator, provider view and the given runtime models decides every task, as a task grain asks
/// it to; simulated workers run the tasks and answer with their load, as real workers do. The oracle instead sends
/// each task where it would finish first, knowing every true run time. Single-threaded and deterministic apart from
/// the random policy, which draws from the shared generator as it does in a silo; with more than one silo, which
/// silo's placer places a task is drawn from a generator seeded by the run's draw.
/// </summary>
public sealed class PlacementSimulation
{
    /// <summary>How long the cluster takes to see that a provider is gone and place its tasks again (an assumption).</summary>
    public const double DetectionMs = 5_000;

    /// <summary>How long a task that found no provider waits before it is placed again.</summary>
    private const double RetryMs = 1_000;

    private static readonly DateTimeOffset Registered = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SimulatedWorkload _workload;
    private readonly SimulatedPlacement _placement;
    private readonly List<TrainingRow>? _history;
    private readonly Dictionary<string, SimulatedNode> _nodes;
    private readonly ProviderView _view = new();
    /// <summary>One per silo of the workload, over the one view: a policy's own state, like the round-robin turn, is a silo's.</summary>
    private readonly IReadOnlyList<Placer> _placers;
    private readonly Random _silos;
    private readonly Dictionary<string, FunctionVersion> _versions = [];
    private readonly Dictionary<string, List<SimulatedNode>> _fitting = [];
    private readonly PriorityQueue<Action, (double, long)> _events = new();
    private readonly Samples _completion;
    private long _sequence;
    private double _now;
    private double _lastFinish;
    private int _cold;
    private int _replaced;

    private PlacementSimulation(SimulatedWorkload workload, SimulatedPlacement placement, RuntimeModels models, List<TrainingRow>? history, int draw)
    {
        _silos = new Random(draw);
        _workload = workload;
        _placement = placement;
        _history = history;
        _completion = new Samples(placement.Label);
        _nodes = workload.Nodes.ToDictionary(n => n.Id, n => new SimulatedNode(n));
        foreach (var node in _nodes.Values)
        {
            foreach (var version in workload.Tasks.Select(t => t.WarmKey).Distinct())
                node.Warm(version, workload.WarmAtStart);
            Apply(node);
        }
        _view.SetReference(workload.Reference);
        _placers = [.. Enumerable.Range(0, workload.Silos).Select(_ => SimulatedPlacer.Create(_view, models, new SchedulingOptions().Shortlist))];
    }

    /// <param name="history">Receives a training row for every finished run, oldest first, as the execution history would hold it.</param>
    /// <param name="draw">Seeds which silo places each task, when the workload has more than one.</param>
    public static SimulationResult Run(SimulatedWorkload workload, SimulatedPlacement placement, RuntimeModels models, List<TrainingRow>? history = null, int draw = 0) =>
        new PlacementSimulation(workload, placement, models, history, draw).Run();

    private SimulationResult Run()
    {
        var clock = Stopwatch.StartNew();
        foreach (var task in _workload.Tasks)
            At(task.ArrivalMs, () => Place(task));
        foreach (var failure in _workload.Failures)
        {
            var node = _nodes[failure.Node];
            At(failure.DownAtMs, () => Fail(node));
            At(failure.UpAtMs, () => Recover(node));
        }
        while (_events.TryDequeue(out var action, out var at))
        {
            _now = at.Item1;
            action();
        }
        var slotMs = _workload.Nodes.Sum(n => n.Slots) * _lastFinish;
        return new SimulationResult(_placement, _completion, _lastFinish, _nodes.Values.Sum(n => n.BusyMs) / slotMs, _cold, _replaced, clock.Elapsed);
    }

    private void At(double ms, Action action) => _events.Enqueue(action, (ms, _sequence++));

    private void Place(SimulatedTask task)
    {
        if ((_placement.IsOracle ? Oracle(task) : Placed(task)) is not var (node, predictedMs))
        {
            At(_now + RetryMs, () => Place(task));
            return;
        }
        node.Enqueue(task, predictedMs);
        Start(node);
    }

    /// <summary>Where the platform's placer sends the task, with the run time it predicted there.</summary>
    private (SimulatedNode, double)? Placed(SimulatedTask task)
    {
        var request = new PlacementRequest(Version(task.Definition), task.InputSize, task.Profile);
        try
        {
            // The view holds every provider, so planning never waits for a refresh and its task is complete on return.
            // A task grain is activated on whichever silo the runtime picks, and places its task with that silo's placer.
            var placer = _placers[_silos.Next(_placers.Count)];
            var plan = placer.Plan(request, pinned: null).GetAwaiter().GetResult();
            var (_, estimate) = placer.Decide(plan, 0);
            return (_nodes[plan.Ranked[0].Id], estimate.RuntimeMs);
        }
        catch (Exception e) when (e is NoProviderAvailableException or UnmetConstraintException)
        {
            return null;
        }
    }

    /// <summary>The provider where the task would finish first, from every true run time and cold start.</summary>
    private (SimulatedNode, double)? Oracle(SimulatedTask task)
    {
        var name = task.Definition.Name;
        if (!_fitting.TryGetValue(name, out var fitting))
        {
            var requires = task.Definition.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty;
            _fitting[name] = fitting = [.. _nodes.Values.Where(n => LabelConstraints.Fits(_view.Find(n.Id)!, requires))];
        }
        var best = fitting.Where(n => n.Up).MinBy(n => n.ProjectedStartMs(_now) + (n.IsWarm(task.WarmKey) ? 0 : n.Spec.ColdStartMs) + task.RunMs(n.Id));
        return best is null ? null : (best, task.RunMs(best.Id));
    }

    private void Start(SimulatedNode node)
    {
        foreach (var running in node.StartWhatFits(_now))
            At(running.EndMs, () => Finish(node, running));
        _view.Observe(node.Id, node.Load(_now));
    }

    private void Finish(SimulatedNode node, RunningTask running)
    {
        if (running.Epoch != node.Epoch)
            return;
        node.Finish(running);
        _completion.Add(_now - running.Task.ArrivalMs);
        _lastFinish = Math.Max(_lastFinish, _now);
        if (running.Cold)
            _cold++;
        _history?.Add(Row(node, running));
        Start(node);
    }

    private void Fail(SimulatedNode node)
    {
        var lost = node.Fail(_now);
        Apply(node);
        _replaced += lost.Count;
        foreach (var task in lost)
            At(_now + DetectionMs, () => Place(task));
    }

    private void Recover(SimulatedNode node)
    {
        node.Recover();
        Apply(node);
    }

    /// <summary>The provider's registration or status change reaches the view as a newer snapshot.</summary>
    private void Apply(SimulatedNode node) => _view.Apply(node.Snapshot(_now), ++node.Revision);

    /// <summary>The function as registered under the placement's policy, with its required labels.</summary>
    private FunctionVersion Version(FunctionDefinition definition)
    {
        if (!_versions.TryGetValue(definition.Name, out var version))
        {
            var placement = new PlacementSpec(_placement.Policy, definition.Placement?.Requires ?? ImmutableDictionary<string, string>.Empty);
            _versions[definition.Name] = version = new FunctionVersion(definition with { Placement = placement }, 1, Registered);
        }
        return version;
    }

    /// <summary>The run as the platform's training rows describe one: the provider as the view scores it, and its load as the run started.</summary>
    private TrainingRow Row(SimulatedNode node, RunningTask running)
    {
        var provider = _view.Find(node.Id)!;
        var task = running.Task;
        var features = RuntimeFeatures.Build(task.Profile?.Stats, task.InputSize, task.Definition.Runtime, new ProviderFeatures(
            provider.Scores?.CpuEfficiency,
            provider.Scores?.MemoryEfficiency,
            Math.Min(task.Definition.Cpu, provider.Facts.CpuCap ?? double.PositiveInfinity),
            provider.Facts.LlcBytes,
            provider.Facts.MemoryBytes,
            running.RunningBefore,
            running.QueuedBefore,
            running.Cold));
        return new TrainingRow(features, running.RunMs);
    }
}
