namespace Orleans.Faas.Gateway.Problems;

public sealed class PayloadTooLargeException(long limit)
    : Exception($"The request body is larger than the limit of {limit} bytes.");
