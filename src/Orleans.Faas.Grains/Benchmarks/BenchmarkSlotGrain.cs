using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.Providers;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Benchmarks;

/// <summary>
/// The single benchmark slot. Non-reentrant, so two starts can never both take it. A holder whose job has ended (or
/// was never stored) no longer holds it. When the slot is free and the platform measures providers by itself, it
/// starts a provider benchmark for those that are due: on a nudge (a provider joined, a silo died, a job ended) and
/// on a reminder for scores that aged.
/// </summary>
public sealed partial class BenchmarkSlotGrain(
    [PersistentState("slot", FaasStorage.Name)] IPersistentState<SlotRecord> state,
    IOptions<SchedulingOptions> options,
    CallbackUrlPolicy callbacks,
    TimeProvider clock,
    ILogger<BenchmarkSlotGrain> logger)
    : Grain, IBenchmarkSlotGrain, IRemindable
{
    public const int RecentJobs = 20;
    private const string AgeCheck = "score-age";

    // A job the platform started by itself that failed is not started again at once, or a broken node would loop.
    private static readonly TimeSpan AutoRetryPause = TimeSpan.FromMinutes(5);

    private DateTimeOffset _autoPausedUntil;

    // Seconds per run of the last job of each kind this activation saw end, for the wait told while a job starts.
    private readonly Dictionary<BenchmarkKind, double> _secondsPerRun = [];

    private SlotRecord Record => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AutoBenchmark)
            return;
        var period = TimeSpan.FromTicks(Math.Clamp(options.Value.ScoreMaxAge.Ticks / 4, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromHours(1).Ticks));
        await this.RegisterOrUpdateReminder(AgeCheck, period, period);
    }

    public async Task<BenchmarkSnapshot> Start(BenchmarkRequest request)
    {
        // Bad input is told as such even while the slot is busy.
        var errors = BenchmarkRequestValidator.Validate(request, callbacks);
        if (!errors.IsEmpty)
            throw new InvalidBenchmarkRequestException(errors);
        if (await RunningHolder() is { } running)
            throw new BenchmarkSlotBusyException(running.Id,
                WaitEstimate.Seconds(running, clock.GetUtcNow(), _secondsPerRun.TryGetValue(running.Request.Kind, out var perRun) ? perRun : null));

        var id = Guid.NewGuid();
        Record.Holder = id;
        await state.WriteStateAsync();
        BenchmarkSnapshot started;
        try
        {
            started = await GrainFactory.GetGrain<IBenchmarkGrain>(id).Start(request);
        }
        catch
        {
            // Refused (invalid, or the cluster cannot run it): it never held the slot.
            Record.Holder = null;
            await state.WriteStateAsync();
            throw;
        }
        Record.Recent.Insert(0, id);
        if (Record.Recent.Count > RecentJobs)
            Record.Recent.RemoveRange(RecentJobs, Record.Recent.Count - RecentJobs);
        await state.WriteStateAsync();
        return started;
    }

    public async Task Release(Guid job)
    {
        if (Record.Holder != job)
            return;
        Record.Holder = null;
        await state.WriteStateAsync();
        var ended = await GrainFactory.GetGrain<IBenchmarkGrain>(job).GetSnapshot();
        if (ended is not null && WaitEstimate.SecondsPerRun(ended) is { } perRun)
            _secondsPerRun[ended.Request.Kind] = perRun;
        if (ended is { Status: BenchmarkStatus.Failed, Request.Trigger: not BenchmarkRequest.ApiTrigger })
            _autoPausedUntil = clock.GetUtcNow() + AutoRetryPause;
        await StartDue();
    }

    public Task<ImmutableArray<Guid>> Recent() => Task.FromResult(Record.Recent.ToImmutableArray());

    public async Task Nudge()
    {
        if (await RunningHolder() is null)
            await StartDue();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Nudge();

    /// <summary>The holder's job while it runs; a holder that ended, or was never stored, frees the slot.</summary>
    private async Task<BenchmarkSnapshot?> RunningHolder()
    {
        if (Record.Holder is not { } holder)
            return null;
        var job = await GrainFactory.GetGrain<IBenchmarkGrain>(holder).GetSnapshot();
        if (job is { IsFinished: false })
            return job;
        Record.Holder = null;
        await state.WriteStateAsync();
        return null;
    }

    private async Task StartDue()
    {
        if (!options.Value.AutoBenchmark || clock.GetUtcNow() < _autoPausedUntil)
            return;
        var providers = await GrainFactory.GetGrain<IProviderDirectoryGrain>(0).List();
        var due = DueProviders.Of(providers, clock.GetUtcNow(), options.Value.ScoreMaxAge);
        if (due.Count == 0)
            return;
        var trigger = due.Any(p => p.Benchmark is null) ? "join" : "age";
        var request = new BenchmarkRequest(BenchmarkKind.Providers, [.. due.Select(p => p.Id)], null, [], options.Value.BenchmarkRepetitions,
            ImmutableDictionary<long, byte[]>.Empty, null, options.Value.BenchmarkTimeout, null, trigger);
        try
        {
            var job = await Start(request);
            LogAutoStarted(job.Id, trigger, string.Join(", ", request.Providers));
        }
        catch (Exception e) when (e is not BenchmarkSlotBusyException)
        {
            _autoPausedUntil = clock.GetUtcNow() + AutoRetryPause;
            LogAutoRefused(e, string.Join(", ", request.Providers));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Benchmark {BenchmarkId} started by the platform ({Trigger}) for providers {Providers}")]
    private partial void LogAutoStarted(Guid benchmarkId, string trigger, string providers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A provider benchmark for {Providers} could not be started; the platform tries again later")]
    private partial void LogAutoRefused(Exception exception, string providers);
}
