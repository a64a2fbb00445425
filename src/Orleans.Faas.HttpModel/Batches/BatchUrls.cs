namespace Orleans.Faas.HttpModel.Batches;

public static class BatchUrls
{
    public static string Status(Guid id) => $"/v1/batches/{id}";
}
