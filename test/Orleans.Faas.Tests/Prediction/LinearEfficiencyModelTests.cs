using Orleans.Faas.Prediction.Features;
using Orleans.Faas.Prediction.Linear;

namespace Orleans.Faas.Tests.Prediction;

public sealed class LinearEfficiencyModelTests
{
    private static readonly LinearEfficiencyModel Model = LinearEfficiencyModel.Instance;

    [Fact]
    public void The_cpu_share_of_the_reference_time_scales_by_the_cpu_score_and_the_rest_by_the_memory_score()
    {
        var f = new RuntimeFeatures { ReferenceWallMs = 100, ReferenceCpuMs = 60, CpuEfficiency = 2, MemoryEfficiency = 0.5f };

        Assert.Equal(100 * (0.6 / 2 + 0.4 / 0.5), Model.PredictMs(f), 4);
        Assert.Equal(0, Model.Version);
        Assert.Equal("linear", Model.Kind);
    }

    [Fact]
    public void Without_cpu_time_the_whole_run_counts_as_cpu_and_a_parallel_run_counts_as_all_cpu()
    {
        var unknownCpu = new RuntimeFeatures { ReferenceWallMs = 100, CpuEfficiency = 2, MemoryEfficiency = 0.5f };
        var parallel = unknownCpu with { ReferenceCpuMs = 400 };

        Assert.Equal(50, Model.PredictMs(unknownCpu), 4);
        Assert.Equal(50, Model.PredictMs(parallel), 4);
    }

    [Fact]
    public void A_missing_score_counts_as_the_reference_provider()
    {
        var f = new RuntimeFeatures { ReferenceWallMs = 100, ReferenceCpuMs = 50, MemoryEfficiency = 0.5f };

        Assert.Equal(100 * (0.5 / 1 + 0.5 / 0.5), Model.PredictMs(f), 4);
    }

    [Fact]
    public void An_unprofiled_function_has_no_prediction()
    {
        Assert.True(double.IsNaN(Model.PredictMs(new RuntimeFeatures { CpuEfficiency = 2, MemoryEfficiency = 1 })));
    }
}
