namespace Opside.Grains.Errors;

/// <summary>
/// A request a grain refuses for a reason the caller can act on. The API's one exception handler answers each kind
/// with its own problem status (docs/architecture.md, "Errors"), so a grain need not know about HTTP and no refusal
/// reaches a client as a 500. Orleans carries the type and message from silo to client.
/// </summary>
[GenerateSerializer]
public abstract class DomainException : Exception
{
    protected DomainException(string message) : base(message) { }
}

/// <summary>The thing asked for does not exist (or belongs to someone else, which the caller must not learn): 404.</summary>
[GenerateSerializer, Alias("opside.errors.not-found")]
public sealed class ResourceNotFoundException(string message) : DomainException(message);

/// <summary>The request contradicts the current state (already taken, already issued, out of order): 409.</summary>
[GenerateSerializer, Alias("opside.errors.conflict")]
public sealed class StateConflictException(string message) : DomainException(message);

/// <summary>The request itself is malformed or out of range: 400.</summary>
[GenerateSerializer, Alias("opside.errors.invalid-request")]
public sealed class InvalidRequestException(string message) : DomainException(message);

/// <summary>The request is well formed but needs an Amazon connection the seller does not have: 422.</summary>
[GenerateSerializer, Alias("opside.errors.not-connected")]
public sealed class NotConnectedException(string message) : DomainException(message);

/// <summary>A provider Opside depends on (Stripe) failed or could not be reached; nothing was lost and a retry is safe: 503.</summary>
[GenerateSerializer, Alias("opside.errors.provider-unavailable")]
public sealed class ProviderUnavailableException(string message) : DomainException(message);
