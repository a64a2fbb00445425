namespace Orleans.Faas.Tests.Builds;

/// <summary>
/// A project of the platform as built beside these tests, in their configuration (the test project builds the ones it
/// needs first, without loading them).
/// </summary>
internal static class ProjectBuild
{
    public static string SourceFolder { get; } = Path.Combine(Checkout.Root, "src");

    /// <summary>The project's assembly; <paramref name="assembly"/> when its name is not the project's.</summary>
    public static string Dll(string project, string? assembly = null) =>
        Path.Combine(SourceFolder, project, "bin", Checkout.BuildConfiguration, "net10.0", (assembly ?? project) + ".dll");
}
