using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Orleans.Faas.Storage.Retention;

/// <summary>
/// Deletes a table's rows whose time column is older than a retention, a batch at a time, every hundredth of the
/// retention (at least a minute, at most an hour). Every silo runs one per table; what another silo already deleted
/// costs nothing, and a sweep the database does not answer is tried again next period.
/// </summary>
/// <param name="table">The table, named by the platform's code, never by input.</param>
/// <param name="timeColumn">Its indexed timestamptz column the retention counts from.</param>
public abstract partial class RetentionSweep(NpgsqlDataSource dataSource, TimeProvider clock, ILogger logger, string table, string timeColumn)
    : BackgroundService
{
    private const int Batch = 5_000;

    // Batched by row address, so that no one statement holds locks on a whole year of rows.
    private readonly string _deleteText =
        $"DELETE FROM {table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM {table} WHERE {timeColumn} < $1 LIMIT $2))";

    /// <summary>How long a row is kept, counted from its time column.</summary>
    protected abstract TimeSpan Retention { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = Retention;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(retention.Ticks / 100, TimeSpan.TicksPerMinute, TimeSpan.TicksPerHour)), clock);
        do
        {
            try
            {
                var deleted = await DeleteOlderThan(clock.GetUtcNow() - retention, stoppingToken);
                if (deleted > 0)
                    LogDeleted(deleted, table, retention);
            }
            catch (NpgsqlException e)
            {
                LogSweepFailed(e, table);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many rows were deleted.</returns>
    public async Task<long> DeleteOlderThan(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(_deleteText);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = cutoff.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Batch });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == Batch);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Deleted} rows of {Table} older than {Retention}")]
    private partial void LogDeleted(long deleted, string table, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the sweep of {Table} failed; it is tried again next period")]
    private partial void LogSweepFailed(Exception exception, string table);
}
