using System.Text;
using Orleans.Faas.Chains;

namespace Orleans.Faas.Tests.Chains;

public sealed class LineFanOutTests
{
    [Theory]
    [InlineData("a\nbb\nccc\n", new[] { "a", "bb", "ccc" })]
    [InlineData("a\nbb\nccc", new[] { "a", "bb", "ccc" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    public void Split_gives_one_input_per_line_without_its_newline(string output, string[] inputs) =>
        Assert.Equal(inputs, LineFanOut.Split(Encoding.UTF8.GetBytes(output)).Select(Encoding.UTF8.GetString));

    [Fact]
    public void Join_gives_one_line_per_output_in_order_dropping_one_trailing_newline_of_each() =>
        Assert.Equal("A\nB\n\nC\n\n", Encoding.UTF8.GetString(LineFanOut.Join(new[] { "A", "B\n", "", "C\n\n" }.Select(Encoding.UTF8.GetBytes))));
}
