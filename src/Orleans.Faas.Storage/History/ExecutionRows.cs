using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using Npgsql;
using Orleans.Faas.History;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Storage.History;

/// <summary>How an <see cref="ExecutionRecord"/> maps to a row of <c>faas_execution_history</c> and back.</summary>
internal static class ExecutionRows
{
    private const string Columns =
        "task_id, attempt, function, function_version, provider, input_bytes, queued_at, started_at, finished_at, " +
        "wall_ms, cpu_ms, peak_memory_bytes, exit_code, status, failure_reason, read_bytes, write_bytes, llc_references, llc_misses, " +
        "input_size, cold, container_ms, cpu_quota, running_at_start, queued_at_start, predicted_ms, model_version, policy, features";

    public const string Select =
        $"SELECT {Columns} FROM faas_execution_history " +
        "WHERE (@function IS NULL OR function = @function) AND (@provider IS NULL OR provider = @provider) " +
        "AND (@before_at IS NULL OR (finished_at, task_id, attempt) < (@before_at, @before_task, @before_attempt)) " +
        "ORDER BY finished_at DESC, task_id DESC, attempt DESC LIMIT @limit";

    // A record appended twice (e.g. a retried batch) stays one row.
    private const string InsertText =
        $"INSERT INTO faas_execution_history ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29) " +
        "ON CONFLICT (task_id, attempt) DO NOTHING";

    public static NpgsqlBatchCommand Insert(ExecutionRecord r)
    {
        var command = new NpgsqlBatchCommand(InsertText);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = r.TaskId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = r.Attempt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Function });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = r.FunctionVersion });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Provider });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = r.InputBytes });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = r.QueuedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = r.StartedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = r.FinishedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = r.WallMs });
        command.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = r.CpuMs, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = r.PeakMemoryBytes, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = r.ExitCode, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StatusText(r.Status) });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = r.FailureReason, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        foreach (var count in (long?[])[r.ReadBytes, r.WriteBytes, r.LlcReferences, r.LlcMisses, r.InputSize])
            command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = count, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<bool?> { TypedValue = r.Cold, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        foreach (var value in (double?[])[r.ContainerMs, r.CpuQuota])
            command.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        foreach (var count in (int?[])[r.RunningAtStart, r.QueuedAtStart])
            command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = count, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = r.PredictedMs, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = r.ModelVersion, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = r.Policy, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>
        {
            TypedValue = r.Features is null ? null : JsonSerializer.Serialize(r.Features),
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb,
        });
        return command;
    }

    public static ExecutionRecord Read(DbDataReader row) => new(
        row.GetGuid(0),
        row.GetInt32(1),
        row.GetString(2),
        row.GetInt32(3),
        row.GetString(4),
        row.GetInt32(5),
        row.GetFieldValue<DateTimeOffset>(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.GetFieldValue<DateTimeOffset>(8),
        row.GetDouble(9),
        Nullable<double>(row, 10),
        Nullable<long>(row, 11),
        Nullable<int>(row, 12),
        Enum.Parse<TaskState>(row.GetString(13), ignoreCase: true),
        row.IsDBNull(14) ? null : row.GetString(14),
        Nullable<long>(row, 15),
        Nullable<long>(row, 16),
        Nullable<long>(row, 17),
        Nullable<long>(row, 18),
        Nullable<long>(row, 19),
        Nullable<bool>(row, 20),
        Nullable<double>(row, 21),
        Nullable<double>(row, 22),
        Nullable<int>(row, 23),
        Nullable<int>(row, 24),
        Nullable<double>(row, 25),
        Nullable<int>(row, 26),
        row.IsDBNull(27) ? null : row.GetString(27),
        row.IsDBNull(28) ? null : JsonSerializer.Deserialize<ImmutableDictionary<string, double>>(row.GetString(28)));

    private static T? Nullable<T>(DbDataReader row, int ordinal)
        where T : struct => row.IsDBNull(ordinal) ? null : row.GetFieldValue<T>(ordinal);

    private static string StatusText(TaskState status) => status.ToString().ToUpperInvariant();
}
