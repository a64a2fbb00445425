using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>What went wrong talking to the engine, said in one line a user can act on.</summary>
internal static class DockerErrors
{
    /// <summary>The engine could not be reached or stopped answering, as opposed to answering with an error.</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException;

    /// <summary>The engine's own message when it sent one (its JSON body), else the messages of the exception chain.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is DockerApiException { ResponseBody: { Length: > 0 } body })
            return EngineMessage(body);
        if (exception is OperationCanceledException)
            return "no answer in time";

        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
                messages.Add(e.Message);
        }
        return string.Join(": ", messages);
    }

    /// <summary>Why an endpoint did not answer, naming the missing socket file when that is the reason.</summary>
    public static string WhyUnreachable(string endpoint, Exception exception)
    {
        var why = Describe(exception);
        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == "unix" && !File.Exists(uri.LocalPath)
            ? $"{why} (there is no socket at {uri.LocalPath})"
            : why;
    }

    private static string EngineMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                && message.GetString() is { Length: > 0 } text)
                return text;
        }
        catch (JsonException)
        {
            // Not the engine's JSON error shape; the body as it came says more than nothing.
        }
        return body.Trim();
    }
}
