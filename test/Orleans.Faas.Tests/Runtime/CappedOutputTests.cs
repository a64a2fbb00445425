using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime;

public sealed class CappedOutputTests
{
    [Fact]
    public void Output_within_the_limit_is_kept_whole()
    {
        var output = new CappedOutput(6);
        output.Append("abc"u8);
        output.Append("def"u8);

        Assert.Equal("abcdef"u8.ToArray(), output.ToArray());
        Assert.False(output.Truncated);
    }

    [Fact]
    public void Output_past_the_limit_keeps_its_head()
    {
        var output = new CappedOutput(4);
        output.Append("abc"u8);
        output.Append("def"u8);
        output.Append("ghi"u8);

        Assert.Equal("abcd"u8.ToArray(), output.ToArray());
        Assert.True(output.Truncated);
    }

    [Fact]
    public async Task Draining_reads_the_whole_stream_even_past_the_limit()
    {
        var output = new CappedOutput(10);
        using var stream = new MemoryStream(new byte[1_000_000]);

        await output.DrainAsync(stream, CancellationToken.None);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(10, output.ToArray().Length);
        Assert.True(output.Truncated);
    }
}
