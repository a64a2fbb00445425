namespace Orleans.Faas.Scheduling;

public static class SchedulerPools
{
    public const string Default = "default";
}
