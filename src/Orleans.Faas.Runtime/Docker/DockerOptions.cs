using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>Where the node's Docker engine listens and the box every function container gets (<c>Faas:Docker</c>).</summary>
public sealed class DockerOptions
{
    public const string Section = "Faas:Docker";

    /// <summary>The engine's endpoint; DOCKER_HOST when set, else the standard socket.</summary>
    public string Endpoint { get; set; } = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
        ? host
        : "unix:///var/run/docker.sock";

    /// <summary>This node's name, put on its containers so a restarted node can find what it left behind.</summary>
    [Required]
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>The in-container agent, a static binary; by default the one built next to this assembly.</summary>
    public string AgentPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "agent", "faas-agent");

    /// <summary>The benchmark workloads program, a static binary the node builds the benchmark image from; by default the one built next to this assembly.</summary>
    public string WorkloadsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "workloads", "faas-bench");

    /// <summary>
    /// Where the runner makes its node's folder (<c>ofaas-NODE</c>) for the containers' agent sockets; null means the
    /// system's temp folder. Keep it short: a socket path is limited to 107 bytes.
    /// </summary>
    public string? SocketParent { get; set; }

    /// <summary>
    /// Where the runner makes its node's folder (<c>ofaas-secrets-NODE</c>) of the containers' secret files, mounted
    /// read-only at /run/secrets; keep it on a tmpfs, so a secret is never written to a disk.
    /// </summary>
    [Required]
    public string SecretsParent { get; set; } = "/dev/shm";

    /// <summary>Memory limit of a function that sets none.</summary>
    [Range(6, int.MaxValue)]
    public int DefaultMemoryMiB { get; set; } = 256;

    /// <summary>CPU quota, in cores, of a function that sets none.</summary>
    [Range(0.01, 1024)]
    public double DefaultCpu { get; set; } = 1;

    /// <summary>
    /// The most CPU, in cores, any container gets, whatever its function asks: emulates a slower node on a faster
    /// machine; null leaves quotas uncapped.
    /// </summary>
    [Range(0.01, 1024)]
    public double? CpuCap { get; set; }

    /// <summary>Processes a container may hold at once when its function sets no limit.</summary>
    [Range(8, 65536)]
    public int DefaultPidsLimit { get; set; } = 128;

    /// <summary>The user containers run as when their function names none: nobody.</summary>
    [Required]
    public string DefaultUser { get; set; } = "65534:65534";

    /// <summary>Size of the writable tmpfs at /tmp; the rest of the root filesystem is read-only.</summary>
    [Range(1, 65536)]
    public int TmpMiB { get; set; } = 64;

    /// <summary>How long pulling an image may take before the task fails.</summary>
    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a new container has to start its agent.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
