namespace Orleans.Faas.Client;

/// <summary>What every long-running operation shares: the id it follows and the client it reads through.</summary>
public abstract class FaasOperation
{
    private readonly FaasClient? _client;

    private protected FaasOperation(FaasClient client, Guid id)
    {
        _client = client;
        Id = id;
    }

    /// <summary>For mocking.</summary>
    protected FaasOperation()
    {
    }

    /// <summary>The id of what the operation follows: a task, a batch, a benchmark job, a chain run.</summary>
    public virtual Guid Id { get; }

    /// <summary>True once what it follows is known to have ended.</summary>
    public abstract bool HasCompleted { get; }

    private protected FaasClient Client => _client ?? throw new InvalidOperationException("This operation was made for mocking; it sends nothing.");
}
