using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.DeadLetters;

/// <summary>Embedded mode's dead letters keep the same order and bounds as PostgreSQL's (PostgresDeadLettersTests).</summary>
public sealed class InMemoryDeadLettersTests
{
    private const string Function = "lab/ingest";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryDeadLetters _store;

    public InMemoryDeadLettersTests() =>
        _store = new InMemoryDeadLetters(Options.Create(new DeadLetterOptions { Retention = TimeSpan.FromDays(1), MaxPerFunction = 3 }), _clock);

    private static DeadLetter Letter(int minute, string function = Function) =>
        new(Guid.NewGuid(), function, 1, Start.AddMinutes(minute), FailureReasons.NonZeroExit, "exit 3", [(byte)minute], []);

    [Fact]
    public async Task Letters_page_newest_first_a_second_add_changes_nothing_and_functions_stay_apart()
    {
        var letters = Enumerable.Range(1, 3).Select(minute => Letter(minute)).ToList();
        foreach (var letter in letters.Append(letters[0]).Append(Letter(9, "lab/other")))
            await _store.Add(letter, CancellationToken.None);

        var first = await _store.List(Function, 2, null, CancellationToken.None);
        var second = await _store.List(Function, 2, new DeadLetterCursor(first[^1].FailedAt, first[^1].Id), CancellationToken.None);

        Assert.Equal([letters[2].Id, letters[1].Id], first.Select(l => l.Id));
        Assert.Equal([letters[0].Id], second.Select(l => l.Id));
    }

    [Fact]
    public async Task Beyond_the_count_the_oldest_goes_and_past_the_retention_none_is_read()
    {
        var letters = Enumerable.Range(1, 4).Select(minute => Letter(minute)).ToList();
        foreach (var letter in letters)
            await _store.Add(letter, CancellationToken.None);

        Assert.Null(await _store.Get(Function, letters[0].Id, CancellationToken.None));
        Assert.Equal(3, (await _store.List(Function, 10, null, CancellationToken.None)).Length);

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(3.5));
        Assert.Equal([letters[3].Id], (await _store.List(Function, 10, null, CancellationToken.None)).Select(l => l.Id));
        Assert.True(await _store.Delete(Function, letters[3].Id, CancellationToken.None));
        Assert.False(await _store.Delete(Function, letters[3].Id, CancellationToken.None));
    }
}
