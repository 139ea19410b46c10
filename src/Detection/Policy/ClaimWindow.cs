namespace Opside.Detection;

/// <summary>A claim type's window: from anchor + <see cref="OpensAfterDays"/> to anchor + <see cref="ClosesAfterDays"/>, both inclusive.</summary>
public sealed record ClaimWindow(int OpensAfterDays, int ClosesAfterDays);
