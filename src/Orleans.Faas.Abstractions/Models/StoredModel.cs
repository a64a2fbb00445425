namespace Orleans.Faas.Models;

/// <summary>A trained model as stored: what it is and its serialized bytes.</summary>
[GenerateSerializer, Immutable, Alias("faas.StoredModel")]
public sealed record StoredModel(
    [property: Id(0)] ModelVersionInfo Info,
    [property: Id(1)] byte[] Bytes);
