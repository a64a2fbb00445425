using System.Formats.Tar;

namespace Orleans.Faas.Runtime.Images;

/// <summary>What an image the node builds itself holds: one layer it writes, the hash that labels it, and its configuration.</summary>
internal interface IImageContent
{
    /// <summary>Where the content comes from, for error messages.</summary>
    string Origin { get; }

    /// <summary>Dockerfile instructions for the image's configuration (<c>CMD</c>, <c>ENV</c>), besides its content label.</summary>
    IReadOnlyList<string> Changes { get; }

    /// <summary>Lower-case hex SHA-256 over everything the layer holds; an image with another label is built again.</summary>
    /// <exception cref="Runners.FunctionStartException">The node lacks what the content is made from.</exception>
    Task<string> HashAsync(CancellationToken cancellationToken);

    Task WriteLayerAsync(TarWriter layer, CancellationToken cancellationToken);
}
