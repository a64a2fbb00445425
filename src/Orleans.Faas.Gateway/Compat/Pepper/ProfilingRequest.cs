using System.Text.Json.Serialization;

namespace Orleans.Faas.Gateway.Compat.Pepper;

/// <summary>
/// PEPPER's request as its document shows it, for the OpenAPI document only: the route reads any members, since a
/// model's characteristics are whatever features its function declares.
/// </summary>
public sealed record ProfilingRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("conv_layers")] double? ConvLayers,
    [property: JsonPropertyName("pool_layers")] double? PoolLayers,
    [property: JsonPropertyName("fc_layers")] double? FcLayers,
    [property: JsonPropertyName("filter_details")] double? FilterDetails,
    [property: JsonPropertyName("total_parameters")] double? TotalParameters,
    [property: JsonPropertyName("model_input_size")] double? ModelInputSize,
    [property: JsonPropertyName("model_output_size")] double? ModelOutputSize);
