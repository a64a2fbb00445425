using System.Collections.Immutable;
using Npgsql;
using Orleans.Faas.Models;

namespace Orleans.Faas.Storage.Models;

/// <summary>
/// The model store in PostgreSQL, shared by every silo of the cluster. Versions are taken as the highest so far
/// plus one, so they have no gaps; the current model is the highest promoted version.
/// </summary>
public sealed class PostgresModelStore(NpgsqlDataSource dataSource) : IModelStore
{
    public async Task<ModelVersionInfo> AddAsync(ModelVersionInfo info, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTable = new NpgsqlCommand(ModelRows.LockForAdd, connection, transaction))
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        await using var insert = ModelRows.Insert(info, bytes, connection, transaction);
        var version = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return info with { Version = version };
    }

    public async Task<StoredModel?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ModelRows.SelectCurrent);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ModelRows.ReadStored(reader) : null;
    }

    public async Task<int?> GetCurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ModelRows.SelectCurrentVersion);
        return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
    }

    public async Task<ImmutableArray<ModelVersionInfo>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ModelRows.SelectLatest);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var infos = ImmutableArray.CreateBuilder<ModelVersionInfo>();
        while (await reader.ReadAsync(cancellationToken))
            infos.Add(ModelRows.Read(reader));
        return infos.ToImmutable();
    }
}
