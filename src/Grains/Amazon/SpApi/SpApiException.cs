namespace Opside.Grains.Amazon.SpApi;

/// <summary>
/// Amazon answered an SP-API call with an error that retrying will not fix (or retries ran out). Carries what
/// Amazon said — status, error code and message, request id — and never a token.
/// </summary>
public sealed class SpApiException(string operation, int status, string? code, string? amazonMessage, string? requestId)
    : Exception($"SP-API {operation} answered {status}{(code is null ? "" : " " + code)}: {amazonMessage ?? "no message"} (request id {requestId ?? "none"}).")
{
    public string Operation { get; } = operation;

    public int Status { get; } = status;

    public string? Code { get; } = code;

    public string? RequestId { get; } = requestId;
}
