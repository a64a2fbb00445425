using Orleans.Faas.Functions;
using Orleans.Faas.Namespaces;

namespace Orleans.Faas.HttpModel.Functions;

/// <summary>The rules for a function's destinations that need nothing but the definition; that what they name exists is the gateway's check.</summary>
public static class DestinationRules
{
    /// <summary>Each destination the definition names, with the field it is reported under: <c>destinations.onSuccess</c>.</summary>
    public static IEnumerable<(string Field, Destination Destination)> Named(FunctionDestinations? destinations)
    {
        if (destinations?.OnSuccess is { } success)
            yield return ("destinations.onSuccess", success);
        if (destinations?.OnFailure is { } failure)
            yield return ("destinations.onFailure", failure);
    }

    /// <summary>Field → problem, for each destination that does not name exactly one valid function or chain, or names the function itself.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(FunctionDefinition definition)
    {
        foreach (var (field, destination) in Named(definition.Destinations))
        {
            if ((destination.Function is null) == (destination.Chain is null))
                yield return (field, "A destination names exactly one of 'function' and 'chain'.");
            else if (destination.Function is { } function && !FunctionDefinitionValidator.IsValidName(function))
                yield return ($"{field}.function", FunctionDefinitionValidator.NameRule);
            else if (destination.Chain is { } chain && !FunctionDefinitionValidator.IsValidName(chain))
                yield return ($"{field}.chain", FunctionDefinitionValidator.NameRule);
            // Its own outcome as its input would run it without end.
            else if (destination.Function == QualifiedName.LocalName(definition.Name))
                yield return ($"{field}.function", "A function cannot be its own destination.");
        }
    }
}
