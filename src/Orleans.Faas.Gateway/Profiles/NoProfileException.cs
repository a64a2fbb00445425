namespace Orleans.Faas.Gateway.Profiles;

/// <summary>The function exists but nothing has been measured of it yet.</summary>
public sealed class NoProfileException(string function)
    : Exception($"Function '{function}' has no profile yet: profile it (POST /v1/functions/{function}/profile), or let its completed runs build one.");
