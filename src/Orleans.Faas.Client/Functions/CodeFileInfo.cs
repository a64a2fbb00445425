namespace Orleans.Faas.Client;

/// <summary>A code file uploaded with a function version: its name, size and SHA-256 (hex).</summary>
public sealed record CodeFileInfo(string FileName, int Bytes, string Sha256);
