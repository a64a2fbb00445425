using Docker.DotNet;
using Docker.DotNet.Models;
using Orleans.Faas.Functions;
using Orleans.Faas.Runtime.Benchmarks;
using Orleans.Faas.Runtime.Images;
using Orleans.Faas.Runtime.Python;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Docker;

/// <summary>
/// Makes a function's image present on the node as its pull policy says, or builds it when it is one of the platform's
/// own, and reads the image's configuration.
/// </summary>
internal sealed class FunctionImages(DockerClient client, DockerOptions options)
{
    private readonly PlatformImage[] _platformImages =
    [
        new(client, BenchmarkWorkloads.Image, new ProgramImageContent(options.WorkloadsPath, BenchmarkWorkloads.Program)),
    ];

    private readonly PlatformImage _python = new(client, PythonContainer.Image, new PythonRootfs("/", LinkedLibraries.FindAsync));

    public async Task<Config?> ReadyAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        // A docker function may name the Python image too, to run a command line with its shell and interpreter.
        if (function.Runtime == FunctionRuntime.Python || function.Image == _python.Name)
            return await _python.ReadyAsync(cancellationToken);
        var image = function.Image!;
        // Built here from the node's own binaries: a pull could only fail, or fetch someone else's image of that name.
        if (_platformImages.FirstOrDefault(platform => platform.Name == image) is { } platformImage)
            return await platformImage.ReadyAsync(cancellationToken);
        if (function.PullPolicy == ImagePullPolicy.Always)
            await PullAsync(image, cancellationToken);
        try
        {
            return (await client.Images.InspectImageAsync(image, cancellationToken)).Config;
        }
        catch (DockerImageNotFoundException) when (function.PullPolicy == ImagePullPolicy.IfNotPresent)
        {
            // Pulled below.
        }
        catch (DockerImageNotFoundException e)
        {
            throw new FunctionStartException($"Image '{image}' is not present on this node and its pull policy is {function.PullPolicy}: {DockerErrors.Describe(e)}", e);
        }

        await PullAsync(image, cancellationToken);
        return (await client.Images.InspectImageAsync(image, cancellationToken)).Config;
    }

    private async Task PullAsync(string image, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(options.PullTimeout);
        var progress = new ProgressErrors();
        try
        {
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = image }, null, progress, patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FunctionStartException($"Pulling image '{image}' took longer than {options.PullTimeout.TotalSeconds:0} s.");
        }
        catch (DockerApiException e)
        {
            throw new FunctionStartException($"Pulling image '{image}' failed: {DockerErrors.Describe(e)}", e);
        }
        if (progress.First is { } error)
            throw new FunctionStartException($"Pulling image '{image}' failed: {error}");
    }
}
