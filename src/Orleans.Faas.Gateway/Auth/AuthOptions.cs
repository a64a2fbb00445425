using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Gateway.Auth;

/// <summary>Who may call the HTTP API (<c>Faas:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Faas:Auth";

    /// <summary>Every request needs a key; the first start with no key stored creates an admin key and prints it once.</summary>
    public bool Enabled { get; set; }

    /// <summary>A key the operator chose, an admin of every namespace; every request needs a key when it is set.</summary>
    [MinLength(24, ErrorMessage = "AdminKey must be at least 24 characters; `openssl rand -base64 32` makes a good one.")]
    public string? AdminKey { get; set; }

    /// <summary><c>/metrics</c> needs an admin key too.</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary>The request rate of a key created without its own.</summary>
    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>How many requests with a key that is not valid one client address may send.</summary>
    [Required]
    public FailedKeyLimitOptions FailedKeys { get; set; } = new();

    /// <summary>Whether requests need a key from the start, rather than once the first key is stored.</summary>
    public bool IsConfigured => Enabled || AdminKey is not null;
}

public sealed class RateLimitOptions
{
    /// <summary>Requests a key may make per second, on each gateway; 0 leaves keys unlimited.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerSecond { get; set; }

    /// <summary>Requests a key may make at once before the rate applies; 0 takes <see cref="PermitsPerSecond"/>.</summary>
    [Range(0, 1_000_000)]
    public int Burst { get; set; }
}

/// <summary>
/// Requests from one client address whose key was not valid: a bucket of <see cref="Burst"/> refilled by
/// <see cref="PerMinute"/>; once it is empty, every request of that address that brings a key is a 429.
/// </summary>
public sealed class FailedKeyLimitOptions
{
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 20;

    [Range(1, 60_000)]
    public int PerMinute { get; set; } = 60;
}
