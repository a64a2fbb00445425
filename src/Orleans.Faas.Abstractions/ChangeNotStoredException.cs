namespace Orleans.Faas;

/// <summary>
/// A change could not be stored (its database is away), so nothing changed; trying again later may work. Thrown in
/// place of the database's own exception, whose type a gateway without the database's client could not even read.
/// </summary>
[GenerateSerializer, Alias("faas.ChangeNotStoredException")]
public sealed class ChangeNotStoredException(string reason)
    : Exception($"The change could not be stored, so nothing changed: {reason}");
