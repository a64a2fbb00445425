using System.Globalization;
using System.Web;

namespace Orleans.Faas.Client;

/// <summary>A gateway path with its query parameters; those without a value are left out.</summary>
internal static class RequestPath
{
    public static string With(string path, params (string Name, object? Value)[] parameters)
    {
        var query = HttpUtility.ParseQueryString(string.Empty);
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
                query[name] = Convert.ToString(value, CultureInfo.InvariantCulture);
        }
        return query.Count == 0 ? path : $"{path}?{query}";
    }
}
