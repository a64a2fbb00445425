namespace Orleans.Faas.Cli.Deployment;

/// <summary>One trigger of a stack file: the HTTP definition's fields; its name is its key.</summary>
internal sealed record StackTrigger : TriggerDefinition;
