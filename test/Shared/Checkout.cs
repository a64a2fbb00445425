namespace Orleans.Faas.Testing;

/// <summary>The repository these tests were built from, and the configuration they were built in, found from their binaries' location.</summary>
public static class Checkout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the same configuration the tests were built with.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The build output of a project, to run with <c>dotnet</c>: <c>PROJECT_FOLDER/bin/CONFIGURATION/net10.0/ASSEMBLY.dll</c> under the repository.</summary>
    public static string Built(string projectFolder, string assembly) =>
        Path.Combine(Root, projectFolder, "bin", BuildConfiguration, "net10.0", assembly + ".dll");

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
