using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>Whether this node offers the process runtime, and the box its runs get (<c>Faas:Process</c>).</summary>
public sealed class ProcessOptions
{
    public const string Section = "Faas:Process";

    /// <summary>
    /// Offer the process runtime; unset means on only for an embedded silo whose gateway listens on loopback (one
    /// person's own machine), off anywhere else.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The user runs switch to, with its primary group, when the silo runs as root; never root itself.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$", ErrorMessage = "User must be a user name or uid, e.g. nobody.")]
    public string User { get; set; } = "nobody";

    /// <summary>The cgroup v2 folder each run gets a cgroup of its own under, made at start-up if missing; tests point it at a fake tree.</summary>
    [Required]
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup/orleans-faas";

    /// <summary>The launcher every run starts through (faas-launch.c), a static binary; by default the one built next to this assembly.</summary>
    [Required]
    public string LauncherPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "launcher", "faas-launch");
}
