using Orleans.Faas.Runtime.Cache.Allocation;

namespace Orleans.Faas.Tests.Runtime.Cache;

public sealed class ResctrlSchemataTests
{
    [Theory]
    [InlineData(new[] { 0 }, "00f", "L3:0=00f\n")]
    [InlineData(new[] { 0, 1 }, "ff0", "L3:0=ff0;1=ff0\n")]
    public void One_mask_is_written_for_every_domain(int[] domains, string mask, string expected) =>
        Assert.Equal(expected, ResctrlSchemata.L3Line(domains, mask));

    [Theory]
    [InlineData(0xfUL, 12, "00f")]
    [InlineData(0x7f0UL, 11, "7f0")]
    [InlineData(0x3UL, 20, "00003")]
    [InlineData(0x1UL, 1, "1")]
    [InlineData(ulong.MaxValue, 64, "ffffffffffffffff")]
    public void Masks_are_padded_to_the_width_the_kernel_shows(ulong mask, int ways, string expected) =>
        Assert.Equal(expected, ResctrlSchemata.Hex(mask, ways));

    [Theory]
    [InlineData("L3:0=fff;1=fff\n", new[] { 0, 1 })]
    [InlineData("    L3:0=7ff;1=7ff\n    MB:0=100;1=100\n", new[] { 0, 1 })]
    [InlineData("MB:0=100\nL3:2=f; 3=f\n", new[] { 2, 3 })]
    public void Domains_are_read_from_the_l3_line(string schemata, int[] expected) =>
        Assert.Equal(expected, ResctrlSchemata.L3Domains(schemata));

    [Theory]
    [InlineData("MB:0=100\n")]
    [InlineData("L3CODE:0=fff\nL3DATA:0=fff\n")]
    [InlineData("L3:x=fff\n")]
    [InlineData("L3:=fff\n")]
    public void A_schemata_without_a_wellformed_l3_line_has_no_domains(string schemata) =>
        Assert.Null(ResctrlSchemata.L3Domains(schemata));
}
