namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>
/// What the test script provides: a private dockerd with the sample image built into it, a private PostgreSQL
/// server the tests make their own databases in, and a work folder for servers the tests start themselves.
/// </summary>
public static class TestEnvironment
{
    public const string HelloImage = "faas-samples/hello:latest";

    public static string DockerEndpoint => Required("FAAS_TEST_DOCKER_HOST", "a private dockerd");

    /// <summary>An Npgsql connection string to a server where the tests may create databases.</summary>
    public static string PostgresServer => Required("FAAS_TEST_POSTGRES", "a private PostgreSQL");

    /// <summary>A folder the test script removes afterwards; servers the tests start keep their data here.</summary>
    public static string WorkFolder => Required("FAAS_TEST_WORKDIR", "a work folder");

    private static string Required(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set. Run the tests through scripts/test.sh, which starts {what} and sets it.");
}
