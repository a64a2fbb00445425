namespace Orleans.Faas.Client;

/// <summary>How a chain step splits its input into a batch and joins the batch's outputs.</summary>
public enum FanOut
{
    /// <summary>One input per line of the previous output; the outputs, one line each, in input order.</summary>
    Lines,
}
