namespace Orleans.Faas.Client;

/// <summary>When a node pulls a docker function's image.</summary>
public enum ImagePullPolicy
{
    IfNotPresent,
    Never,
    Always,
}
