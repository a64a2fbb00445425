using System.Text;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Tests.Runtime;

public sealed class LogTailTests
{
    [Fact]
    public void Logs_within_the_capacity_are_kept_whole()
    {
        var tail = new LogTail(16);
        tail.Append("abc"u8);
        tail.Append("def"u8);

        Assert.Equal("abcdef", tail.ToString());
    }

    [Fact]
    public void Logs_exactly_at_the_capacity_have_no_marker()
    {
        var tail = new LogTail(6);
        tail.Append("abcdef"u8);

        Assert.Equal("abcdef", tail.ToString());
    }

    [Fact]
    public void Only_the_tail_survives_many_small_appends()
    {
        var tail = new LogTail(5);
        foreach (var c in "0123456789")
            tail.Append([(byte)c]);

        Assert.Equal("[... 5 earlier bytes of stderr dropped ...]\n56789", tail.ToString());
    }

    [Fact]
    public void One_chunk_larger_than_the_capacity_keeps_its_end()
    {
        var tail = new LogTail(4);
        tail.Append("ab"u8);
        tail.Append("cdefghij"u8);

        Assert.Equal("[... 6 earlier bytes of stderr dropped ...]\nghij", tail.ToString());
    }

    [Fact]
    public void A_cut_through_a_multibyte_character_drops_its_remains()
    {
        var tail = new LogTail(4);
        // "é" is two bytes; keeping the last four bytes of "xéabc" would start inside it.
        tail.Append(Encoding.UTF8.GetBytes("xéabc"));

        Assert.Equal("[... 3 earlier bytes of stderr dropped ...]\nabc", tail.ToString());
    }
}
