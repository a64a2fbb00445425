namespace Orleans.Faas.IntegrationTests.Compat.Pepper;

/// <summary>What PEPPER's document sends: its request body, word for word, and the features a model's function declares for it.</summary>
internal static class PepperSeed
{
    public const string Body = """
        {       "model" : "model",
                "conv_layers" : 66666666,
                "pool_layers" : 77777777,
                "fc_layers" : 34535353535,
                "filter_details" : 66,
                "total_parameters" : 10000000000000000000,
                "model_input_size": 345343543,
                "model_output_size": 123421435}
        """;

    public static readonly string[] Characteristics =
        ["conv_layers", "pool_layers", "fc_layers", "filter_details", "total_parameters", "model_input_size", "model_output_size"];

    public static object[] Features => [.. Characteristics.Select(name => new { name })];

    /// <summary>The body with <paramref name="model"/> as its model and those values.</summary>
    public static string For(string model, int convLayers = 53, double totalParameters = 2.5e7) =>
        $$"""{"model": "{{model}}", "conv_layers": {{convLayers}}, "pool_layers": 5, "fc_layers": 1, "filter_details": 64, "total_parameters": {{totalParameters}}, "model_input_size": 150528, "model_output_size": 1000}""";
}
