namespace Opside.DataPlane.Payloads;

/// <summary>
/// A response body that is not the payload asked for: an SP-API error body (<c>{"errors":[…]}</c>), malformed JSON,
/// or a value a row cannot do without (the message gives its JSON path).
/// </summary>
public sealed class PayloadFormatException : Exception
{
    public PayloadFormatException()
    {
    }

    public PayloadFormatException(string message)
        : base(message)
    {
    }

    public PayloadFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
