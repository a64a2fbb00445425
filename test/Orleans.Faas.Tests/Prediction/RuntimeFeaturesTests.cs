using Orleans.Faas.Functions;
using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Profiles;

namespace Orleans.Faas.Tests.Prediction;

public sealed class RuntimeFeaturesTests
{
    [Fact]
    public void Every_figure_of_the_profile_and_the_provider_lands_in_its_own_field()
    {
        var reference = new RunStatistics(WallMs: 100, WallQ1Ms: 90, WallQ3Ms: 110, WallSpread: 0.2, Samples: 5,
            CpuMs: 80, PeakMemoryBytes: 3e6, ReadBytes: 4e3, WriteBytes: 5e3, LlcReferences: 6e4, LlcMisses: 7e2);
        var provider = new ProviderFeatures(CpuEfficiency: 1.5, MemoryEfficiency: 0.8, CpuQuota: 2, LlcBytes: 8 << 20,
            MemoryBytes: 16L << 30, Running: 3, Queued: 4, Cold: true);

        var f = RuntimeFeatures.Build(reference, inputSize: 12345, FunctionRuntime.Process, provider);

        Assert.Equal(100f, f.ReferenceWallMs);
        Assert.Equal(80f, f.ReferenceCpuMs);
        Assert.Equal(3e6f, f.ReferencePeakMemoryBytes);
        Assert.Equal(4e3f, f.ReferenceReadBytes);
        Assert.Equal(5e3f, f.ReferenceWriteBytes);
        Assert.Equal(6e4f, f.ReferenceLlcReferences);
        Assert.Equal(7e2f, f.ReferenceLlcMisses);
        Assert.Equal(12345f, f.InputSize);
        Assert.Equal(1f, f.Runtime);
        Assert.Equal(1.5f, f.CpuEfficiency);
        Assert.Equal(0.8f, f.MemoryEfficiency);
        Assert.Equal(2f, f.CpuQuota);
        Assert.Equal(8 << 20, f.LlcBytes);
        Assert.Equal(16L << 30, f.MemoryBytes);
        Assert.Equal(3f, f.Running);
        Assert.Equal(4f, f.Queued);
        Assert.Equal(1f, f.Cold);
    }

    [Fact]
    public void What_is_not_known_is_missing_not_zero()
    {
        var reference = new RunStatistics(100, 90, 110, 0.2, 5, CpuMs: null, PeakMemoryBytes: null, ReadBytes: null,
            WriteBytes: null, LlcReferences: null, LlcMisses: null);
        var provider = new ProviderFeatures(null, null, null, null, null, Running: 0, Queued: 0, Cold: false);

        var profiled = RuntimeFeatures.Build(reference, 10, FunctionRuntime.Docker, provider);
        var unprofiled = RuntimeFeatures.Build(null, 10, FunctionRuntime.Docker, provider);

        Assert.Equal(100f, profiled.ReferenceWallMs);
        Assert.All(
            [profiled.ReferenceCpuMs, profiled.ReferencePeakMemoryBytes, profiled.ReferenceReadBytes, profiled.ReferenceWriteBytes,
             profiled.ReferenceLlcReferences, profiled.ReferenceLlcMisses,
             profiled.CpuEfficiency, profiled.MemoryEfficiency, profiled.CpuQuota, profiled.LlcBytes, profiled.MemoryBytes,
             unprofiled.ReferenceWallMs],
            figure => Assert.True(float.IsNaN(figure)));
        Assert.Equal(0f, profiled.Runtime);
        Assert.Equal(0f, profiled.Running);
        Assert.Equal(0f, profiled.Queued);
        Assert.Equal(0f, profiled.Cold);
    }

    [Fact]
    public void A_figure_nobody_set_is_missing()
    {
        Assert.True(float.IsNaN(new RuntimeFeatures().Running));
    }
}
