using Orleans.Faas.IntegrationTests.Hosting;

namespace Orleans.Faas.IntegrationTests.Security;

/// <summary>The settings of a silo without Docker (its process runtime alone), plus any given.</summary>
public static class ProcessOnlySettings
{
    public static Dictionary<string, string> With(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Faas__Docker__Endpoint"] = $"unix://{TestEnvironment.WorkFolder}/no-docker.sock" };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }
}
