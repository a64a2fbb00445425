namespace Orleans.Faas.Cli.Configuration;

/// <summary>The user's settings, <c>$XDG_CONFIG_HOME/faas/config.yaml</c> (else <c>~/.config/faas/config.yaml</c>).</summary>
internal sealed class ConfigFile
{
    /// <summary>The gateway to talk to when neither <c>--gateway</c> nor <c>FAAS_GATEWAY</c> names one.</summary>
    public string? Gateway { get; init; }

    public static string Location
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(home, "faas", "config.yaml");
        }
    }

    /// <summary>The file's settings, or none when there is no file.</summary>
    public static ConfigFile Load() => File.Exists(Location) ? YamlFile.Read<ConfigFile>(Location) : new ConfigFile();
}
