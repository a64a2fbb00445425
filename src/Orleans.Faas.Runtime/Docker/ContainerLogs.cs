using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>The last lines a container wrote, for explaining why it died before it could serve.</summary>
internal static class ContainerLogs
{
    public static async Task<string> TailAsync(DockerClient client, string id, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.GetContainerLogsAsync(id, tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = "20" }, cancellationToken);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
        var text = (stderr + stdout).Trim();
        return text.Length > 0 ? text : "(it wrote nothing)";
    }
}
