namespace Orleans.Faas.HttpModel.Tasks;

public static class TaskUrls
{
    public static string Status(Guid id) => $"/v1/tasks/{id}";

    public static string Result(Guid id) => $"/v1/tasks/{id}/result";

    public static string Logs(Guid id) => $"/v1/tasks/{id}/logs";
}
