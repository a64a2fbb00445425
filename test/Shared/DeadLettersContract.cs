using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Testing;

/// <summary>
/// What every dead-letter store does, run against each of them: the in-process one of embedded mode (unit tests) and
/// PostgreSQL's of cluster mode (integration tests). A test project subclasses it once per store; every test starts
/// from an empty store bounded to three letters a function and a day.
/// </summary>
/// <remarks>One file, compiled into both test projects, so the two stores cannot drift apart unnoticed.</remarks>
public abstract class DeadLettersContract : IAsyncLifetime
{
    protected const string Function = "lab/ingest";
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private IDeadLetters? _store;

    protected IDeadLetters Store => _store!;

    protected static DeadLetterOptions Bounds { get; } = new() { Retention = TimeSpan.FromDays(1), MaxPerFunction = 3 };

    /// <summary>An empty store with <see cref="Bounds"/> that tells time by <paramref name="clock"/>.</summary>
    protected abstract Task<IDeadLetters> CreateStore(TimeProvider clock);

    public async Task InitializeAsync() => _store = await CreateStore(_clock);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static DeadLetter Letter(int minute, string function = Function) => new(
        Guid.NewGuid(), function, 2, Start.AddMinutes(minute), FailureReasons.NonZeroExit, "The function exited with code 3.", [1, 2, (byte)minute],
        [
            new TaskRun(1, "node-a", Start.AddMinutes(minute - 1), Start.AddMinutes(minute - 1), TaskState.Failed, 3, FailureReasons.NonZeroExit, "first", Start.AddMinutes(minute)),
            new TaskRun(2, "node-b", Start.AddMinutes(minute), Start.AddMinutes(minute), TaskState.Failed, 3, FailureReasons.NonZeroExit, "second"),
        ],
        new BatchMembership(Guid.NewGuid(), 4));

    [Fact]
    public async Task A_letter_comes_back_as_stored_and_a_second_add_of_it_changes_nothing()
    {
        var letter = Letter(1);
        await Store.Add(letter, CancellationToken.None);
        await Store.Add(letter with { Error = "another" }, CancellationToken.None);

        var stored = await Store.Get(Function, letter.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(letter.Input, stored.Input);
        Assert.Equal(letter.Runs.ToList(), stored.Runs.ToList()); // item by item: an ImmutableArray equals only the same array
        Assert.Equal(letter, stored with { Input = letter.Input, Runs = letter.Runs });
        Assert.Single(await Store.List(Function, 10, null, CancellationToken.None));
    }

    [Fact]
    public async Task Pages_go_newest_first_and_other_functions_are_apart()
    {
        var letters = new[] { Letter(1), Letter(2), Letter(3) };
        foreach (var letter in letters)
            await Store.Add(letter, CancellationToken.None);
        await Store.Add(Letter(4, "lab/other"), CancellationToken.None);

        var first = await Store.List(Function, 2, null, CancellationToken.None);
        var second = await Store.List(Function, 2, new DeadLetterCursor(first[^1].FailedAt, first[^1].Id), CancellationToken.None);

        Assert.Equal([letters[2].Id, letters[1].Id], first.Select(l => l.Id));
        Assert.Equal([letters[0].Id], second.Select(l => l.Id));
    }

    [Fact]
    public async Task Beyond_the_count_the_oldest_goes_and_past_the_retention_none_is_read()
    {
        var letters = Enumerable.Range(1, 4).Select(minute => Letter(minute)).ToList();
        foreach (var letter in letters)
            await Store.Add(letter, CancellationToken.None);

        Assert.Equal([letters[3].Id, letters[2].Id, letters[1].Id], (await Store.List(Function, 10, null, CancellationToken.None)).Select(l => l.Id));
        Assert.Null(await Store.Get(Function, letters[0].Id, CancellationToken.None));

        _clock.Advance(Bounds.Retention + TimeSpan.FromMinutes(3.5));
        Assert.Equal([letters[3].Id], (await Store.List(Function, 10, null, CancellationToken.None)).Select(l => l.Id));
        Assert.Null(await Store.Get(Function, letters[2].Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_letter_is_gone_and_deleting_it_again_says_so()
    {
        var letter = Letter(1);
        await Store.Add(letter, CancellationToken.None);

        Assert.True(await Store.Delete(Function, letter.Id, CancellationToken.None));
        Assert.False(await Store.Delete(Function, letter.Id, CancellationToken.None));
        Assert.Empty(await Store.List(Function, 10, null, CancellationToken.None));
    }
}
