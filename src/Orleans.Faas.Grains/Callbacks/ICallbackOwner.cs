namespace Orleans.Faas.Callbacks;

/// <summary>A grain (an <see cref="IRemindable"/> one) whose finished work has an outcome to POST to a callback URL.</summary>
public interface ICallbackOwner : IGrainBase
{
    /// <summary>The delivery so far; null without a callback or before the work finished.</summary>
    CallbackStatus? Callback { get; }

    /// <summary>The function whose secret signs the callback.</summary>
    string Function { get; }

    /// <summary>The outcome as JSON, the same as the API shows it.</summary>
    byte[] CallbackBody();

    /// <summary>Keeps the delivery's status in the grain's state.</summary>
    Task SaveCallback(CallbackStatus status);
}
