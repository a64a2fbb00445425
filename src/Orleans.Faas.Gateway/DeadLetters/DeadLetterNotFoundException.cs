namespace Orleans.Faas.Gateway.DeadLetters;

public sealed class DeadLetterNotFoundException(string function, Guid id)
    : Exception($"Function '{function}' has no dead letter '{id}'; it may have been replayed, deleted, or dropped past the retention or count.");
