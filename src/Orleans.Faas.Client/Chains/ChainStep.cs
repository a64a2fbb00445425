namespace Orleans.Faas.Client;

/// <summary>One step of a chain: a function run on the previous output, or with <see cref="FanOut"/> a batch of it.</summary>
public sealed record ChainStep(string Function, FanOut? FanOut = null)
{
    public static implicit operator ChainStep(string function) => new(function);
}
