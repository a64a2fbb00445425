namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>A task id that is no UUID, so no task's: MPCS answers 404.</summary>
public sealed class MpcsUnknownTaskException(string id) : Exception($"Task '{id}' does not exist.");
