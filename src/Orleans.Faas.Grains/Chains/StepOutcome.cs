namespace Orleans.Faas.Chains;

/// <summary>How a step's task or batch ended.</summary>
/// <param name="Refused">True when nothing was made under the step's id: the function is gone, no provider could take it, or the fan-out was too large.</param>
public sealed record StepOutcome(bool Succeeded, int? FunctionVersion, string? FailureReason = null, string? Error = null, bool Refused = false)
{
    public static StepOutcome Completed(int functionVersion) => new(true, functionVersion);

    public static StepOutcome Failed(int functionVersion, string? reason, string? error) => new(false, functionVersion, reason, error);

    public static StepOutcome RefusedBecause(Exception e) => new(false, null, "refused", e.Message, Refused: true);

    public static StepOutcome TooManyLines(int maxLines) =>
        new(false, null, "too many lines", $"the input has more than {maxLines} lines to fan out over (Faas:Chains:MaxFanOutItems)", Refused: true);
}
