namespace Orleans.Faas;

/// <summary>The grain storage provider every Orleans.Faas grain persists through.</summary>
public static class FaasStorage
{
    public const string Name = "faas";
}
