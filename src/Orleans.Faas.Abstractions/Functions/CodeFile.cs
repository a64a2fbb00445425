namespace Orleans.Faas.Functions;

/// <summary>A file of code uploaded with a definition: a Python module (<c>.py</c>) or an archive of a package (<c>.zip</c>, <c>.tar.gz</c> or <c>.tgz</c>).</summary>
/// <param name="FileName">The uploaded file's name; its ending says what it is.</param>
/// <param name="Content">The file's bytes.</param>
[GenerateSerializer, Immutable, Alias("faas.CodeFile")]
public sealed record CodeFile([property: Id(0)] string FileName, [property: Id(1)] byte[] Content);
