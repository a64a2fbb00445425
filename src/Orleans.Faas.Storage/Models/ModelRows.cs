using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Faas.Models;

namespace Orleans.Faas.Storage.Models;

/// <summary>How a <see cref="ModelVersionInfo"/> and its bytes map to a row of <c>faas_models</c> and back.</summary>
internal static class ModelRows
{
    private const string InfoColumns = "version, kind, trained_at, training_rows, metrics, linear_metrics, incumbent_metrics, promoted";
    private const int BytesOrdinal = 8;

    // Snake case like the columns, for ad-hoc SQL; NaN and infinities, which JSON numbers cannot carry, as named literals.
    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Queues other adds until this one commits, so the max + 1 it takes is still free; readers go on.</summary>
    public const string LockForAdd = "LOCK TABLE faas_models IN EXCLUSIVE MODE";

    public const string SelectCurrent = $"SELECT {InfoColumns}, bytes FROM faas_models WHERE promoted ORDER BY version DESC LIMIT 1";

    public const string SelectCurrentVersion = "SELECT max(version) FROM faas_models WHERE promoted";

    public const string SelectLatest = $"SELECT {InfoColumns} FROM faas_models ORDER BY version DESC LIMIT $1";

    private const string InsertText =
        "INSERT INTO faas_models (version, kind, trained_at, training_rows, metrics, linear_metrics, incumbent_metrics, promoted, bytes) " +
        "SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8 FROM faas_models RETURNING version";

    /// <summary>Inserts under the next version, which the command returns; <see cref="ModelVersionInfo.Version"/> is not written.</summary>
    public static NpgsqlCommand Insert(ModelVersionInfo info, byte[] bytes, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(InsertText, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = info.Kind });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = info.TrainedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = info.TrainingRows });
        foreach (var metrics in (ModelMetrics?[])[info.Metrics, info.Linear, info.Incumbent])
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = Json(metrics), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = info.Promoted });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = bytes });
        return command;
    }

    public static ModelVersionInfo Read(DbDataReader row) => new(
        row.GetInt32(0),
        row.GetString(1),
        row.GetFieldValue<DateTimeOffset>(2),
        row.GetInt32(3),
        Metrics(row.GetString(4)),
        Metrics(row.GetString(5)),
        row.IsDBNull(6) ? null : Metrics(row.GetString(6)),
        row.GetBoolean(7));

    /// <summary>A row of <see cref="SelectCurrent"/>, which has the bytes after the info.</summary>
    public static StoredModel ReadStored(DbDataReader row) => new(Read(row), row.GetFieldValue<byte[]>(BytesOrdinal));

    private static string? Json(ModelMetrics? metrics) => metrics is null ? null : JsonSerializer.Serialize(metrics, MetricsJson);

    // Only Insert writes these columns, and never a JSON null.
    private static ModelMetrics Metrics(string json) => JsonSerializer.Deserialize<ModelMetrics>(json, MetricsJson)!;
}
