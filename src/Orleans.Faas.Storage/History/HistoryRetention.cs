using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Faas.History;

namespace Orleans.Faas.Storage.History;

/// <summary>
/// Deletes the execution records whose attempt finished longer than <see cref="HistoryOptions.Retention"/> ago, a batch
/// at a time, every hundredth of the retention (at least a minute, at most an hour). Every silo runs one; what another
/// silo already deleted costs nothing, and a sweep the database does not answer is tried again next period.
/// </summary>
public sealed partial class HistoryRetention(
    NpgsqlDataSource dataSource,
    IOptions<HistoryOptions> options,
    TimeProvider clock,
    ILogger<HistoryRetention> logger)
    : BackgroundService
{
    private const int Batch = 5_000;

    // Batched by row address, so that no one statement holds locks on a whole year of rows; finished_at is indexed.
    private const string DeleteText =
        "DELETE FROM faas_execution_history WHERE ctid = ANY(ARRAY(SELECT ctid FROM faas_execution_history WHERE finished_at < $1 LIMIT $2))";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(retention.Ticks / 100, TimeSpan.TicksPerMinute, TimeSpan.TicksPerHour)), clock);
        do
        {
            try
            {
                var deleted = await DeleteOlderThan(clock.GetUtcNow() - retention, stoppingToken);
                if (deleted > 0)
                    LogDeleted(deleted, retention);
            }
            catch (NpgsqlException e)
            {
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many records were deleted.</returns>
    public async Task<long> DeleteOlderThan(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(DeleteText);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Batch });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == Batch);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution history: deleted {Deleted} records older than {Retention}")]
    private partial void LogDeleted(long deleted, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution history: the retention sweep failed; it is tried again next period")]
    private partial void LogSweepFailed(Exception exception);
}
