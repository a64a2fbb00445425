using Docker.DotNet;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>Asks a Docker engine for its version, briefly, so a node can decide at start-up whether it offers containers.</summary>
public static class DockerProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<DockerProbeResult> ProbeAsync(string endpoint, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Timeout);
        try
        {
            using var client = new DockerClientConfiguration(new Uri(endpoint), defaultTimeout: Timeout).CreateClient();
            var version = await client.System.GetVersionAsync(patience.Token);
            return new DockerProbeResult(true, $"Docker {version.Version} (API {version.APIVersion})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DockerProbeResult(false, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any failure, a malformed endpoint included, means the same here: this node offers no containers.
            return new DockerProbeResult(false, DockerErrors.WhyUnreachable(endpoint, e));
        }
    }
}
