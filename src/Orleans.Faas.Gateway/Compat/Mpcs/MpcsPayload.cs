namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>
/// Checks that a payload has the shape of a base64 pickle without loading it: pickles are loaded only in a function's
/// container, since loading one runs code.
/// </summary>
public static class MpcsPayload
{
    // Every pickle ends with the STOP opcode.
    private const byte Stop = (byte)'.';

    /// <exception cref="MpcsSerializationException">The payload is missing, not base64, or not a pickle.</exception>
    public static string Checked(string? payload, string field)
    {
        if (string.IsNullOrWhiteSpace(payload))
            throw new MpcsSerializationException($"'{field}' is required: base64 of a dill pickle.");
        var bytes = new byte[payload.Length];
        if (!Convert.TryFromBase64String(payload.Trim(), bytes, out var length))
            throw new MpcsSerializationException($"'{field}' is not base64.");
        if (length == 0 || bytes[length - 1] != Stop)
            throw new MpcsSerializationException($"'{field}' is base64 but not of a pickle.");
        return payload.Trim();
    }
}
