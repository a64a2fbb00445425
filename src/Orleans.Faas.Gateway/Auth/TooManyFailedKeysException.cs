namespace Orleans.Faas.Gateway.Auth;

/// <summary>The request's key was not checked: its client address has used up its failed attempts (<see cref="FailedKeyAttempts"/>).</summary>
public sealed class TooManyFailedKeysException() : Exception("Too many requests from this address brought a key that is not valid.");
