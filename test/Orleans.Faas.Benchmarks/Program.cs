using System.CommandLine;
using Orleans.Faas.Benchmarks.Batches;
using Orleans.Faas.Benchmarks.Decisions;
using Orleans.Faas.Benchmarks.Latency;
using Orleans.Faas.Benchmarks.Mapping;
using Orleans.Faas.Benchmarks.Placement;
using Orleans.Faas.Benchmarks.Simulation;
using Orleans.Faas.Benchmarks.Faults;
using Orleans.Faas.Benchmarks.KeepAlive;
using Orleans.Faas.Benchmarks.Features;
using Orleans.Faas.Benchmarks.Replay;
using Orleans.Faas.Benchmarks.Soak;
using Orleans.Faas.Benchmarks.Throughput;
using Orleans.Faas.Benchmarks.Training;
using Orleans.Faas.Benchmarks.Triggers;

var gateway = new Option<Uri>("--gateway")
{
    Description = "The running platform's gateway",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
    CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
};
var dockerHost = new Option<string>("--docker-host")
{
    Description = "The Docker engine the platform uses (for the raw baseline)",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock",
};
var image = new Option<string>("--image") { Description = "The image both paths run", DefaultValueFactory = _ => "faas-samples/hello:latest" };
var runs = new Option<int>("--runs") { Description = "Measured runs of each path", DefaultValueFactory = _ => 20 };

var cold = new Command("cold", "Sync invoke through the gateway vs raw docker run --rm of the same image") { gateway, dockerHost, image, runs };
cold.SetAction(parsed => ColdInvokeBenchmark.Run(parsed.GetValue(gateway)!, parsed.GetValue(dockerHost)!, parsed.GetValue(image)!, parsed.GetValue(runs)));

var cluster = new Option<Uri>("--cluster")
{
    Description = "A cluster-mode silo's gateway, for the state benchmark",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:8081"),
    CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
};
var state = new Command("state", "Sync invoke of a process function on an embedded and on a cluster silo vs a raw process spawn") { gateway, cluster, runs };
state.SetAction(parsed => StateCostBenchmark.Run(parsed.GetValue(gateway)!, parsed.GetValue(cluster)!, parsed.GetValue(runs)));

var agent = new Option<string>("--agent")
{
    Description = "The in-container agent binary, for the raw warm baseline",
    DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "agent", "faas-agent"),
};
var tracedGateway = new Option<Uri>("--traced-gateway")
{
    Description = "A silo like the one at --gateway that exports its traces to --otlp-port, for what tracing costs",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:8089"),
    CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
};
var otlpPort = new Option<int>("--otlp-port") { Description = "The loopback port the benchmark takes the traced silo's OTLP exports on", DefaultValueFactory = _ => 4318 };
var warm = new Command("warm", "Sync invoke finding a warm container, untraced and traced, vs a fresh one vs a raw request to a warm container's agent")
{
    gateway, tracedGateway, otlpPort, dockerHost, agent, image, runs,
};
warm.SetAction(parsed => WarmInvokeBenchmark.Run(parsed.GetValue(gateway)!, parsed.GetValue(tracedGateway)!, parsed.GetValue(otlpPort),
    parsed.GetValue(dockerHost)!, parsed.GetValue(agent)!, parsed.GetValue(image)!, parsed.GetValue(runs)));

var concurrency = new Option<int>("--concurrency") { Description = "Operations kept in flight", DefaultValueFactory = _ => 32 };
var seconds = new Option<int>("--seconds") { Description = "How long each scenario runs", DefaultValueFactory = _ => 30 };
var throughput = new Command("throughput", "Async invocations of a no-op function vs raw spawn and raw warm agent requests, at the same concurrency")
{
    gateway, dockerHost, agent, image, concurrency, seconds,
};
throughput.SetAction(parsed => ThroughputBenchmark.Run(parsed.GetValue(gateway)!, parsed.GetValue(dockerHost)!, parsed.GetValue(agent)!,
    parsed.GetValue(image)!, parsed.GetValue(concurrency), TimeSpan.FromSeconds(parsed.GetValue(seconds))));

var python = new Command("python", "A Python no-op: warm invoke vs raw python3 -c pass, and cold invoke vs raw docker run of the Python image") { gateway, dockerHost, runs };
python.SetAction(parsed => PythonInvokeBenchmark.Run(parsed.GetValue(gateway)!, parsed.GetValue(dockerHost)!, parsed.GetValue(runs)));

var root = new RootCommand("Orleans.Faas benchmarks: each compares the platform with a baseline measured in the same run") { cold, warm, throughput, state, python };
root.Add(DecisionsBenchmark.Command());
root.Add(SimulatorBenchmark.Command());
root.Add(FeaturesBenchmark.Command());
root.Add(ReplayBenchmark.Command());
root.Add(TrainingLatencyBenchmark.Command(gateway));
root.Add(PlacementCommand.Create(gateway));
root.Add(MapBenchmark.Command(gateway));
root.Add(BatchBenchmark.Command(gateway));
root.Add(KillSoakBenchmark.Command(gateway));
root.Add(MemorySoakBenchmark.Command(gateway));
root.Add(MqttTriggerBenchmark.Command(gateway));
root.Add(KeepAliveBenchmark.Command());
return await root.Parse(args).InvokeAsync();
