namespace Orleans.Faas.Testing;

/// <summary>The repository these tests were built from, and the configuration they were built in, found from their binaries' location.</summary>
public static class Checkout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the same configuration the tests were built with.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Faas.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Orleans.Faas.sln above {AppContext.BaseDirectory}.");
    }
}
