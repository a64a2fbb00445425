using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;

namespace Orleans.Faas.Gateway.Hosting;

/// <summary>The HTTP edge (<c>Faas:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Faas:Gateway";

    /// <summary>Where the HTTP API listens; any address but loopback needs authentication (<c>Faas:Auth</c>) or <see cref="AllowAnonymous"/>.</summary>
    [Required, Url]
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Lets a gateway off loopback start without authentication configured; it warns at every start.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Every address the gateway listens on (<see cref="Url"/> may list several, separated by ';') is this host's loopback.</summary>
    public bool ListensOnLoopbackOnly => Url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));

    /// <summary>Where a client on this host reaches the gateway: its first address, with a wildcard host (0.0.0.0, [::], *, +) as loopback.</summary>
    public Uri LocalAddress
    {
        get
        {
            var first = Url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            var wildcard = Regex.Match(first, @"^(?<scheme>https?)://(?<host>\*|\+|0\.0\.0\.0|\[::\])(?<rest>[:/].*)?$");
            return new Uri(wildcard.Success ? $"{wildcard.Groups["scheme"].Value}://127.0.0.1{wildcard.Groups["rest"].Value}" : first);
        }
    }

    /// <summary>Largest request body accepted: invocation input or a function definition.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPayloadBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>Most inputs one batch request may carry.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>How long a synchronous invoke waits for its task before answering 202 with the task id.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SyncWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an invocation's Idempotency-Key keeps answering with the task it made.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);
}
