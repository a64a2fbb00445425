using Microsoft.Extensions.Logging;

namespace Orleans.Faas;

/// <summary>Removing a grain's reminder by its name, which Orleans does in two calls.</summary>
public static partial class Reminders
{
    /// <summary>Unregisters the grain's reminder of that name, when it has one.</summary>
    public static async Task Unregister(this IGrainBase grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
            await grain.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Unregisters it as best effort, for a caller whose reminder, left behind, finds nothing to do at its next tick and
    /// removes itself then: when the reminder service cannot be reached, says so and goes on. Whether it is gone.
    /// </summary>
    public static async Task<bool> TryUnregister(this IGrainBase grain, string name, ILogger logger)
    {
        try
        {
            await grain.Unregister(name);
            return true;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogLeftBehind(logger, e, grain.GrainContext.GrainId, name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: its reminder {Reminder} could not be removed; at its next tick it finds nothing to do and removes itself")]
    private static partial void LogLeftBehind(ILogger logger, Exception exception, GrainId grain, string reminder);
}
