namespace Orleans.Faas.Tests.Builds;

/// <summary>
/// A project of the platform as built beside these tests, in their configuration (the test project builds the ones it
/// needs first, without loading them).
/// </summary>
internal static class ProjectBuild
{
    /// <summary>The repository the tests were built from, found from their binaries' location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SourceFolder { get; } = Path.Combine(RepositoryRoot, "src");

    /// <summary>The project's assembly; <paramref name="assembly"/> when its name is not the project's.</summary>
    public static string Dll(string project, string? assembly = null) => Path.Combine(
        SourceFolder, project, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", (assembly ?? project) + ".dll");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Faas.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Orleans.Faas.sln above {AppContext.BaseDirectory}.");
    }
}
