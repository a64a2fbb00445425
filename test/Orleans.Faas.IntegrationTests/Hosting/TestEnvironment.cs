namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>What the test script provides: a private dockerd with the sample image built into it.</summary>
public static class TestEnvironment
{
    public const string DockerHostVariable = "FAAS_TEST_DOCKER_HOST";
    public const string HelloImage = "faas-samples/hello:latest";

    public static string DockerEndpoint =>
        Environment.GetEnvironmentVariable(DockerHostVariable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                $"{DockerHostVariable} is not set. Run the tests through scripts/test.sh, which starts a private dockerd and sets it.");

    /// <summary>The repository root, found from the test binaries' location.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: the same configuration the tests were built with.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

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
