using Orleans.Faas.Idempotency;

namespace Orleans.Faas.Tests.Retention;

/// <summary>An idempotency key stands for its task for its window, and its record is deleted once the window is over.</summary>
[Collection(RetentionClusterCollection.Name)]
public sealed class IdempotencyRetentionTests(RetentionClusterFixture fixture)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_key_stands_for_its_first_task_within_its_window_and_its_record_is_deleted_after_it()
    {
        var key = fixture.Grains.GetGrain<IIdempotencyGrain>(Guid.NewGuid());
        var first = Guid.NewGuid();

        Assert.Equal(first, await key.Claim(first, Window));
        Assert.Equal(first, await key.Claim(Guid.NewGuid(), Window));

        var claimedAt = DateTimeOffset.UtcNow;
        var deletedAt = await fixture.WaitUntilExpired(key, "idempotency");
        Assert.True(deletedAt - claimedAt >= Window - TimeSpan.FromMilliseconds(100), $"deleted {deletedAt - claimedAt} after the claim");
        var next = Guid.NewGuid();
        Assert.Equal(next, await key.Claim(next, Window));
    }
}
