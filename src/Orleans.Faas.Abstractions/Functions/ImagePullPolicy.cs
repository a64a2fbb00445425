namespace Orleans.Faas.Functions;

/// <summary>When a node pulls a function's image before creating its container.</summary>
[GenerateSerializer]
public enum ImagePullPolicy
{
    /// <summary>Pull only when the node does not have the image.</summary>
    IfNotPresent = 0,

    /// <summary>Never pull; a missing image fails the task.</summary>
    Never = 1,

    /// <summary>Pull before every new container, so a moved tag is followed.</summary>
    Always = 2,
}
