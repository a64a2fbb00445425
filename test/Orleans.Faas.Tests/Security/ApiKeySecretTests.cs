using Orleans.Faas.Gateway.Auth;

namespace Orleans.Faas.Tests.Security;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void A_new_key_parses_back_to_its_id_and_the_hash_that_is_stored()
    {
        var id = ApiKeySecret.NewId();
        var (key, hash) = ApiKeySecret.New(id);

        Assert.True(ApiKeySecret.TryParse(key, out var parsedId, out var parsedHash));
        Assert.Equal(id, parsedId);
        Assert.Equal(hash, parsedHash);
        Assert.StartsWith($"faas_{id}_", key);
    }

    [Fact]
    public void Two_keys_of_one_id_have_different_secrets()
    {
        var id = ApiKeySecret.NewId();

        Assert.NotEqual(ApiKeySecret.New(id).Hash, ApiKeySecret.New(id).Hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer faas_abc_0123456789abcdef")]
    [InlineData("faas_ABC_0123456789abcdef")]
    [InlineData("faas_abc_short")]
    [InlineData("faas_abc_0123456789abcdef!")]
    [InlineData("sk_abc_0123456789abcdef")]
    public void What_is_not_shaped_like_a_key_is_not_parsed(string key) => Assert.False(ApiKeySecret.TryParse(key, out _, out _));
}
