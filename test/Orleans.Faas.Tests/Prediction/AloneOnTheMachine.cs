namespace Orleans.Faas.Tests.Prediction;

/// <summary>
/// Tests that run after the others, one at a time: a trainer child process at the lowest priority would wait
/// for the CPU behind the other tests' training, and a timing would measure them.
/// </summary>
[CollectionDefinition(nameof(AloneOnTheMachine), DisableParallelization = true)]
public sealed class AloneOnTheMachine;
