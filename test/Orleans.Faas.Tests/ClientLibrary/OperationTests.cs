using System.Diagnostics;
using System.Net;
using System.Text;
using Orleans.Faas.Client;

namespace Orleans.Faas.Tests.ClientLibrary;

/// <summary>Every long-running operation of the client keeps one contract, the Azure SDK's: a value only once it ended, reads on the interval asked, each read told to progress.</summary>
public sealed class OperationTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    // Timers may fire a little before their due time by the clock a test reads.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    public static TheoryData<string> Kinds => ["task", "batch", "benchmark job", "chain run"];

    public static TheoryData<string> LongPolledKinds => ["task", "batch", "chain run"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task Its_value_throws_until_a_read_shows_it_ended(string kind) => Follow(kind, new ValueUntilEnded());

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task With_a_polling_interval_it_reads_that_often_and_tells_progress_each_read(string kind) => Follow(kind, new PollsOnInterval());

    [Theory]
    [MemberData(nameof(LongPolledKinds))]
    public Task Without_an_interval_it_waits_in_reads_the_gateway_holds_open_and_tells_progress_each_read(string kind) => Follow(kind, new LongPolls());

    [Fact]
    public async Task A_completed_operation_answers_its_value_without_reading_again()
    {
        var gateway = new Script("""{"status":"COMPLETED"}""");
        var operation = new FaasClient(gateway.Client()).GetInvocationOperation(Id);
        var read = await operation.UpdateStatusAsync();

        var waited = await operation.WaitForCompletionAsync(Interval);

        Assert.Same(read, waited);
        Assert.Single(gateway.Requests);
    }

    private static Task Follow(string kind, IContract contract) => kind switch
    {
        "task" => contract.Check(c => c.GetInvocationOperation(Id), """{"status":"RUNNING"}""", """{"status":"COMPLETED"}"""),
        "batch" => contract.Check(c => c.GetBatchOperation(Id), """{"finished":false}""", """{"finished":true}"""),
        "benchmark job" => contract.Check(c => c.GetBenchmarkOperation(Id), """{"isFinished":false}""", """{"isFinished":true}"""),
        "chain run" => contract.Check(c => c.GetChainRunOperation("chain", Id), """{"status":"RUNNING"}""", """{"status":"FAILED"}"""),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private interface IContract
    {
        Task Check<T>(Func<FaasClient, FaasOperation<T>> follow, string running, string ended)
            where T : class;
    }

    private sealed class ValueUntilEnded : IContract
    {
        public async Task Check<T>(Func<FaasClient, FaasOperation<T>> follow, string running, string ended)
            where T : class
        {
            var operation = follow(new FaasClient(new Script(running, ended).Client()));

            Assert.False(operation.HasValue);
            Assert.Throws<InvalidOperationException>(() => operation.Value);
            await operation.UpdateStatusAsync();
            Assert.False(operation.HasCompleted);
            Assert.False(operation.HasValue);
            Assert.Throws<InvalidOperationException>(() => operation.Value);
            var last = await operation.UpdateStatusAsync();
            Assert.True(operation.HasCompleted);
            Assert.True(operation.HasValue);
            Assert.Same(last, operation.Value);
        }
    }

    private sealed class PollsOnInterval : IContract
    {
        public async Task Check<T>(Func<FaasClient, FaasOperation<T>> follow, string running, string ended)
            where T : class
        {
            var gateway = new Script(running, running, ended);
            var operation = follow(new FaasClient(gateway.Client()));
            var progress = new Recorder<T>();

            var value = await operation.WaitForCompletionAsync(Interval, progress);

            Assert.Equal(3, gateway.Requests.Count);
            Assert.All(gateway.Requests, r => Assert.DoesNotContain("waitSeconds", r.Query));
            Assert.All(gateway.Requests.Zip(gateway.Requests.Skip(1)), pair => Assert.InRange(pair.Second.At - pair.First.At, Interval - TimerSlack, TimeSpan.MaxValue));
            Assert.Equal(3, progress.Reports.Count);
            Assert.Same(progress.Reports[^1], value);
            Assert.Same(value, operation.Value);
        }
    }

    private sealed class LongPolls : IContract
    {
        public async Task Check<T>(Func<FaasClient, FaasOperation<T>> follow, string running, string ended)
            where T : class
        {
            var gateway = new Script(running, ended);
            var operation = follow(new FaasClient(gateway.Client()));
            var progress = new Recorder<T>();

            var value = await operation.WaitForCompletionAsync(progress);

            Assert.Equal(2, gateway.Requests.Count);
            Assert.All(gateway.Requests, r => Assert.Contains($"waitSeconds={FaasClient.MaxTaskWait.TotalSeconds}", r.Query));
            Assert.Equal(2, progress.Reports.Count);
            Assert.Same(progress.Reports[^1], value);
        }
    }

    /// <summary>Keeps each report as it is made; <see cref="Progress{T}"/> would post them to the thread pool, to arrive after the wait returned.</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Reports { get; } = [];

        public void Report(T value) => Reports.Add(value);
    }

    /// <summary>A gateway that answers its script in order, repeating the last answer, and notes when each request came.</summary>
    private sealed class Script(params string[] answers)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<(string Query, TimeSpan At)> Requests { get; } = [];

        public HttpClient Client() => new StubGateway(request =>
        {
            Requests.Add((request.RequestUri!.Query, _clock.Elapsed));
            var body = answers[Math.Min(Requests.Count, answers.Length) - 1];
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }).Client();
    }}
