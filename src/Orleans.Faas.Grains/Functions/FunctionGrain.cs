using System.Data.Common;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Orleans.Faas.Cache;
using Orleans.Faas.Callbacks;
using Orleans.Faas.HttpModel.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Registry;
using Orleans.Faas.Tasks;
using Orleans.Serialization;

namespace Orleans.Faas.Functions;

public sealed class FunctionGrain(
    [PersistentState("function", FaasStorage.Name)] IPersistentState<FunctionRecord> state,
    [PersistentState("observed", FaasStorage.Name)] IPersistentState<ObservedProfile> observedState,
    DeepCopier<FunctionRecord> copier,
    DeepCopier<ObservedProfile> observedCopier,
    IOptions<TaskOptions> taskOptions,
    TimeProvider clock)
    : Grain, IFunctionGrain
{
    private string Name => this.GetPrimaryKeyString();

    private readonly StoredRecord<FunctionRecord> _record = new(state, copier);

    // Apart from the record, so that learning from runs every few seconds never rewrites the versions and their code.
    private readonly StoredRecord<ObservedProfile> _observed = new(observedState, observedCopier);

    private (int Version, CodeReference? Code)? _latestCode;

    private FunctionRecord Record => _record.Current;

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(Registries.Functions);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A function stored before callbacks existed gets its secret now.
        if (Record.Versions.Count > 0 && Record.CallbackSecret is null)
            await Change(r => r.CallbackSecret = CallbackSignature.NewSecret());
    }

    public async Task<FunctionRegistration> Register(FunctionDefinition definition)
    {
        var errors = FunctionDefinitionValidator.Validate(definition);
        if (!errors.IsEmpty)
            throw new InvalidFunctionDefinitionException(errors);
        if (definition.Name != Name)
            throw new ArgumentException($"Definition '{definition.Name}' was sent to function '{Name}'.", nameof(definition));
        if (Record.Versions.LastOrDefault() is { } latest && SameDefinition.As(latest.Definition, definition))
        {
            // A registration stored while its listing was not is listed when it is sent again.
            await Registry.Add(Name);
            return new FunctionRegistration(latest, Created: false, Record.CallbackSecret);
        }

        var version = new FunctionVersion(definition, Record.LastVersion + 1, clock.GetUtcNow());
        // Runs of other code, or in another box, say nothing of this version's cost.
        var newWork = Record.Versions.LastOrDefault() is { } previous && !SameWork.As(previous.Definition, definition);
        await Change(r =>
        {
            if (newWork)
            {
                r.Profiled.Clear();
                r.CacheNeed = null;
            }
            r.Versions.Add(version);
            KeptVersions.Prune(r.Versions, version.RegisteredAt, taskOptions.Value.Retention);
            r.LastVersion = version.Version;
            r.CallbackSecret ??= CallbackSignature.NewSecret();
        });
        if (newWork)
            await _observed.Clear();
        await Registry.Add(Name);
        return new FunctionRegistration(version, Created: true, Record.CallbackSecret);
    }

    public Task<FunctionVersion?> GetLatest() => Task.FromResult(Record.Versions.LastOrDefault());

    public Task<ImmutableArray<FunctionVersion>> GetVersions() => Task.FromResult<ImmutableArray<FunctionVersion>>([.. Enumerable.Reverse(Record.Versions)]);

    public Task<FunctionVersion?> GetVersion(int version) => Task.FromResult(Record.Versions.FirstOrDefault(v => v.Version == version));

    public async Task<bool> Delete()
    {
        if (Record.Versions.Count == 0)
            return false;

        await Change(r =>
        {
            r.Versions.Clear();
            r.Profiled.Clear();
            r.CacheNeed = null;
            r.CallbackSecret = null;
        });
        await _observed.Clear();
        await Registry.Remove(Name);
        return true;
    }

    public async Task<Guid> Invoke(byte[] input, InvocationOptions options)
    {
        var taskId = Guid.NewGuid();
        await Submitting(taskId, task => task.Submit(TaskSubmissions.For(Plan(), input, options)));
        return taskId;
    }

    public async Task InvokeAs(Guid taskId, byte[] input, InvocationOptions options)
    {
        // The task decides, one call after another, so two callers with the same id submit it once.
        await Submitting(taskId, task => task.SubmitIfNew(TaskSubmissions.For(Plan(), input, options)));
    }

    /// <summary>
    /// A new task whose state cannot even be read (its database is away) fails to activate with Orleans' storage
    /// error around the database's; the caller gets that as the task not being stored, which it may try again.
    /// </summary>
    private async Task Submitting(Guid taskId, Func<ITaskGrain, Task> submit)
    {
        try
        {
            await submit(GrainFactory.GetGrain<ITaskGrain>(taskId));
        }
        catch (OrleansException e) when (e.InnerException is DbException database)
        {
            throw new TaskNotStoredException(taskId, database.Message);
        }
    }

    public Task<InvocationPlan> GetInvocationPlan() => Task.FromResult(Plan());

    public Task<CodeFile?> GetCode(string sha256) =>
        Task.FromResult(Enumerable.Reverse(Record.Versions).Select(v => v.Definition.Code).FirstOrDefault(code => code is not null && CodeReference.Of(code).Sha256 == sha256));

    public Task<string?> GetCallbackSecret() => Task.FromResult(Record.Versions.Count == 0 ? null : Record.CallbackSecret);

    public async Task RecordProfile(ImmutableArray<ProfilePoint> points)
    {
        if (Record.Versions.Count == 0)
            throw new FunctionNotFoundException(Name);
        var sizes = points.Select(p => p.InputSize).ToHashSet();
        await Change(r =>
        {
            r.Profiled.RemoveAll(p => sizes.Contains(p.InputSize));
            r.Profiled.AddRange(points);
            r.Profiled.Sort((a, b) => a.InputSize.CompareTo(b.InputSize));
        });
    }

    public async Task RecordCacheNeed(CacheNeed need)
    {
        if (Record.Versions.Count == 0)
            throw new FunctionNotFoundException(Name);
        await Change(r => r.CacheNeed = need);
    }

    public async Task Observe(ImmutableArray<ExecutionSample> samples)
    {
        if (Record.Versions.LastOrDefault() is not { } latest)
            return;
        // A run of an older version still finishing teaches the latest one only if that version did the same work.
        var same = samples.Where(s => s.FunctionVersion == 0 || s.FunctionVersion == latest.Version
            || Record.Versions.Find(v => v.Version == s.FunctionVersion) is { } ran && SameWork.As(ran.Definition, latest.Definition)).ToList();
        if (same.Count == 0)
            return;
        var now = clock.GetUtcNow();
        await _observed.Change(o => o.Add(same, now));
    }

    public Task<ImmutableArray<ProfilePoint>> GetProfile() =>
        Task.FromResult(Record.Versions.Count == 0
            ? throw new FunctionNotFoundException(Name)
            : Record.Profiled.Concat(_observed.Current.Points(Record.LastVersion)).OrderBy(p => p.InputSize).ThenBy(p => p.Source).ToImmutableArray());

    public Task<CacheNeed?> GetCacheNeed() =>
        Task.FromResult(Record.Versions.Count == 0 ? throw new FunctionNotFoundException(Name) : Record.CacheNeed);

    public Task<ProfileEstimate?> Estimate(long inputSize) =>
        Task.FromResult(Record.Versions.Count == 0
            ? throw new FunctionNotFoundException(Name)
            : ProfileAt(inputSize));

    private Task Change(Action<FunctionRecord> change) => _record.Change(change);

    /// <summary>Tasks store the latest version without its code file, and the file's hash instead.</summary>
    private InvocationPlan Plan() => Record.Versions.LastOrDefault() is { } latest
        ? new InvocationPlan(latest with { Definition = latest.Definition with { Code = null } }, [.. Record.ProfilePoints(_observed.Current)], Record.CacheNeed?.Ways, CodeOf(latest))
        : throw new FunctionNotFoundException(Name);

    /// <summary>The version's code reference, hashed once per latest version rather than once per task.</summary>
    private CodeReference? CodeOf(FunctionVersion version)
    {
        if (_latestCode is not { } known || known.Version != version.Version)
            _latestCode = known = (version.Version, version.Definition.Code is { } code ? CodeReference.Of(code) : null);
        return known.Code;
    }

    /// <summary>The latest version's expected cost at the size, from its profiled and observed points; null without any.</summary>
    private ProfileEstimate? ProfileAt(long inputSize) => ProfileInterpolation.Estimate(Record.ProfilePoints(_observed.Current), inputSize);
}
