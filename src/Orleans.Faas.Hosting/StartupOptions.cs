using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Orleans.Faas.Hosting;

/// <summary>
/// Options the host needs while it is being built (ports, names), before ValidateOnStart could run:
/// bound and checked here once, and registered for injection with the same validation.
/// </summary>
public static class StartupOptions
{
    public static T Read<T>(this WebApplicationBuilder builder, string section)
        where T : class, new()
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(section, typeof(T), results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        return options;
    }
}
