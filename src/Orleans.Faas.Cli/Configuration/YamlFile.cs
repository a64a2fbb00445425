using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Orleans.Faas.Cli.Configuration;

/// <summary>
/// Reads faas's YAML files (stack files, the config file) into typed objects: camelCase keys, enums spelled as the
/// gateway spells them, and every mistake (an unknown or repeated key, a value of the wrong type) a usage error that
/// says where it is.
/// </summary>
internal static partial class YamlFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        // least-loaded and round-robin as the API spells them; camelCase names such as ifNotPresent need no hyphen.
        .WithEnumNamingConvention(HyphenatedNamingConvention.Instance)
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyList<int>, List<int>>()
        .WithTypeMapping<IReadOnlyDictionary<string, string>, Dictionary<string, string>>()
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static void Write<T>(TextWriter writer, T value) => Serializer.Serialize(writer, value);

    public static T Read<T>(string path)
        where T : class, new()
    {
        try
        {
            using var reader = File.OpenText(path);
            return Deserializer.Deserialize<T?>(reader) ?? new T();
        }
        catch (YamlException e)
        {
            var message = (e.InnerException ?? e).Message;
            if (UnknownKey().Match(message) is { Success: true } unknown)
                message = $"unknown key '{unknown.Groups["key"].Value}'";
            throw CliException.Usage($"{path}:{e.Start.Line}:{e.Start.Column}: {message}");
        }
    }

    [GeneratedRegex("^Property '(?<key>[^']*)' not found on type")]
    private static partial Regex UnknownKey();
}
