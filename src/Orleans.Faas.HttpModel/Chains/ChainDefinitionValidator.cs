using System.Collections.Immutable;
using Orleans.Faas.Chains;
using Orleans.Faas.HttpModel.Functions;

namespace Orleans.Faas.HttpModel.Chains;

/// <summary>
/// The rules a chain definition must meet before it is stored; shared by the gateway and the grain. Whether its
/// functions exist is checked when a run starts, so chains and their functions can be deployed in any order.
/// </summary>
public static class ChainDefinitionValidator
{
    public const int MaxSteps = 100;

    /// <summary>Field name → problems; empty when the definition is valid.</summary>
    public static ImmutableDictionary<string, string[]> Validate(ChainDefinition definition)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FunctionDefinitionValidator.IsValidQualifiedName(definition.Name))
            errors["name"] = [FunctionDefinitionValidator.NameRule];

        if (definition.Steps.IsDefaultOrEmpty)
            errors["steps"] = ["A chain needs at least one step."];
        else if (definition.Steps.Length > MaxSteps)
            errors["steps"] = [$"A chain has at most {MaxSteps} steps."];
        else
        {
            for (var i = 0; i < definition.Steps.Length; i++)
            {
                var step = definition.Steps[i];
                if (step is null || !FunctionDefinitionValidator.IsValidQualifiedName(step.Function))
                    errors[$"steps[{i}].function"] = ["A step names a function: " + FunctionDefinitionValidator.NameRule];
                else if (step.FanOut is { } fanOut && !Enum.IsDefined(fanOut))
                    errors[$"steps[{i}].fanOut"] = ["Fan-out must be 'lines'."];
            }
        }
        return errors.ToImmutableDictionary();
    }
}
