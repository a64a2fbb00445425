using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Faas.History;
using Orleans.Faas.IntegrationTests.Hosting;
using Orleans.Faas.Storage.History;
using Orleans.Faas.Storage.Schema;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The execution history against a real PostgreSQL with the real schema.</summary>
public sealed class PostgresExecutionHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private PostgresTestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.Create();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(DataSource, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database!.DisposeAsync();
    }

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
        foreach (var record in new[] { first, second, other })
            history.Append(record);
        await history.StopAsync(CancellationToken.None);

        Assert.Equal([second, first], await Query(history, "resize", null, 10));
        Assert.Equal([other, first], await Query(history, null, "node-a", 10));
        Assert.Equal([second], await Query(history, "resize", "node-b", 10));
        Assert.Equal([other], await Query(history, null, null, 1));
    }

    [Fact]
    public async Task The_same_attempt_appended_twice_is_one_row()
    {
        var history = await Started();
        var record = Record("resize", "node-a", minute: 1);

        history.Append(record);
        history.Append(record);
        await history.StopAsync(CancellationToken.None);

        Assert.Single(await Query(history, null, null, 10));
    }

    private static async Task<ExecutionRecord[]> Query(PostgresExecutionHistory history, string? function, string? provider, int limit) =>
        [.. await history.QueryAsync(new ExecutionQuery(function, provider, limit), CancellationToken.None)];

    private async Task<PostgresExecutionHistory> Started()
    {
        var history = new PostgresExecutionHistory(DataSource, NullLogger<PostgresExecutionHistory>.Instance);
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
