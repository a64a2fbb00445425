using System.ComponentModel.DataAnnotations;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void The_retention_is_a_week_by_default_and_at_least_a_second()
    {
        Assert.Equal(TimeSpan.FromDays(7), new TaskOptions().Retention);
        Assert.True(IsValid(new TaskOptions { Retention = TimeSpan.FromSeconds(1) }));
        Assert.False(IsValid(new TaskOptions { Retention = TimeSpan.FromMilliseconds(500) }));
    }

    private static bool IsValid(TaskOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
