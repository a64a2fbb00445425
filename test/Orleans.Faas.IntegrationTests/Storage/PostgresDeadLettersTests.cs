using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Storage.DeadLetters;

namespace Orleans.Faas.IntegrationTests.Storage;

/// <summary>The dead-letter store against a real PostgreSQL with the real schema, a fresh database per test.</summary>
public sealed class PostgresDeadLettersTests : DeadLettersContract
{
    private MigratedDatabase? _database;

    protected override async Task<IDeadLetters> CreateStore(TimeProvider clock)
    {
        _database = await MigratedDatabase.Create();
        return new PostgresDeadLetters(_database.DataSource, Options.Create(Bounds), clock);
    }

    public override async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task The_sweep_deletes_letters_past_the_retention_of_a_function_that_fails_no_more_and_keeps_the_rest()
    {
        var old = new[] { Letter(1), Letter(2, "lab/other") };
        var kept = Letter(30);
        foreach (var letter in old.Append(kept))
            await Store.Add(letter, CancellationToken.None);
        var sweep = new DeadLetterRetention(_database!.DataSource, Options.Create(Bounds), TimeProvider.System, NullLogger<DeadLetterRetention>.Instance);

        Assert.Equal(old.Length, await sweep.DeleteOlderThan(Start.AddMinutes(10), CancellationToken.None));
        Assert.Equal(0, await sweep.DeleteOlderThan(Start.AddMinutes(10), CancellationToken.None));
        Assert.Equal([kept.Id], (await Store.List(Function, 10, null, CancellationToken.None)).Select(l => l.Id));
        Assert.Empty(await Store.List("lab/other", 10, null, CancellationToken.None));
    }
}
