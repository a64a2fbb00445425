using Microsoft.Extensions.Logging;
using Npgsql;

namespace Orleans.Faas.Storage.Schema;

/// <summary>
/// Applies the scripts of <c>deploy/sql</c>, shipped inside this assembly, in name order. Every script is
/// idempotent, so this runs on every silo start; an advisory lock keeps silos that start together in line.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "sql/";

    // Any fixed number will do, as long as nothing else in the database takes the same advisory lock.
    private const long MigrationLock = 0x0F_AA_5C_4E_3A;

    /// <returns>The names of the scripts, in the order they ran.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MigrationLock})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);

        foreach (var (name, text) in scripts)
        {
            await using var command = new NpgsqlCommand(text, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        var names = scripts.Select(s => s.Name).ToList();
        LogUpToDate(connection.Database, names.Count);
        return names;
    }

    private static List<(string Name, string Text)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[ResourcePrefix.Length..], reader.ReadToEnd());
            })];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema of database {Database} is up to date: its {Count} scripts ran, each a no-op where it had run before")]
    private partial void LogUpToDate(string database, int count);
}
