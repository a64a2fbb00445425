namespace Orleans.Faas.Tests.Prediction;

/// <summary>The silo program as built beside these tests (the test project builds it first, without loading it).</summary>
internal static class SiloBuild
{
    public static string Dll { get; } = Path.Combine(
        RepositoryRoot(), "src", "Orleans.Faas.Silo", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Orleans.Faas.Silo.dll");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Faas.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Orleans.Faas.sln above {AppContext.BaseDirectory}.");
    }
}
