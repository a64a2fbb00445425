using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>
/// Whether this node can give a task cache ways of its own (Intel CAT, L3 cache allocation through the resctrl file
/// system), and how its L3 cache divides when it can. Detected once at start.
/// </summary>
public sealed class ResctrlSupport
{
    public const string DefaultRoot = "/sys/fs/resctrl";

    /// <summary>Where resctrl is mounted in the procfs/sysfs tree at <paramref name="tree"/>: <see cref="DefaultRoot"/> under "/".</summary>
    public static string RootIn(string tree) => Path.Combine(tree, DefaultRoot.TrimStart('/'));

    private ResctrlSupport(string root, L3Geometry? l3, string? unavailableBecause)
    {
        Root = root;
        L3 = l3;
        UnavailableBecause = unavailableBecause;
    }

    /// <summary>Where resctrl is mounted; a fake tree in tests.</summary>
    public string Root { get; }

    /// <summary>How the L3 cache divides; null when cache allocation is unavailable.</summary>
    public L3Geometry? L3 { get; }

    /// <summary>Why tasks on this node get no cache ways of their own; null when they can.</summary>
    public string? UnavailableBecause { get; }

    [MemberNotNullWhen(true, nameof(L3))]
    [MemberNotNullWhen(false, nameof(UnavailableBecause))]
    public bool IsAvailable => L3 is not null;

    /// <param name="root">Where resctrl is mounted; a fake tree in tests.</param>
    public static ResctrlSupport Detect(string root = DefaultRoot)
    {
        if (!Directory.Exists(root))
            return Unavailable(root, $"resctrl is not mounted (no {root})");
        var info = Path.Combine(root, "info");
        // A kernel with resctrl support keeps the empty mount point even when nothing is mounted on it.
        if (!Directory.Exists(info))
            return Unavailable(root, $"resctrl is not mounted at {root} (mount -t resctrl resctrl {root})");
        var l3 = Path.Combine(info, "L3");
        if (!Directory.Exists(l3))
        {
            return Unavailable(root, Directory.Exists(Path.Combine(info, "L3CODE"))
                ? $"resctrl is mounted with L3 code/data prioritization (no {l3}, only L3CODE and L3DATA); mount it without -o cdp"
                : $"resctrl offers no L3 cache allocation (no {l3}): the CPU has no CAT or the kernel turned it off");
        }

        try
        {
            return ReadGeometry(root, l3);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unavailable(root, $"resctrl cannot be read: {e.Message}");
        }
    }

    private static ResctrlSupport ReadGeometry(string root, string l3)
    {
        var cbmMask = File.ReadAllText(Path.Combine(l3, "cbm_mask"));
        // The kernel's full mask is always the lowest bits set, (1 << cbm_len) - 1; anything else is not understood here.
        if (ResctrlSchemata.ParseHex(cbmMask) is not { } fullMask || fullMask == 0 || (fullMask & (fullMask + 1)) != 0)
            return Unavailable(root, $"{l3}/cbm_mask is not a mask of the lowest cache ways: '{cbmMask.Trim()}'");
        var ways = BitOperations.PopCount(fullMask);

        var minCbmBits = File.ReadAllText(Path.Combine(l3, "min_cbm_bits"));
        if (!int.TryParse(minCbmBits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minWays) || minWays > ways)
            return Unavailable(root, $"{l3}/min_cbm_bits is not a number of ways up to {ways}: '{minCbmBits.Trim()}'");

        var shareableBits = Path.Combine(l3, "shareable_bits");
        var shareable = File.Exists(shareableBits) ? ResctrlSchemata.ParseHex(File.ReadAllText(shareableBits)) : null;

        var schemata = Path.Combine(root, "schemata");
        if (ResctrlSchemata.L3Domains(File.ReadAllText(schemata)) is not { Length: > 0 } domains)
            return Unavailable(root, $"{schemata} has no readable L3 line");

        return new(root, new L3Geometry(ways, minWays, domains, shareable), null);
    }

    private static ResctrlSupport Unavailable(string root, string because) => new(root, null, because);
}
