namespace Orleans.Faas.Functions;

/// <summary>An invocation's feature values do not meet the function's declared features; nothing was created.</summary>
/// <param name="feature">The feature at fault, e.g. <c>conv_layers</c>.</param>
[GenerateSerializer, Alias("faas.InvalidFeatureValuesException")]
public sealed class InvalidFeatureValuesException(string feature, string message) : Exception(message)
{
    [Id(0)]
    public string Feature { get; } = feature;
}
