using Orleans.Faas.HttpModel.Callbacks;

namespace Orleans.Faas.Callbacks;

/// <summary>A callback's host resolved only to addresses the policy refuses: no connection was tried, and none will be.</summary>
public sealed class CallbackRefusedException() : Exception(CallbackUrlPolicy.Refused);
