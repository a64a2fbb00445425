namespace Orleans.Faas.Gateway.Invocations;

/// <summary>What a callback URL must be: absolute http or https.</summary>
public static class CallbackUrl
{
    /// <returns>Null when <paramref name="url"/> is acceptable, else why not.</returns>
    public static string? Problem(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)
            ? null
            : $"'{url}' is not an absolute http or https URL.";
}
