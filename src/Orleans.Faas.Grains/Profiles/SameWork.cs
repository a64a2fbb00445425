using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.Profiles;

/// <summary>
/// Whether runs of two function definitions cost the same: the same code in the same box (runtime, image, command,
/// cores, memory). Only then does a new version keep what runs of an older one taught its profile.
/// </summary>
public static class SameWork
{
    public static bool As(FunctionDefinition a, FunctionDefinition b) =>
        a.Runtime == b.Runtime
        && a.Image == b.Image
        && a.Command.SequenceEqual(b.Command)
        && a.Cpu == b.Cpu
        && a.MemoryMiB == b.MemoryMiB
        && a.Source == b.Source
        && a.EntryPoint == b.EntryPoint
        && a.Pickled == b.Pickled
        && SameDefinition.SameCode(a.Code, b.Code);
}
