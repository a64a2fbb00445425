namespace Orleans.Faas.Tasks;

/// <summary>
/// What a task was accepted as, written once when it is submitted: the submission with its input, and its first
/// attempt, already placed. Until the task's first transition stores a <see cref="TaskRecord"/>, <see cref="First"/> is
/// the task; the input is never written again.
/// </summary>
[GenerateSerializer, Alias("faas.AcceptedTask")]
public sealed class AcceptedTask
{
    [Id(0)]
    public TaskSubmission? Submission { get; set; }

    [Id(1)]
    public TaskRecord First { get; set; } = new();
}
