using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.History;
using Orleans.Faas.Storage.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The execution history against a real PostgreSQL with the real schema.</summary>
public sealed class PostgresExecutionHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private MigratedDatabase? _database;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Records_are_written_in_the_background_and_read_back_newest_first_by_function_and_provider()
    {
        var history = await Started();
        var first = Record("resize", "node-a", minute: 1);
        var second = Record("resize", "node-b", minute: 2) with
        {
            CpuMs = 12.5, PeakMemoryBytes = 1 << 20, ReadBytes = 4096, WriteBytes = 0, LlcReferences = 1_000_000, LlcMisses = 25_000,
            ExitCode = null, Status = TaskState.Failed, FailureReason = "timeout",
        };
        var other = Record("thumbnail", "node-a", minute: 3);
        // Each append's task completes once its row is stored.
        await Task.WhenAll(new[] { first, second, other }.Select(history.Append)).WaitAsync(TimeSpan.FromSeconds(30));
        await history.StopAsync(CancellationToken.None);

        Assert.Equal([second, first], await Query(history, "resize", null, 10));
        Assert.Equal([other, first], await Query(history, null, "node-a", 10));
        Assert.Equal([second], await Query(history, "resize", "node-b", 10));
        Assert.Equal([other], await Query(history, null, null, 1));
    }

    [Fact]
    public async Task A_row_the_database_refuses_is_set_aside_and_the_rest_of_its_batch_is_written()
    {
        var history = await Started();
        var before = Record("resize", "node-a", minute: 1);
        // The table holds finished attempts only: a QUEUED row breaks its status check, so no retry could ever write it.
        var refused = Record("resize", "node-a", minute: 2) with { Status = TaskState.Queued };
        var after = Record("resize", "node-a", minute: 3);

        await history.Append(before);
        await history.Append(refused);
        await history.Append(after);
        await history.StopAsync(CancellationToken.None);

        Assert.Equal([after, before], await Query(history, null, null, 10));
    }

    [Fact]
    public async Task While_the_database_cannot_be_reached_its_rows_wait_until_the_host_stops_waiting()
    {
        await using var unreachable = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePorts.Next()};Username=faas;Password=faas;Timeout=1");
        var history = new PostgresExecutionHistory(unreachable, NullLogger<PostgresExecutionHistory>.Instance);
        await history.StartAsync(CancellationToken.None);
        var appended = history.Append(Record("resize", "node-a", minute: 1));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var stopping = Stopwatch.StartNew();
        await history.StopAsync(patience.Token);

        // A transient failure is retried, not given up on: the writer held the row until the host's patience ran out,
        // and the appender learns that its row was not stored.
        Assert.InRange(stopping.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => appended);
    }

    [Fact]
    public async Task The_retention_deletes_the_records_that_finished_before_its_cutoff_and_keeps_the_rest()
    {
        var history = await Started();
        var old = Enumerable.Range(1, 7).Select(minute => Record("resize", "node-a", minute)).ToArray();
        var kept = Record("resize", "node-a", minute: 30);
        await Task.WhenAll(old.Append(kept).Select(history.Append));
        await history.StopAsync(CancellationToken.None);
        var retention = new HistoryRetention(_database!.DataSource, Options.Create(new HistoryOptions()), TimeProvider.System,
            NullLogger<HistoryRetention>.Instance);

        var deleted = await retention.DeleteOlderThan(Start.AddMinutes(10), CancellationToken.None);

        Assert.Equal(old.Length, deleted);
        Assert.Equal([kept], await Query(history, null, null, 10));
        Assert.Equal(0, await retention.DeleteOlderThan(Start.AddMinutes(10), CancellationToken.None));
    }

    [Fact]
    public async Task The_same_attempt_appended_twice_is_one_row()
    {
        var history = await Started();
        var record = Record("resize", "node-a", minute: 1);

        await history.Append(record);
        await history.Append(record);
        await history.StopAsync(CancellationToken.None);

        Assert.Single(await Query(history, null, null, 10));
    }

    [Fact]
    public async Task A_record_keeps_the_prediction_it_was_placed_on_and_one_without_reads_back_nulls()
    {
        var history = await Started();
        var predicted = Record("resize", "node-a", minute: 2) with { PredictedMs = 1873.25, ModelVersion = 3, Policy = "predictive" };
        var pinned = Record("resize", "node-a", minute: 1);

        await history.Append(predicted);
        await history.Append(pinned);
        await history.StopAsync(CancellationToken.None);

        var read = await Query(history, null, null, 10);
        Assert.Equal([predicted, pinned], read);
        Assert.Null(read[1].PredictedMs);
        Assert.Null(read[1].ModelVersion);
        Assert.Null(read[1].Policy);
    }

    [Fact]
    public async Task A_record_keeps_the_declared_features_its_invocation_carried_and_one_without_reads_back_null()
    {
        var history = await Started();
        var features = ImmutableDictionary<string, double>.Empty.Add("conv_layers", 53).Add("total_parameters", 1e19);
        var carried = Record("classify", "node-a", minute: 2) with { Features = features };
        var plain = Record("classify", "node-a", minute: 1);

        await history.Append(carried);
        await history.Append(plain);
        await history.StopAsync(CancellationToken.None);

        var read = await Query(history, null, null, 10);
        Assert.Equal([("conv_layers", 53.0), ("total_parameters", 1e19)], read[0].Features!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)));
        Assert.Null(read[1].Features);
    }

    [Fact]
    public async Task Pages_read_every_record_once_newest_first_with_ties_in_uuid_then_attempt_order()
    {
        var history = await Started();
        // The four at minute 2 tie; their ids are in uuid order, which neither a signed first field nor little-endian bytes give.
        ExecutionRecord[] newest =
        [
            Record("resize", "node-a", minute: 3) with { TaskId = Guid.Parse("ffffffff-0000-0000-0000-000000000000") },
            Record("resize", "node-a", minute: 2) with { TaskId = Guid.Parse("80000000-0000-0000-0000-000000000000") },
            Record("resize", "node-a", minute: 2) with { TaskId = Guid.Parse("00000100-0000-0000-0000-000000000000"), Attempt = 2 },
            Record("resize", "node-a", minute: 2) with { TaskId = Guid.Parse("00000100-0000-0000-0000-000000000000") },
            Record("resize", "node-a", minute: 2) with { TaskId = Guid.Parse("00000001-0000-0000-0000-000000000000") },
        ];
        foreach (var record in newest.Reverse())
            await history.Append(record);
        await history.Append(Record("thumbnail", "node-a", minute: 2));
        await history.StopAsync(CancellationToken.None);

        var pages = new List<ExecutionRecord[]>();
        ExecutionCursor? before = null;
        do
        {
            var page = await Query(history, "resize", null, 2, before);
            pages.Add(page);
            before = page.Length == 2 ? Place(page[^1]) : null;
        }
        while (before is not null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        Assert.Equal(newest, pages.SelectMany(p => p));
        // Without filters too: the four ties and the thumbnail.
        Assert.Equal(5, (await Query(history, null, null, 10, Place(newest[0]))).Length);
    }

    private static ExecutionCursor Place(ExecutionRecord record) => new(record.FinishedAt, record.TaskId, record.Attempt);

    private static async Task<ExecutionRecord[]> Query(PostgresExecutionHistory history, string? function, string? provider, int limit, ExecutionCursor? before = null) =>
        [.. await history.QueryAsync(new ExecutionQuery(function, provider, limit, before), CancellationToken.None)];

    private async Task<PostgresExecutionHistory> Started()
    {
        var history = new PostgresExecutionHistory(_database!.DataSource, NullLogger<PostgresExecutionHistory>.Instance);
        await history.StartAsync(CancellationToken.None);
        return history;
    }

    private static ExecutionRecord Record(string function, string provider, int minute)
    {
        var finished = Start.AddMinutes(minute);
        return new ExecutionRecord(Guid.NewGuid(), 1, function, 2, provider, 42, finished.AddSeconds(-3), finished.AddSeconds(-2), finished,
            2000, CpuMs: null, PeakMemoryBytes: null, ExitCode: 0, TaskState.Completed, FailureReason: null);
    }
}
