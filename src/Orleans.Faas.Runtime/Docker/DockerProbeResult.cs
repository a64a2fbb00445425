namespace Orleans.Faas.Runtime.Docker;

/// <param name="Answered">The engine replied to a version request in time.</param>
/// <param name="Description">Its version when it answered, else why it did not.</param>
public sealed record DockerProbeResult(bool Answered, string Description);
