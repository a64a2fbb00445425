namespace Orleans.Faas.Callbacks;

/// <summary>A grain (an <see cref="IRemindable"/> one) whose finished work has an outcome to POST to a callback URL.</summary>
public interface ICallbackOwner : IGrainBase
{
    /// <summary>The delivery so far; null without a callback or before the work finished.</summary>
    CallbackStatus? Callback { get; }

    /// <summary>What the key that signs the callback belongs to, for saying so when it is gone: <c>function 'resize'</c>.</summary>
    string CallbackSigner { get; }

    /// <summary>The key that signs the callback, its function's or its chain's; null once that was deleted.</summary>
    Task<string?> GetCallbackSecret();

    /// <summary>The outcome as JSON, the same as the API shows it.</summary>
    byte[] CallbackBody();

    /// <summary>Keeps the delivery's status in the grain's state.</summary>
    Task SaveCallback(CallbackStatus status);
}
