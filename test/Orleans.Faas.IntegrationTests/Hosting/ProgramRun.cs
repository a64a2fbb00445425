using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Faas.IntegrationTests.Hosting;

/// <summary>How a program run ended: its exit code, the bytes it wrote to standard output, and its standard error.</summary>
public sealed record ProgramRun(int ExitCode, byte[] Output, string Errors)
{
    public string Text => Encoding.UTF8.GetString(Output);

    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException($"No JSON on standard output: {this}");

    /// <summary>The whole run, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\nstdout: {Text}\nstderr: {Errors}";
}
