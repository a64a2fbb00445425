namespace Orleans.Faas.Gateway.Problems;

/// <summary>The <c>waitSeconds</c> of a read that waits for its task, batch or chain run to finish first.</summary>
public static class LongPoll
{
    // A long poll stays well inside Orleans' response timeout; a caller that needs longer polls again.
    public const double MaxWaitSeconds = 20;

    public static TimeSpan Wait(double seconds) => seconds is >= 0 and <= MaxWaitSeconds
        ? TimeSpan.FromSeconds(seconds)
        : throw new InvalidQueryException("waitSeconds", $"waitSeconds must be between 0 and {MaxWaitSeconds}.");
}
