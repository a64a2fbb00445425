using OpenTelemetry.Exporter;

namespace Orleans.Faas.Hosting;

/// <summary>Where this host sends its traces (<c>Faas:Telemetry</c>); metrics are scraped at <c>/metrics</c> instead.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Faas:Telemetry";

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Traces are recorded and exported only with an OTLP endpoint; without one nothing listens to the spans.</summary>
    public bool ExportsTraces => Otlp.Endpoint is not null;

    public sealed class OtlpOptions
    {
        /// <summary>
        /// The OTLP receiver, e.g. <c>http://collector:4318</c> for OTLP/HTTP (the traces go to its <c>/v1/traces</c>) or
        /// <c>http://collector:4317</c> for gRPC; null exports nothing.
        /// </summary>
        public Uri? Endpoint { get; set; }

        public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.HttpProtobuf;

        /// <summary>The endpoint the exporter posts to: OTLP/HTTP names the signal in the path, gRPC does not.</summary>
        public Uri TracesEndpoint => Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint!, Endpoint!.AbsolutePath.TrimEnd('/') + "/v1/traces")
            : Endpoint!;
    }
}
