using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Faas.History;
using Polly;
using Polly.Retry;

namespace Orleans.Faas.Storage.History;

/// <summary>
/// The execution history in PostgreSQL. Appends go to a bounded in-process buffer and are written in batches by a
/// background loop. A transient failure (the database restarting, a network blip) is waited out with backoff for as
/// long as it lasts; a row the database refuses outright is logged and set aside, and the rest of its batch is
/// written. Stopping writes what is buffered, for as long as the host allows. Each append's task tells when its row
/// is done with.
/// </summary>
public sealed partial class PostgresExecutionHistory(NpgsqlDataSource dataSource, ILogger<PostgresExecutionHistory> logger)
    : IHostedService, IExecutionHistory, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// In a silo it runs with the silo's application services: it stops after the node has drained (the silo's
    /// Active stage), so the rows of the tasks that finish during the drain are written too.
    /// </summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<PostgresExecutionHistory>(ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    /// <summary>Rows held while the database does not take them; beyond this, new rows are dropped and each drop is logged.</summary>
    public const int Capacity = 100_000;

    private const int MaxBatch = 500;
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<PendingRow> _pending = Channel.CreateBounded<PendingRow>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;
    private volatile bool _closed;
    private ResiliencePipeline? _transientRetry;

    private ResiliencePipeline TransientRetry => _transientRetry ??= new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(10),
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                LogWaitingForDatabase(args.Outcome.Exception, args.AttemptNumber + 1);
                return default;
            },
        })
        .Build();

    public Task Append(ExecutionRecord record)
    {
        var row = new PendingRow(record);
        if (!_pending.Writer.TryWrite(row))
        {
            if (_closed)
                LogAfterStop(record.TaskId, record.Attempt);
            else
                LogDropped(record.TaskId, record.Attempt, Capacity);
            row.Done.SetCanceled();
        }
        return row.Done.Task;
    }

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
        _writing = Task.Run(KeepWriting, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        _pending.Writer.TryComplete();
        await using var giveUp = cancellationToken.Register(_stopping.Cancel);
        await _writing;
    }

    /// <summary>The writing loop, started again if anything unforeseen ends it before the buffer is done.</summary>
    private async Task KeepWriting()
    {
        while (true)
        {
            try
            {
                await WriteAll();
                return;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                LogWriterRestarted(e);
                await Task.Delay(RestartDelay, CancellationToken.None);
            }
        }
    }

    /// <summary>Runs until appending is over (stop) and the buffer is empty, or the host stopped waiting.</summary>
    private async Task WriteAll()
    {
        var batch = new List<PendingRow>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var record))
                batch.Add(record);
            try
            {
                await Write(batch);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                while (_pending.Reader.TryRead(out var row))
                    batch.Add(row);
                batch.ForEach(row => row.Done.TrySetCanceled());
                LogLostAtStop(batch.Count);
                return;
            }
            batch.ForEach(row => row.Done.TrySetResult());
            batch.Clear();
        }
    }

    private async Task Write(List<PendingRow> batch)
    {
        try
        {
            await Insert(batch.ConvertAll(row => row.Record));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A batch is one transaction: find the rows the database refuses by writing them one at a time.
            LogBatchRefused(e, batch.Count);
            foreach (var row in batch)
                await WriteAlone(row.Record);
        }
    }

    private async Task WriteAlone(ExecutionRecord record)
    {
        try
        {
            await Insert([record]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSetAside(e, record.TaskId, record.Attempt, record.Function, record.Provider);
        }
    }

    private Task Insert(IReadOnlyList<ExecutionRecord> records) => TransientRetry.ExecuteAsync(async ct =>
    {
        await using var npgsqlBatch = dataSource.CreateBatch();
        foreach (var record in records)
            npgsqlBatch.BatchCommands.Add(ExecutionRows.Insert(record));
        await npgsqlBatch.ExecuteNonQueryAsync(ct);
    }, _stopping.Token).AsTask();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution history: the database did not take the rows (try {Attempt}); waiting for it")]
    private partial void LogWaitingForDatabase(Exception? exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution history: a batch of {Count} rows was refused; writing them one at a time")]
    private partial void LogBatchRefused(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution history: the row of task {TaskId} attempt {Attempt} ({Function} on {Provider}) is refused by the database and set aside")]
    private partial void LogSetAside(Exception exception, Guid taskId, int attempt, string function, string provider);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution history: {Capacity} rows wait for the database already; the row of task {TaskId} attempt {Attempt} is dropped")]
    private partial void LogDropped(Guid taskId, int attempt, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution history: the row of task {TaskId} attempt {Attempt} came after the history stopped; its task's watchdog appends it again")]
    private partial void LogAfterStop(Guid taskId, int attempt);

        [LoggerMessage(Level = LogLevel.Error, Message = "Execution history: the host stopped waiting; up to {Count} rows were not written")]
    private partial void LogLostAtStop(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution history: the writer broke and starts again")]
    private partial void LogWriterRestarted(Exception exception);

    /// <summary>A row waiting to be written, and the task its appender may await.</summary>
    private sealed record PendingRow(ExecutionRecord Record)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
