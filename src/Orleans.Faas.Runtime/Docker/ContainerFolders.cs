using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Agent;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Secrets;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// What the node makes on its side for one container, before the container exists: the agent's folder with the socket
/// the node listens on (and the function's code), and the secrets folder. Both are mounted read-only, so nothing
/// in the container can change what the node reads or connects to; they go with the container, or at once when it
/// could not be made.
/// </summary>
internal sealed class ContainerFolders
{
    // The container's user only passes through to the socket; the mount is read-only besides.
    private const UnixFileMode AgentFolderMode = (UnixFileMode)0b111_001_001;

    private ContainerFolders(string agentFolder, AgentListener listener, ContainerSecrets? secrets)
    {
        AgentFolder = agentFolder;
        Listener = listener;
        Secrets = secrets;
    }

    /// <summary>The node folder mounted at <see cref="ContainerBlueprint.SocketFolder"/>.</summary>
    public string AgentFolder { get; }

    public AgentListener Listener { get; }

    /// <summary>Null when its function has no secrets.</summary>
    public ContainerSecrets? Secrets { get; }

    /// <param name="agentFolder">A new folder's path inside a folder only this process can enter.</param>
    /// <param name="secretsFolder">A new folder's path on tmpfs inside a folder only this process can enter; null when the function has no secrets.</param>
    /// <param name="user">The container's user, who must be able to read the secrets.</param>
    public static ContainerFolders Create(FunctionDefinition function, string agentFolder, string? secretsFolder, string user)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Docker functions run on Linux nodes: the agent's socket is a unix socket.");
        Directory.CreateDirectory(agentFolder);
        // Set apart from creating, which the process umask would narrow.
        File.SetUnixFileMode(agentFolder, AgentFolderMode);
        AgentListener? listener = null;
        try
        {
            listener = AgentListener.Open(agentFolder);
            // A docker function's code file is its working folder's, written the same way as a python function's.
            if (function.Runtime == FunctionRuntime.Python || function.Code is not null)
                PythonContainer.WriteCode(function, agentFolder);
            var secrets = secretsFolder is null ? null : ContainerSecrets.Create(secretsFolder, user);
            return new ContainerFolders(agentFolder, listener, secrets);
        }
        catch
        {
            listener?.Dispose();
            Directory.Delete(agentFolder, recursive: true);
            throw;
        }
    }

    /// <summary>Removes both folders; never throws for what is already gone, as it runs on every path out.</summary>
    public void Delete()
    {
        Listener.Dispose();
        try
        {
            Directory.Delete(AgentFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already removed.
        }
        Secrets?.Delete();
    }
}
