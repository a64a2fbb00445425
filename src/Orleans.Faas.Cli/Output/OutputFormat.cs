namespace Orleans.Faas.Cli.Output;

/// <summary>How results are written to standard output.</summary>
internal enum OutputFormat
{
    /// <summary>Tables, for people.</summary>
    Table,

    /// <summary>The client's models as indented JSON, for scripts.</summary>
    Json,
}
