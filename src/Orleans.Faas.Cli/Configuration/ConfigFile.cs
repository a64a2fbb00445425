namespace Orleans.Faas.Cli.Configuration;

/// <summary>The user's settings, <c>$XDG_CONFIG_HOME/faas/config.yaml</c> (else <c>~/.config/faas/config.yaml</c>).</summary>
internal sealed record ConfigFile
{
    /// <summary>The gateway to talk to when neither <c>--gateway</c> nor <c>FAAS_GATEWAY</c> names one.</summary>
    public string? Gateway { get; init; }

    /// <summary>The API key <c>faas login</c> stored, used when <c>FAAS_API_KEY</c> gives none.</summary>
    public string? ApiKey { get; init; }

    // The file may hold a key: only its owner may read it, in a folder only its owner may list.
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

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

    /// <summary>Writes the settings; on Unix readable and writable by the user alone (mode 0600), whatever the file's mode was.</summary>
    public void Save()
    {
        var folder = Path.GetDirectoryName(Location)!;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
            if (File.Exists(Location))
                File.SetUnixFileMode(Location, OwnerOnly);
            options.UnixCreateMode = OwnerOnly;
        }
        using var file = new StreamWriter(Location, options);
        YamlFile.Write(file, this);
    }
}
