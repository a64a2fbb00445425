using System.Collections.Immutable;
using Orleans.Faas.Scheduling;

namespace Orleans.Faas.Tests.Scheduling;

public sealed class LabelConstraintTests
{
    private static readonly ImmutableDictionary<string, string> Gpu = ImmutableDictionary<string, string>.Empty.Add("gpu", "true");

    [Fact]
    public void A_provider_fits_when_it_carries_every_required_label_with_its_value()
    {
        var requires = Gpu.Add("zone", "lab-2");

        Assert.True(LabelConstraints.Fits(Placements.Provider("p", labels: requires.Add("arch", "arm64")), requires));
        Assert.Equal(["zone=lab-2"], LabelConstraints.Unmet(Placements.Provider("p", labels: Gpu.Add("zone", "lab-1")), requires));
        Assert.Equal(["gpu=true", "zone=lab-2"], LabelConstraints.Unmet(Placements.Provider("p"), requires));
    }

    [Fact]
    public void The_unmet_constraint_named_is_the_label_nobody_carries_else_the_combination()
    {
        var requires = Gpu.Add("zone", "lab-2");
        var zoneOnly = Placements.Provider("a", labels: ImmutableDictionary<string, string>.Empty.Add("zone", "lab-2"));
        var gpuOnly = Placements.Provider("b", labels: Gpu);

        Assert.Equal("gpu=true", LabelConstraints.NobodyMeets([zoneOnly], requires));
        Assert.Equal("gpu=true and zone=lab-2", LabelConstraints.NobodyMeets([zoneOnly, gpuOnly], requires));
    }
}
