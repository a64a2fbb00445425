namespace Orleans.Faas.Chains;

/// <summary>How a chain step splits its input into a batch, and joins the batch's outputs into the next step's input.</summary>
[GenerateSerializer]
public enum FanOut
{
    /// <summary>
    /// One input per line of the previous output (a last line without a newline counts; the newline is not part of the
    /// input); the outputs, each without one trailing newline, joined in input order with a newline after each.
    /// </summary>
    Lines = 0,
}
