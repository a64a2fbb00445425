namespace Orleans.Faas.Runtime.Cache.Allocation;

/// <summary>How the node's L3 cache can be divided between groups, as resctrl describes it.</summary>
/// <param name="Ways">Cache ways a capacity bitmask covers: the bits set in <c>info/L3/cbm_mask</c>, always the lowest ones.</param>
/// <param name="MinWays">The fewest ways a group's bitmask may hold (<c>info/L3/min_cbm_bits</c>; 0 on AMD).</param>
/// <param name="Domains">The ids of the L3 instances (usually one per socket), from the root group's <c>schemata</c>.</param>
/// <param name="ShareableBits">Ways that other agents, such as I/O devices, fill too (<c>info/L3/shareable_bits</c>); null when the kernel does not say.</param>
public sealed record L3Geometry(int Ways, int MinWays, IReadOnlyList<int> Domains, ulong? ShareableBits);
