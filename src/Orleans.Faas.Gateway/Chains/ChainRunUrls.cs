namespace Orleans.Faas.Gateway.Chains;

public static class ChainRunUrls
{
    public static string Status(string chain, Guid id) => $"/v1/chains/{Uri.EscapeDataString(chain)}/runs/{id}";
}
