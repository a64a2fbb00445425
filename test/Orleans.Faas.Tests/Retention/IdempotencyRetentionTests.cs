using System.Security.Cryptography;
using Orleans.Faas.Idempotency;

namespace Orleans.Faas.Tests.Retention;

/// <summary>An idempotency key stands for its task and its request for its window, never past the tasks' retention, and its record is deleted once the window is over.</summary>
[Collection(RetentionClusterCollection.Name)]
public sealed class IdempotencyRetentionTests(RetentionClusterFixture fixture)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private static readonly byte[] Body = SHA256.HashData("the request"u8);

    [Fact]
    public async Task A_key_stands_for_its_first_task_within_its_window_and_its_record_is_deleted_after_it()
    {
        var key = fixture.Grains.GetGrain<IIdempotencyGrain>(Guid.NewGuid());
        var first = Guid.NewGuid();
        // Taken before the claim, as the window starts at the first claim: a slow second claim must not shorten it.
        var claimedAt = DateTimeOffset.UtcNow;

        Assert.Equal(first, await key.Claim(first, Window, Body));
        Assert.Equal(first, await key.Claim(Guid.NewGuid(), Window, Body));

        var deletedAt = await fixture.WaitUntilExpired(key, "idempotency");
        Assert.True(deletedAt - claimedAt >= Window - TimeSpan.FromMilliseconds(100), $"deleted {deletedAt - claimedAt} after the claim");
        var next = Guid.NewGuid();
        Assert.Equal(next, await key.Claim(next, Window, Body));
    }

    [Fact]
    public async Task A_key_sent_again_with_another_body_is_refused_and_still_stands_for_its_first_request()
    {
        var key = fixture.Grains.GetGrain<IIdempotencyGrain>(Guid.NewGuid());
        var first = Guid.NewGuid();
        await key.Claim(first, Window, Body);

        var refused = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => key.Claim(Guid.NewGuid(), Window, SHA256.HashData("another request"u8)));

        Assert.Equal(first, refused.Task);
        Assert.Equal(first, await key.Claim(Guid.NewGuid(), Window, Body));
    }

    [Fact]
    public async Task A_window_longer_than_the_retention_is_cut_to_it_so_the_key_never_outlives_its_task()
    {
        var key = fixture.Grains.GetGrain<IIdempotencyGrain>(Guid.NewGuid());
        var claimedAt = DateTimeOffset.UtcNow;

        await key.Claim(Guid.NewGuid(), TimeSpan.FromDays(1), Body);

        var deletedAt = await fixture.WaitUntilExpired(key, "idempotency");
        Assert.True(deletedAt - claimedAt < RetentionClusterFixture.Patience, $"kept {deletedAt - claimedAt}, past the retention of {RetentionClusterFixture.Retention}");
    }
}
