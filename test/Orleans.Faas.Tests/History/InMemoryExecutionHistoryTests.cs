using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.History;

public sealed class InMemoryExecutionHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    // Newest first; the four at minute 2 tie and fall back to task id, then attempt. The ids are ordered as
    // PostgreSQL orders uuids, which neither a signed first field nor little-endian bytes would reproduce.
    private static readonly ExecutionRecord[] Newest =
    [
        Record("ffffffff-0000-0000-0000-000000000000", 1, minute: 3),
        Record("80000000-0000-0000-0000-000000000000", 1, minute: 2),
        Record("00000100-0000-0000-0000-000000000000", 2, minute: 2),
        Record("00000100-0000-0000-0000-000000000000", 1, minute: 2),
        Record("00000001-0000-0000-0000-000000000000", 1, minute: 2),
    ];

    [Fact]
    public async Task Pages_of_two_read_every_record_once_newest_first_with_ties_in_task_and_attempt_order()
    {
        var history = History();
        foreach (var record in Newest.Reverse())
            await history.Append(record);

        var pages = await Pages(history, null, null);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        Assert.Equal(Newest, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task Paging_keeps_the_function_and_provider_filters()
    {
        var history = History();
        foreach (var record in Newest)
        {
            await history.Append(record);
            await history.Append(record with { TaskId = Guid.NewGuid(), Function = "thumbnail" });
            await history.Append(record with { TaskId = Guid.NewGuid(), Provider = "node-b" });
        }

        Assert.Equal(Newest, (await Pages(history, "resize", "node-a")).SelectMany(p => p));
        Assert.Equal(Enumerable.Repeat("node-a", Newest.Length * 2), (await Pages(history, null, "node-a")).SelectMany(p => p).Select(r => r.Provider));
        Assert.Equal(Enumerable.Repeat("thumbnail", Newest.Length), (await Pages(history, "thumbnail", null)).SelectMany(p => p).Select(r => r.Function));
    }

    [Fact]
    public async Task A_full_history_drops_its_oldest_record_for_each_new_one_and_a_repeated_append_changes_nothing()
    {
        var history = History(maxRows: 3);
        var records = Enumerable.Range(1, 5).Select(minute => Record(Guid.NewGuid().ToString(), 1, minute)).ToArray();

        foreach (var record in records)
        {
            await history.Append(record);
            await history.Append(record);
        }
        // Appended again after it was dropped: it counts as new, and the oldest left goes instead.
        await history.Append(records[0]);

        ExecutionRecord[] kept = [.. await history.QueryAsync(new ExecutionQuery(null, null, 100), CancellationToken.None)];
        Assert.Equal([records[4], records[3], records[0]], kept);
    }

    private static InMemoryExecutionHistory History(int maxRows = 100) =>
        new(Microsoft.Extensions.Options.Options.Create(new HistoryOptions { MaxRows = maxRows }));

    /// <summary>Reads two records at a time, each page after the last record of the one before, until one is short.</summary>
    private static async Task<List<ExecutionRecord[]>> Pages(InMemoryExecutionHistory history, string? function, string? provider)
    {
        var pages = new List<ExecutionRecord[]>();
        ExecutionCursor? before = null;
        do
        {
            ExecutionRecord[] page = [.. await history.QueryAsync(new ExecutionQuery(function, provider, 2, before), CancellationToken.None)];
            pages.Add(page);
            before = page.Length == 2 ? new ExecutionCursor(page[^1].FinishedAt, page[^1].TaskId, page[^1].Attempt) : null;
        }
        while (before is not null);
        return pages;
    }

    private static ExecutionRecord Record(string taskId, int attempt, int minute)
    {
        var finished = Start.AddMinutes(minute);
        return new ExecutionRecord(Guid.Parse(taskId), attempt, "resize", 1, "node-a", 42, finished.AddSeconds(-3), finished.AddSeconds(-2), finished,
            2000, CpuMs: null, PeakMemoryBytes: null, ExitCode: 0, TaskState.Completed, FailureReason: null);
    }
}
