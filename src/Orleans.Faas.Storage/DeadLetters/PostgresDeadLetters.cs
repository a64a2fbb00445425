using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Faas.DeadLetters;

namespace Orleans.Faas.Storage.DeadLetters;

/// <summary>
/// The dead letters in PostgreSQL, shared by every silo. Adding one drops what its function has beyond the bounds in the
/// same round trip; reads skip what is past the retention, which <see cref="DeadLetterRetention"/> deletes in the background
/// also for a function that fails no more.
/// </summary>
public sealed class PostgresDeadLetters(NpgsqlDataSource dataSource, IOptions<DeadLetterOptions> options, TimeProvider clock) : IDeadLetters
{
    public async Task Add(DeadLetter letter, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(DeadLetterRows.Insert(letter));
        var drop = new NpgsqlBatchCommand(DeadLetterRows.DropBeyondBounds);
        drop.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Function });
        drop.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = OldestKept() });
        drop.Parameters.Add(new NpgsqlParameter<int> { TypedValue = options.Value.MaxPerFunction });
        batch.BatchCommands.Add(drop);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImmutableArray<DeadLetter>> List(string function, int limit, DeadLetterCursor? before, CancellationToken cancellationToken)
    {
        await using var command = Select(before is null ? DeadLetterRows.SelectFirst : DeadLetterRows.SelectBefore, function);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (before is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before.FailedAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = before.Id });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = ImmutableArray.CreateBuilder<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
            letters.Add(DeadLetterRows.Read(reader));
        return letters.ToImmutable();
    }

    public async Task<DeadLetter?> Get(string function, Guid id, CancellationToken cancellationToken)
    {
        await using var command = Select(DeadLetterRows.SelectOne, function);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? DeadLetterRows.Read(reader) : null;
    }

    public async Task<bool> Delete(string function, Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeadLetterRows.Delete);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = function });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>A read of one function's letters within the retention: $1 and $2 are set, the rest is the caller's.</summary>
    private NpgsqlCommand Select(string text, string function)
    {
        var command = dataSource.CreateCommand(text);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = function });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = OldestKept() });
        return command;
    }

    private DateTimeOffset OldestKept() => (clock.GetUtcNow() - options.Value.Retention).ToUniversalTime();
}
