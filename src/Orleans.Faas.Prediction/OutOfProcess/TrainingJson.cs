using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Faas.Prediction.OutOfProcess;

/// <summary>How a silo and its trainer child process write requests and outcomes to each other.</summary>
internal static class TrainingJson
{
    // Missing features are NaN and a metric nothing measured is NaN: both must cross the pipe as they are.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
