using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Faas.Batches;
using Orleans.Faas.Benchmarks;
using Orleans.Faas.Chains;
using Orleans.Faas.Functions;
using Orleans.Faas.Callbacks;
using Orleans.Faas.DeadLetters;
using Orleans.Faas.History;
using Orleans.Faas.HttpModel.Callbacks;
using Orleans.Faas.Profiles;
using Orleans.Faas.Providers;
using Orleans.Faas.Runtime.Runners;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.OutOfProcess;
using Orleans.Faas.Prediction.Store;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Retention;
using Orleans.Faas.Scheduling;
using Orleans.Faas.Secrets;
using Orleans.Faas.Runtime.Secrets;
using Orleans.Faas.Scheduling.Policies;
using Orleans.Faas.Scheduling.View;
using Orleans.Faas.Tasks;
using Orleans.Faas.Telemetry;
using Orleans.Faas.Triggers;
using Orleans.Faas.Triggers.Mqtt;
using Orleans.Faas.Workers;

namespace Orleans.Faas;

public static class FaasGrainsSiloBuilderExtensions
{
    /// <summary>
    /// What every silo needs for the Orleans.Faas grains; storage, reminders and runners are the host's choice.
    /// The execution history and the dead letters stay in memory unless the host registered others first.
    /// </summary>
    public static ISiloBuilder AddFaasGrains(this ISiloBuilder silo)
    {
        silo.AddPlacementDirector<ProviderSiloPlacement, ProviderSiloPlacementDirector>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton<FaasMetrics>();
        silo.Services.TryAddSingleton<IExecutionHistory, InMemoryExecutionHistory>();
        silo.Services.TryAddSingleton<IDeadLetters, InMemoryDeadLetters>();
        silo.Services.AddSingleton<NodeWorker>();
        silo.Services.AddSingleton<NodeCode>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, NodeWorkerShutdown>();
        silo.Services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
            host.ShutdownTimeout = worker.Value.HostShutdownTimeout);
        silo.Services.AddHostedService<ProviderLossWatcher>();
        silo.Services.AddSingleton<ProviderMembershipSweep>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s =>
            s.GetRequiredService<ProviderMembershipSweep>().Schedule(s.GetRequiredService<TimeProvider>()));
        silo.Services.AddSingleton<ProfileObservations>();
        silo.Services.AddHostedService<ProfileLearner>();
        silo.Services.AddSingleton<BenchmarkPlanner>();
        silo.Services.AddSingleton<BenchmarkRuns>();
        silo.Services.AddSingleton<BenchmarkCallbacks>();
        silo.Services.AddSingleton<ChainSteps>();
        // Data Protection itself is the host's choice: its key ring must be one the whole cluster reads.
        silo.Services.AddSingleton<SecretCipher>();
        silo.Services.AddSingleton<NodeSecretValues>();
        silo.Services.AddSingleton<ISecretValues>(s => s.GetRequiredService<NodeSecretValues>());
        silo.Services.AddSingleton<Expiry>();
        silo.Services.AddCallbackSender();
        silo.Services.AddSingleton<CallbackHandover>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<CallbackHandover>());
        silo.Services.AddSingleton<CallbackDelivery>();
        silo.Services.AddTransient<CallbackOutbox>();
        // Orleans refuses a reminder period below this floor and warns at every start when it is set below its default
        // of a minute: it is lowered only as far as a configured period asks, which the defaults do not.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<ChainOptions>, IOptions<CallbackOptions>, IOptions<BatchOptions>, IOptions<TriggerOptions>>((o, chains, callbacks, batches, triggers) =>
            o.MinimumReminderPeriod = new[] { o.MinimumReminderPeriod, chains.Value.WakeUpPeriod, callbacks.Value.ResumeEvery, batches.Value.ReconcileEvery, triggers.Value.KeepAliveEvery }.Min());
        // Orleans keeps a stopped entry of every removed reminder until its next read of the reminder table, and every
        // grain that removes its reminder once its work is done (a delivered callback, a finished batch or chain run)
        // leaves one: read it every half minute rather than every five, so they stay few.
        silo.Services.Configure<ReminderOptions>(o => o.RefreshReminderListPeriod = TimeSpan.FromSeconds(30));
        // Tasks are many and short-lived; a cached location leaves only when the cache is full or it is read again, so
        // Orleans' default of a million would hold a quarter of a gigabyte of locations of grains long gone.
        silo.Services.Configure<Orleans.Configuration.GrainDirectoryOptions>(o => o.CacheSize = 10_000);
        silo.Services.AddSingleton<ProviderView>();
        silo.Services.AddSingleton<ProviderViewFeed>();
        silo.Services.AddSingleton<IProviderViewRefresh>(s => s.GetRequiredService<ProviderViewFeed>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s =>
            s.GetRequiredService<ProviderViewFeed>().Schedule(s.GetRequiredService<TimeProvider>()));
        silo.Services.AddSingleton<PredictionCorrections>();
        silo.Services.AddSingleton<FinishEstimator>();
        silo.Services.AddSingleton<IPlacementPolicy, PredictivePolicy>();
        silo.Services.AddSingleton<IPlacementPolicy, LeastLoadedPolicy>();
        silo.Services.AddSingleton<IPlacementPolicy, RoundRobinPolicy>();
        silo.Services.AddSingleton<IPlacementPolicy, RandomPolicy>();
        silo.Services.AddSingleton<IPlacementPolicy, FastestPolicy>();
        silo.Services.AddSingleton<IPlacementPolicy, LocalPolicy>();
        silo.Services.AddSingleton<Placer>();
        silo.Services.TryAddSingleton<IModelStore, InMemoryModelStore>();
        silo.Services.AddSingleton<RuntimeModels>();
        silo.Services.AddSingleton<TrainingRows>();
        silo.Services.AddSingleton<ModelRefresh>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<ModelRefresh>().Schedule(s.GetRequiredService<TimeProvider>()));
        silo.Services.AddSingleton(s => TrainingSettings.Default with { Window = s.GetRequiredService<IOptions<ModelOptions>>().Value.Window });
        silo.Services.AddSingleton<IModelTrainer>(s => s.GetRequiredService<IOptions<ModelOptions>>().Value.OutOfProcess
            ? ActivatorUtilities.CreateInstance<OutOfProcessModelTrainer>(s, TrainerCommand.ForThisProgram())
            : ActivatorUtilities.CreateInstance<InProcessModelTrainer>(s));
        silo.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<TaskOptions>().BindConfiguration(TaskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<DeadLetterOptions>().BindConfiguration(DeadLetterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<TriggerOptions>().BindConfiguration(TriggerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return silo;
    }
}
