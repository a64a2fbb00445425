using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Storage.DeadLetters;

/// <summary>How a <see cref="DeadLetter"/> maps to a row of <c>faas_dead_letters</c> and back.</summary>
internal static class DeadLetterRows
{
    private const string Columns = "function, id, function_version, failed_at, failure_reason, error, input, runs, batch_id, batch_index";

    // Snake case like the columns, for ad-hoc SQL; statuses by name.
    private static readonly JsonSerializerOptions RunsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>$1 function, $2 oldest kept failure time, $3 count kept: what is past either bound, oldest first.</summary>
    public const string DropBeyondBounds =
        "DELETE FROM faas_dead_letters WHERE function = $1 AND (failed_at < $2 OR id IN " +
        "(SELECT id FROM faas_dead_letters WHERE function = $1 ORDER BY failed_at DESC, id DESC OFFSET $3))";

    /// <summary>$1 function, $2 oldest kept failure time, $3 limit.</summary>
    public const string SelectFirst =
        $"SELECT {Columns} FROM faas_dead_letters WHERE function = $1 AND failed_at >= $2 ORDER BY failed_at DESC, id DESC LIMIT $3";

    /// <summary>As <see cref="SelectFirst"/>, then $4 and $5 the cursor's failure time and id.</summary>
    public const string SelectBefore =
        $"SELECT {Columns} FROM faas_dead_letters WHERE function = $1 AND failed_at >= $2 AND (failed_at, id) < ($4, $5) ORDER BY failed_at DESC, id DESC LIMIT $3";

    /// <summary>$1 function, $2 oldest kept failure time, $3 id.</summary>
    public const string SelectOne = $"SELECT {Columns} FROM faas_dead_letters WHERE function = $1 AND failed_at >= $2 AND id = $3";

    /// <summary>$1 function, $2 id.</summary>
    public const string Delete = "DELETE FROM faas_dead_letters WHERE function = $1 AND id = $2";

    private const string InsertText =
        $"INSERT INTO faas_dead_letters ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (function, id) DO NOTHING";

    public static NpgsqlBatchCommand Insert(DeadLetter letter)
    {
        var command = new NpgsqlBatchCommand(InsertText);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Function });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = letter.Id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.FunctionVersion });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = letter.FailedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = letter.FailureReason, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = letter.Error, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = letter.Input });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(letter.Runs, RunsJson), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = letter.Batch?.BatchId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = letter.Batch?.Index, NpgsqlDbType = NpgsqlDbType.Integer });
        return command;
    }

    public static DeadLetter Read(DbDataReader row) => new(
        row.GetGuid(1),
        row.GetString(0),
        row.GetInt32(2),
        row.GetFieldValue<DateTimeOffset>(3),
        row.IsDBNull(4) ? null : row.GetString(4),
        row.IsDBNull(5) ? null : row.GetString(5),
        row.GetFieldValue<byte[]>(6),
        JsonSerializer.Deserialize<ImmutableArray<TaskRun>>(row.GetString(7), RunsJson),
        row.IsDBNull(8) ? null : new BatchMembership(row.GetGuid(8), row.GetInt32(9)));
}
