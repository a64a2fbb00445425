using System.Globalization;

namespace Orleans.Faas.Cli.Invocations;

/// <summary><c>--deadline 2.5</c>: seconds after submission by which the task should finish, sent as <c>?deadlineSeconds=</c>.</summary>
internal static class DeadlineOption
{
    public static Option<TimeSpan?> Create() => new("--deadline")
    {
        Description = "Seconds after submission by which the task should finish: placement prefers the provider most likely to make it",
        HelpName = "seconds",
        // Whether the number is in range is the gateway's to say (?deadlineSeconds=); only a number it can be sent as is checked here.
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
                return TimeSpan.FromSeconds(seconds);
            result.AddError($"'{token}' is not a number of seconds: e.g. --deadline 2.5.");
            return null;
        },
    };
}
