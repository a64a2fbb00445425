using System.Collections.Immutable;
using Orleans.Faas.Functions;
using Orleans.Faas.Profiles;
using Orleans.Faas.Tests.Cluster;

namespace Orleans.Faas.Tests.Profiles;

public sealed class SameWorkTests
{
    private static readonly FunctionDefinition Python = FaasClusterFixture.Script("f", "run") with
    {
        Runtime = FunctionRuntime.Python,
        Code = new CodeFile("main.py", "print(1)"u8.ToArray()),
        Cpu = 1,
        MemoryMiB = 128,
    };

    [Fact]
    public void Other_code_or_another_box_is_other_work()
    {
        Assert.False(SameWork.As(Python, Python with { Code = new CodeFile("main.py", "print(2)"u8.ToArray()) }));
        Assert.False(SameWork.As(Python, Python with { Cpu = 2 }));
        Assert.False(SameWork.As(Python, Python with { MemoryMiB = 256 }));
        Assert.False(SameWork.As(Python, Python with { Command = ["other"] }));
        Assert.False(SameWork.As(Python, Python with { Runtime = FunctionRuntime.Docker, Image = "python:3.11" }));
        Assert.False(SameWork.As(Python, Python with { EntryPoint = "main:other" }));
    }

    [Fact]
    public void The_same_code_uploaded_again_in_the_same_box_is_the_same_work_whatever_else_changed()
    {
        var again = Python with
        {
            Code = new CodeFile("main.py", "print(1)"u8.ToArray()),
            Env = ImmutableDictionary<string, string>.Empty.Add("LEVEL", "debug"),
            Timeout = TimeSpan.FromMinutes(5),
            MaxAttempts = 5,
        };

        Assert.True(SameWork.As(Python, again));
    }
}
