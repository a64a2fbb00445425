namespace Orleans.Faas.Runtime.Docker;

/// <summary>Where the node's Docker engine listens (<c>Faas:Docker</c>).</summary>
public sealed class DockerOptions
{
    public const string Section = "Faas:Docker";

    /// <summary>The engine's endpoint; DOCKER_HOST when set, else the standard socket.</summary>
    public string Endpoint { get; set; } = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
        ? host
        : "unix:///var/run/docker.sock";
}
