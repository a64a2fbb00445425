using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.Pepper;

/// <summary>PEPPER's answer to <c>POST api/profiling</c>, field for field.</summary>
/// <param name="ModelCharacteristics">The request's members as they came, in name order.</param>
public sealed record ProfilingAnswer(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("model_characteristics")] ImmutableSortedDictionary<string, JsonElement> ModelCharacteristics,
    [property: JsonPropertyName("profiling_prediction")] ProfilingPrediction ProfilingPrediction,
    [property: JsonPropertyName("status")] string Status)
{
    public const string Received = "Profiling data received";

    public const string Success = "success";
}

/// <summary>The node where the model would finish first now.</summary>
/// <param name="Class">The node's device class (<c>Faas:Silo:DeviceClass</c>).</param>
/// <param name="DeviceModel">What machine the node is (<c>Faas:Silo:DeviceModel</c>, else read from the machine).</param>
/// <param name="Model">The function that runs the model.</param>
/// <param name="Node">The provider's id, its node name.</param>
/// <param name="NodeUuid">The node's machine id; null when it has none.</param>
/// <param name="PredictedExecutionTime">Seconds until the run would be done there: its predicted run time, plus the wait for a slot and a cold start.</param>
public sealed record ProfilingPrediction(
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("device_model")] string? DeviceModel,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("node_uuid")] Guid? NodeUuid,
    [property: JsonPropertyName("predicted_execution_time")] double PredictedExecutionTime);
