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
        Assert.Equal(inputs, LineFanOut.Split(Encoding.UTF8.GetBytes(output), maxLines: 3)!.Value.Select(Encoding.UTF8.GetString));

    [Theory]
    [InlineData("a\nb\nc\nd")]
    [InlineData("\n\n\n\n")]
    public void Split_gives_nothing_for_more_lines_than_the_most(string output) =>
        Assert.Null(LineFanOut.Split(Encoding.UTF8.GetBytes(output), maxLines: 3));

    [Fact]
    public async Task Join_gives_one_line_per_output_in_order_dropping_one_trailing_newline_of_each() =>
        Assert.Equal("A\nB\n\nC\n\n", Encoding.UTF8.GetString((await LineFanOut.Join(Outputs("A", "B\n", "", "C\n\n"), maxBytes: 8))!));

    [Fact]
    public async Task Join_gives_nothing_once_the_joined_bytes_would_be_more_than_the_most() =>
        Assert.Null(await LineFanOut.Join(Outputs("A", "B\n", "", "C\n\n"), maxBytes: 7));

    private static IAsyncEnumerable<byte[]> Outputs(params string[] outputs) => outputs.Select(Encoding.UTF8.GetBytes).ToAsyncEnumerable();
}
