using System.Text;

namespace Orleans.Faas.IntegrationTests.Runtime;

/// <summary>A run's input and output as the UTF-8 text the tests write and read.</summary>
internal static class RunBytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
