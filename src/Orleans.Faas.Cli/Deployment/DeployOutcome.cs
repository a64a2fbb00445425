namespace Orleans.Faas.Cli.Deployment;

/// <summary>What deploying one function of a stack file did.</summary>
internal sealed record DeployOutcome(string Name, DeployChange Change, int? PreviousVersion, int Version, IReadOnlyList<FieldChange> Changes)
{
    public static DeployOutcome Of(FunctionVersion? before, FunctionRegistration registration)
    {
        var after = registration.Function;
        return (before, registration.Created) switch
        {
            (null, _) => new(after.Name, DeployChange.Created, null, after.Version, []),
            (_, false) => new(after.Name, DeployChange.Unchanged, before.Version, after.Version, []),
            _ => new(after.Name, DeployChange.Updated, before.Version, after.Version, FieldChange.Between(before, after)),
        };
    }

    public override string ToString() => Change switch
    {
        DeployChange.Created => $"{Name}: created v{Version}",
        DeployChange.Unchanged => $"{Name}: unchanged v{Version}",
        _ => $"{Name}: updated v{PreviousVersion} → v{Version}" + string.Concat(Changes.Select(c => $"\n  {c}")),
    };
}

internal enum DeployChange
{
    Created,
    Unchanged,
    Updated,
}

/// <summary>What deploying one trigger of a stack file did.</summary>
internal sealed record TriggerDeployOutcome(string Trigger, DeployChange Change)
{
    public static TriggerDeployOutcome Of(Trigger? before, TriggerRegistration registration) => new(
        registration.Trigger.Name,
        before is null ? DeployChange.Created : before.UpdatedAt == registration.Trigger.UpdatedAt ? DeployChange.Unchanged : DeployChange.Updated);

    public override string ToString() => $"trigger {Trigger}: {Change.ToString().ToLowerInvariant()}";
}
