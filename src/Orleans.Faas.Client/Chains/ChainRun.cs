namespace Orleans.Faas.Client;

/// <summary>A chain run: its status, every step, and its output once it completed.</summary>
public sealed record ChainRun
{
    public Guid Id { get; init; }

    public string Chain { get; init; } = "";

    public int ChainVersion { get; init; }

    public ChainRunStatus Status { get; init; }

    /// <summary>The silo the run lives on.</summary>
    public string? Host { get; init; }

    public int InputBytes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The index of the step that failed the run.</summary>
    public int? FailedStep { get; init; }

    /// <summary>Why the run failed, naming the step and its task.</summary>
    public string? Error { get; init; }

    /// <summary>The output as text when it is UTF-8, once completed.</summary>
    public string? Output { get; init; }

    /// <summary>The output's bytes, base64, once completed; <see cref="OutputBytes"/> decodes them.</summary>
    public string? OutputBase64 { get; init; }

    public IReadOnlyList<ChainRunStep> Steps { get; init; } = [];

    /// <summary>How delivering the ended run to its callback URL went; null without one or before it ended.</summary>
    public CallbackDelivery? Callback { get; init; }

    public bool IsFinished => Status is ChainRunStatus.Completed or ChainRunStatus.Failed;

    /// <summary>The output's bytes; null until the run completed.</summary>
    public byte[]? OutputBytes() => OutputBase64 is null ? null : Convert.FromBase64String(OutputBase64);
}

/// <summary>One step of a chain run.</summary>
public sealed record ChainRunStep
{
    public int Index { get; init; }

    public string Function { get; init; } = "";

    public FanOut? FanOut { get; init; }

    /// <summary>The function version it ran; null until it started.</summary>
    public int? FunctionVersion { get; init; }

    /// <summary>Its task; null for a fan-out step or before it started.</summary>
    public Guid? TaskId { get; init; }

    /// <summary>A fan-out step's batch.</summary>
    public Guid? BatchId { get; init; }

    public ChainStepStatus Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? FailureReason { get; init; }

    public string? Error { get; init; }
}
