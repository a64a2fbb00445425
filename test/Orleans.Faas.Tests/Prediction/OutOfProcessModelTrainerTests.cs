using System.Diagnostics;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.OutOfProcess;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;

namespace Orleans.Faas.Tests.Prediction;

[Collection(nameof(AloneOnTheMachine))]
public sealed class OutOfProcessModelTrainerTests
{
    private readonly RecordingLogger<OutOfProcessModelTrainer> _logger = new();

    private OutOfProcessModelTrainer Trainer(string fileName, params string[] arguments) =>
        new(new TrainerCommand(fileName, arguments), TrainingSettings.Default, _logger);

    private OutOfProcessModelTrainer Shell(string script) => Trainer("/bin/sh", "-c", script);

    [Fact]
    public async Task The_silo_program_trains_in_a_child_process_what_this_process_would_train()
    {
        var silo = Checkout.Built("src/Orleans.Faas.Silo", "Orleans.Faas.Silo");
        Assert.True(File.Exists(silo), $"The silo is not built at {silo}.");
        var rows = SyntheticRuns.Generate(40, seed: 31, unknownCache: 0.3);
        var incumbentModel = FastTreeRuntimeModel.Train(SyntheticRuns.Generate(60, seed: 32), TrainingSettings.Default);
        var metrics = new ModelMetrics(1, 0.1, 0.9, 60, 5);
        var incumbent = new StoredModel(new ModelVersionInfo(4, incumbentModel.Kind, DateTimeOffset.UnixEpoch, 60, metrics, metrics, null, true), incumbentModel.Save());

        var child = await Trainer("dotnet", silo, TrainerCommand.Verb).TrainAsync(rows, incumbent, CancellationToken.None);
        var here = await new InProcessModelTrainer(TrainingSettings.Default).TrainAsync(rows, incumbent, CancellationToken.None);

        Assert.Equal(here with { Bytes = [] }, child with { Bytes = [] });
        Assert.Equal(FastTreeRuntimeModel.ResidualKind, child.Kind);
        var childModel = FastTreeRuntimeModel.Load(child.Bytes, TreeTarget.ResidualOverLinear, version: 5);
        var hereModel = FastTreeRuntimeModel.Load(here.Bytes, TreeTarget.ResidualOverLinear, version: 5);
        Assert.All(rows, r => Assert.Equal(hereModel.PredictMs(r.Features), childModel.PredictMs(r.Features)));
        Assert.DoesNotContain(_logger.Entries, e => e.Message.StartsWith("Model trainer:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trainer_that_fails_reports_its_exit_code_and_last_errors_which_are_also_logged()
    {
        var script = "cat > /dev/null; for i in $(seq 1 30); do echo \"line $i\" >&2; done; exit 3";

        var error = await Assert.ThrowsAsync<TrainerFailedException>(() =>
            Shell(script).TrainAsync(SyntheticRuns.Generate(30, seed: 33), null, CancellationToken.None));

        Assert.Equal(3, error.ExitCode);
        Assert.Equal(OutOfProcessModelTrainer.ErrorTailLines, error.ErrorTail.Count);
        Assert.Equal("line 30", error.ErrorTail[^1]);
        Assert.Contains("line 30", error.Message);
        Assert.Equal(30, _logger.Entries.Count(e => e.Message.StartsWith("Model trainer: line", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_trainer_that_dies_before_reading_its_request_reports_its_error()
    {
        // Far more than a pipe holds, so writing the request runs into the closed pipe.
        var rows = SyntheticRuns.Generate(5000, seed: 34);

        var error = await Assert.ThrowsAsync<TrainerFailedException>(() =>
            Shell("echo 'no such verb' >&2; exit 2").TrainAsync(rows, null, CancellationToken.None));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(["no such verb"], error.ErrorTail);
    }

    [Fact]
    public async Task A_trainer_that_writes_no_outcome_is_an_error()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            Shell("cat > /dev/null").TrainAsync(SyntheticRuns.Generate(30, seed: 35), null, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_kills_the_trainer()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Shell("cat > /dev/null; exec sleep 60").TrainAsync(SyntheticRuns.Generate(30, seed: 36), null, cancel.Token));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var started = _logger.Entries.Single(e => e.Values.ContainsKey("ProcessId"));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById((int)started.Values["ProcessId"]!));
    }

    [Fact]
    public void This_program_is_started_again_with_the_train_verb_through_the_same_host()
    {
        var command = TrainerCommand.ForThisProgram();

        Assert.Equal(Environment.ProcessPath, command.FileName);
        Assert.Equal("train", command.Arguments[^1]);
        if (Path.GetFileNameWithoutExtension(command.FileName) == "dotnet")
            Assert.Equal(System.Reflection.Assembly.GetEntryAssembly()!.Location, command.Arguments[0]);
    }
}
