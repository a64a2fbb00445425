using Microsoft.Extensions.Logging;

namespace Orleans.Faas.Retention;

/// <summary>
/// The finished grains of one type that expire in one range. Adds are gathered for <see cref="FlushDelay"/> and
/// persisted together; before its first write the bucket registers a reminder due at the range's end, on which it
/// expires every member and then deletes itself and its reminder. A member that did not answer stays for the next
/// tick. A bucket whose silo dies loses the adds it had not yet written; their grains stay in storage.
/// </summary>
public sealed partial class ExpiryBucketGrain(
    [PersistentState("expiryBucket", FaasStorage.Name)] IPersistentState<ExpiryBucketRecord> state,
    TimeProvider clock,
    ILogger<ExpiryBucketGrain> logger)
    : Grain, IExpiryBucketGrain, IRemindable
{
    private const string ReminderName = "expire";
    private const int Concurrency = 64;

    /// <summary>How long adds are gathered into one write: a bucket of a minute is written at most sixty times.</summary>
    private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long after a tick that left members behind, or a write that failed, the bucket tries again.</summary>
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(1);

    private IGrainTimer? _flush;
    private bool _armed;

    private HashSet<Guid> Members => state.State.Members;

    private DateTimeOffset End => DateTimeOffset.FromUnixTimeSeconds(this.GetPrimaryKeyLong(out _));

    private GrainType MemberType
    {
        get
        {
            this.GetPrimaryKeyLong(out var type);
            return GrainType.Create(type!);
        }
    }

    public Task Add(Guid grain)
    {
        if (Members.Add(grain))
            FlushIn(FlushDelay);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _armed = true;
        var members = Members.ToList();
        var expired = new List<Guid>();
        Exception? failure = null;
        var concurrently = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, TaskScheduler = TaskScheduler.Current };
        await Parallel.ForEachAsync(members, concurrently, async (member, _) =>
        {
            try
            {
                await GrainFactory.GetGrain<IExpiring>(GrainId.Create(MemberType, GrainIdKeyExtensions.CreateGuidKey(member))).Expire();
                expired.Add(member);
            }
            catch (Exception e)
            {
                // Whatever went wrong with one member, the others go on; it is tried again on the next tick.
                failure ??= e;
            }
        });
        Members.ExceptWith(expired);
        LogExpired(MemberType, End, expired.Count, Members.Count);

        if (Members.Count > 0)
        {
            LogMembersLeft(failure, MemberType, End, Members.Count);
            await Flush();
            return;
        }
        _flush?.Dispose();
        _flush = null;
        await this.Unregister(ReminderName);
        await Expiry.Forget(this, state);
    }

    private void FlushIn(TimeSpan delay) =>
        _flush ??= this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan });

    /// <summary>The reminder first: a bucket stored without one would never be expired, while a reminder without a bucket finds it empty.</summary>
    private async Task Flush()
    {
        _flush?.Dispose();
        _flush = null;
        try
        {
            if (!_armed)
            {
                var dueIn = End - clock.GetUtcNow();
                await this.RegisterOrUpdateReminder(ReminderName, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, RetryEvery);
                _armed = true;
            }
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogNotWritten(e, MemberType, End, Members.Count);
            FlushIn(RetryEvery);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Expiry bucket {Type} until {End}: expired {Expired}, {Left} left")]
    private partial void LogExpired(GrainType type, DateTimeOffset end, int expired, int left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry bucket {Type} until {End}: {Left} members did not expire; they are tried again on the next tick")]
    private partial void LogMembersLeft(Exception? exception, GrainType type, DateTimeOffset end, int left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiry bucket {Type} until {End}: {Members} members could not be stored; trying again later")]
    private partial void LogNotWritten(Exception exception, GrainType type, DateTimeOffset end, int members);
}
