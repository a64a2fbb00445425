using Microsoft.Extensions.Options;
using Orleans.Faas.DeadLetters;

namespace Orleans.Faas.Tests.DeadLetters;

/// <summary>Embedded mode's dead letters keep the same contract as PostgreSQL's.</summary>
public sealed class InMemoryDeadLettersTests : DeadLettersContract
{
    protected override Task<IDeadLetters> CreateStore(TimeProvider clock) =>
        Task.FromResult<IDeadLetters>(new InMemoryDeadLetters(Options.Create(Bounds), clock));
}
