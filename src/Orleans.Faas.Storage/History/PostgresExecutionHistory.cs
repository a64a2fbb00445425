using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Faas.History;

namespace Orleans.Faas.Storage.History;

/// <summary>
/// The execution history in PostgreSQL. Appends go to an in-process buffer and are written in batches by a
/// background loop; a batch the database refuses is kept and tried again, so no row is dropped while the process lives.
/// Stopping writes what is buffered, for as long as the host allows.
/// </summary>
public sealed partial class PostgresExecutionHistory(NpgsqlDataSource dataSource, ILogger<PostgresExecutionHistory> logger)
    : IHostedService, IExecutionHistory
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<ExecutionRecord> _pending = Channel.CreateUnbounded<ExecutionRecord>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;

    public void Append(ExecutionRecord record) => _pending.Writer.TryWrite(record);

    public async Task<ImmutableArray<ExecutionRecord>> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ExecutionRows.Select);
        command.Parameters.Add(new NpgsqlParameter<string?>("function", query.Function) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("provider", query.Provider) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("before_at", query.Before?.FinishedAt.ToUniversalTime()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("before_task", query.Before?.TaskId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int?>("before_attempt", query.Before?.Attempt) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", query.Limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = ImmutableArray.CreateBuilder<ExecutionRecord>();
        while (await reader.ReadAsync(cancellationToken))
            records.Add(ExecutionRows.Read(reader));
        return records.ToImmutable();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteAll, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await using var giveUp = cancellationToken.Register(_stopping.Cancel);
        await _writing;
    }

    /// <summary>Runs until appending is over (stop) and the buffer is empty.</summary>
    private async Task WriteAll()
    {
        var batch = new List<ExecutionRecord>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var record))
                batch.Add(record);
            await WriteUntilAccepted(batch, _stopping.Token);
            batch.Clear();
        }
    }

    private async Task WriteUntilAccepted(List<ExecutionRecord> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await using var npgsqlBatch = dataSource.CreateBatch();
                foreach (var record in batch)
                    npgsqlBatch.BatchCommands.Add(ExecutionRows.Insert(record));
                await npgsqlBatch.ExecuteNonQueryAsync(CancellationToken.None);
                return;
            }
            catch (NpgsqlException e)
            {
                LogWriteFailed(e, batch.Count);
                if (stoppingToken.IsCancellationRequested)
                    return;
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution history: writing {Count} rows failed; trying again")]
    private partial void LogWriteFailed(Exception exception, int count);
}
