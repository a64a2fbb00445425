using System.Net.Http.Json;

namespace Orleans.Faas.IntegrationTests.Compat.Mpcs;

/// <summary>MPCS's calls as its clients make them: JSON with base64 dill pickles in it.</summary>
public static class MpcsHttp
{
    public const string Base = "/compat/mpcs";

    public static Task<HttpResponseMessage> RegisterFunction(this HttpClient http, string name, string payload) =>
        http.PostAsJsonAsync($"{Base}/register_function", new { name, payload });

    public static Task<HttpResponseMessage> ExecuteFunction(this HttpClient http, string functionId, string payload) =>
        http.PostAsJsonAsync($"{Base}/execute_function", new { function_id = functionId, payload });
}
