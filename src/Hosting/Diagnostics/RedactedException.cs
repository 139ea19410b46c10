namespace Opside.Hosting.Diagnostics;

/// <summary>
/// Stands in for a logged exception whose text carries a secret (a password in a connection string, a token in a
/// URL): the same type name, message and stack, with the secret values masked. Sinks render exceptions by
/// <see cref="ToString"/>, so that is where the masking must hold.
/// </summary>
public sealed class RedactedException(Exception original) : Exception(SecretMasking.Redact(original.Message))
{
    private readonly string _text = SecretMasking.Redact(original.ToString());

    /// <summary>The original exception's type, which stays useful for reading the log and carries no secret.</summary>
    public string OriginalType { get; } = original.GetType().FullName ?? original.GetType().Name;

    public override string? StackTrace { get; } = original.StackTrace is { } stack ? SecretMasking.Redact(stack) : null;

    public override string ToString() => _text;
}
