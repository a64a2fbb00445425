namespace Orleans.Faas.Cli.Deployment;

/// <summary>One function of a stack file: the HTTP definition's fields, and the code file a python function is uploaded with.</summary>
internal sealed record StackFunction : FunctionDefinition
{
    /// <summary>A <c>.py</c>, <c>.zip</c> or <c>.tar.gz</c> file, relative to the stack file; sent as the registration's code part.</summary>
    public string? CodeFile { get; init; }
}
