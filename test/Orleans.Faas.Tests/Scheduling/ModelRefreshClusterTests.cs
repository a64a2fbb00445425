using Microsoft.Extensions.DependencyInjection;
using Orleans.Faas.Models;
using Orleans.Faas.Prediction.Training;
using Orleans.Faas.Prediction.Trees;
using Orleans.Faas.Tests.Cluster;
using Orleans.Faas.Tests.Prediction;

namespace Orleans.Faas.Tests.Scheduling;

[Collection(FaasClusterCollection.Name)]
public sealed class ModelRefreshClusterTests(FaasClusterFixture fixture)
{
    [Fact]
    public async Task A_model_promoted_anywhere_is_predicted_with_on_every_silo_within_the_refresh_interval()
    {
        var rows = SyntheticRuns.Generate(100, seed: 7);
        var model = FastTreeRuntimeModel.Train(rows, TrainingSettings.Default);
        var metrics = new ModelMetrics(1, 0.1, 0.9, rows.Count, 5);
        var stored = await fixture.Models.AddAsync(
            new ModelVersionInfo(0, model.Kind, DateTimeOffset.UtcNow, rows.Count, metrics, metrics, null, Promoted: true),
            model.Save(),
            CancellationToken.None);

        foreach (var silo in fixture.Cluster.Silos)
        {
            var models = silo.ServiceProvider.GetRequiredService<RuntimeModels>();
            await Poll.UntilAsync(
                () => Task.FromResult(models.Current.Version), version => version == stored.Version, 10 * FaasClusterFixture.ModelRefresh,
                $"silo {silo.Name} to predict with version {stored.Version}");
            Assert.Equal(FastTreeRuntimeModel.ResidualKind, models.Current.Kind);
        }
    }
}
