namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>A payload that is not a serialized Python object: MPCS answers 400.</summary>
public sealed class MpcsSerializationException(string message) : Exception(message);
