using System.Text.Json;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Functions;
using Orleans.Faas.HttpModel.Batches;
using Orleans.Faas.HttpModel.Json;

namespace Orleans.Faas.Batches;

/// <summary>The callback: a finished batch POSTs its snapshot, signed with its function's key, through the <see cref="CallbackOutbox"/>.</summary>
public sealed partial class BatchGrain
{
    CallbackStatus? ICallbackOwner.Callback => Record.Callback;

    string ICallbackOwner.CallbackSigner => $"function '{Record.Function}'";

    Task<string?> ICallbackOwner.GetCallbackSecret() => GrainFactory.GetGrain<IFunctionGrain>(Record.Function).GetCallbackSecret();

    byte[] ICallbackOwner.CallbackBody() => JsonSerializer.SerializeToUtf8Bytes(BatchResponse.From(Snapshot()!), FaasJson.Options);

    async Task ICallbackOwner.SaveCallback(CallbackStatus status)
    {
        Record.Callback = status;
        await Write();
    }
}
